#pragma once

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

namespace synapscale {

// View-model of the home page: the connected server's health, polled every few seconds.
class HealthStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(bool healthy READ healthy NOTIFY changed)
    Q_PROPERTY(QString version READ version NOTIFY changed)
    Q_PROPERTY(QString database READ database NOTIFY changed)          // "sqlite" | "postgresql"
    Q_PROPERTY(bool databaseOk READ databaseOk NOTIFY changed)
    Q_PROPERTY(double uptimeSeconds READ uptimeSeconds NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QDateTime checkedAt READ checkedAt NOTIFY changed)
    Q_PROPERTY(int intervalMs READ intervalMs WRITE setIntervalMs NOTIFY intervalMsChanged)
public:
    explicit HealthStatus(QObject *parent = nullptr);

    bool loading() const { return m_loading; }
    bool healthy() const { return m_healthy; }
    QString version() const { return m_version; }
    QString database() const { return m_database; }
    bool databaseOk() const { return m_databaseOk; }
    double uptimeSeconds() const { return m_uptime; }
    QString error() const { return m_error; }
    QDateTime checkedAt() const { return m_checkedAt; }
    int intervalMs() const { return m_timer.interval(); }
    void setIntervalMs(int ms);

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void changed();
    void intervalMsChanged();

private:
    QTimer m_timer;
    bool m_loading = false;
    bool m_inFlight = false;
    bool m_healthy = false;
    QString m_version;
    QString m_database;
    bool m_databaseOk = false;
    double m_uptime = 0;
    QString m_error;
    QDateTime m_checkedAt;
};

} // namespace synapscale
