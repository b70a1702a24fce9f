#include "chatsession.h"

#include "apiclient.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTimer>
#include <QUrlQuery>

namespace synapscale {

namespace {
constexpr int kPageSize = 50;

QString conversationPath(const QString &id, const QString &rest = {})
{
    return QStringLiteral("/api/v1/conversations/") + QString::fromLatin1(QUrl::toPercentEncoding(id)) + rest;
}
} // namespace

ChatSession::ChatSession(QObject *parent)
    : QObject(parent)
{
    auto *api = ApiClient::create(nullptr, nullptr);
    connect(api, &ApiClient::eventReceived, this, &ChatSession::onEvent);
    // Events missed while the live channel was down are caught up from the history.
    connect(api, &ApiClient::liveChanged, this, [this, api] {
        if (api->live() && !m_conversationId.isEmpty())
            reload();
    });
}

void ChatSession::setConversationId(const QString &id)
{
    if (id == m_conversationId)
        return;
    ++m_generation;
    m_conversationId = id;
    m_title.clear();
    m_agentId.clear();
    m_workflowId.clear();
    m_provider.clear();
    m_model.clear();
    m_replyId.clear();
    m_error.clear();
    m_hasMore = false;
    m_messages.clear();
    Q_EMIT conversationChanged();
    Q_EMIT stateChanged();
    if (id.isEmpty())
        return;
    const int generation = m_generation;
    ApiClient::create(nullptr, nullptr)->get(conversationPath(id), this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            setError(reply.error);
            return;
        }
        const QVariantMap c = reply.data.toMap();
        m_title = c.value(QStringLiteral("title")).toString();
        m_agentId = c.value(QStringLiteral("agent_id")).toString();
        m_workflowId = c.value(QStringLiteral("workflow_id")).toString();
        m_provider = c.value(QStringLiteral("provider")).toString();
        m_model = c.value(QStringLiteral("model")).toString();
        Q_EMIT conversationChanged();
    });
    reload();
}

// One page of history (the latest, or the one before a message), handed to `apply` unless
// another conversation was opened meanwhile.
void ChatSession::fetchPage(const QString &before, std::function<void(const QVariantList &items)> apply)
{
    const int generation = m_generation;
    m_loading = true;
    Q_EMIT stateChanged();
    QUrlQuery query;
    if (!before.isEmpty())
        query.addQueryItem(QStringLiteral("before"), before);
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPageSize));
    ApiClient::create(nullptr, nullptr)->get(conversationPath(m_conversationId, QStringLiteral("/messages?") + query.toString(QUrl::FullyEncoded)), this,
                                             [this, generation, apply = std::move(apply)](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!reply.ok()) {
            setError(reply.error);
            return;
        }
        const QVariantMap page = reply.data.toMap();
        m_hasMore = page.value(QStringLiteral("has_more")).toBool();
        apply(page.value(QStringLiteral("items")).toList());
        Q_EMIT stateChanged();
    });
}

void ChatSession::reload()
{
    if (m_conversationId.isEmpty())
        return;
    fetchPage({}, [this](const QVariantList &items) {
        m_messages.reset(items);
        m_replyId.clear();
        if (!items.isEmpty()) {
            const QVariantMap last = items.constLast().toMap();
            if (last.value(QStringLiteral("status")).toString() == QLatin1String("streaming"))
                m_replyId = last.value(QStringLiteral("id")).toString();
        }
    });
}

void ChatSession::loadOlder()
{
    const QString first = m_messages.firstMessageId();
    if (m_conversationId.isEmpty() || !m_hasMore || m_loading || first.isEmpty())
        return;
    fetchPage(first, [this](const QVariantList &items) { m_messages.prepend(items); });
}

void ChatSession::send(const QString &text)
{
    const QString content = text.trimmed();
    if (content.isEmpty() || m_conversationId.isEmpty())
        return;
    posted("POST", conversationPath(m_conversationId, QStringLiteral("/messages")), QVariantMap{{QStringLiteral("content"), content}});
}

void ChatSession::regenerate()
{
    if (m_conversationId.isEmpty() || replying() || !m_messages.truncateAfterLastUserMessage())
        return;
    posted("POST", conversationPath(m_conversationId, QStringLiteral("/regenerate")), {});
}

void ChatSession::editAndResend(const QString &messageId, const QString &text)
{
    const QString content = text.trimmed();
    if (content.isEmpty() || m_conversationId.isEmpty() || replying() || !m_messages.truncateAfter(messageId))
        return;
    m_messages.setContent(messageId, content);
    posted("PATCH", conversationPath(m_conversationId, QStringLiteral("/messages/") + messageId), QVariantMap{{QStringLiteral("content"), content}});
}

void ChatSession::posted(const QByteArray &verb, const QString &path, const QVariant &body)
{
    const int generation = m_generation;
    setError({});
    ApiClient::create(nullptr, nullptr)->send(verb, path, body, this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            setError(reply.error);
            reload(); // what the server kept (an edit or regenerate it refused changed nothing)
            return;
        }
        const QVariantMap ids = reply.data.toMap();
        const QString replyId = ids.value(QStringLiteral("reply_message_id")).toString();
        const QString messageId = ids.value(QStringLiteral("message_id")).toString();
        // The events of this reply travel on the WebSocket and may come a moment after this
        // answer; only when they still have not come did the live channel miss them.
        QTimer::singleShot(m_messages.contains(replyId) ? 0 : 500, this, [this, generation, messageId, replyId] {
            if (generation != m_generation)
                return;
            if (!m_messages.contains(messageId) || !m_messages.contains(replyId)) {
                reload();
                return;
            }
            const int at = m_messages.indexOf(replyId);
            if (m_messages.data(m_messages.index(at), ChatMessageModel::StatusRole).toString() == QLatin1String("streaming"))
                setReplying(replyId);
        });
    });
}

void ChatSession::stop()
{
    if (m_conversationId.isEmpty() || !replying())
        return;
    ApiClient::create(nullptr, nullptr)->send("POST", conversationPath(m_conversationId, QStringLiteral("/stop")), {}, this, [this](const ApiReply &reply) {
        if (!reply.ok() && reply.status != 409)
            setError(reply.error);
    });
}

void ChatSession::onEvent(const QString &type, const QVariantMap &data)
{
    if (!type.startsWith(QLatin1String("message.")))
        return;
    const bool completed = type == QLatin1String("message.completed");
    const QVariantMap message = completed ? data.value(QStringLiteral("message")).toMap() : data;
    if (message.value(QStringLiteral("conversation_id")).toString() != m_conversationId || m_conversationId.isEmpty())
        return;
    if (type == QLatin1String("message.created")) {
        m_messages.upsert(message);
        if (message.value(QStringLiteral("status")).toString() == QLatin1String("streaming"))
            setReplying(message.value(QStringLiteral("id")).toString());
    } else if (type == QLatin1String("message.delta")) {
        const QString replyId = data.value(QStringLiteral("message_id")).toString();
        if (data.contains(QStringLiteral("text")))
            m_messages.appendText(replyId, data.value(QStringLiteral("text")).toString());
        else if (data.contains(QStringLiteral("tool_call")))
            m_messages.toolCalled(replyId, data.value(QStringLiteral("tool_call")).toMap());
        else if (data.contains(QStringLiteral("tool_result")))
            m_messages.toolAnswered(replyId, data.value(QStringLiteral("tool_result")).toMap());
    } else if (completed) {
        const QString id = message.value(QStringLiteral("id")).toString();
        m_messages.upsert(message);
        const QString title = data.value(QStringLiteral("title")).toString();
        if (!title.isEmpty() && title != m_title) {
            m_title = title;
            Q_EMIT conversationChanged();
        }
        if (id == m_replyId)
            setReplying({});
        Q_EMIT replyFinished(id, message.value(QStringLiteral("status")).toString());
    }
}

void ChatSession::setReplying(const QString &replyId)
{
    if (replyId == m_replyId)
        return;
    m_replyId = replyId;
    Q_EMIT stateChanged();
}

void ChatSession::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT stateChanged();
}

void ChatSession::dismissError()
{
    setError({});
}

void ChatSession::copyText(const QString &text) const
{
    QGuiApplication::clipboard()->setText(text);
}

} // namespace synapscale
