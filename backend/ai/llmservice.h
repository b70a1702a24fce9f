#pragma once

#include "ai/chatcall.h"
#include "ai/pricetable.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace synapscale {

struct Config;
class Database;
class CredentialService;

// Who a language-model call is for, so its usage lands on the right totals.
struct LlmCallContext {
    QString userId;
    QString source = QStringLiteral("api"); // api | workflow | conversation | agent
    QString workflowId;
    QString executionId;
    QString conversationId;
};

// A running chat call that another thread may stop.
class ChatHandle {
public:
    virtual ~ChatHandle() = default;
    virtual void cancel() = 0;
};

// The AI gateway: which providers a user has (environment keys, stored credentials, a local
// Ollama found on its default port), their model lists, and chat calls run on one AI I/O thread
// with their usage and cost recorded. Handlers passed in run on that thread.
class LlmService : public QObject {
    Q_OBJECT
public:
    LlmService(const Config &config, Database &db, CredentialService *credentials, QObject *parent = nullptr);
    ~LlmService() override;

    // Every provider this user could use, configured or not (built-ins first, then custom).
    QList<ProviderConfig> providers(const QString &userId);
    bool knows(const QString &userId, const QString &providerId);
    // One provider by id; empty id: the first configured one. Errors name the way to fix it.
    Result<ProviderConfig> resolve(const QString &userId, const QString &providerId);
    // Providers with their models as GET /llm/providers shows them; `done` runs on the AI thread.
    // `onlyProvider` limits it to one; `fresh` asks the provider again instead of the cached list
    // (Settings → Test connection).
    void describe(const QString &userId, std::function<void(nlohmann::json)> done, const QString &onlyProvider = {}, bool fresh = false);

    struct ChatHandlers {
        std::function<void(const std::string &text)> delta;
        std::function<void(const ChatOutcome &outcome, double costUsd)> done;
    };
    std::shared_ptr<ChatHandle> chat(const LlmCallContext &context, const ProviderConfig &provider, ChatRequest request,
                                     ChatHandlers handlers);

    // {input_tokens, output_tokens, cost_usd, calls} for a user, optionally grouped.
    Result<nlohmann::json> usage(const QString &userId, const QString &groupBy, const QString &from, const QString &to);

    const PriceTable &prices() const { return m_prices; }
    // The AI thread's context object: work for that thread is queued to it.
    QObject *io() const { return m_io; }
    // Where usage rows and finished replies are written: a thread of its own, so the AI thread
    // never waits on the database while other replies stream (measured at 200 streams).
    QObject *store() const { return m_store; }
    // Ends both threads (work still queued is dropped); the destructor does it too.
    void stopThreads();

private:
    struct ModelList {
        QStringList models;
        QString error;
        qint64 fetchedAtMs = 0;
    };
    void recordUsage(const LlmCallContext &context, const ProviderConfig &provider, const QString &model, const ChatOutcome &outcome,
                     double cost, qint64 durationMs);
    QString cacheKey(const ProviderConfig &provider) const;

    const Config &m_config;
    Database &m_db;
    CredentialService *m_credentials;
    PriceTable m_prices;
    QThread m_thread;
    QObject *m_io = nullptr; // lives on m_thread: ChatCalls and HttpCalls are its children in time
    QThread m_storeThread;
    QObject *m_store = nullptr; // lives on m_storeThread
    QMutex m_cacheMutex;
    QHash<QString, ModelList> m_models;
    bool m_ollamaSeen = false; // a local Ollama answered the last probe
};

} // namespace synapscale
