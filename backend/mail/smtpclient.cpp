#include "smtpclient.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>

namespace synapscale {

namespace {
QByteArray encodeHeader(const QString &value)
{
    // RFC 2047 for anything that is not plain ASCII.
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8)
        if (uchar(c) > 126 || uchar(c) < 32)
            return "=?UTF-8?B?" + utf8.toBase64() + "?=";
    return utf8;
}

QByteArray address(const QString &email)
{
    QString clean = email;
    clean.remove(QLatin1Char('\r')).remove(QLatin1Char('\n')).remove(QLatin1Char('<')).remove(QLatin1Char('>'));
    return clean.trimmed().toUtf8();
}
} // namespace

SmtpClient::SmtpClient(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("the mail server did not answer in time")); });
    connect(&m_socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_step != Step::Done)
            fail(QStringLiteral("connection to the mail server failed: %1").arg(m_socket.errorString()));
    });
    connect(&m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_step == Step::StartTls)
            command("EHLO " + QByteArray("synapscale.local"), Step::EhloAfterTls);
    });
}

SmtpClient::~SmtpClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

QByteArray SmtpClient::formatMessage(const SmtpSettings &settings, const MailMessage &message)
{
    QByteArray out;
    out += "From: " + address(settings.from) + "\r\n";
    out += "To: " + address(message.to) + "\r\n";
    out += "Subject: " + encodeHeader(message.subject) + "\r\n";
    out += "Date: " + QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss +0000")).toLatin1() + "\r\n";
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::Id128).toLatin1() + "@synapscale>\r\n";
    out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    QByteArray body = message.body.toUtf8();
    body.replace("\r\n", "\n");
    if (body.endsWith('\n'))
        body.chop(1);
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith('.'))
            out += '.'; // dot-stuffing: a lone "." would end the message
        out += line + "\r\n";
    }
    return out;
}

void SmtpClient::send(const SmtpSettings &settings, const MailMessage &message)
{
    m_settings = settings;
    m_message = message;
    m_buffer.clear();
    m_replyText.clear();
    m_serverSupportsStartTls = false;
    m_finished = false;
    m_step = Step::Greeting;
    m_timeout.start(settings.timeoutMs);
    if (settings.port == 465)
        m_socket.connectToHostEncrypted(settings.host, quint16(settings.port));
    else
        m_socket.connectToHost(settings.host, quint16(settings.port));
}

void SmtpClient::onReadyRead()
{
    m_buffer += m_socket.readAll();
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl).trimmed();
        m_buffer.remove(0, nl + 1);
        if (line.size() < 3)
            continue;
        m_replyText += line.mid(4) + '\n';
        if (line.size() > 3 && line[3] == '-')
            continue; // multi-line reply goes on
        const int code = line.left(3).toInt();
        const QByteArray text = m_replyText;
        m_replyText.clear();
        onReply(code, text);
        if (m_finished)
            return;
    }
}

void SmtpClient::command(const QByteArray &line, Step next)
{
    m_step = next;
    m_timeout.start(m_settings.timeoutMs);
    m_socket.write(line + "\r\n");
}

void SmtpClient::afterEhlo()
{
    if (!m_settings.user.isEmpty()) {
        const QByteArray plain = '\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8();
        command("AUTH PLAIN " + plain.toBase64(), Step::Auth);
    } else {
        command("MAIL FROM:<" + address(m_settings.from) + ">", Step::MailFrom);
    }
}

void SmtpClient::onReply(int code, const QByteArray &text)
{
    const auto expect = [&](int wanted) {
        if (code / 100 == wanted / 100)
            return true;
        fail(QStringLiteral("the mail server refused (%1 %2)").arg(code).arg(QString::fromUtf8(text.trimmed()).left(200)));
        return false;
    };
    switch (m_step) {
    case Step::Greeting:
        if (expect(220))
            command("EHLO synapscale.local", Step::Ehlo);
        break;
    case Step::Ehlo:
        if (!expect(250))
            break;
        m_serverSupportsStartTls = text.toUpper().contains("STARTTLS");
        if (m_settings.startTls && m_settings.port != 465) {
            if (!m_serverSupportsStartTls) {
                fail(QStringLiteral("SMTP_TLS=true but the mail server does not offer STARTTLS"));
                break;
            }
            command("STARTTLS", Step::StartTls);
        } else {
            afterEhlo();
        }
        break;
    case Step::StartTls:
        if (expect(220))
            m_socket.startClientEncryption();
        break;
    case Step::EhloAfterTls:
        if (expect(250))
            afterEhlo();
        break;
    case Step::Auth:
        if (expect(235))
            command("MAIL FROM:<" + address(m_settings.from) + ">", Step::MailFrom);
        break;
    case Step::MailFrom:
        if (expect(250))
            command("RCPT TO:<" + address(m_message.to) + ">", Step::RcptTo);
        break;
    case Step::RcptTo:
        if (expect(250))
            command("DATA", Step::Data);
        break;
    case Step::Data:
        if (code != 354) {
            expect(354);
            break;
        }
        m_step = Step::Body;
        m_timeout.start(m_settings.timeoutMs);
        m_socket.write(formatMessage(m_settings, m_message) + ".\r\n");
        break;
    case Step::Body:
        // 250 after the body: the server has taken the message (RFC 5321 4.1.1.10 makes QUIT a
        // courtesy). A server that hangs up before answering QUIT must not make the mailer
        // count a failure and send the same email again.
        if (expect(250)) {
            m_socket.write("QUIT\r\n");
            succeed();
        }
        break;
    case Step::Done:
        break;
    }
}

void SmtpClient::fail(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_step = Step::Done;
    m_timeout.stop();
    m_socket.abort();
    Q_EMIT finished(false, error);
}

void SmtpClient::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_step = Step::Done;
    m_timeout.stop();
    m_socket.disconnectFromHost();
    Q_EMIT finished(true, {});
}

} // namespace synapscale
