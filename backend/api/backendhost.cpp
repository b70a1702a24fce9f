#include "backendhost.h"

#include "api/apiserver.h"
#include "api/docsroutes.h"
#include "api/healthroutes.h"
#include "api/metrics.h"
#include "api/websockethub.h"
#include "core/logger.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "workflow/workflowrepository.h"

#include <QTimer>

#include <sodium.h>

namespace synapscale {

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
    // Executions a crash left "running" can never finish now; say so instead of leaving them hanging.
    ExecutionRepository executions(*m_database);
    if (auto interrupted = executions.failInterrupted(QStringLiteral("interrupted")); interrupted && *interrupted > 0)
        Log::warning(QStringLiteral("marked %1 interrupted execution(s) as failed").arg(*interrupted));
    return {};
}

void BackendHost::setLaunchToken(const QByteArray &token)
{
    m_launchToken = token;
    Log::addSecret(token);
}

Result<quint16> BackendHost::start()
{
    ApiContext context{m_config, *m_database, *m_metrics};
    Router router;
    HealthRoutes::addTo(router, context);
    m_docs = DocsRoutes::addTo(router, context);
    WebSocketHub::addTo(router, m_config.apiV1Str);

    ServerOptions options;
    options.maxBodySize = m_config.maxBodySize;
    options.keepAliveTimeoutS = m_config.keepAliveTimeoutS;
    options.corsOrigins = m_config.corsOrigins;
    m_server = new ApiServer(std::move(router), options, *m_metrics);
    m_docs->publish(m_server->router());

    const auto checkToken = [this](const QByteArray &token) -> std::optional<Principal> {
        if (m_launchToken.isEmpty() || token.size() != m_launchToken.size()
            || sodium_memcmp(token.constData(), m_launchToken.constData(), size_t(token.size())) != 0)
            return std::nullopt;
        return Principal{QStringLiteral("local"), QStringLiteral("admin"), {}};
    };
    m_server->setAuthenticator([checkToken](const HttpRequest &request) -> std::optional<Principal> {
        const QByteArray auth = request.header("Authorization");
        if (auth.startsWith("Bearer "))
            return checkToken(auth.mid(7).trimmed());
        return std::nullopt;
    });
    m_hub = new WebSocketHub(*m_server, m_config.apiV1Str, checkToken, this);

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
    m_database->closeThisThread();
    m_database.reset();
    Log::info(QStringLiteral("stopped"));
    Q_EMIT stopped();
}

} // namespace synapscale
