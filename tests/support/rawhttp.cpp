#include "rawhttp.h"

#include <QTest>

namespace synapscale::test {

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

nlohmann::json RawResponse::json() const
{
    return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

RawHttp::RawHttp(quint16 port)
    : m_port(port)
{
}

bool RawHttp::connectToServer(int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    return QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

bool RawHttp::parse(RawResponse &out)
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const auto lines = m_buffer.left(end).split('\n');
    RawResponse r;
    r.status = lines.value(0).split(' ').value(1).toInt();
    qint64 length = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        if (line.left(colon).trimmed().toLower() == "content-length")
            length = line.mid(colon + 1).trimmed().toLongLong();
        if (line.left(colon).trimmed().toLower() == "transfer-encoding" && line.mid(colon + 1).trimmed().toLower() == "chunked")
            chunked = true;
    }
    if (chunked && !m_headRequest) {
        // Complete only once the last (empty) chunk has arrived.
        QByteArray body;
        qsizetype at = end + 4;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", at);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qsizetype size = m_buffer.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok)
                return false;
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            if (size == 0) {
                r.body = body;
                m_buffer.remove(0, lineEnd + 4);
                out = std::move(r);
                return true;
            }
            body += m_buffer.mid(lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
    if (m_headRequest)
        length = 0;
    if (length < 0)
        length = (r.status == 204 || r.status == 304 || r.status == 101) ? 0 : -1;
    if (length < 0) { // until close
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            return false;
        length = m_buffer.size() - end - 4;
    }
    if (m_buffer.size() - end - 4 < length)
        return false;
    r.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, end + 4 + length);
    out = std::move(r);
    return true;
}

RawResponse RawHttp::send(const QByteArray &bytes, int timeoutMs)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState && !connectToServer())
        return {};
    if (!bytes.isEmpty())
        m_socket.write(bytes);
    RawResponse out;
    (void)QTest::qWaitFor([&] {
        m_buffer += m_socket.readAll();
        return parse(out) || m_socket.state() == QAbstractSocket::UnconnectedState;
    }, timeoutMs);
    if (out.status == 0) {
        m_buffer += m_socket.readAll();
        parse(out);
    }
    return out;
}

RawResponse RawHttp::request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                             const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    m_headRequest = method == "HEAD";
    QByteArray raw = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    bool hasType = false;
    for (const auto &[k, v] : headers) {
        raw += k + ": " + v + "\r\n";
        hasType = hasType || k.toLower() == "content-type";
    }
    if (!body.isEmpty() && !hasType)
        raw += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "\r\n" + body;
    return send(raw, timeoutMs);
}

bool RawHttp::waitForClosed(int timeoutMs)
{
    return QTest::qWaitFor([&] {
        m_buffer += m_socket.readAll();
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }, timeoutMs);
}

RawResponse RawHttp::once(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    RawHttp client(port);
    return client.request(method, path, body, headers);
}

} // namespace synapscale::test
