#pragma once

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace synapscale {

// Carries events from any thread to the thread of `target` in order, merging consecutive text
// deltas of one message that are still waiting there into one event. Deliveries are at least
// kWindowMs apart: an event after a quiet spell leaves at once, while hundreds of streams at once
// (measured: 10,000 deltas/s) cost a few hundred wake-ups of the receiving thread per second
// instead of one per token, and fewer, larger frames.
// Make it with std::make_shared: a pending flush keeps it alive.
class EventBatcher : public std::enable_shared_from_this<EventBatcher> {
public:
    using Deliver = std::function<void(const QString &ownerId, const QString &type, const nlohmann::json &data)>;
    EventBatcher(QObject *target, Deliver deliver) : m_target(target), m_deliver(std::move(deliver)) {}

    void post(const QString &ownerId, const QString &type, const nlohmann::json &data);

private:
    struct Event {
        QString ownerId;
        QString type;
        nlohmann::json data;
    };
    void flush();
    static constexpr qint64 kWindowMs = 2;

    QPointer<QObject> m_target;
    Deliver m_deliver;
    QMutex m_mutex;
    std::vector<Event> m_queue;
    QHash<std::string, std::size_t> m_openText; // message id → its text delta still in the queue
    bool m_flushPosted = false;
    QElapsedTimer m_sinceFlush;
};

} // namespace synapscale
