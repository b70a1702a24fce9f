#include "executionstore.h"

#include "core/logger.h"
#include "storage/database.h"
#include "workflow/workflowrepository.h"

#include "core/clock.h"
#include "core/threadpolicy.h"

#include <QHash>
#include <QThread>

namespace synapscale {

namespace {
constexpr std::size_t kBatch = 2000;
// Records wait in memory while the writer is busy. A commit that runs SQLite's WAL checkpoint
// (an fsync of the database file) held the writer for 70–700 ms on this machine's disk: at
// 13,000 executions/s that is up to ~60 MB of records. A bound the queue reaches makes the
// workers, and every webhook answer behind them, wait for the disk (p99 8 → 235 ms with a bound
// of 20,000 records). Bounded by bytes, not by count, so that a few runs with large outputs
// cannot hold gigabytes either.
constexpr std::size_t kMaxQueuedBytes = 128 * 1024 * 1024;
constexpr int kAttempts = 3;
constexpr std::chrono::milliseconds kGather{3};
} // namespace

DatabaseExecutionStore::DatabaseExecutionStore(Database &db, QString instance)
    : m_db(db)
    , m_instance(std::move(instance))
{
    m_thread = QThread::create([this] { writerLoop(); });
    m_thread->setObjectName(QStringLiteral("execution-writer"));
    m_thread->start();
}

DatabaseExecutionStore::~DatabaseExecutionStore()
{
    stop();
}

void DatabaseExecutionStore::heartbeat()
{
    enqueue(Op{Op::Kind::Heartbeat, {}, {}});
}

void DatabaseExecutionStore::stop()
{
    enqueue(Op{Op::Kind::Release, {}, {}});
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    m_committedChanged.notify_all();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

std::size_t DatabaseExecutionStore::Op::footprint() const
{
    // The short strings (ids, times, names) add about 128 bytes of heap blocks: peak RSS grew by
    // ~700 bytes per queued record, of which the struct is 648.
    return sizeof(Op) + 128 + std::size_t(execution.input.size() + execution.state.size() + execution.nodeRuns.size()
                                          + node.output.size() + 2 * (execution.error.size() + node.error.size()));
}

void DatabaseExecutionStore::enqueue(Op op)
{
    op.bytes = op.footprint();
    {
        std::unique_lock lock(m_mutex);
        // Backpressure: when the database falls behind for longer than a checkpoint, the workers
        // wait rather than memory growing without bound (the HTTP thread never writes here).
        m_committedChanged.wait(lock, [&] {
            return m_heldBytes + op.bytes <= kMaxQueuedBytes || m_heldBytes == 0 || !m_thread || m_stopping;
        });
        if (!m_thread || m_stopping)
            return;
        m_heldBytes += op.bytes;
        m_queue.push_back(std::move(op));
        ++m_enqueued;
    }
    m_wake.notify_one();
}

void DatabaseExecutionStore::flush(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_enqueued;
    m_flushWanted = true;
    m_wake.notify_one();
    m_committedChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return m_committed >= target || !m_thread; });
}

void DatabaseExecutionStore::writerLoop()
{
    // A fair share of the CPU, without preempting the threads that answer requests when it wakes
    // (a higher nice value made it fall behind).
    becomeBatchThread();
    for (;;) {
        std::vector<Op> batch;
        std::size_t batchBytes = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
            // Group commit: let a few milliseconds of records gather before one transaction
            // (fewer commits and page writes per execution) unless a reader waits in flush().
            m_wake.wait_for(lock, kGather, [&] { return m_queue.size() >= kBatch || m_stopping || m_flushWanted; });
            m_flushWanted = false;
            if (m_queue.empty() && m_stopping)
                break;
            while (!m_queue.empty() && batch.size() < kBatch) {
                batchBytes += m_queue.front().bytes;
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        ExecutionRepository executions(m_db);
        // Fold the updates of executions created in this batch into their insert: a short
        // execution becomes one row insert plus one multi-row insert of its node runs.
        QList<ExecutionRecord> inserts;
        QList<NodeRunRecord> nodeRuns;
        std::vector<const Op *> nodeRunOps;
        std::vector<const Op *> updates;
        QHash<QString, qsizetype> created;
        for (const Op &op : batch) {
            if (op.kind == Op::Kind::Created) {
                created.insert(op.execution.id, inserts.size());
                inserts.append(op.execution);
                inserts.back().createdAt = nowIso();
                continue;
            }
            if (op.kind == Op::Kind::Node) {
                nodeRunOps.push_back(&op);
                continue;
            }
            auto it = created.constFind(op.execution.id);
            if (it == created.constEnd()) {
                updates.push_back(&op);
                continue;
            }
            ExecutionRecord &e = inserts[*it];
            if (op.kind == Op::Kind::Started) {
                e.status = QStringLiteral("running");
                e.startedAt = op.execution.startedAt;
                e.claimedBy = m_instance;
                e.heartbeatAt = nowIso();
            } else if (op.kind == Op::Kind::Waiting) {
                e.status = QStringLiteral("waiting");
                e.state = op.execution.state;
                e.waitUntil = op.execution.waitUntil;
            } else {
                e.status = op.execution.status;
                e.error = op.execution.error;
                e.finishedAt = op.execution.finishedAt;
                e.durationMs = op.execution.durationMs;
                e.state.clear();
                e.waitUntil.clear();
                // A lease only matters while an execution is unfinished: none is written for one
                // that ends in the batch that creates it (a smaller row and claim index entry).
                e.claimedBy.clear();
                e.heartbeatAt.clear();
            }
        }
        // An execution that both started and ended in this batch takes its node runs into its
        // own row; the others' node runs become rows of their own.
        for (const Op *op : nodeRunOps) {
            auto it = created.constFind(op->node.executionId);
            if (it != created.constEnd() && !inserts[*it].finishedAt.isEmpty()) {
                NodeRunRecord run = op->node;
                if (run.id.isEmpty())
                    run.id = newId();
                appendFoldedNodeRun(inserts[*it].nodeRuns, run, inserts[*it].input);
            } else {
                nodeRuns.append(op->node);
            }
        }
        Result<void> written = Error::make(QStringLiteral("not_run"), QString());
        for (int attempt = 1; attempt <= kAttempts && !written; ++attempt) {
            written = m_db.transaction([&]() -> Result<void> {
                if (auto r = executions.insertMany(inserts); !r)
                    return r;
                if (auto r = executions.insertNodeRuns(nodeRuns); !r)
                    return r;
                for (const Op *opPointer : updates) {
                    const Op &op = *opPointer;
                    Result<void> r;
                    switch (op.kind) {
                    case Op::Kind::Created:
                        if (auto c = executions.create(op.execution); !c)
                            r = c.error();
                        break;
                    case Op::Kind::Started:
                        r = executions.markStarted(op.execution.id, op.execution.startedAt, m_instance);
                        break;
                    case Op::Kind::Node:
                        r = executions.insertNodeRun(op.node);
                        break;
                    case Op::Kind::Waiting:
                        r = executions.markWaiting(op.execution.id, op.execution.state, op.execution.waitUntil);
                        break;
                    case Op::Kind::Finished:
                        r = executions.finish(op.execution.id, op.execution.status, op.execution.error, op.execution.finishedAt,
                                              op.execution.durationMs);
                        break;
                    case Op::Kind::Heartbeat:
                        r = executions.heartbeat(m_instance);
                        break;
                    case Op::Kind::Release:
                        r = executions.release(m_instance);
                        break;
                    case Op::Kind::Prune:
                        r = executions.prune(op.execution.workflowId, int(op.execution.priority), int(op.execution.durationMs));
                        break;
                    }
                    if (!r)
                        return r;
                }
                return {};
            });
            if (!written && attempt < kAttempts)
                QThread::msleep(50 * attempt);
        }
        if (!written)
            Log::warning(QStringLiteral("could not record %1 execution update(s): %2").arg(batch.size()).arg(written.error().message));
        {
            std::lock_guard lock(m_mutex);
            m_committed += batch.size();
            m_heldBytes -= batchBytes; // held until committed: the batch is in memory until then
        }
        m_committedChanged.notify_all();
    }
    m_db.closeThisThread();
    std::lock_guard lock(m_mutex);
    m_committed = m_enqueued;
    m_heldBytes = 0;
    m_committedChanged.notify_all();
}

void DatabaseExecutionStore::created(const ExecutionRequest &request, int workflowVersion, const QString &createdAt,
                                     const std::string &inputText)
{
    (void)createdAt;
    Op op{Op::Kind::Created, {}, {}};
    op.execution.id = request.executionId;
    op.execution.workflowId = request.workflowId;
    op.execution.ownerId = request.ownerId;
    op.execution.workflowVersion = workflowVersion;
    op.execution.mode = request.mode;
    op.execution.priority = request.priority;
    op.execution.retryOf = request.retryOf;
    op.execution.input = QByteArray::fromStdString(inputText);
    enqueue(std::move(op));
}

void DatabaseExecutionStore::started(const QString &executionId, const QString &startedAt)
{
    Op op{Op::Kind::Started, {}, {}};
    op.execution.id = executionId;
    op.execution.startedAt = startedAt;
    enqueue(std::move(op));
}

void DatabaseExecutionStore::nodeFinished(const QString &executionId, const NodeRunSummary &run)
{
    Op op{Op::Kind::Node, {}, {}};
    NodeRunRecord &record = op.node;
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
    // Serialized by the run, on the worker, so the writer thread only does I/O.
    record.output = QByteArray::fromStdString(run.output);
    enqueue(std::move(op));
}

void DatabaseExecutionStore::waiting(const QString &executionId, const Json &state, const QDateTime &until)
{
    Op op{Op::Kind::Waiting, {}, {}};
    op.execution.id = executionId;
    op.execution.state = QByteArray::fromStdString(state.dump(-1, ' ', false, Json::error_handler_t::replace));
    op.execution.waitUntil = until.toUTC().toString(Qt::ISODateWithMs);
    enqueue(std::move(op));
}

void DatabaseExecutionStore::prune(const QString &workflowId, int maxAgeDays, int maxCount)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard lock(m_mutex);
        if (now - m_lastPrune.value(workflowId, 0) < 5000)
            return;
        m_lastPrune.insert(workflowId, now);
    }
    Op op{Op::Kind::Prune, {}, {}};
    op.execution.workflowId = workflowId;
    op.execution.priority = maxAgeDays;  // carried in spare fields of the record
    op.execution.durationMs = maxCount;
    enqueue(std::move(op));
}

void DatabaseExecutionStore::finished(const QString &executionId, const QString &status, const QString &error, const QString &finishedAt,
                                      qint64 durationMs)
{
    Op op{Op::Kind::Finished, {}, {}};
    op.execution.id = executionId;
    op.execution.status = status;
    op.execution.error = error;
    op.execution.finishedAt = finishedAt;
    op.execution.durationMs = durationMs;
    enqueue(std::move(op));
}

} // namespace synapscale
