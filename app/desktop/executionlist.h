#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QTimer>

namespace synapscale {

// View-model of the Executions page: the user's runs, newest first, filtered by workflow and
// status, kept current by the live execution events; retry and delete go through the API.
class ExecutionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString workflowId READ workflowId WRITE setWorkflowId NOTIFY filterChanged)
    Q_PROPERTY(QString status READ status WRITE setStatus NOTIFY filterChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY stateChanged)
    Q_PROPERTY(int total READ total NOTIFY stateChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        WorkflowIdRole,
        WorkflowNameRole,
        StatusRole,
        ModeRole,
        StartedAtRole,  // QDateTime, invalid while queued
        DurationMsRole, // -1 while not finished
        ErrorRole,
    };
    Q_ENUM(Role)
    explicit ExecutionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString workflowId() const { return m_workflowId; }
    void setWorkflowId(const QString &id);
    QString status() const { return m_status; }
    void setStatus(const QString &status);
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    int total() const { return m_total; }

    // Runs and workflow names (filter changes and live events fetch only the runs).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE void retry(const QString &id);
    Q_INVOKABLE void remove(const QString &id);

Q_SIGNALS:
    void filterChanged();
    void stateChanged();
    void retried(const QString &newExecutionId);
    void failed(const QString &message);

private:
    void onEvent(const QString &type, const QVariantMap &data);
    void fetchWorkflowNames();
    void fetchRuns();

    QList<QVariantMap> m_items;
    QHash<QString, QString> m_workflowNames;
    QString m_workflowId;
    QString m_status;
    bool m_loading = false;
    QString m_error;
    int m_total = 0;
    int m_generation = 0;
    QTimer m_refreshSoon;
};

} // namespace synapscale
