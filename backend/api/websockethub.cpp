#include "websockethub.h"

#include "api/router.h"
#include "core/clock.h"

#include <QWebSocketServer>
#include <QUrlQuery>
#include <QWebSocket>

namespace synapscale {

namespace {
constexpr int kAuthTimeoutMs = 10000;
constexpr auto kCloseUnauthorized = QWebSocketProtocol::CloseCode(4401);
constexpr auto kCloseNotFound = QWebSocketProtocol::CloseCode(4404);
} // namespace

WebSocketHub::WebSocketHub(QWebSocketServer &server, const QString &apiPrefix, TokenCheck check, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_globalPath(apiPrefix + QStringLiteral("/ws/global"))
    , m_userPath(apiPrefix + QStringLiteral("/ws/user"))
    , m_executionPrefix(apiPrefix + QStringLiteral("/ws/execution/"))
    , m_check(std::move(check))
{
    connect(&server, &QWebSocketServer::newConnection, this, &WebSocketHub::onNewConnection);
}

void WebSocketHub::addTo(Router &router, const QString &apiPrefix)
{
    router.addWebSocket(apiPrefix + QStringLiteral("/ws/global"), QStringLiteral("Instance-wide events"));
    router.addWebSocket(apiPrefix + QStringLiteral("/ws/user"), QStringLiteral("Everything for the signed-in user (executions, messages, notifications)"));
    router.addWebSocket(apiPrefix + QStringLiteral("/ws/execution/{execution_id}"),
                        QStringLiteral("One execution: execution.snapshot, then execution.* events"));
}

int WebSocketHub::clientCount() const
{
    return int(m_clients.size());
}

void WebSocketHub::sendFrame(QWebSocket *socket, const QString &type, const nlohmann::json &data)
{
    const nlohmann::json frame = {{"type", type.toStdString()}, {"data", data}, {"ts", nowIso().toStdString()}};
    socket->sendTextMessage(QString::fromStdString(frame.dump()));
}

void WebSocketHub::onNewConnection()
{
    while (m_server.hasPendingConnections()) {
        QWebSocket *socket = m_server.nextPendingConnection();
        if (!socket)
            continue;
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            const Client client = m_clients.take(socket);
            if (m_byExecution.remove(client.executionId, socket) > 0)
                --m_eventListeners;
            if (client.principal && m_byUser.remove(client.principal->userId, socket) > 0)
                --m_eventListeners;
            socket->deleteLater();
        });
        const QString path = Router::normalize(socket->requestUrl().path());
        Client client;
        if (path == m_userPath) {
            client.channel = Client::Channel::User;
        } else if (path.startsWith(m_executionPrefix) && path.size() > m_executionPrefix.size()
                   && !path.mid(m_executionPrefix.size()).contains(QLatin1Char('/'))) {
            client.channel = Client::Channel::Execution;
            client.executionId = path.mid(m_executionPrefix.size());
        } else if (path != m_globalPath) {
            socket->close(kCloseNotFound, QStringLiteral("unknown channel"));
            continue;
        }
        m_clients.insert(socket, client);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { onText(socket, text); });
        const QByteArray token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
        if (!token.isEmpty()) {
            authenticate(socket, token);
            continue;
        }
        QTimer::singleShot(kAuthTimeoutMs, socket, [this, socket] {
            if (m_clients.contains(socket) && !m_clients.value(socket).principal)
                socket->close(kCloseUnauthorized, QStringLiteral("authentication timed out"));
        });
    }
}

bool WebSocketHub::authenticate(QWebSocket *socket, const QByteArray &token)
{
    auto principal = m_check ? m_check(token) : std::nullopt;
    if (!principal) {
        socket->close(kCloseUnauthorized, QStringLiteral("invalid token"));
        return false;
    }
    m_clients[socket].principal = principal;
    sendFrame(socket, QStringLiteral("auth.ok"), {{"user_id", principal->userId.toStdString()}});
    subscribed(socket);
    return true;
}

void WebSocketHub::subscribed(QWebSocket *socket)
{
    const Client &client = m_clients[socket];
    if (client.channel == Client::Channel::User) {
        m_byUser.insert(client.principal->userId, socket);
        ++m_eventListeners;
    } else if (client.channel == Client::Channel::Execution) {
        // Snapshot and live events are both produced on this thread, in order: whatever the
        // snapshot misses arrives as an event after it.
        auto snapshot = m_snapshots ? m_snapshots(*client.principal, client.executionId)
                                    : Result<nlohmann::json>(Error::make(QStringLiteral("not_found"), QString()));
        if (!snapshot) {
            socket->close(kCloseNotFound, QStringLiteral("execution not found"));
            return;
        }
        m_byExecution.insert(client.executionId, socket);
        ++m_eventListeners;
        sendFrame(socket, QStringLiteral("execution.snapshot"), *snapshot);
    }
}

void WebSocketHub::publish(const QString &ownerId, const QString &executionId, const QString &type, const nlohmann::json &data)
{
    if (!executionId.isEmpty()) {
        for (auto it = m_byExecution.constFind(executionId); it != m_byExecution.cend() && it.key() == executionId; ++it)
            sendFrame(it.value(), type, data);
    }
    for (auto it = m_byUser.constFind(ownerId); it != m_byUser.cend() && it.key() == ownerId; ++it)
        sendFrame(it.value(), type, data);
}

void WebSocketHub::onText(QWebSocket *socket, const QString &text)
{
    nlohmann::json frame = nlohmann::json::parse(text.toStdString(), nullptr, false);
    const std::string type = frame.is_object() && frame.contains("type") && frame["type"].is_string() ? frame["type"].get<std::string>() : "";
    const bool authed = m_clients.value(socket).principal.has_value();
    if (type == "auth") {
        const std::string token = frame.contains("token") && frame["token"].is_string() ? frame["token"].get<std::string>() : "";
        if (authed)
            sendFrame(socket, QStringLiteral("auth.ok"), {{"user_id", m_clients.value(socket).principal->userId.toStdString()}});
        else
            authenticate(socket, QByteArray::fromStdString(token));
        return;
    }
    if (!authed) {
        socket->close(kCloseUnauthorized, QStringLiteral("authenticate first"));
        return;
    }
    if (type == "ping") {
        socket->sendTextMessage(QStringLiteral("{\"type\":\"pong\"}"));
        return;
    }
    sendFrame(socket, QStringLiteral("error"), {{"detail", "unknown frame type"}, {"code", "unknown_frame"}});
}

void WebSocketHub::broadcast(const QString &type, const nlohmann::json &data)
{
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        // /ws/user carries everything the user may see, instance-wide events included.
        if (it.value().principal && it.value().channel != Client::Channel::Execution)
            sendFrame(it.key(), type, data);
}

void WebSocketHub::closeAll()
{
    const auto sockets = m_clients.keys();
    for (auto *socket : sockets)
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

} // namespace synapscale
