#include "backendhost.h"

#include "api/apiserver.h"
#include "api/authroutes.h"
#include "auth/authservice.h"
#include "mail/mailer.h"
#include "api/docsroutes.h"
#include "api/healthroutes.h"
#include "api/metrics.h"
#include "api/websockethub.h"
#include "api/workflowroutes.h"
#include "api/executionroutes.h"
#include "api/noderoutes.h"
#include "api/webhookroutes.h"
#include "api/credentialroutes.h"
#include "api/llmroutes.h"
#include "api/chatroutes.h"
#include "chat/agentservice.h"
#include "api/eventbatcher.h"
#include "chat/chatworkflows.h"
#include "chat/conversationservice.h"
#include "chat/llmnodework.h"
#include "ai/llmservice.h"
#include "credentials/credentialservice.h"
#include "engine/executionengine.h"
#include "workflow/executionservice.h"
#include "workflow/executionstore.h"
#include "workflow/scheduler.h"
#include "workflow/workflowtriggers.h"
#include "workflow/workflowservice.h"
#include "core/clock.h"
#include "core/logger.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "workflow/workflowrepository.h"

#include <QPointer>
#include <QTimer>

namespace synapscale {

namespace {
constexpr int kHeartbeatMs = 5000;
constexpr int kLeaseStaleMs = 15000;
} // namespace

BackendHost::BackendHost(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_database(std::make_unique<Database>(m_config.database, m_config.databaseSchema))
    , m_metrics(std::make_unique<Metrics>())
{
}

BackendHost::~BackendHost()
{
    delete m_server;
    m_server = nullptr;
}

Result<void> BackendHost::openDatabase()
{
    auto connection = m_database->connection();
    if (!connection)
        return connection.error();
    Migrator migrator(*m_database);
    auto applied = migrator.migrate();
    if (!applied)
        return applied.error();
    return {};
}

Result<quint16> BackendHost::start()
{
    SmtpSettings smtp;
    smtp.host = m_config.smtpHost;
    smtp.port = m_config.smtpPort;
    smtp.user = m_config.smtpUser;
    smtp.password = m_config.smtpPassword;
    smtp.startTls = m_config.smtpTls;
    smtp.from = m_config.emailsFromEmail;
    m_mailer = std::make_unique<Mailer>(*m_database, smtp, m_config.debug);

    AuthSettings authSettings;
    authSettings.jwtKey = m_config.jwtSecretKey;
    authSettings.accessTtlSeconds = m_config.accessTokenMinutes * 60;
    authSettings.refreshTtlDays = m_config.refreshTokenDays;
    authSettings.requireEmailVerification = m_config.requireEmailVerification;
    authSettings.publicUrl = m_config.publicUrl.isEmpty() ? QStringLiteral("http://%1:%2").arg(m_config.host).arg(m_config.port)
                                                          : m_config.publicUrl;
    authSettings.rateLimitWindowS = m_config.rateLimitWindowS;
    authSettings.rateLimitPerAccount = m_config.rateLimitPerAccount;
    authSettings.rateLimitPerIp = m_config.rateLimitPerIp;
    authSettings.sessionCacheSeconds = m_config.authCacheSeconds;
    m_auth = std::make_unique<AuthService>(*m_database, authSettings, m_mailer.get());

    ApiContext context{m_config, *m_database, *m_metrics};
    Router router;
    HealthRoutes::addTo(router, context);
    m_docs = DocsRoutes::addTo(router, context);
    AuthRoutes::addTo(router, *m_auth, m_config.apiV1Str);
    m_workflows = std::make_unique<WorkflowService>(*m_database);
    WorkflowRoutes::addTo(router, *m_workflows, m_config.apiV1Str);

    EngineOptions engineOptions;
    engineOptions.workers = m_config.workers;
    engineOptions.queueCapacity = m_config.queueSize;
    engineOptions.scriptTimeoutMs = m_config.codeTimeoutS * 1000;
    m_engine = std::make_unique<ExecutionEngine>(engineOptions);
    m_instanceId = newId();
    m_executionStore = std::make_unique<DatabaseExecutionStore>(*m_database, m_instanceId);
    m_executions = std::make_unique<ExecutionService>(*m_database, *m_engine);
    DatabaseExecutionStore *store = m_executionStore.get();
    m_executions->setFlush([store] { store->flush(); });
    m_scheduler = new Scheduler(*m_database, *m_executions, this);
    m_triggers = std::make_unique<WorkflowTriggers>(*m_database, *m_executions, *m_scheduler);
    m_workflows->onSaved = [triggers = m_triggers.get()](const WorkflowRecord &w) { triggers->workflowSaved(w); };
    m_workflows->onRemoved = [triggers = m_triggers.get()](const QString &id) { triggers->workflowRemoved(id); };
    NodeRoutes::addTo(router, m_config.apiV1Str);
    ExecutionRoutes::addTo(router, *m_executions, *m_triggers, m_config.apiV1Str);
    WebhookRoutes::addTo(router, *m_executions, *m_triggers);
    WebSocketHub::addTo(router, m_config.apiV1Str);
    m_credentials = std::make_unique<CredentialService>(*m_database, SecretBox(m_config.encryptionKey));
    CredentialRoutes::addTo(router, *m_credentials, m_config.apiV1Str);
    m_llm = std::make_unique<LlmService>(m_config, *m_database, m_credentials.get());
    LlmRoutes::addTo(router, *m_llm, m_config.apiV1Str);
    m_agents = std::make_unique<AgentService>(*m_database, *m_workflows, *m_executions, *m_llm);
    m_conversations = std::make_unique<ConversationService>(*m_database, *m_agents, *m_llm);
    m_chatWorkflows = std::make_unique<ChatWorkflows>(*m_workflows, *m_executions);
    m_conversations->setChatWorkflows(m_chatWorkflows.get());
    m_conversations->markInterrupted();
    ChatRoutes::addTo(router, *m_agents, *m_conversations, m_config.apiV1Str);

    ServerOptions options;
    options.maxBodySize = m_config.maxBodySize;
    options.keepAliveTimeoutS = m_config.keepAliveTimeoutS;
    options.corsOrigins = m_config.corsOrigins;
    m_server = new ApiServer(std::move(router), options, *m_metrics);
    m_docs->publish(m_server->router());

    AuthService *auth = m_auth.get();
    m_server->setAuthenticator([auth](const HttpRequest &request) {
        return auth->authenticate(request.header("Authorization"), request.header("X-API-Key"));
    });
    m_hub = new WebSocketHub(m_server->webSockets(), m_config.apiV1Str, [auth](const QByteArray &token) -> std::optional<Principal> {
        auto principal = auth->authenticateAccessToken(token);
        return principal ? std::optional<Principal>(*principal) : std::nullopt;
    }, this);

    // Engine events reach WebSocket clients on this thread, in the order they happened.
    ExecutionRun::Hooks hooks = m_engine->hooks();
    hooks.store = m_executionStore.get();
    hooks.subWorkflow = m_executions->subWorkflowHook();
    hooks.llm = [llm = m_llm.get(), agents = m_agents.get()](const ExecutionRequest &request, LlmBatch batch) -> Result<std::shared_ptr<AsyncWork>> {
        return makeLlmNodeWork(*llm, *agents, request, std::move(batch));
    };
    hooks.credential = [credentials = m_credentials.get()](const ExecutionRequest &request, const std::string &id,
                                                          const std::vector<std::string> &types) {
        return credentials->secret(request.ownerId, QString::fromStdString(id), types);
    };
    QPointer<WebSocketHub> hub(m_hub);
    WebSocketHub *hubObject = m_hub;
    hooks.wantsEvents = [hubObject] { return hubObject->hasEventListeners(); };
    hooks.event = [hub](const ExecutionEvent &event) {
        if (!hub)
            return;
        QMetaObject::invokeMethod(hub, [hub, event] {
            if (hub)
                hub->publish(event.ownerId, event.executionId, event.type, event.data);
        }, Qt::QueuedConnection);
    };
    m_engine->setHooks(hooks);
    // Conversation events come from the AI thread; the hub sends them from its own.
    // Hundreds of replies streaming at once would queue a call per token on the server thread:
    // the batcher merges a message's waiting deltas into one frame.
    auto batcher = std::make_shared<EventBatcher>(hub, [hub](const QString &ownerId, const QString &type, const nlohmann::json &data) {
        if (hub)
            hub->publish(ownerId, QString(), type, data);
    });
    m_conversations->setPublisher([batcher](const QString &ownerId, const QString &type, const nlohmann::json &data) {
        batcher->post(ownerId, type, data);
    });
    ExecutionService *executions = m_executions.get();
    m_hub->setSnapshotProvider([executions](const Principal &who, const QString &id) -> Result<nlohmann::json> {
        if (auto run = executions->live(id)) {
            if (run->request().ownerId != who.userId)
                return Error::make(QStringLiteral("not_found"), QString());
            return run->snapshot();
        }
        auto stored = executions->get(who, id);
        if (!stored)
            return stored.error();
        nlohmann::json nodes = nlohmann::json::array();
        for (const auto &n : (*stored)["nodes"])
            nodes.push_back({{"node_id", n["node_id"]}, {"name", n["name"]}, {"run_index", n["run_index"]}, {"status", n["status"]},
                             {"items_out", n["items_out"]}, {"error", n["error"]}});
        return nlohmann::json{{"execution_id", id.toStdString()}, {"workflow_id", (*stored)["workflow_id"]}, {"status", (*stored)["status"]},
                              {"error", (*stored)["error"]}, {"nodes", nodes}};
    });
    // Leases: refresh ours every few seconds; take over executions whose instance stopped
    // refreshing (a crash, here or in another instance sharing the database).
    m_executions->recover(m_instanceId, kLeaseStaleMs);
    auto *leases = new QTimer(this);
    connect(leases, &QTimer::timeout, this, [this] {
        if (m_shuttingDown)
            return;
        m_executionStore->heartbeat();
        m_executions->recover(m_instanceId, kLeaseStaleMs);
    });
    leases->start(kHeartbeatMs);
    if (const int active = m_triggers->loadActive(); active > 0)
        Log::info(QStringLiteral("%1 active workflow(s) registered").arg(active));

    const QHostAddress address = m_config.host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost)
                                                                            : QHostAddress(m_config.host);
    auto port = m_server->start(address, quint16(m_config.port));
    if (!port)
        return port.error();
    Log::write(LogLevel::Info, QStringLiteral("listening on http://%1:%2").arg(m_config.host).arg(*port),
               {{"host", m_config.host.toStdString()},
                {"port", *port},
                {"database", m_database->url().redacted().toStdString()},
                {"version", m_config.version.toStdString()}});
    return port;
}

void BackendHost::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    if (!m_server) {
        finishShutdown();
        return;
    }
    Log::info(QStringLiteral("shutting down: finishing %1 in-flight request(s)").arg(m_server->inFlight()));
    m_hub->closeAll();
    connect(m_server, &ApiServer::drained, this, &BackendHost::finishShutdown, Qt::QueuedConnection);
    QTimer::singleShot(m_config.shutdownTimeoutS * 1000, this, &BackendHost::finishShutdown);
    m_server->stopAccepting();
}

void BackendHost::finishShutdown()
{
    if (!m_database)
        return;
    if (m_server)
        m_server->closeAllConnections();
    if (m_engine)
        m_engine->shutdown(m_config.shutdownTimeoutS * 1000);
    if (m_executionStore)
        m_executionStore->stop();
    if (m_llm)
        m_llm->stopThreads(); // no reply may finish into the services reset below
    m_conversations.reset();
    m_agents.reset();
    m_llm.reset(); // its threads held database connections
    m_database->closeThisThread();
    m_database.reset();
    Log::info(QStringLiteral("stopped"));
    Q_EMIT stopped();
}

} // namespace synapscale
