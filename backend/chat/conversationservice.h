#pragma once

#include "ai/agentrunner.h"
#include "core/principal.h"
#include "storage/page.h"

#include <nlohmann/json.hpp>

#include <QHash>
#include <QMutex>

#include <functional>

namespace synapscale {

class Database;
class AgentService;
class ChatWorkflows;

struct ConversationRecord {
    QString id;
    QString ownerId;
    QString title;
    bool titleIsAuto = true;
    QString agentId;
    QString provider;
    QString model;
    QString createdAt;
    QString updatedAt;
    QString workflowId; // answered by this workflow's Chat Trigger instead of an agent or model
    nlohmann::json toJson() const;
};

struct MessageRecord {
    QString id;
    QString conversationId;
    int seq = 0;
    QString role;     // user | assistant | tool
    QString content;
    QString status;   // complete | streaming | incomplete | error
    nlohmann::json toolCalls;  // assistant turns that called tools: [{id, name, arguments}]
    QString toolCallId;        // tool results: the call answered
    nlohmann::json usage;      // assistant replies: {input_tokens, output_tokens, cost_usd}
    QString error;
    QString createdAt;
    nlohmann::json toJson() const;
};

// Conversations of a user with an agent or a model: persisted messages, replies generated on
// the AI thread and streamed as events (message.created, message.delta, message.completed),
// one reply at a time per conversation, stoppable. A reply cut short keeps what arrived and is
// marked incomplete; the user's message always stays.
class ConversationService {
public:
    // Delivers an event to the user's WebSocket clients; called from any thread.
    using Publisher = std::function<void(const QString &ownerId, const QString &type, const nlohmann::json &data)>;
    using ReplyDone = std::function<void(const MessageRecord &reply)>;

    ConversationService(Database &db, AgentService &agents, LlmService &llm) : m_db(db), m_agents(agents), m_llm(llm) {}
    void setPublisher(Publisher publisher) { m_publish = std::move(publisher); }
    // Lets conversations be answered by workflows with a Chat Trigger.
    void setChatWorkflows(ChatWorkflows *workflows) { m_chatWorkflows = workflows; }
    // Replies that were streaming when the process ended become incomplete.
    void markInterrupted();

    Result<Page<ConversationRecord>> list(const Principal &who, const QString &search, int skip, int limit);
    Result<ConversationRecord> get(const Principal &who, const QString &id);
    Result<ConversationRecord> create(const Principal &who, const nlohmann::json &body);
    Result<ConversationRecord> update(const Principal &who, const QString &id, const nlohmann::json &body);
    Result<void> remove(const Principal &who, const QString &id);

    struct History {
        QList<MessageRecord> items; // oldest first
        bool hasMore = false;
    };
    Result<History> messages(const Principal &who, const QString &id, const QString &beforeMessageId, int limit);

    struct Posted {
        MessageRecord message; // the user's
        MessageRecord reply;   // the assistant's, streaming
    };
    Result<Posted> post(const Principal &who, const QString &id, const QString &content, ReplyDone done = {});
    // Drops the last reply (and its tool turns) and asks again.
    Result<Posted> regenerate(const Principal &who, const QString &id, ReplyDone done = {});
    // Replaces a user message's text, drops everything after it, and asks again.
    Result<Posted> edit(const Principal &who, const QString &id, const QString &messageId, const QString &content, ReplyDone done = {});
    Result<void> stop(const Principal &who, const QString &id);
    bool replying(const QString &conversationId) const;
    // The thread that writes conversations (LlmService's store thread): messages are posted there.
    QObject *store() const;

private:
    Result<Posted> startReply(const ConversationRecord &conversation, MessageRecord userMessage, ReplyDone done);
    void finishReply(const ConversationRecord &conversation, MessageRecord reply, const AgentOutcome &outcome, ReplyDone done);
    void failReply(const ConversationRecord &conversation, MessageRecord reply, const Error &error, ReplyDone done);
    void startWorkflowReply(const ConversationRecord &conversation, const MessageRecord &userMessage, const MessageRecord &reply, ReplyDone done);
    void publish(const QString &ownerId, const char *type, const nlohmann::json &data) const;
    Result<MessageRecord> insertMessage(MessageRecord m);

    Database &m_db;
    AgentService &m_agents;
    LlmService &m_llm;
    Publisher m_publish;
    ChatWorkflows *m_chatWorkflows = nullptr;
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<ChatHandle>> m_running; // by conversation; null while starting
};

} // namespace synapscale
