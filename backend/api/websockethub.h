#pragma once

#include "api/http.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace synapscale {

class Router;

// Accepts the API's WebSocket connections, authenticates them (?token= or a first
// {"type":"auth"} frame; a bad token closes with 4401), answers pings, and fans events out to
// the subscribers of each channel. Frames are {"type","data","ts"}.
class WebSocketHub : public QObject {
    Q_OBJECT
public:
    using TokenCheck = std::function<std::optional<Principal>(const QByteArray &token)>;

    WebSocketHub(QWebSocketServer &server, const QString &apiPrefix, TokenCheck check, QObject *parent = nullptr);
    static void addTo(Router &router, const QString &apiPrefix);

    void broadcast(const QString &type, const nlohmann::json &data);
    int clientCount() const;
    void closeAll();

private:
    void onNewConnection();
    void onText(QWebSocket *socket, const QString &text);
    bool authenticate(QWebSocket *socket, const QByteArray &token);
    static void sendFrame(QWebSocket *socket, const QString &type, const nlohmann::json &data);

    QWebSocketServer &m_server;
    QString m_globalPath;
    TokenCheck m_check;
    QHash<QWebSocket *, std::optional<Principal>> m_clients;
};

} // namespace synapscale
