#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "engine/executionrun.h"
#include "storage/page.h"
#include "workflow/workflowrecords.h"
#include "workflow/workflowrepository.h"

#include <QHash>

#include <memory>
#include <mutex>

namespace synapscale {

class Database;
class ExecutionEngine;

// How an execution starts and whom it tells when it ends.
struct StartOptions {
    QString mode = QStringLiteral("manual");
    std::string startNodeId;
    Items input;
    int priority = 0;
    QString retryOf;
    int depth = 0;  // sub-workflow nesting
    // Called on a worker thread when the execution ends / when Respond to Webhook ran.
    std::function<void(ExecutionRun &)> onFinished;
    std::function<void(const Json &)> onWebhookResponse;
};

// Executions of the acting user's workflows: start (from the API, webhooks, schedules, retries,
// sub-workflow calls), read (live from the engine, else from the database), cancel, retry,
// delete, and recovery at start-up. Another user's execution is "not_found".
class ExecutionService {
public:
    ExecutionService(Database &db, ExecutionEngine &engine);

    // The compiled graph of a stored workflow version (cached by id and version).
    Result<std::shared_ptr<const WorkflowGraph>> graphOf(const QString &workflowId, const QString &name, int version,
                                                          const QByteArray &definition);
    Result<std::shared_ptr<ExecutionRun>> start(std::shared_ptr<const WorkflowGraph> graph, const QString &ownerId, StartOptions options);
    Result<std::shared_ptr<ExecutionRun>> execute(const Principal &who, const QString &workflowId, StartOptions options);
    Result<Json> get(const Principal &who, const QString &id);
    Result<Page<Json>> list(const Principal &who, const ExecutionFilter &filter);
    // {execution_id, status}: "cancelling" while a worker stops it, or the final status.
    Result<Json> cancel(const Principal &who, const QString &id);
    Result<std::shared_ptr<ExecutionRun>> retry(const Principal &who, const QString &id, StartOptions options);
    Result<void> remove(const Principal &who, const QString &id);
    // The owner of an execution (for WebSocket subscriptions); "not_found" when unknown.
    Result<QString> ownerOf(const QString &id);
    std::shared_ptr<ExecutionRun> live(const QString &id) const;

    // The engine hook behind Execute Workflow: another workflow of the parent's owner.
    std::function<Result<std::shared_ptr<AsyncWork>>(const ExecutionRequest &, const std::string &, Items, bool)> subWorkflowHook();

    // Start-up and periodically: queued executions are queued again, waiting ones resume at their time, running
    // ones (a crash) fail with "interrupted" or are queued again when their workflow says so.
    // Runs again every few seconds: it takes over executions whose instance stopped renewing its
    // lease (`instance` is this one; leases older than `staleAfterMs` are free).
    void recover(const QString &instance, int staleAfterMs);

    ExecutionEngine &engine() { return m_engine; }
    // Called before reading executions from the database: waits for queued records to land.
    void setFlush(std::function<void()> flush) { m_flush = std::move(flush); }

private:
    Result<std::shared_ptr<ExecutionRun>> startError(const ExecutionRun &failed);
    Result<std::shared_ptr<const WorkflowGraph>> graphOfVersion(const QString &workflowId, const QString &ownerId, int version);

    void flushWrites() const
    {
        if (m_flush)
            m_flush();
    }

    Database &m_db;
    ExecutionEngine &m_engine;
    std::function<void()> m_flush;
    mutable std::mutex m_cacheMutex;
    QHash<QString, std::shared_ptr<const WorkflowGraph>> m_graphs;
};

Json executionSummaryJson(const ExecutionRecord &e);

} // namespace synapscale
