#pragma once

#include "mail/smtpclient.h"

#include <QObject>
#include <QTimer>

namespace synapscale {

class Database;

// Outgoing email through a database outbox: enqueue() stores the message (from any thread) and
// the mailer, on its own thread, delivers due messages one by one, retrying with backoff, so a
// mail server outage delays email but loses none. With DEBUG on, each message is also logged.
class Mailer : public QObject {
    Q_OBJECT
public:
    Mailer(Database &db, SmtpSettings settings, bool logMessages, QObject *parent = nullptr);

    // Thread-safe: stores the message and wakes the mailer.
    bool enqueue(const MailMessage &message);
    bool configured() const { return !m_settings.host.isEmpty(); }
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    static int backoffSeconds(int attempts); // 10 s, 20 s, 40 s, ... capped at one hour

public Q_SLOTS:
    void deliverDue();

Q_SIGNALS:
    void delivered(const QString &id);
    void failedAttempt(const QString &id, const QString &error);

private:
    void onFinished(bool ok, const QString &error);

    Database &m_db;
    SmtpSettings m_settings;
    bool m_logMessages;
    SmtpClient m_client;
    QTimer m_poll;
    QString m_current;  // outbox id being sent, empty when idle
};

} // namespace synapscale
