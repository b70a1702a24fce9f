#include "connectionguard.h"

#include "api/apiserver.h"

#include <QTcpSocket>

namespace synapscale {

namespace {
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
}

ConnectionGuard::ConnectionGuard(ApiServer *server, QTcpSocket *socket, int idleTimeoutMs)
    : QObject(socket)
    , m_server(server)
    , m_socket(socket)
{
    setObjectName(QStringLiteral("synapscale-connection-guard"));
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdleTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state != State::Passthrough)
            m_idle.start();
    });
    m_idle.start();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("synapscale-connection-guard"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Passthrough || !m_socket->isOpen())
        return;
    if (m_state == State::Discard) {
        m_socket->readAll();
        return;
    }
    m_idle.start();
    const qint64 available = m_socket->bytesAvailable();
    if ((m_state == State::Body || m_state == State::ChunkData) && available <= m_remaining) {
        // All of it is body: count it without copying.
        m_remaining -= available;
        if (m_remaining == 0)
            m_state = m_state == State::Body ? State::Headers : State::ChunkDataEnd;
        return;
    }
    QByteArray data(available, Qt::Uninitialized);
    data.resize(m_socket->peek(data.data(), available));
    consume(data);
}

bool ConnectionGuard::readLine(const QByteArray &data, qsizetype &i, QByteArray &line)
{
    const qsizetype nl = data.indexOf('\n', i);
    if (nl < 0) {
        m_line += data.mid(i);
        i = data.size();
        if (m_line.size() > 4096)
            reject(400, QStringLiteral("bad_request"), QStringLiteral("Malformed chunked body."));
        return false;
    }
    line = m_line + data.mid(i, nl - i);
    m_line.clear();
    i = nl + 1;
    if (line.endsWith('\r'))
        line.chop(1);
    return true;
}

void ConnectionGuard::consume(const QByteArray &data)
{
    qsizetype i = 0;
    while (i < data.size()) {
        switch (m_state) {
        case State::Headers: {
            if (m_headerBuffer.isEmpty()) {
                while (i < data.size() && (data[i] == '\r' || data[i] == '\n'))
                    ++i; // stray CRLFs between requests
                if (i >= data.size())
                    return;
            }
            const qsizetype before = m_headerBuffer.size();
            m_headerBuffer.append(data.constData() + i, data.size() - i);
            const qsizetype end = m_headerBuffer.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
            if (end < 0) {
                i = data.size();
                if (m_headerBuffer.size() > kMaxHeaderBytes)
                    reject(431, QStringLiteral("headers_too_large"), QStringLiteral("Request headers are too large."));
                return;
            }
            if (end > kMaxHeaderBytes) {
                reject(431, QStringLiteral("headers_too_large"), QStringLiteral("Request headers are too large."));
                return;
            }
            i += end + 4 - before;
            const QByteArray head = m_headerBuffer.left(end);
            m_headerBuffer.clear();
            onHeaders(head);
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, data.size() - i);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Headers : State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            QByteArray line;
            if (!readLine(data, i, line))
                return;
            m_state = State::ChunkSize;
            break;
        }
        case State::ChunkSize: {
            QByteArray line;
            if (!readLine(data, i, line))
                return;
            bool ok = false;
            const qint64 size = line.split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                reject(400, QStringLiteral("bad_request"), QStringLiteral("Malformed chunked body."));
                return;
            }
            m_bodySeen += size;
            if (m_bodySeen > m_limit) {
                reject(413, QStringLiteral("payload_too_large"),
                       QStringLiteral("Request body is larger than the limit of %1 bytes.").arg(m_limit));
                return;
            }
            m_remaining = size;
            m_state = size == 0 ? State::ChunkTrailer : State::ChunkData;
            break;
        }
        case State::ChunkTrailer: {
            QByteArray line;
            if (!readLine(data, i, line))
                return;
            if (line.isEmpty())
                m_state = State::Headers;
            break;
        }
        case State::Passthrough:
        case State::Discard:
            return;
        }
        if (m_state == State::Discard)
            return;
    }
}

namespace {
// Case-insensitive "Name:" test on a raw header line, without allocating.
bool headerIs(const char *line, qsizetype length, const char *name, qsizetype nameLength)
{
    return length > nameLength && line[nameLength] == ':' && qstrnicmp(line, name, nameLength) == 0;
}

QByteArray headerValue(const char *line, qsizetype length, qsizetype nameLength)
{
    return QByteArray(line + nameLength + 1, length - nameLength - 1).trimmed();
}
} // namespace

void ConnectionGuard::onHeaders(const QByteArray &head)
{
    const char *data = head.constData();
    const qsizetype size = head.size();
    qsizetype lineEnd = head.indexOf('\n');
    const QByteArray requestLine = head.left(lineEnd < 0 ? size : lineEnd).trimmed();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = requestLine.indexOf(' ', sp1 + 1);
    m_method = requestLine.left(sp1);
    QByteArray target = requestLine.mid(sp1 + 1, sp2 < 0 ? -1 : sp2 - sp1 - 1);
    const qsizetype q = target.indexOf('?');
    m_path = QString::fromUtf8(q < 0 ? target : target.left(q));
    qint64 contentLength = 0;
    bool chunked = false;
    bool upgrade = false;
    for (qsizetype start = lineEnd + 1; lineEnd >= 0 && start < size; start = lineEnd + 1) {
        lineEnd = head.indexOf('\n', start);
        const qsizetype length = (lineEnd < 0 ? size : lineEnd) - start;
        const char *line = data + start;
        if (headerIs(line, length, "content-length", 14)) {
            bool ok = false;
            contentLength = headerValue(line, length, 14).toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(400, QStringLiteral("bad_request"), QStringLiteral("Invalid Content-Length header."));
                return;
            }
        } else if (headerIs(line, length, "transfer-encoding", 17)) {
            chunked = headerValue(line, length, 17).toLower().contains("chunked");
        } else if (headerIs(line, length, "upgrade", 7)) {
            upgrade = headerValue(line, length, 7).toLower() == "websocket";
        }
    }
    if (upgrade) {
        // The connection becomes a WebSocket: its own pings and the hub manage it from now on.
        m_state = State::Passthrough;
        m_idle.stop();
        return;
    }
    m_limit = m_server->bodyLimitFor(m_path);
    m_bodySeen = 0;
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength > m_limit) {
        reject(413, QStringLiteral("payload_too_large"),
               QStringLiteral("Request body of %1 bytes is larger than the limit of %2 bytes.").arg(contentLength).arg(m_limit));
    } else if (contentLength > 0) {
        m_remaining = contentLength;
        m_state = State::Body;
    }
}

void ConnectionGuard::reject(int status, const QString &code, const QString &detail)
{
    m_state = State::Discard;
    m_socket->readAll(); // QtHttpServer's parser, connected after us, finds nothing left to buffer
    m_server->rejectEarly(m_socket, status, code, detail, m_method, m_path);
}

void ConnectionGuard::onIdleTimeout()
{
    if (m_pending > 0) {
        m_idle.start();
        return;
    }
    m_socket->disconnectFromHost();
}

GuardedTcpServer::GuardedTcpServer(ApiServer *server, int idleTimeoutMs)
    : QTcpServer(server)
    , m_server(server)
    , m_idleTimeoutMs(idleTimeoutMs)
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new ConnectionGuard(m_server, socket, m_idleTimeoutMs);
    addPendingConnection(socket);
}

} // namespace synapscale
