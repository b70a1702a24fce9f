#include "smtpsink.h"

#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>

namespace synapscale::test {

SmtpSink::SmtpSink(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SmtpSink::onConnection);
}

void SmtpSink::Server::incomingConnection(qintptr descriptor)
{
    // Every connection is a QSslSocket, so STARTTLS can turn it encrypted in place.
    auto *socket = new QSslSocket(this);
    if (socket->setSocketDescriptor(descriptor))
        addPendingConnection(socket);
    else
        delete socket;
}

void SmtpSink::enableStartTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool SmtpSink::start(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void SmtpSink::stop()
{
    m_server.close();
    for (auto *socket : m_server.findChildren<QTcpSocket *>())
        socket->abort();
}

QString SmtpSink::lastTokenFor(const QByteArray &to) const
{
    static const QRegularExpression token(QStringLiteral("[?&]token=([A-Za-z0-9_-]+)"));
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->to != to)
            continue;
        const auto m = token.match(QString::fromUtf8(it->data));
        return m.hasMatch() ? m.captured(1) : QString();
    }
    return {};
}

void SmtpSink::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto state = std::make_shared<Message>();
        auto buffer = std::make_shared<QByteArray>();
        auto inData = std::make_shared<bool>(false);
        socket->write("220 sink.test ESMTP ready\r\n");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, state, buffer, inData] {
            *buffer += socket->readAll();
            while (true) {
                if (*inData) {
                    const qsizetype end = buffer->indexOf("\r\n.\r\n");
                    if (end < 0)
                        return;
                    QByteArray data = buffer->left(end + 2);
                    buffer->remove(0, end + 5);
                    data.replace("\r\n..", "\r\n.");
                    state->data = data;
                    m_messages << *state;
                    *inData = false;
                    socket->write("250 2.0.0 queued\r\n");
                    continue;
                }
                const qsizetype nl = buffer->indexOf("\r\n");
                if (nl < 0)
                    return;
                const QByteArray line = buffer->left(nl);
                buffer->remove(0, nl + 2);
                const QByteArray verb = line.left(4).toUpper();
                auto *ssl = qobject_cast<QSslSocket *>(socket);
                if (verb == "EHLO" || verb == "HELO") {
                    const bool offerTls = !m_certificate.isNull() && ssl && !ssl->isEncrypted();
                    socket->write(offerTls ? "250-sink.test\r\n250-STARTTLS\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n"
                                           : "250-sink.test\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
                } else if (line.toUpper() == "STARTTLS" && ssl && !m_certificate.isNull()) {
                    socket->write("220 2.0.0 ready to start TLS\r\n");
                    socket->flush();
                    ssl->setLocalCertificate(m_certificate);
                    ssl->setPrivateKey(m_key);
                    ssl->startServerEncryption();
                    state->encrypted = true;
                } else if (verb == "AUTH") {
                    state->authPlain = QByteArray::fromBase64(line.mid(11));
                    socket->write("235 2.7.0 accepted\r\n");
                } else if (verb == "MAIL") {
                    state->from = line.mid(line.indexOf('<') + 1).chopped(1);
                    socket->write("250 2.1.0 ok\r\n");
                } else if (verb == "RCPT") {
                    state->to = line.mid(line.indexOf('<') + 1).chopped(1);
                    socket->write("250 2.1.5 ok\r\n");
                } else if (verb == "DATA") {
                    *inData = true;
                    socket->write("354 go ahead\r\n");
                } else if (verb == "QUIT") {
                    if (m_hangUpOnQuit) {
                        socket->abort();
                        return;
                    }
                    socket->write("221 bye\r\n");
                    socket->disconnectFromHost();
                    return;
                } else {
                    socket->write("500 unknown command\r\n");
                }
            }
        });
    }
}

} // namespace synapscale::test
