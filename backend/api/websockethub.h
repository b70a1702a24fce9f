#pragma once

#include "api/http.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace synapscale {

class Router;

// Accepts the API's WebSocket connections, authenticates them (?token= or a first
// {"type":"auth"} frame; a bad token closes with 4401), answers pings, and fans events out to
// the subscribers of each channel: /ws/global, /ws/user (the user's own events) and
// /ws/execution/{id} (one execution: an execution.snapshot first, then its live events; another
// user's execution closes with 4404). Frames are {"type","data","ts"}.
class WebSocketHub : public QObject {
    Q_OBJECT
public:
    using TokenCheck = std::function<std::optional<Principal>(const QByteArray &token)>;
    // The snapshot of an execution the principal owns, or an Error (not_found → 4404).
    using SnapshotProvider = std::function<Result<nlohmann::json>(const Principal &who, const QString &executionId)>;

    WebSocketHub(QWebSocketServer &server, const QString &apiPrefix, TokenCheck check, QObject *parent = nullptr);
    static void addTo(Router &router, const QString &apiPrefix);

    void setSnapshotProvider(SnapshotProvider provider) { m_snapshots = std::move(provider); }
    void broadcast(const QString &type, const nlohmann::json &data);
    // An event for one user's /ws/user clients and, when `executionId` is set, that execution's subscribers.
    void publish(const QString &ownerId, const QString &executionId, const QString &type, const nlohmann::json &data);
    int clientCount() const;
    // Any thread: whether a /ws/user or /ws/execution client is listening (events are skipped when not).
    bool hasEventListeners() const { return m_eventListeners.load(std::memory_order_relaxed) > 0; }
    void closeAll();

private:
    void onNewConnection();
    void onText(QWebSocket *socket, const QString &text);
    bool authenticate(QWebSocket *socket, const QByteArray &token);
    static void sendFrame(QWebSocket *socket, const QString &type, const nlohmann::json &data);

    struct Client {
        std::optional<Principal> principal;
        enum class Channel { Global, User, Execution } channel = Channel::Global;
        QString executionId;
    };
    void subscribed(QWebSocket *socket);

    QWebSocketServer &m_server;
    QString m_globalPath;
    QString m_userPath;
    QString m_executionPrefix;
    TokenCheck m_check;
    SnapshotProvider m_snapshots;
    QHash<QWebSocket *, Client> m_clients;
    QMultiHash<QString, QWebSocket *> m_byExecution;
    QMultiHash<QString, QWebSocket *> m_byUser;
    std::atomic<int> m_eventListeners{0};
};

} // namespace synapscale
