#pragma once

#include "core/config.h"
#include "core/result.h"

#include <QObject>

#include <memory>

namespace synapscale {

class ApiServer;
class AuthService;
class Database;
class Mailer;
class DocsRoutes;
class Metrics;
class WebSocketHub;
class WorkflowService;
class ExecutionEngine;
class ExecutionService;
class DatabaseExecutionStore;
class Scheduler;
class WorkflowTriggers;
class CredentialService;
class ChatWorkflows;
class LlmService;
class AgentService;
class ConversationService;

// Composition root of the backend: opens and migrates the database, builds the route table,
// serves it, and shuts down gracefully. The headless server runs one on its main thread; the
// desktop app runs one on a backend thread bound to loopback.
class BackendHost : public QObject {
    Q_OBJECT
public:
    explicit BackendHost(Config config, QObject *parent = nullptr);
    ~BackendHost() override;

    // Opens the database and applies pending migrations.
    Result<void> openDatabase();
    // Listens on HOST:PORT; returns the bound port.
    Result<quint16> start();
    // Stops accepting, lets in-flight requests finish (up to SHUTDOWN_TIMEOUT), closes the database,
    // then emits stopped().
    void shutdown();

    const Config &config() const { return m_config; }
    Database &database() { return *m_database; }
    ApiServer *server() const { return m_server; }
    WebSocketHub *hub() const { return m_hub; }
    // Valid after start().
    AuthService &auth() { return *m_auth; }
    Mailer &mailer() { return *m_mailer; }
    ExecutionEngine &engine() { return *m_engine; }
    ExecutionService &executions() { return *m_executions; }
    WorkflowTriggers &triggers() { return *m_triggers; }
    CredentialService &credentials() { return *m_credentials; }

Q_SIGNALS:
    void stopped();

private:
    void finishShutdown();

    Config m_config;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Metrics> m_metrics;
    std::shared_ptr<DocsRoutes> m_docs;
    std::unique_ptr<Mailer> m_mailer;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<WorkflowService> m_workflows;
    std::unique_ptr<DatabaseExecutionStore> m_executionStore;
    std::unique_ptr<ExecutionEngine> m_engine;
    std::unique_ptr<ExecutionService> m_executions;
    Scheduler *m_scheduler = nullptr;
    std::unique_ptr<WorkflowTriggers> m_triggers;
    std::unique_ptr<CredentialService> m_credentials;
    std::unique_ptr<LlmService> m_llm;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<ChatWorkflows> m_chatWorkflows;
    std::unique_ptr<ConversationService> m_conversations;
    ApiServer *m_server = nullptr;
    WebSocketHub *m_hub = nullptr;
    bool m_shuttingDown = false;
    QString m_instanceId;
};

} // namespace synapscale
