#pragma once

#include "engine/executionrun.h"

namespace synapscale {

class Database;

// ExecutionStore over the database (the executions and execution_node_runs tables). Runs on
// the engine's worker threads, each with its own connection. A failed write is logged and the
// execution carries on: losing a record must not stop the user's workflow.
class DatabaseExecutionStore : public ExecutionStore {
public:
    explicit DatabaseExecutionStore(Database &db) : m_db(db) {}

    void created(const ExecutionRequest &request, int workflowVersion, const QString &createdAt) override;
    void started(const QString &executionId, const QString &startedAt) override;
    void nodeFinished(const QString &executionId, const NodeRunSummary &run) override;
    void waiting(const QString &executionId, const Json &state, const QDateTime &until) override;
    void finished(const QString &executionId, const QString &status, const QString &error, const QString &finishedAt,
                  qint64 durationMs) override;

private:
    Database &m_db;
};

} // namespace synapscale
