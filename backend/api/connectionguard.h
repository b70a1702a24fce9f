#pragma once

#include <QObject>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace synapscale {

class ApiServer;

// Watches one connection's bytes before QtHttpServer buffers them: it frames requests
// (Content-Length or chunked), refuses a body over the limit with 413 as soon as that is known,
// refuses huge headers with 431, and closes the connection when it stays idle too long.
// It is connected to readyRead before QtHttpServer, and only peeks, so the parser sees the same bytes.
class ConnectionGuard : public QObject {
    Q_OBJECT
public:
    ConnectionGuard(ApiServer *server, QTcpSocket *socket, int idleTimeoutMs);
    static ConnectionGuard *of(QTcpSocket *socket);

    void requestStarted() { ++m_pending; }
    void requestFinished() { m_pending = qMax(0, m_pending - 1); m_idle.start(); }
    bool idle() const { return m_pending == 0 && m_state == State::Headers && m_headerBuffer.isEmpty(); }

private:
    enum class State { Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, ChunkTrailer, Passthrough, Discard };
    void onReadyRead();
    void consume(const QByteArray &data);
    void onHeaders(const QByteArray &head);
    bool readLine(const QByteArray &data, qsizetype &i, QByteArray &line);
    void reject(int status, const QString &code, const QString &detail);
    void onIdleTimeout();

    ApiServer *m_server;
    QTcpSocket *m_socket;
    QTimer m_idle;
    State m_state = State::Headers;
    QByteArray m_headerBuffer;
    QByteArray m_line;
    QByteArray m_method;
    QString m_path;
    qint64 m_remaining = 0;
    qint64 m_bodySeen = 0;
    qint64 m_limit = 0;
    int m_pending = 0;
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
