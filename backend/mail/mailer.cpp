#include "mailer.h"

#include "core/clock.h"
#include "core/logger.h"
#include "storage/database.h"
#include "storage/rows.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

namespace synapscale {

namespace {
constexpr int kMaxAttempts = 12;
constexpr auto kInsert = "INSERT INTO email_outbox (id, to_address, subject, body, attempts, next_attempt_at, last_error, created_at, "
                         "sent_at) VALUES (?, ?, ?, ?, 0, ?, NULL, ?, NULL)";
constexpr auto kNextDue = "SELECT id, to_address, subject, body, attempts FROM email_outbox "
                          "WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT 1";
// Once sent, the body (which may hold a one-time link) is not kept.
constexpr auto kMarkSent = "UPDATE email_outbox SET sent_at = ?, body = '', last_error = NULL WHERE id = ?";
constexpr auto kMarkFailed = "UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?";
} // namespace

Mailer::Mailer(Database &db, SmtpSettings settings, bool logMessages, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_settings(std::move(settings))
    , m_logMessages(logMessages)
{
    connect(&m_client, &SmtpClient::finished, this, &Mailer::onFinished);
    m_poll.setInterval(5000);
    connect(&m_poll, &QTimer::timeout, this, &Mailer::deliverDue);
    if (configured())
        m_poll.start();
}

int Mailer::backoffSeconds(int attempts)
{
    return qMin(3600, 10 << qMin(attempts, 9));
}

bool Mailer::enqueue(const MailMessage &message)
{
    const QString now = nowIso();
    auto q = m_db.exec(QString::fromLatin1(kInsert), {newId(), message.to, message.subject, message.body, now, now});
    if (!q) {
        Log::error(QStringLiteral("cannot queue email: %1").arg(q.error().message));
        return false;
    }
    if (m_logMessages)
        Log::write(LogLevel::Info, QStringLiteral("email queued"),
                   {{"to", message.to.toStdString()}, {"subject", message.subject.toStdString()}, {"body", message.body.toStdString()}});
    QMetaObject::invokeMethod(this, &Mailer::deliverDue, Qt::QueuedConnection);
    return true;
}

void Mailer::deliverDue()
{
    if (!configured() || !m_current.isEmpty())
        return;
    auto q = m_db.exec(QString::fromLatin1(kNextDue), {kMaxAttempts, nowIso()});
    if (!q || !q->next())
        return;
    m_current = q->value(0).toString();
    MailMessage message{q->value(1).toString(), q->value(2).toString(), q->value(3).toString()};
    m_client.send(m_settings, message);
}

void Mailer::onFinished(bool ok, const QString &error)
{
    const QString id = m_current;
    m_current.clear();
    if (ok) {
        (void)m_db.exec(QString::fromLatin1(kMarkSent), {nowIso(), id});
        Q_EMIT delivered(id);
        QMetaObject::invokeMethod(this, &Mailer::deliverDue, Qt::QueuedConnection);
        return;
    }
    auto attempts = m_db.exec(QStringLiteral("SELECT attempts FROM email_outbox WHERE id = ?"), {id});
    const int done = attempts && attempts->next() ? attempts->value(0).toInt() : 0;
    const QString next = toIso(QDateTime::currentMSecsSinceEpoch() + qint64(backoffSeconds(done)) * 1000);
    (void)m_db.exec(QString::fromLatin1(kMarkFailed), {next, error, id});
    Log::warning(QStringLiteral("email delivery failed (attempt %1): %2").arg(done + 1).arg(error));
    Q_EMIT failedAttempt(id, error);
}

} // namespace synapscale
