#include "eventbatcher.h"

#include <QTimer>

namespace synapscale {

void EventBatcher::post(const QString &ownerId, const QString &type, const nlohmann::json &data)
{
    const bool text = type == QLatin1String("message.delta") && data.contains("text") && data["text"].is_string();
    std::string messageId;
    if (data.is_object()) {
        const nlohmann::json &message = data.contains("message") && data["message"].is_object() ? data["message"] : data;
        messageId = message.value("message_id", message.value("id", std::string()));
    }
    QMutexLocker lock(&m_mutex);
    if (text) {
        if (const auto it = m_openText.constFind(messageId); it != m_openText.constEnd()) {
            m_queue[*it].data["text"].get_ref<std::string &>() += data["text"].get<std::string>();
            return; // a flush is already on its way
        }
        m_openText.insert(messageId, m_queue.size());
    } else if (!messageId.empty()) {
        m_openText.remove(messageId); // later text must come after this event
    }
    m_queue.push_back({ownerId, type, data});
    if (m_flushPosted || !m_target)
        return;
    m_flushPosted = true;
    // Right after a flush, wait out the rest of the window: under load the receiving thread then
    // wakes a few hundred times a second instead of once per token.
    const qint64 wait = m_sinceFlush.isValid() ? qMax<qint64>(0, kWindowMs - m_sinceFlush.elapsed()) : 0;
    QMetaObject::invokeMethod(m_target, [self = shared_from_this(), wait] {
        if (wait == 0)
            self->flush();
        else
            QTimer::singleShot(int(wait), Qt::PreciseTimer, self->m_target, [self] { self->flush(); });
    }, Qt::QueuedConnection);
}

void EventBatcher::flush()
{
    std::vector<Event> events;
    {
        QMutexLocker lock(&m_mutex);
        events.swap(m_queue);
        m_openText.clear();
        m_flushPosted = false;
        m_sinceFlush.start();
    }
    for (const Event &e : events)
        m_deliver(e.ownerId, e.type, e.data);
}

} // namespace synapscale
