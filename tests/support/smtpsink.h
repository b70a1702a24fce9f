#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

namespace synapscale::test {

// A real SMTP server on 127.0.0.1 that accepts every message and keeps it, for tests of
// outgoing email. It speaks EHLO, AUTH PLAIN, MAIL, RCPT, DATA (with dot-unstuffing) and QUIT.
class SmtpSink : public QObject {
    Q_OBJECT
public:
    struct Message {
        QByteArray from;
        QByteArray to;
        QByteArray data;      // headers and body as received, dot-unstuffed
        QByteArray authPlain; // decoded "\0user\0password" when the client authenticated
        bool encrypted = false;
    };

    explicit SmtpSink(QObject *parent = nullptr);
    bool start(quint16 port = 0);
    // Offer STARTTLS with this certificate; messages then record whether they came encrypted.
    void enableStartTls(const QSslCertificate &certificate, const QSslKey &key);
    void stop();
    // Close the connection on QUIT without answering it (a server that hangs up early).
    void hangUpOnQuit(bool hangUp) { m_hangUpOnQuit = hangUp; }
    quint16 port() const { return m_port; }
    const QList<Message> &messages() const { return m_messages; }
    // The first http(s) link in the newest message to `to`, and the token= value in it.
    QString lastTokenFor(const QByteArray &to) const;

private:
    void onConnection();
    class Server : public QTcpServer {
    protected:
        void incomingConnection(qintptr descriptor) override;
    };
    Server m_server;
    QSslCertificate m_certificate;
    QSslKey m_key;
    quint16 m_port = 0;
    bool m_hangUpOnQuit = false;
    QList<Message> m_messages;
};

} // namespace synapscale::test
