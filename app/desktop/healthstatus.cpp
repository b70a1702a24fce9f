#include "healthstatus.h"

#include "apiclient.h"

namespace synapscale {

HealthStatus::HealthStatus(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &HealthStatus::refresh);
    m_timer.start();
    QTimer::singleShot(0, this, &HealthStatus::refresh);
    if (auto *client = ApiClient::create(nullptr, nullptr))
        connect(client, &ApiClient::baseUrlChanged, this, &HealthStatus::refresh);
}

void HealthStatus::setIntervalMs(int ms)
{
    if (ms == m_timer.interval() || ms < 100)
        return;
    m_timer.setInterval(ms);
    Q_EMIT intervalMsChanged();
}

void HealthStatus::refresh()
{
    auto *client = ApiClient::create(nullptr, nullptr);
    if (m_inFlight || !client->baseUrl().isValid())
        return;
    m_inFlight = true;
    m_loading = m_checkedAt.isNull();
    Q_EMIT changed();
    client->get(QStringLiteral("/health"), this, [this](const ApiReply &reply) {
        m_inFlight = false;
        m_loading = false;
        m_checkedAt = QDateTime::currentDateTime();
        const QVariantMap body = reply.data.toMap();
        m_healthy = reply.ok() && body.value(QStringLiteral("status")).toString() == QLatin1String("ok");
        if (body.contains(QStringLiteral("version"))) {
            m_version = body.value(QStringLiteral("version")).toString();
            m_database = body.value(QStringLiteral("database_dialect")).toString();
            m_databaseOk = body.value(QStringLiteral("database")).toString() == QLatin1String("ok");
            m_uptime = body.value(QStringLiteral("uptime_s")).toDouble();
        }
        m_error = m_healthy ? QString() : ApiClient::describeFailure(reply.status, QNetworkReply::NoError, reply.data);
        if (!m_healthy && !reply.error.isEmpty())
            m_error = reply.error;
        Q_EMIT changed();
    });
}

} // namespace synapscale
