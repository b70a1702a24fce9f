#pragma once

#include <QObject>
#include <QSslSocket>
#include <QTimer>

namespace synapscale {

struct SmtpSettings {
    QString host;
    int port = 587;
    QString user;
    QString password;
    bool startTls = true;   // SMTP_TLS; port 465 always means TLS from the first byte
    QString from;
    int timeoutMs = 30000;
};

struct MailMessage {
    QString to;
    QString subject;
    QString body;           // plain text, UTF-8
};

// A small asynchronous SMTP client: EHLO, STARTTLS when asked, AUTH PLAIN when a user is set,
// MAIL/RCPT/DATA with dot-stuffing, QUIT. One message per connection; finished() says how it went.
class SmtpClient : public QObject {
    Q_OBJECT
public:
    explicit SmtpClient(QObject *parent = nullptr);
    ~SmtpClient() override;
    void send(const SmtpSettings &settings, const MailMessage &message);

    static QByteArray formatMessage(const SmtpSettings &settings, const MailMessage &message);

Q_SIGNALS:
    void finished(bool ok, const QString &error);

private:
    enum class Step { Greeting, Ehlo, StartTls, EhloAfterTls, Auth, MailFrom, RcptTo, Data, Body, Done };
    void onReadyRead();
    void onReply(int code, const QByteArray &text);
    void command(const QByteArray &line, Step next);
    void afterEhlo();
    void fail(const QString &error);
    void succeed();

    QSslSocket m_socket;
    QTimer m_timeout;
    SmtpSettings m_settings;
    MailMessage m_message;
    Step m_step = Step::Done;
    QByteArray m_buffer;
    QByteArray m_replyText;
    bool m_serverSupportsStartTls = false;
    bool m_finished = true;
};

} // namespace synapscale
