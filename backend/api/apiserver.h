#pragma once

#include "api/http.h"
#include "api/router.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QThreadPool>
#include <QWebSocketServer>

#include <functional>
#include <optional>

namespace synapscale {

class Metrics;

struct ServerOptions {
    qint64 maxBodySize = 5 * 1024 * 1024;
    int keepAliveTimeoutS = 15;
    QStringList corsOrigins;          // "*" allows any origin
};

// What the adapter remembers about one request between dispatch and answer.
struct RequestTrace {
    QString requestId;
    QByteArray method;
    QString path;
    QString route;                    // pattern, for metrics; "unmatched" when no route
    QByteArray origin;
    bool keepAlive = true;
    bool head = false;
    QElapsedTimer timer;
};

// The one place that talks to QtHttpServer. It owns the route table and gives every response
// path the same treatment: X-Request-Id, CORS, 404/405 JSON, body checks, metrics and a log line.
// QtHttpServer accepts the connections; each connection's ConnectionGuard reads its requests
// (one parse, 413 as soon as the headers announce too large a body, idle keep-alive timeouts)
// and hands them to handle(); WebSocket handshakes go to our QWebSocketServer. Late answers
// survive a client that went away.
class ApiServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    // Returns who is calling, or the reason why not (its code decides the 401 body).
    using Authenticator = std::function<Result<Principal>(const HttpRequest &)>;

    ApiServer(Router router, ServerOptions options, Metrics &metrics, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on address:port (0 = ephemeral). Returns the bound port.
    Result<quint16> start(const QHostAddress &address, quint16 port);
    void setAuthenticator(Authenticator authenticator) { m_authenticator = std::move(authenticator); }
    const Router &router() const { return m_router; }
    // Upgraded connections arrive here (newConnection / nextPendingConnection).
    QWebSocketServer &webSockets() { return m_webSockets; }

    // Graceful shutdown, step one: refuse new connections, close idle ones.
    void stopAccepting();
    int inFlight() const { return m_inFlight; }
    void closeAllConnections();

Q_SIGNALS:
    void drained();   // in-flight count reached zero after stopAccepting()

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class HttpResponder;
    friend class ConnectionGuard;
    void handle(HttpRequest request, QTcpSocket *socket);
    void upgradeToWebSocket(QTcpSocket *socket);
    void dispatch(HttpRequest request, const Router::Match &match, HttpResponder responder);
    void finish(QTcpSocket *socket, RequestTrace &trace, HttpResponse response);
    QByteArray head(RequestTrace &trace, HttpResponse &response, bool keepAlive, bool chunked);
    void logged(const RequestTrace &trace, int status);
    void rejectEarly(QTcpSocket *socket, int status, const QString &code, const QString &detail, const QByteArray &method,
                     const QString &path);
    void decorate(HttpResponse &response, const RequestTrace &trace) const;
    bool originAllowed(const QByteArray &origin) const;
    HttpResponse preflight(const HttpRequest &request, const Router::Match &match) const;
    qint64 bodyLimitFor(const QString &path) const;

    Router m_router;
    ServerOptions m_options;
    Metrics &m_metrics;
    Authenticator m_authenticator;
    QTcpServer *m_tcp = nullptr;
    int m_inFlight = 0;
    bool m_stopping = false;
    QThreadPool m_pool; // for offThread handlers; each worker has its own database connection
    QWebSocketServer m_webSockets{QStringLiteral("SynapScale"), QWebSocketServer::NonSecureMode};
};

} // namespace synapscale
