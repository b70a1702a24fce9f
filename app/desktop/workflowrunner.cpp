#include "workflowrunner.h"

#include "apiclient.h"
#include "canvasedges.h"
#include "canvasnodes.h"
#include "workflowdocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace synapscale {

namespace {
const QString kExecutions = QStringLiteral("/api/v1/executions/");

bool terminal(const QString &status)
{
    return status == QLatin1String("succeeded") || status == QLatin1String("failed") || status == QLatin1String("cancelled");
}
} // namespace

WorkflowRunner::WorkflowRunner(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(1000);
    // Events are the fast path; this catches a run whose events were missed (channel down).
    connect(&m_poll, &QTimer::timeout, this, &WorkflowRunner::fetchExecution);
    connect(ApiClient::create(nullptr, nullptr), &ApiClient::eventReceived, this, &WorkflowRunner::onEvent);
}

void WorkflowRunner::setDocument(WorkflowDocument *document)
{
    if (document == m_document)
        return;
    m_document = document;
    Q_EMIT documentChanged();
}

void WorkflowRunner::clear()
{
    m_poll.stop();
    m_running = false;
    m_awaitingId = false;
    m_executionId.clear();
    m_status.clear();
    m_error.clear();
    m_durationMs = 0;
    m_nodeRuns.clear();
    if (m_document)
        m_document->nodes()->clearRunState();
    ++m_revision;
    Q_EMIT stateChanged();
    Q_EMIT dataChanged();
}

void WorkflowRunner::fail(const QString &message)
{
    m_running = false;
    m_awaitingId = false;
    m_poll.stop();
    m_error = message;
    Q_EMIT stateChanged();
}

void WorkflowRunner::run(const QString &inputJson)
{
    if (!m_document || m_document->workflowId().isEmpty() || m_running)
        return;
    QVariant input;
    if (!inputJson.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(inputJson.toUtf8(), &parseError);
        if (doc.isNull()) {
            fail(tr("The input is not valid JSON: %1 (at character %2).").arg(parseError.errorString()).arg(parseError.offset));
            return;
        }
        input = doc.isArray() ? QVariant(doc.array().toVariantList()) : QVariant(doc.object().toVariantMap());
    }
    if (m_document->readOnly()) {
        fail(tr("This is a past run, shown read-only. Open the workflow to run it again."));
        return;
    }
    clear();
    m_running = true;
    m_status = QStringLiteral("queued");
    Q_EMIT stateChanged();
    if (m_document->conflict()) {
        fail(tr("Resolve the save conflict first: reload or overwrite."));
        return;
    }
    // The server runs the stored definition: save first, then run what was saved.
    m_document->saveThen(this, [this, input] { start(input); }, [this](const QString &why) {
        fail(tr("Not run, because the workflow could not be saved: %1").arg(why));
    });
}

void WorkflowRunner::start(const QVariant &input)
{
    QVariantMap body;
    if (input.isValid())
        body.insert(QStringLiteral("input"), input);
    m_awaitingId = true;
    m_early.clear();
    const QString workflowId = m_document->workflowId();
    ApiClient::create(nullptr, nullptr)->send("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(workflowId), body, this,
                                              [this](const ApiReply &reply) {
                                                  m_awaitingId = false;
                                                  if (!reply.ok()) {
                                                      m_early.clear();
                                                      fail(reply.error);
                                                      return;
                                                  }
                                                  m_executionId = reply.data.toMap().value(QStringLiteral("execution_id")).toString();
                                                  Q_EMIT stateChanged();
                                                  const auto early = std::exchange(m_early, {});
                                                  for (const auto &[type, data] : early)
                                                      onEvent(type, data);
                                                  if (m_running)
                                                      m_poll.start();
                                              });
}

void WorkflowRunner::stop()
{
    if (!m_running || m_executionId.isEmpty())
        return;
    ApiClient::create(nullptr, nullptr)->send("POST", kExecutions + m_executionId + QStringLiteral("/cancel"), QVariantMap(), this,
                                              [this](const ApiReply &reply) {
                                                  if (!reply.ok() && reply.status != 409)
                                                      m_error = reply.error;
                                                  fetchExecution();
                                              });
}

void WorkflowRunner::onEvent(const QString &type, const QVariantMap &data)
{
    if (!type.startsWith(QLatin1String("execution.")) || !m_document)
        return;
    const QString executionId = data.value(QStringLiteral("execution_id")).toString();
    if (m_awaitingId) {
        if (data.value(QStringLiteral("workflow_id")).toString() == m_document->workflowId())
            m_early.append({type, data});
        return;
    }
    if (!m_running || executionId != m_executionId)
        return;
    CanvasNodeModel *nodes = m_document->nodes();
    const int row = nodes->indexOf(data.value(QStringLiteral("node_id")).toString());
    if (type == QLatin1String("execution.started")) {
        m_status = QStringLiteral("running");
        Q_EMIT stateChanged();
    } else if (type == QLatin1String("execution.node.started") && row >= 0) {
        nodes->setRunState(row, QStringLiteral("running"), -1, -1, {});
    } else if (type == QLatin1String("execution.node.finished") && row >= 0) {
        nodes->setRunState(row, data.value(QStringLiteral("status")).toString(), data.value(QStringLiteral("items_in"), -1).toInt(),
                           data.value(QStringLiteral("items_out"), -1).toInt(), data.value(QStringLiteral("error")).toString());
    } else if (type == QLatin1String("execution.waiting")) {
        m_status = QStringLiteral("waiting");
        if (row >= 0)
            nodes->setRunState(row, QStringLiteral("waiting"), -1, -1, {});
        Q_EMIT stateChanged();
    } else if (type == QLatin1String("execution.finished") || type == QLatin1String("execution.failed")
               || type == QLatin1String("execution.cancelled")) {
        fetchExecution();
    }
}

void WorkflowRunner::fetchExecution()
{
    if (m_executionId.isEmpty())
        return;
    const QString id = m_executionId;
    ApiClient::create(nullptr, nullptr)->get(kExecutions + id, this, [this, id](const ApiReply &reply) {
        if (id != m_executionId)
            return;
        if (!reply.ok()) {
            if (m_running && reply.status != 0)
                fail(reply.error);
            return;
        }
        showExecution(reply.data.toMap());
    });
}

void WorkflowRunner::showExecution(const QVariantMap &execution)
{
    m_status = execution.value(QStringLiteral("status")).toString();
    m_durationMs = execution.value(QStringLiteral("duration_ms")).toInt();
    m_error = execution.value(QStringLiteral("error")).toString();
    m_nodeRuns.clear();
    for (const QVariant &v : execution.value(QStringLiteral("nodes")).toList()) {
        const QVariantMap run = v.toMap();
        m_nodeRuns.insert(run.value(QStringLiteral("node_id")).toString(), run); // runs come in order: the last one stays
    }
    if (m_document) {
        CanvasNodeModel *nodes = m_document->nodes();
        for (int row = 0; row < nodes->rowCount(); ++row) {
            const auto it = m_nodeRuns.constFind(nodes->at(row).id());
            if (it == m_nodeRuns.constEnd()) {
                if (terminal(m_status))
                    nodes->setRunState(row, {}, -1, -1, {});
                continue;
            }
            nodes->setRunState(row, it->value(QStringLiteral("status")).toString(), it->value(QStringLiteral("items_in"), -1).toInt(),
                               it->value(QStringLiteral("items_out"), -1).toInt(), it->value(QStringLiteral("error")).toString());
        }
    }
    ++m_revision;
    if (terminal(m_status) && m_running) {
        m_running = false;
        m_poll.stop();
        Q_EMIT stateChanged();
        Q_EMIT dataChanged();
        Q_EMIT finished(m_status);
        return;
    }
    Q_EMIT stateChanged();
    Q_EMIT dataChanged();
}

void WorkflowRunner::openExecution(const QString &executionId)
{
    if (!m_document)
        return;
    clear();
    m_executionId = executionId;
    ApiClient::create(nullptr, nullptr)->get(kExecutions + executionId, this, [this, executionId](const ApiReply &reply) {
        if (executionId != m_executionId)
            return;
        if (!reply.ok()) {
            fail(reply.error);
            return;
        }
        const QVariantMap execution = reply.data.toMap();
        const QString workflowId = execution.value(QStringLiteral("workflow_id")).toString();
        const int version = execution.value(QStringLiteral("workflow_version")).toInt();
        ApiClient::create(nullptr, nullptr)->get(QStringLiteral("/api/v1/workflows/%1/versions/%2").arg(workflowId).arg(version), this,
                                                  [this, executionId, execution, workflowId, version](const ApiReply &versionReply) {
                                                      if (executionId != m_executionId)
                                                          return;
                                                      if (!versionReply.ok()) {
                                                          fail(versionReply.error);
                                                          return;
                                                      }
                                                      const QVariantMap v = versionReply.data.toMap();
                                                      m_document->setReadOnly(true);
                                                      m_document->loadDefinition(workflowId, v.value(QStringLiteral("name")).toString(),
                                                                                 v.value(QStringLiteral("definition")).toMap(), version);
                                                      showExecution(execution);
                                                  });
    });
}

QVariantMap WorkflowRunner::nodeData(const QString &nodeId) const
{
    const auto it = m_nodeRuns.constFind(nodeId);
    if (it == m_nodeRuns.constEnd())
        return {};
    QVariantMap data = *it;
    // A node's input is what its upstream nodes put on the ports wired to it.
    QVariantList input;
    if (m_document) {
        for (const CanvasEdge &e : m_document->edges()->edges()) {
            if (e.to != nodeId)
                continue;
            const auto from = m_nodeRuns.constFind(e.from);
            if (from == m_nodeRuns.constEnd())
                continue;
            input << from->value(QStringLiteral("output")).toList().value(e.fromPort).toList();
        }
    }
    data.insert(QStringLiteral("input"), input);
    return data;
}

QVariantMap WorkflowRunner::table(const QVariantList &items)
{
    QStringList columns;
    QList<QVariantMap> objects;
    for (const QVariant &item : items) {
        QVariantMap json = item.toMap();
        json = json.contains(QStringLiteral("json")) ? json.value(QStringLiteral("json")).toMap() : json;
        for (auto it = json.cbegin(); it != json.cend(); ++it)
            if (!columns.contains(it.key()))
                columns << it.key();
        objects << json;
    }
    QVariantList rows;
    for (const QVariantMap &json : std::as_const(objects)) {
        QVariantList row;
        for (const QString &column : std::as_const(columns)) {
            const QVariant v = json.value(column);
            const auto type = v.typeId();
            row << (type == QMetaType::QVariantMap || type == QMetaType::QVariantList ? toJson(v).simplified()
                    : v.isNull()                                                       ? QString()
                                                                                       : v.toString());
        }
        rows << QVariant(row);
    }
    return {{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}};
}

QString WorkflowRunner::toJson(const QVariant &value)
{
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isObject())
        return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Indented));
    if (json.isArray())
        return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Indented));
    return QString::fromUtf8(QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace synapscale
