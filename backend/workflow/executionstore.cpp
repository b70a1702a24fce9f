#include "executionstore.h"

#include "core/logger.h"
#include "workflow/workflowrepository.h"

namespace synapscale {

namespace {
void logFailure(const char *what, const QString &executionId, const Error &error)
{
    Log::warning(QStringLiteral("could not record %1 of execution %2: %3").arg(QLatin1String(what), executionId, error.message));
}
} // namespace

void DatabaseExecutionStore::created(const ExecutionRequest &request, int workflowVersion, const QString &createdAt)
{
    (void)createdAt;
    ExecutionRecord record;
    record.id = request.executionId;
    record.workflowId = request.workflowId;
    record.ownerId = request.ownerId;
    record.workflowVersion = workflowVersion;
    record.mode = request.mode;
    record.priority = request.priority;
    record.retryOf = request.retryOf;
    if (!request.input.empty())
        record.input = QByteArray::fromStdString(Json(request.input).dump());
    auto r = ExecutionRepository(m_db).create(record);
    if (!r)
        logFailure("creation", request.executionId, r.error());
}

void DatabaseExecutionStore::started(const QString &executionId, const QString &startedAt)
{
    auto r = ExecutionRepository(m_db).markStarted(executionId, startedAt);
    if (!r)
        logFailure("start", executionId, r.error());
}

void DatabaseExecutionStore::nodeFinished(const QString &executionId, const NodeRunSummary &run)
{
    NodeRunRecord record;
    record.executionId = executionId;
    record.nodeId = QString::fromStdString(run.nodeId);
    record.name = QString::fromStdString(run.name);
    record.runIndex = run.runIndex;
    record.status = QString::fromStdString(run.status);
    record.startedAt = run.startedAt;
    record.finishedAt = run.finishedAt;
    record.itemsIn = run.itemsIn;
    record.itemsOut = run.itemsOut;
    record.error = QString::fromStdString(run.error);
    if (!run.output.is_null())
        record.output = QByteArray::fromStdString(run.output.dump(-1, ' ', false, Json::error_handler_t::replace));
    auto r = ExecutionRepository(m_db).insertNodeRun(record);
    if (!r)
        logFailure("a node run", executionId, r.error());
}

void DatabaseExecutionStore::waiting(const QString &executionId, const Json &state, const QDateTime &until)
{
    auto r = ExecutionRepository(m_db).markWaiting(executionId, QByteArray::fromStdString(state.dump(-1, ' ', false, Json::error_handler_t::replace)),
                                                   until.toUTC().toString(Qt::ISODateWithMs));
    if (!r)
        logFailure("the waiting state", executionId, r.error());
}

void DatabaseExecutionStore::finished(const QString &executionId, const QString &status, const QString &error, const QString &finishedAt,
                                      qint64 durationMs)
{
    auto r = ExecutionRepository(m_db).finish(executionId, status, error, finishedAt, durationMs);
    if (!r)
        logFailure("the end", executionId, r.error());
}

} // namespace synapscale
