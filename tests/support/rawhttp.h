#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace synapscale::test {

struct RawResponse {
    int status = 0;                                   // 0: no (complete) response
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
    nlohmann::json json() const;
};

// A deliberately low-level HTTP/1.1 client over one keep-alive TCP connection, so tests can
// send exactly the bytes they mean (bad framing, huge Content-Length, early disconnects) and see
// exactly what comes back. It waits by spinning the event loop, so a server on the same thread
// keeps running.
class RawHttp {
public:
    explicit RawHttp(quint16 port);
    bool connectToServer(int timeoutMs = 5000);
    // Writes the bytes as they are and waits for one complete response.
    RawResponse send(const QByteArray &bytes, int timeoutMs = 10000);
    RawResponse request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                        const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000);
    bool waitForClosed(int timeoutMs);
    QTcpSocket &socket() { return m_socket; }

    static RawResponse once(quint16 port, const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    bool parse(RawResponse &out);
    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_headRequest = false; // a HEAD response announces a length but carries no body
};

} // namespace synapscale::test
