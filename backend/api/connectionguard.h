#pragma once

#include "api/http.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace synapscale {

class ApiServer;

// Reads one connection's HTTP/1.1 requests. It takes the connection over from QtHttpServer's
// parser on its first bytes, so every request is parsed once: Content-Length and chunked bodies,
// 413 as soon as the headers announce more than the limit (before the body is read), 431 for
// headers over 64 KB, 100-continue, pipelined requests answered in order, and the connection
// closed when it stays idle. A WebSocket handshake as the first request is handed, unread, to
// the server's QWebSocketServer.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    ConnectionGuard(ApiServer *server, QTcpSocket *socket, int idleTimeoutMs);
    static ConnectionGuard *of(QTcpSocket *socket);

    void requestStarted() { ++m_pending; }
    void requestFinished();
    bool idle() const { return m_pending == 0 && m_state == State::Headers && m_buffer.isEmpty(); }

private:
    enum class State { Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, ChunkTrailer, Passthrough, Discard };
    void onReadyRead();
    bool takeOver();
    void process();
    bool onHeaders(const QByteArray &head);
    bool takeLine(QByteArray &line);
    bool takeBody(); // moves up to m_remaining buffered bytes into the body; true when complete
    void dispatch();
    void reject(int status, const QString &code, const QString &detail);
    void onIdleTimeout();
    void touch() { m_lastActivityMs = m_clock.elapsed(); }

    ApiServer *m_server;
    QTcpSocket *m_socket;
    // Activity only stamps the time; the timer re-arms itself for what is left when it fires
    // (restarting a QTimer on every read and write cost the event loop three timer
    // re-registrations per request).
    QTimer m_idle;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0;
    int m_idleTimeoutMs;
    State m_state = State::Headers;
    bool m_owned = false;       // QtHttpServer's parser has been unhooked from this socket
    QByteArray m_buffer;        // received, not yet parsed
    HttpRequest m_request;      // being assembled
    qint64 m_remaining = 0;
    qint64 m_limit = 0;
    int m_pending = 0;          // requests handed over and not yet answered
    bool m_processQueued = false;
};

// A QTcpServer that attaches a ConnectionGuard to each socket before handing it to QtHttpServer.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(ApiServer *server, int idleTimeoutMs);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ApiServer *m_server;
    int m_idleTimeoutMs;
};

} // namespace synapscale
