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
    , m_check(std::move(check))
{
    connect(&server, &QWebSocketServer::newConnection, this, &WebSocketHub::onNewConnection);
}

void WebSocketHub::addTo(Router &router, const QString &apiPrefix)
{
    router.addWebSocket(apiPrefix + QStringLiteral("/ws/global"), QStringLiteral("Instance-wide events"));
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
            m_clients.remove(socket);
            socket->deleteLater();
        });
        const QString path = Router::normalize(socket->requestUrl().path());
        if (path != m_globalPath) {
            socket->close(kCloseNotFound, QStringLiteral("unknown channel"));
            continue;
        }
        m_clients.insert(socket, std::nullopt);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { onText(socket, text); });
        const QByteArray token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
        if (!token.isEmpty()) {
            authenticate(socket, token);
            continue;
        }
        QTimer::singleShot(kAuthTimeoutMs, socket, [this, socket] {
            if (m_clients.contains(socket) && !m_clients.value(socket))
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
    m_clients[socket] = principal;
    sendFrame(socket, QStringLiteral("auth.ok"), {{"user_id", principal->userId.toStdString()}});
    return true;
}

void WebSocketHub::onText(QWebSocket *socket, const QString &text)
{
    nlohmann::json frame = nlohmann::json::parse(text.toStdString(), nullptr, false);
    const std::string type = frame.is_object() && frame.contains("type") && frame["type"].is_string() ? frame["type"].get<std::string>() : "";
    const bool authed = m_clients.value(socket).has_value();
    if (type == "auth") {
        const std::string token = frame.contains("token") && frame["token"].is_string() ? frame["token"].get<std::string>() : "";
        if (authed)
            sendFrame(socket, QStringLiteral("auth.ok"), {{"user_id", m_clients.value(socket)->userId.toStdString()}});
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
        if (it.value())
            sendFrame(it.key(), type, data);
}

void WebSocketHub::closeAll()
{
    const auto sockets = m_clients.keys();
    for (auto *socket : sockets)
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
}

} // namespace synapscale
