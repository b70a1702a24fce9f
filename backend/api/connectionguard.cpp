#include "connectionguard.h"

#include "api/apiserver.h"

#include <QTcpSocket>
#include <QUrl>

namespace synapscale {

namespace {
constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

// Case-insensitive "Name:" test on a raw header line, without allocating.
bool headerIs(QByteArrayView line, const char *name, qsizetype nameLength)
{
    return line.size() > nameLength && line[nameLength] == ':' && qstrnicmp(line.constData(), name, nameLength) == 0;
}
} // namespace

ConnectionGuard::ConnectionGuard(ApiServer *server, QTcpSocket *socket, int idleTimeoutMs)
    : QObject(socket)
    , m_server(server)
    , m_socket(socket)
    , m_idleTimeoutMs(idleTimeoutMs)
{
    m_clock.start();
    setObjectName(QStringLiteral("synapscale-connection-guard"));
    // Streamed replies and WebSocket frames are small writes: with Nagle's algorithm on, one
    // waits for the peer's delayed ACK (40 ms on Linux) whenever the previous one is unacked.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdleTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { touch(); });
    m_idle.start();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("synapscale-connection-guard"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

bool ConnectionGuard::takeOver()
{
    // Decide on the first request's headers, still unread: a WebSocket handshake to a WebSocket
    // route goes to QWebSocketServer as it is; anything else is ours from now on.
    const QByteArray peeked = m_socket->peek(kMaxHeaderBytes + 4);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    if (end < 0 && peeked.size() <= kMaxHeaderBytes)
        return false; // wait for the rest of the headers
    // QtHttpServer's reader, connected after ours, must not see these bytes.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server, nullptr);
    m_owned = true;
    if (end >= 0) {
        const QByteArray head = peeked.left(end);
        const qsizetype lineEnd = head.indexOf('\n');
        const QByteArray target = head.left(lineEnd).split(' ').value(1);
        bool upgrade = false;
        for (const QByteArray &line : head.split('\n'))
            if (headerIs(line.trimmed(), "upgrade", 7))
                upgrade = line.mid(line.indexOf(':') + 1).trimmed().toLower() == "websocket";
        const QString path = QUrl::fromPercentEncoding(target.split('?').first());
        if (upgrade && m_server->router().isWebSocketPath(path)) {
            m_state = State::Passthrough;
            m_idle.stop();
            QObject::disconnect(m_socket, nullptr, this, nullptr);
            m_server->upgradeToWebSocket(m_socket);
            return false;
        }
    }
    return true;
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Passthrough || !m_socket->isOpen())
        return;
    if (m_state == State::Discard) {
        m_socket->readAll();
        return;
    }
    touch();
    if (!m_owned && !takeOver())
        return;
    m_buffer += m_socket->readAll();
    process();
}

void ConnectionGuard::requestFinished()
{
    m_pending = qMax(0, m_pending - 1);
    touch();
    // Pipelined requests wait for the answer before theirs; resume outside the caller's stack.
    if (m_pending == 0 && !m_buffer.isEmpty() && !m_processQueued) {
        m_processQueued = true;
        QMetaObject::invokeMethod(this, [this] {
            m_processQueued = false;
            process();
        }, Qt::QueuedConnection);
    }
}

bool ConnectionGuard::takeLine(QByteArray &line)
{
    const qsizetype nl = m_buffer.indexOf('\n');
    if (nl < 0) {
        if (m_buffer.size() > 4096)
            reject(400, QStringLiteral("bad_request"), QStringLiteral("Malformed chunked body."));
        return false;
    }
    line = m_buffer.left(nl);
    m_buffer.remove(0, nl + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    return true;
}

bool ConnectionGuard::takeBody()
{
    const qint64 take = qMin<qint64>(m_remaining, m_buffer.size());
    m_request.body.append(m_buffer.constData(), take);
    m_buffer.remove(0, take);
    m_remaining -= take;
    return m_remaining == 0;
}

void ConnectionGuard::process()
{
    while (m_pending == 0 && m_state != State::Discard && m_state != State::Passthrough) {
        switch (m_state) {
        case State::Headers: {
            qsizetype start = 0;
            while (start < m_buffer.size() && (m_buffer[start] == '\r' || m_buffer[start] == '\n'))
                ++start; // stray CRLFs between requests
            if (start > 0)
                m_buffer.remove(0, start);
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > kMaxHeaderBytes)
                    reject(431, QStringLiteral("headers_too_large"), QStringLiteral("Request headers are too large."));
                return;
            }
            if (end > kMaxHeaderBytes) {
                reject(431, QStringLiteral("headers_too_large"), QStringLiteral("Request headers are too large."));
                return;
            }
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            if (!onHeaders(head))
                return;
            break;
        }
        case State::Body:
            if (!takeBody())
                return;
            dispatch();
            break;
        case State::ChunkSize: {
            QByteArray line;
            if (!takeLine(line))
                return;
            bool ok = false;
            const qint64 size = line.split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                reject(400, QStringLiteral("bad_request"), QStringLiteral("Malformed chunked body."));
                return;
            }
            if (m_request.body.size() + size > m_limit) {
                reject(413, QStringLiteral("payload_too_large"),
                       QStringLiteral("Request body is larger than the limit of %1 bytes.").arg(m_limit));
                return;
            }
            m_remaining = size;
            m_state = size == 0 ? State::ChunkTrailer : State::ChunkData;
            break;
        }
        case State::ChunkData:
            if (!takeBody())
                return;
            m_state = State::ChunkDataEnd;
            break;
        case State::ChunkDataEnd: {
            QByteArray line;
            if (!takeLine(line))
                return;
            m_state = State::ChunkSize;
            break;
        }
        case State::ChunkTrailer: {
            QByteArray line;
            if (!takeLine(line))
                return;
            if (line.isEmpty())
                dispatch();
            break;
        }
        case State::Passthrough:
        case State::Discard:
            return;
        }
    }
}

bool ConnectionGuard::onHeaders(const QByteArray &head)
{
    m_request = HttpRequest{};
    // Lines and fields are views into `head`: only the parts kept are copied (a copy per slice
    // and per trim was most of this function's time under load).
    const QByteArrayView all(head);
    qsizetype lineEnd = head.indexOf('\n');
    const QByteArrayView requestLine = all.first(lineEnd < 0 ? head.size() : lineEnd).trimmed();
    const qsizetype space1 = requestLine.indexOf(' ');
    const qsizetype space2 = space1 < 0 ? -1 : requestLine.indexOf(' ', space1 + 1);
    const QByteArrayView method = space1 < 0 ? QByteArrayView() : requestLine.first(space1);
    const QByteArrayView target = space2 < 0 ? QByteArrayView() : requestLine.sliced(space1 + 1, space2 - space1 - 1);
    const QByteArrayView version = space2 < 0 ? QByteArrayView() : requestLine.sliced(space2 + 1);
    if (space2 < 0 || version.contains(' ') || !version.startsWith("HTTP/1.") || method.isEmpty() || !target.startsWith('/')) {
        reject(400, QStringLiteral("bad_request"), QStringLiteral("Malformed HTTP request line."));
        return false;
    }
    m_request.method = method.toByteArray().toUpper();
    const qsizetype q = target.indexOf('?');
    m_request.path = QUrl::fromPercentEncoding(q < 0 ? target.toByteArray() : target.first(q).toByteArray());
    if (q >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(target.sliced(q + 1)));
    m_request.peer = m_socket->peerAddress();
    const bool http10 = version == "HTTP/1.0";

    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool upgrade = false;
    bool keepAlive = !http10;
    m_request.headers.reserve(8);
    for (qsizetype start = lineEnd + 1; lineEnd >= 0 && start < head.size(); start = lineEnd + 1) {
        lineEnd = head.indexOf('\n', start);
        const QByteArrayView line = all.sliced(start, (lineEnd < 0 ? head.size() : lineEnd) - start).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        m_request.headers.append(qMakePair(line.first(colon).trimmed().toByteArray(), value));
        if (headerIs(line, "content-length", 14)) {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(400, QStringLiteral("bad_request"), QStringLiteral("Invalid Content-Length header."));
                return false;
            }
        } else if (headerIs(line, "transfer-encoding", 17)) {
            chunked = value.toLower().contains("chunked");
        } else if (headerIs(line, "expect", 6)) {
            expectContinue = value.toLower() == "100-continue";
        } else if (headerIs(line, "upgrade", 7)) {
            upgrade = value.toLower() == "websocket";
        } else if (headerIs(line, "connection", 10)) {
            keepAlive = value.toLower().contains("keep-alive") || (!http10 && !value.toLower().contains("close"));
        }
    }
    if (!keepAlive && m_request.header("Connection").toLower() != "close")
        m_request.headers.append(qMakePair(QByteArray("Connection"), QByteArray("close"))); // HTTP/1.0 without keep-alive
    if (upgrade && m_server->router().isWebSocketPath(m_request.path)) {
        reject(400, QStringLiteral("bad_request"), QStringLiteral("A WebSocket upgrade must be the first request on its connection."));
        return false;
    }
    m_limit = m_server->bodyLimitFor(m_request.path);
    if (!chunked && contentLength > m_limit) {
        reject(413, QStringLiteral("payload_too_large"),
               QStringLiteral("Request body of %1 bytes is larger than the limit of %2 bytes.").arg(contentLength).arg(m_limit));
        return false;
    }
    if (expectContinue && (chunked || contentLength > 0) && m_buffer.isEmpty())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (contentLength > 0) {
        m_remaining = contentLength;
        m_request.body.reserve(contentLength);
        m_state = State::Body;
    } else {
        dispatch();
    }
    return true;
}

void ConnectionGuard::dispatch()
{
    m_state = State::Headers;
    m_remaining = 0;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    m_server->handle(std::move(request), m_socket);
}

void ConnectionGuard::reject(int status, const QString &code, const QString &detail)
{
    m_state = State::Discard;
    m_buffer.clear();
    m_socket->readAll();
    m_server->rejectEarly(m_socket, status, code, detail, m_request.method, m_request.path);
}

void ConnectionGuard::onIdleTimeout()
{
    const qint64 idleFor = m_clock.elapsed() - m_lastActivityMs;
    if (m_pending > 0 || idleFor < m_idleTimeoutMs) {
        m_idle.start(m_pending > 0 ? m_idleTimeoutMs : int(m_idleTimeoutMs - idleFor));
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
