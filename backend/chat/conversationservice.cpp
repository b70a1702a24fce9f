#include "conversationservice.h"

#include "chat/agentservice.h"
#include "chat/chatworkflows.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/rows.h"

#include <QPointer>

#include <set>

namespace synapscale {

namespace {
using nlohmann::json;

constexpr auto kConvColumns = "id, owner_id, title, title_is_auto, agent_id, provider, model, created_at, updated_at, workflow_id";
constexpr auto kInsertConv = "INSERT INTO conversations (id, owner_id, title, title_is_auto, agent_id, provider, model, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kSelectConv = "SELECT %1 FROM conversations WHERE id = ? AND owner_id = ?";
// A search matches the title or any message's text.
#define SYNAPSCALE_CONV_MATCH \
    "(? = '' OR LOWER(title) LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id " \
    "AND LOWER(m.content) LIKE ? ESCAPE '!'))"
constexpr auto kListConv = "SELECT %1 FROM conversations WHERE owner_id = ? AND " SYNAPSCALE_CONV_MATCH " ORDER BY updated_at DESC LIMIT ? OFFSET ?";
constexpr auto kCountConv = "SELECT COUNT(*) FROM conversations WHERE owner_id = ? AND " SYNAPSCALE_CONV_MATCH;
#undef SYNAPSCALE_CONV_MATCH
constexpr auto kUpdateConv = "UPDATE conversations SET title = ?, title_is_auto = ?, agent_id = ?, provider = ?, model = ?, workflow_id = ?, updated_at = ? "
                             "WHERE id = ? AND owner_id = ?";
constexpr auto kTouchConv = "UPDATE conversations SET updated_at = ? WHERE id = ?";
constexpr auto kDeleteConv = "DELETE FROM conversations WHERE id = ? AND owner_id = ?";

constexpr auto kMsgColumns = "id, conversation_id, seq, role, content, status, tool_calls, tool_call_id, usage, error, created_at";
constexpr auto kInsertMsg = "INSERT INTO messages (id, conversation_id, seq, role, content, status, tool_calls, tool_call_id, usage, error, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kNextSeq = "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?";
constexpr auto kPage = "SELECT %1 FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";
constexpr auto kSeqOf = "SELECT seq FROM messages WHERE id = ? AND conversation_id = ?";
constexpr auto kSelectMsg = "SELECT %1 FROM messages WHERE id = ? AND conversation_id = ?";
constexpr auto kRecent = "SELECT %1 FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";
constexpr auto kLastUser = "SELECT %1 FROM messages WHERE conversation_id = ? AND role = 'user' ORDER BY seq DESC LIMIT 1";
constexpr auto kDeleteAfter = "DELETE FROM messages WHERE conversation_id = ? AND seq > ?";
constexpr auto kFinishMsg = "UPDATE messages SET content = ?, status = ?, usage = ?, error = ?, seq = ? WHERE id = ?";
constexpr auto kEditMsg = "UPDATE messages SET content = ? WHERE id = ?";
constexpr auto kInterrupted = "UPDATE messages SET status = 'incomplete', error = 'The server stopped while this reply was being written' WHERE status = 'streaming'";
constexpr int kMaxContent = 200000;

ConversationRecord convFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(), q.value(4).toString(),
            q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), q.value(8).toString(), q.value(9).toString()};
}

json parsedOrNull(const QVariant &v)
{
    if (v.isNull())
        return nullptr;
    json j = json::parse(v.toString().toStdString(), nullptr, false);
    return j.is_discarded() ? json(nullptr) : j;
}

MessageRecord msgFrom(const QSqlQuery &q)
{
    MessageRecord m;
    m.id = q.value(0).toString();
    m.conversationId = q.value(1).toString();
    m.seq = q.value(2).toInt();
    m.role = q.value(3).toString();
    m.content = q.value(4).toString();
    m.status = q.value(5).toString();
    m.toolCalls = parsedOrNull(q.value(6));
    m.toolCallId = q.value(7).toString();
    m.usage = parsedOrNull(q.value(8));
    m.error = q.value(9).toString();
    m.createdAt = q.value(10).toString();
    return m;
}

using rows::nullable;

QVariant jsonOrNull(const json &v)
{
    return v.is_null() ? QVariant() : QVariant(QString::fromStdString(v.dump()));
}

Error notFound()
{
    return Error::make(QStringLiteral("not_found"), QStringLiteral("No such conversation"));
}

// A title from the first thing the user said: its first line, cut at a word near 60 characters.
QString titleFrom(const QString &text)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > 60) {
        const qsizetype cut = line.lastIndexOf(QLatin1Char(' '), 60);
        line = line.left(cut > 20 ? cut : 60) + QStringLiteral("…");
    }
    return line.isEmpty() ? QStringLiteral("New chat") : line;
}

// A stored message as a provider-neutral one.
json neutral(const MessageRecord &m)
{
    json out = {{"role", m.role.toStdString()}, {"content", m.content.toStdString()}};
    if (m.toolCalls.is_array() && !m.toolCalls.empty())
        out["tool_calls"] = m.toolCalls;
    if (!m.toolCallId.isEmpty())
        out["tool_call_id"] = m.toolCallId.toStdString();
    return out;
}
} // namespace

json ConversationRecord::toJson() const
{
    auto orNull = [](const QString &v) { return v.isEmpty() ? json(nullptr) : json(v.toStdString()); };
    return {{"id", id.toStdString()},   {"title", title.toStdString()}, {"agent_id", orNull(agentId)},
            {"provider", orNull(provider)}, {"model", orNull(model)},   {"workflow_id", orNull(workflowId)},
            {"created_at", createdAt.toStdString()}, {"updated_at", updatedAt.toStdString()}};
}

json MessageRecord::toJson() const
{
    json j = {{"id", id.toStdString()},          {"conversation_id", conversationId.toStdString()}, {"role", role.toStdString()},
              {"content", content.toStdString()}, {"status", status.toStdString()},                  {"created_at", createdAt.toStdString()}};
    if (toolCalls.is_array())
        j["tool_calls"] = toolCalls;
    if (!toolCallId.isEmpty())
        j["tool_call_id"] = toolCallId.toStdString();
    if (!usage.is_null())
        j["usage"] = usage;
    if (!error.isEmpty())
        j["error"] = error.toStdString();
    return j;
}

void ConversationService::markInterrupted()
{
    (void)m_db.exec(QString::fromLatin1(kInterrupted));
}

void ConversationService::publish(const QString &ownerId, const char *type, const json &data) const
{
    if (m_publish)
        m_publish(ownerId, QString::fromLatin1(type), data);
}

Result<Page<ConversationRecord>> ConversationService::list(const Principal &who, const QString &search, int skip, int limit)
{
    const QString like = rows::containsPattern(search);
    return rows::page<ConversationRecord>(m_db.exec(rows::sql(kListConv, kConvColumns), {who.userId, search, like, like, limit, skip}),
                                          m_db.exec(QString::fromLatin1(kCountConv), {who.userId, search, like, like}), convFrom, skip, limit);
}

Result<ConversationRecord> ConversationService::get(const Principal &who, const QString &id)
{
    return rows::required<ConversationRecord>(m_db.exec(rows::sql(kSelectConv, kConvColumns), {id, who.userId}), convFrom, notFound());
}

Result<ConversationRecord> ConversationService::create(const Principal &who, const json &body)
{
    ConversationRecord c;
    c.id = newId();
    c.ownerId = who.userId;
    c.createdAt = c.updatedAt = nowIso();
    json patch = body.is_null() ? json::object() : body;
    if (!patch.is_object())
        return Error::invalid(QString(), QStringLiteral("The body must be an object"));
    if (auto inserted = rows::done(m_db.exec(QString::fromLatin1(kInsertConv), {c.id, c.ownerId, QString(), true, nullable({}), nullable({}), nullable({}),
                                                                               c.createdAt, c.updatedAt}));
        !inserted)
        return inserted.error();
    auto updated = update(who, c.id, patch);
    if (!updated)
        (void)m_db.exec(QString::fromLatin1(kDeleteConv), {c.id, who.userId});
    return updated;
}

Result<ConversationRecord> ConversationService::update(const Principal &who, const QString &id, const json &body)
{
    auto current = get(who, id);
    if (!current)
        return current.error();
    ConversationRecord c = *current;
    static const std::set<std::string> allowed{"title", "agent_id", "provider", "model", "workflow_id"};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.count(it.key()))
            return Error::invalid(QString::fromStdString(it.key()), QStringLiteral("Extra inputs are not permitted"));
        if (!it->is_null() && (!it->is_string() || it->get<std::string>().size() > 300))
            return Error::invalid(QString::fromStdString(it.key()), QStringLiteral("Must be text of at most 300 characters"));
    }
    auto text = [&](const char *key) { return body.contains(key) && body[key].is_string() ? QString::fromStdString(body[key].get<std::string>()).trimmed() : QString(); };
    if (body.contains("title")) {
        c.title = text("title");
        c.titleIsAuto = c.title.isEmpty();
    }
    if (body.contains("agent_id")) {
        c.agentId = text("agent_id");
        if (!c.agentId.isEmpty())
            if (auto agent = m_agents.get(who, c.agentId); !agent)
                return Error::invalid(QStringLiteral("agent_id"), QStringLiteral("You have no agent %1").arg(c.agentId));
    }
    if (body.contains("workflow_id")) {
        c.workflowId = text("workflow_id");
        if (!c.workflowId.isEmpty()) {
            if (!m_chatWorkflows)
                return Error::invalid(QStringLiteral("workflow_id"), QStringLiteral("Workflows cannot answer conversations here"));
            if (auto usable = m_chatWorkflows->check(who, c.workflowId); !usable)
                return usable.error();
        }
    }
    if (body.contains("provider"))
        c.provider = text("provider");
    if (body.contains("model"))
        c.model = text("model");
    if (!c.provider.isEmpty()) {
        if (!m_llm.knows(who.userId, c.provider))
            return Error::invalid(QStringLiteral("provider"), QStringLiteral("Unknown provider '%1'").arg(c.provider));
    }
    c.updatedAt = nowIso();
    if (auto done = rows::done(m_db.exec(QString::fromLatin1(kUpdateConv), {c.title, c.titleIsAuto, nullable(c.agentId), nullable(c.provider),
                                                                            nullable(c.model), nullable(c.workflowId), c.updatedAt, c.id, who.userId}));
        !done)
        return done.error();
    return c;
}

Result<void> ConversationService::remove(const Principal &who, const QString &id)
{
    if (auto found = get(who, id); !found)
        return found.error();
    (void)stop(who, id);
    return rows::done(m_db.exec(QString::fromLatin1(kDeleteConv), {id, who.userId}));
}

Result<ConversationService::History> ConversationService::messages(const Principal &who, const QString &id, const QString &before, int limit)
{
    if (auto found = get(who, id); !found)
        return found.error();
    qint64 beforeSeq = std::numeric_limits<int>::max();
    if (!before.isEmpty()) {
        auto seq = m_db.exec(QString::fromLatin1(kSeqOf), {before, id});
        if (!seq)
            return seq.error();
        if (!seq->next())
            return Error::invalid(QStringLiteral("before"), QStringLiteral("No message %1 in this conversation").arg(before));
        beforeSeq = seq->value(0).toLongLong();
    }
    auto items = rows::all<MessageRecord>(m_db.exec(rows::sql(kPage, kMsgColumns), {id, beforeSeq, limit + 1}), msgFrom);
    if (!items)
        return items.error();
    History h;
    h.hasMore = items->size() > limit;
    if (h.hasMore)
        items->removeLast();
    std::reverse(items->begin(), items->end());
    h.items = std::move(*items);
    return h;
}

Result<MessageRecord> ConversationService::insertMessage(MessageRecord m)
{
    auto seq = rows::scalar(m_db.exec(QString::fromLatin1(kNextSeq), {m.conversationId}));
    if (!seq)
        return seq.error();
    m.id = newId();
    m.seq = int(*seq);
    m.createdAt = nowIso();
    auto done = rows::done(m_db.exec(QString::fromLatin1(kInsertMsg), {m.id, m.conversationId, m.seq, m.role, m.content, m.status, jsonOrNull(m.toolCalls),
                                                                       nullable(m.toolCallId), jsonOrNull(m.usage), nullable(m.error), m.createdAt}));
    if (!done)
        return done.error();
    return m;
}

QObject *ConversationService::store() const
{
    return m_llm.store();
}

bool ConversationService::replying(const QString &conversationId) const
{
    QMutexLocker lock(&m_mutex);
    return m_running.contains(conversationId);
}

Result<ConversationService::Posted> ConversationService::post(const Principal &who, const QString &id, const QString &content, ReplyDone done)
{
    if (content.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("content"), QStringLiteral("The message is empty"));
    if (content.size() > kMaxContent)
        return Error::invalid(QStringLiteral("content"), QStringLiteral("The message is longer than 200,000 characters"));
    auto conversation = get(who, id);
    if (!conversation)
        return conversation.error();
    {
        QMutexLocker lock(&m_mutex);
        if (m_running.contains(id))
            return Error::make(QStringLiteral("conflict"), QStringLiteral("A reply is still being written; stop it or wait for it"));
        m_running.insert(id, nullptr);
    }
    MessageRecord message;
    message.conversationId = id;
    message.role = QStringLiteral("user");
    message.content = content;
    message.status = QStringLiteral("complete");
    auto stored = insertMessage(message);
    if (!stored) {
        QMutexLocker lock(&m_mutex);
        m_running.remove(id);
        return stored.error();
    }
    publish(who.userId, "message.created", stored->toJson());
    return startReply(*conversation, *stored, std::move(done));
}

Result<ConversationService::Posted> ConversationService::regenerate(const Principal &who, const QString &id, ReplyDone done)
{
    auto conversation = get(who, id);
    if (!conversation)
        return conversation.error();
    {
        QMutexLocker lock(&m_mutex);
        if (m_running.contains(id))
            return Error::make(QStringLiteral("conflict"), QStringLiteral("A reply is still being written; stop it first"));
        m_running.insert(id, nullptr);
    }
    auto release = [&] {
        QMutexLocker lock(&m_mutex);
        m_running.remove(id);
    };
    auto last = rows::one<MessageRecord>(m_db.exec(rows::sql(kLastUser, kMsgColumns), {id}), msgFrom);
    if (!last || !*last) {
        release();
        return last ? Error::make(QStringLiteral("invalid_state"), QStringLiteral("There is nothing to regenerate yet")) : last.error();
    }
    if (auto dropped = rows::done(m_db.exec(QString::fromLatin1(kDeleteAfter), {id, (*last)->seq})); !dropped) {
        release();
        return dropped.error();
    }
    return startReply(*conversation, **last, std::move(done));
}

Result<ConversationService::Posted> ConversationService::edit(const Principal &who, const QString &id, const QString &messageId, const QString &content,
                                                              ReplyDone done)
{
    if (content.trimmed().isEmpty() || content.size() > kMaxContent)
        return Error::invalid(QStringLiteral("content"), QStringLiteral("The message must have 1 to 200,000 characters"));
    auto conversation = get(who, id);
    if (!conversation)
        return conversation.error();
    auto message = rows::one<MessageRecord>(m_db.exec(rows::sql(kSelectMsg, kMsgColumns), {messageId, id}), msgFrom);
    if (!message)
        return message.error();
    if (!*message)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("No such message in this conversation"));
    if ((*message)->role != QLatin1String("user"))
        return Error::make(QStringLiteral("invalid_state"), QStringLiteral("Only your own messages can be edited"));
    {
        QMutexLocker lock(&m_mutex);
        if (m_running.contains(id))
            return Error::make(QStringLiteral("conflict"), QStringLiteral("A reply is still being written; stop it first"));
        m_running.insert(id, nullptr);
    }
    MessageRecord edited = **message;
    edited.content = content;
    auto changed = m_db.transaction([&]() -> Result<void> {
        if (auto r = rows::done(m_db.exec(QString::fromLatin1(kEditMsg), {content, messageId})); !r)
            return r;
        return rows::done(m_db.exec(QString::fromLatin1(kDeleteAfter), {id, edited.seq}));
    });
    if (!changed) {
        QMutexLocker lock(&m_mutex);
        m_running.remove(id);
        return changed.error();
    }
    return startReply(*conversation, edited, std::move(done));
}

Result<void> ConversationService::stop(const Principal &who, const QString &id)
{
    if (auto found = get(who, id); !found)
        return found.error();
    std::shared_ptr<ChatHandle> handle;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_running.contains(id))
            return Error::make(QStringLiteral("invalid_state"), QStringLiteral("No reply is being written"));
        handle = m_running.value(id);
    }
    if (handle)
        handle->cancel();
    return {};
}

Result<ConversationService::Posted> ConversationService::startReply(const ConversationRecord &conversation, MessageRecord userMessage, ReplyDone done)
{
    MessageRecord reply;
    reply.conversationId = conversation.id;
    reply.role = QStringLiteral("assistant");
    reply.status = QStringLiteral("streaming");
    auto stored = insertMessage(reply);
    if (!stored) {
        QMutexLocker lock(&m_mutex);
        m_running.remove(conversation.id);
        return stored.error();
    }
    reply = *stored;
    (void)m_db.exec(QString::fromLatin1(kTouchConv), {nowIso(), conversation.id});
    publish(conversation.ownerId, "message.created", reply.toJson());
    Posted posted{userMessage, reply};
    if (!conversation.workflowId.isEmpty()) {
        startWorkflowReply(conversation, userMessage, reply, std::move(done));
        return posted;
    }

    Principal owner;
    owner.userId = conversation.ownerId;
    // What to ask: the agent's configuration, else the conversation's provider and model.
    QString provider = conversation.provider;
    ChatRequest request;
    request.model = conversation.model;
    std::vector<AgentTool> tools;
    AgentLimits limits;
    int memory = 20;
    QString system;
    if (!conversation.agentId.isEmpty()) {
        auto agent = m_agents.get(owner, conversation.agentId);
        if (agent) {
            provider = agent->provider.isEmpty() ? provider : agent->provider;
            request.model = agent->model.isEmpty() ? request.model : agent->model;
            request.temperature = agent->temperature;
            system = agent->systemPrompt;
            memory = agent->memoryWindow;
            limits.maxIterations = agent->maxIterations;
            auto built = m_agents.tools(owner, agent->tools);
            if (!built) {
                failReply(conversation, reply, built.error(), std::move(done));
                return posted;
            }
            tools = std::move(*built);
        }
    }
    auto resolved = m_llm.resolve(conversation.ownerId, provider);
    if (!resolved) {
        failReply(conversation, reply, resolved.error(), std::move(done));
        return posted;
    }
    if (request.model.isEmpty() && resolved->defaultModel.isEmpty()) {
        failReply(conversation, reply,
                  Error::make(QStringLiteral("model_not_chosen"),
                              QStringLiteral("No model is chosen for this chat: pick one, or set a default model for %1 in Settings → AI providers").arg(resolved->name)),
                  std::move(done));
        return posted;
    }
    // The window of history, oldest first, starting at a user message (a tool result needs its call).
    auto recent = rows::all<MessageRecord>(m_db.exec(rows::sql(kRecent, kMsgColumns), {conversation.id, reply.seq, std::max(1, memory + 1)}), msgFrom);
    if (!recent) {
        failReply(conversation, reply, recent.error(), std::move(done));
        return posted;
    }
    std::reverse(recent->begin(), recent->end());
    while (!recent->isEmpty() && recent->first().role != QLatin1String("user"))
        recent->removeFirst();
    if (!system.isEmpty())
        request.messages.push_back({{"role", "system"}, {"content", system.toStdString()}});
    for (const auto &m : std::as_const(*recent))
        if (m.status != QLatin1String("error") && !(m.role == QLatin1String("assistant") && m.content.isEmpty() && !m.toolCalls.is_array()))
            request.messages.push_back(neutral(m));

    LlmCallContext context;
    context.userId = conversation.ownerId;
    context.source = QStringLiteral("conversation");
    context.conversationId = conversation.id;
    AgentHandlers h;
    const QString owner_ = conversation.ownerId;
    const std::string conversationId = conversation.id.toStdString();
    const std::string replyId = reply.id.toStdString();
    h.delta = [this, owner_, conversationId, replyId](const std::string &text) {
        publish(owner_, "message.delta", {{"conversation_id", conversationId}, {"message_id", replyId}, {"text", text}});
    };
    h.toolCall = [this, owner_, conversationId, replyId](const json &call) {
        publish(owner_, "message.delta", {{"conversation_id", conversationId}, {"message_id", replyId}, {"tool_call", call}});
    };
    h.toolResult = [this, owner_, conversationId, replyId](const json &call, const std::string &result, bool isError) {
        publish(owner_, "message.delta", {{"conversation_id", conversationId}, {"message_id", replyId},
                                          {"tool_result", {{"id", call["id"]}, {"name", call["name"]}, {"content", result}, {"is_error", isError}}}});
    };
    // Written on the store thread: the AI thread keeps streaming the other replies meanwhile.
    QPointer<QObject> store(m_llm.store());
    h.done = [this, store, conversation, reply, done](const AgentOutcome &outcome) {
        QMetaObject::invokeMethod(store, [this, conversation, reply, done, outcome] { finishReply(conversation, reply, outcome, done); },
                                  Qt::QueuedConnection);
    };
    auto handle = startAgent(m_llm, context, *resolved, std::move(request), std::move(tools), limits, std::move(h));
    {
        QMutexLocker lock(&m_mutex);
        if (m_running.contains(conversation.id))
            m_running.insert(conversation.id, handle);
    }
    return posted;
}

void ConversationService::startWorkflowReply(const ConversationRecord &conversation, const MessageRecord &userMessage, const MessageRecord &reply,
                                             ReplyDone done)
{
    // What came before, oldest first, as the workflow sees it: the words, not the tool turns.
    json history = json::array();
    auto recent = rows::all<MessageRecord>(m_db.exec(rows::sql(kRecent, kMsgColumns), {conversation.id, userMessage.seq, 20}), msgFrom);
    if (recent) {
        std::reverse(recent->begin(), recent->end());
        for (const auto &m : std::as_const(*recent))
            if ((m.role == QLatin1String("user") || m.role == QLatin1String("assistant")) && !m.content.isEmpty() && m.status != QLatin1String("error"))
                history.push_back({{"role", m.role.toStdString()}, {"content", m.content.toStdString()}});
    }
    // chatInput and sessionId are the names n8n's Chat Trigger uses: imported workflows read them.
    const json input = {{"message", userMessage.content.toStdString()}, {"conversation_id", conversation.id.toStdString()},
                        {"message_id", userMessage.id.toStdString()}, {"history", history},
                        {"chatInput", userMessage.content.toStdString()}, {"sessionId", conversation.id.toStdString()}};
    QPointer<QObject> store(m_llm.store());
    auto handle = m_chatWorkflows->run(conversation.ownerId, conversation.workflowId, input, [this, store, conversation, reply, done](AgentOutcome outcome) {
        // Finished replies are written on the store thread, as for agent replies.
        QMetaObject::invokeMethod(store, [this, conversation, reply, done, outcome = std::move(outcome)] {
            if (!outcome.text.empty())
                publish(conversation.ownerId, "message.delta", {{"conversation_id", conversation.id.toStdString()}, {"message_id", reply.id.toStdString()},
                                                                {"text", outcome.text}});
            finishReply(conversation, reply, outcome, done);
        }, Qt::QueuedConnection);
    });
    if (!handle) {
        failReply(conversation, reply, handle.error(), std::move(done));
        return;
    }
    QMutexLocker lock(&m_mutex);
    if (m_running.contains(conversation.id))
        m_running.insert(conversation.id, *handle);
}

void ConversationService::failReply(const ConversationRecord &conversation, MessageRecord reply, const Error &error, ReplyDone done)
{
    AgentOutcome outcome;
    outcome.error = error;
    finishReply(conversation, std::move(reply), outcome, std::move(done));
}

void ConversationService::finishReply(const ConversationRecord &conversation, MessageRecord reply, const AgentOutcome &outcome, ReplyDone done)
{
    // Tool turns go before the final reply, so the reply moves past them.
    int seq = reply.seq;
    for (const json &m : outcome.messages) {
        if (m.value("role", std::string()) == "assistant" && !m.contains("tool_calls"))
            continue; // the final text is the reply itself
        MessageRecord turn;
        turn.id = newId();
        turn.conversationId = conversation.id;
        turn.role = QString::fromStdString(m.value("role", std::string("tool")));
        turn.content = QString::fromStdString(m.value("content", std::string()));
        turn.status = m.value("is_error", false) ? QStringLiteral("error") : QStringLiteral("complete");
        if (m.contains("tool_calls"))
            turn.toolCalls = m["tool_calls"];
        turn.toolCallId = QString::fromStdString(m.value("tool_call_id", std::string()));
        turn.createdAt = nowIso();
        turn.seq = seq++;
        if (seq == reply.seq + 1) // make room: the reply takes the next free number at the end
            (void)m_db.exec(QString::fromLatin1(kFinishMsg), {reply.content, reply.status, jsonOrNull(reply.usage), nullable(reply.error), reply.seq + 100000, reply.id});
        (void)m_db.exec(QString::fromLatin1(kInsertMsg), {turn.id, turn.conversationId, turn.seq, turn.role, turn.content, turn.status, jsonOrNull(turn.toolCalls),
                                                          nullable(turn.toolCallId), QVariant(), QVariant(),
                                                          turn.createdAt});
    }
    reply.seq = seq;
    reply.content = QString::fromStdString(outcome.text);
    if (!outcome.error)
        reply.status = QStringLiteral("complete");
    else if (!outcome.text.empty() || outcome.error->code == QLatin1String("cancelled"))
        reply.status = QStringLiteral("incomplete");
    else
        reply.status = QStringLiteral("error");
    reply.error = outcome.error ? outcome.error->message : QString();
    if (outcome.iterations > 0)
        reply.usage = {{"input_tokens", outcome.inputTokens}, {"output_tokens", outcome.outputTokens}, {"cost_usd", outcome.costUsd}};
    (void)m_db.exec(QString::fromLatin1(kFinishMsg), {reply.content, reply.status, jsonOrNull(reply.usage), nullable(reply.error), reply.seq, reply.id});

    QString title = conversation.title;
    if (conversation.titleIsAuto && title.isEmpty()) {
        auto first = m_db.exec(QStringLiteral("SELECT content FROM messages WHERE conversation_id = ? AND role = 'user' ORDER BY seq LIMIT 1"), {conversation.id});
        if (first && first->next()) {
            title = titleFrom(first->value(0).toString());
            (void)m_db.exec(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ? AND title = ''"), {title, conversation.id});
        }
    }
    (void)m_db.exec(QString::fromLatin1(kTouchConv), {nowIso(), conversation.id});
    {
        QMutexLocker lock(&m_mutex);
        m_running.remove(conversation.id);
    }
    publish(conversation.ownerId, "message.completed", {{"conversation_id", conversation.id.toStdString()}, {"title", title.toStdString()}, {"message", reply.toJson()}});
    if (done)
        done(reply);
}

} // namespace synapscale
