#include "executionlist.h"

#include "apiclient.h"

#include <QDateTime>
#include <QUrlQuery>

namespace synapscale {

namespace {
const QString kExecutions = QStringLiteral("/api/v1/executions");
} // namespace

ExecutionListModel::ExecutionListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(300);
    // Live events change runs, not workflow names: only the runs are fetched again.
    connect(&m_refreshSoon, &QTimer::timeout, this, &ExecutionListModel::fetchRuns);
    connect(ApiClient::create(nullptr, nullptr), &ApiClient::eventReceived, this, &ExecutionListModel::onEvent);
    ApiClient::keepFresh(this, [this] { refresh(); });
}

int ExecutionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QHash<int, QByteArray> ExecutionListModel::roleNames() const
{
    return {{IdRole, "executionId"}, {WorkflowIdRole, "workflowId"}, {WorkflowNameRole, "workflowName"},
            {StatusRole, "status"},  {ModeRole, "mode"},             {StartedAtRole, "startedAt"},
            {DurationMsRole, "durationMs"}, {ErrorRole, "error"}};
}

QVariant ExecutionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QVariantMap &e = m_items.at(index.row());
    switch (role) {
    case IdRole: return e.value(QStringLiteral("id"));
    case WorkflowIdRole: return e.value(QStringLiteral("workflow_id"));
    case WorkflowNameRole: {
        const QString id = e.value(QStringLiteral("workflow_id")).toString();
        return m_workflowNames.value(id, tr("(deleted workflow)"));
    }
    case StatusRole: return e.value(QStringLiteral("status"));
    case ModeRole: return e.value(QStringLiteral("mode"));
    case StartedAtRole:
        return QDateTime::fromString(e.value(QStringLiteral("started_at"), e.value(QStringLiteral("created_at"))).toString(), Qt::ISODateWithMs);
    case DurationMsRole: return e.value(QStringLiteral("duration_ms")).isNull() ? -1 : e.value(QStringLiteral("duration_ms")).toInt();
    case ErrorRole: return e.value(QStringLiteral("error")).toString();
    default: return {};
    }
}

void ExecutionListModel::setWorkflowId(const QString &id)
{
    if (id == m_workflowId)
        return;
    m_workflowId = id;
    Q_EMIT filterChanged();
    fetchRuns();
}

void ExecutionListModel::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT filterChanged();
    fetchRuns();
}

int ExecutionListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).value(QStringLiteral("id")).toString() == id)
            return i;
    return -1;
}

void ExecutionListModel::refresh()
{
    fetchWorkflowNames();
    fetchRuns();
}

void ExecutionListModel::fetchWorkflowNames()
{
    // Names for the workflow column (executions carry only the id).
    ApiClient::create(nullptr, nullptr)->get(QStringLiteral("/api/v1/workflows?limit=200"), this, [this](const ApiReply &reply) {
        if (!reply.ok())
            return;
        for (const QVariant &w : reply.data.toMap().value(QStringLiteral("items")).toList())
            m_workflowNames.insert(w.toMap().value(QStringLiteral("id")).toString(), w.toMap().value(QStringLiteral("name")).toString());
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {WorkflowNameRole});
    });
}

void ExecutionListModel::fetchRuns()
{
    auto *api = ApiClient::create(nullptr, nullptr);
    if (!api->baseUrl().isValid())
        return;
    const int generation = ++m_generation;
    m_loading = true;
    Q_EMIT stateChanged();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    if (!m_workflowId.isEmpty())
        query.addQueryItem(QStringLiteral("workflow_id"), m_workflowId);
    if (!m_status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_status);
    api->get(kExecutions + QLatin1Char('?') + query.toString(QUrl::FullyEncoded), this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!reply.ok()) {
            m_error = reply.error;
            Q_EMIT stateChanged();
            return;
        }
        const QVariantMap page = reply.data.toMap();
        bool unknownWorkflow = false;
        beginResetModel();
        m_items.clear();
        for (const QVariant &item : page.value(QStringLiteral("items")).toList()) {
            m_items << item.toMap();
            unknownWorkflow = unknownWorkflow || !m_workflowNames.contains(m_items.last().value(QStringLiteral("workflow_id")).toString());
        }
        endResetModel();
        m_total = page.value(QStringLiteral("total")).toInt();
        m_error.clear();
        Q_EMIT stateChanged();
        if (unknownWorkflow)
            fetchWorkflowNames(); // a workflow created since the names were read
    });
}

void ExecutionListModel::retry(const QString &id)
{
    ApiClient::create(nullptr, nullptr)->send("POST", kExecutions + QLatin1Char('/') + id + QStringLiteral("/retry"), QVariantMap(), this,
                                              [this](const ApiReply &reply) {
                                                  if (!reply.ok()) {
                                                      Q_EMIT failed(tr("Could not retry: %1").arg(reply.error));
                                                      return;
                                                  }
                                                  const QVariantMap r = reply.data.toMap();
                                                  Q_EMIT retried(r.value(QStringLiteral("execution_id"), r.value(QStringLiteral("id"))).toString());
                                                  refresh();
                                              });
}

void ExecutionListModel::remove(const QString &id)
{
    ApiClient::create(nullptr, nullptr)->send("DELETE", kExecutions + QLatin1Char('/') + id, QVariant(), this, [this, id](const ApiReply &reply) {
        if (!reply.ok()) {
            Q_EMIT failed(tr("Could not delete the execution: %1").arg(reply.error));
            return;
        }
        const int row = indexOf(id);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            --m_total;
            Q_EMIT stateChanged();
        }
    });
}

void ExecutionListModel::onEvent(const QString &type, const QVariantMap &data)
{
    if (!type.startsWith(QLatin1String("execution.")) || type.startsWith(QLatin1String("execution.node.")))
        return;
    if (!m_workflowId.isEmpty() && data.value(QStringLiteral("workflow_id")).toString() != m_workflowId)
        return;
    m_refreshSoon.start();
}

} // namespace synapscale
