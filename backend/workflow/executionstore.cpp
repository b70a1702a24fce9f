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
    enqueue(Op{Op::Kind::Heartbeat});
}

void DatabaseExecutionStore::stop()
{
    enqueue(Op{Op::Kind::Release});
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
    // The short strings (ids, times, names) add about 128 bytes of heap blocks per record.
    std::size_t n = sizeof(Op) + 128 + std::size_t(execution.input.size() + execution.state.size() + 2 * execution.error.size());
    for (const NodeRunSummary &run : runs)
        n += sizeof(NodeRunSummary) + 128 + run.output.size() + run.error.size();
    return n;
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
        if (m_queue.back().kind == Op::Kind::Execution)
            m_open.insert(m_queue.back().execution.id, &m_queue.back());
        ++m_enqueued;
    }
    m_wake.notify_one();
}

template <typename Change>
void DatabaseExecutionStore::record(const QString &executionId, Change &&change)
{
    {
        std::unique_lock lock(m_mutex);
        m_committedChanged.wait(lock, [&] { return m_heldBytes <= kMaxQueuedBytes || !m_thread || m_stopping; });
        if (!m_thread || m_stopping)
            return;
        if (Op *open = m_open.value(executionId); open && change(*open)) {
            const std::size_t before = open->bytes;
            open->bytes = open->footprint();
            m_heldBytes += open->bytes - before;
            return; // the writer is already due to wake for this op
        }
    }
    Op op{Op::Kind::Execution};
    op.execution.id = executionId;
    change(op);
    enqueue(std::move(op));
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
                Op &front = m_queue.front();
                batchBytes += front.bytes;
                if (front.kind == Op::Kind::Execution)
                    m_open.remove(front.execution.id);
                batch.push_back(std::move(front));
                m_queue.pop_front();
            }
        }
        ExecutionRepository executions(m_db);
        // An execution created in this batch becomes one row insert with what else happened to
        // it folded in; when it also ended, its node runs go into that row too.
        QList<ExecutionRecord> inserts;
        QList<NodeRunRecord> nodeRuns;
        std::vector<std::pair<QString, const std::vector<NodeRunSummary> *>> runsOf;
        std::vector<const Op *> updates;
        QHash<QString, qsizetype> created;
        for (Op &op : batch) {
            if (op.kind != Op::Kind::Execution) {
                updates.push_back(&op);
                continue;
            }
            const QString id = op.execution.id;
            if (!op.runs.empty())
                runsOf.emplace_back(id, &op.runs);
            if (op.create) {
                created.insert(id, inserts.size());
                inserts.append(std::move(op.execution));
                ExecutionRecord &e = inserts.back();
                e.createdAt = nowIso();
                if (op.finish) {
                    // A lease only matters while an execution is unfinished: none is written for
                    // one that ends in the batch that creates it (a smaller row and index entry).
                    e.state.clear();
                    e.waitUntil.clear();
                } else if (op.start || op.wait) {
                    e.claimedBy = m_instance;
                    e.heartbeatAt = nowIso();
                }
                continue;
            }
            auto it = created.constFind(id);
            if (it == created.constEnd()) {
                updates.push_back(&op);
                continue;
            }
            // A second op of an execution created in this batch (a start after a wait).
            ExecutionRecord &e = inserts[*it];
            const ExecutionRecord &change = op.execution;
            if (op.start) {
                e.startedAt = change.startedAt;
                e.claimedBy = m_instance;
                e.heartbeatAt = nowIso();
            }
            if (op.wait) {
                e.state = change.state;
                e.waitUntil = change.waitUntil;
            }
            if (op.finish) {
                e.error = change.error;
                e.finishedAt = change.finishedAt;
                e.durationMs = change.durationMs;
                e.state.clear();
                e.waitUntil.clear();
                e.claimedBy.clear();
                e.heartbeatAt.clear();
            }
            if (op.start || op.wait || op.finish)
                e.status = change.status; // an op holding only node runs leaves the status alone
        }
        for (const auto &[id, runs] : runsOf) {
            auto it = created.constFind(id);
            const bool folded = it != created.constEnd() && !inserts[*it].finishedAt.isEmpty();
            for (const NodeRunSummary &run : *runs) {
                if (folded) {
                    appendFoldedNodeRun(inserts[*it].nodeRuns, run, inserts[*it].input, inserts[*it].startedAt);
                    continue;
                }
                NodeRunRecord r;
                r.executionId = id;
                r.nodeId = QString::fromStdString(run.nodeId);
                r.name = QString::fromStdString(run.name);
                r.runIndex = run.runIndex;
                r.status = QString::fromStdString(run.status);
                r.startedAt = run.startedAt;
                r.finishedAt = run.finishedAt;
                r.itemsIn = run.itemsIn;
                r.itemsOut = run.itemsOut;
                r.error = QString::fromStdString(run.error);
                r.output = QByteArray::fromStdString(run.output);
                nodeRuns.append(std::move(r));
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
                    const ExecutionRecord &e = op.execution;
                    Result<void> r;
                    switch (op.kind) {
                    case Op::Kind::Execution:
                        if (op.start)
                            r = executions.markStarted(e.id, e.startedAt, m_instance);
                        if (r && op.wait)
                            r = executions.markWaiting(e.id, e.state, e.waitUntil);
                        if (r && op.finish)
                            r = executions.finish(e.id, e.status, e.error, e.finishedAt, e.durationMs);
                        break;
                    case Op::Kind::Heartbeat:
                        r = executions.heartbeat(m_instance);
                        break;
                    case Op::Kind::Release:
                        r = executions.release(m_instance);
                        break;
                    case Op::Kind::Prune:
                        r = executions.prune(e.workflowId, int(e.priority), int(e.durationMs));
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
    (void)createdAt; // the writer stamps the row when it inserts it
    record(request.executionId, [&](Op &op) {
        if (op.create || op.start || op.wait || op.finish || !op.runs.empty())
            return false; // never for a new execution; kept apart rather than mixed up
        op.create = true;
        ExecutionRecord &e = op.execution;
        e.workflowId = request.workflowId;
        e.ownerId = request.ownerId;
        e.workflowVersion = workflowVersion;
        e.mode = request.mode;
        e.priority = request.priority;
        e.retryOf = request.retryOf;
        e.input = QByteArray::fromStdString(inputText);
        return true;
    });
}

void DatabaseExecutionStore::started(const QString &executionId, const QString &startedAt)
{
    record(executionId, [&](Op &op) {
        if (op.wait)
            return false; // applied in order start, wait, finish: a resumed start needs an op of its own
        op.start = true;
        op.execution.status = QStringLiteral("running");
        op.execution.startedAt = startedAt;
        return true;
    });
}

void DatabaseExecutionStore::nodeFinished(const QString &executionId, const NodeRunSummary &run)
{
    // Serialized by the run, on the worker, so the writer thread only does I/O.
    record(executionId, [&](Op &op) {
        op.runs.push_back(run);
        return true;
    });
}

void DatabaseExecutionStore::waiting(const QString &executionId, const Json &state, const QDateTime &until)
{
    const QByteArray stateText = QByteArray::fromStdString(state.dump(-1, ' ', false, Json::error_handler_t::replace));
    const QString untilText = until.toUTC().toString(Qt::ISODateWithMs);
    record(executionId, [&](Op &op) {
        op.wait = true;
        op.execution.status = QStringLiteral("waiting");
        op.execution.state = stateText;
        op.execution.waitUntil = untilText;
        return true;
    });
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
    Op op{Op::Kind::Prune};
    op.execution.workflowId = workflowId;
    op.execution.priority = maxAgeDays;  // carried in spare fields of the record
    op.execution.durationMs = maxCount;
    enqueue(std::move(op));
}

void DatabaseExecutionStore::finished(const QString &executionId, const QString &status, const QString &error, const QString &finishedAt,
                                      qint64 durationMs)
{
    record(executionId, [&](Op &op) {
        op.finish = true;
        op.execution.status = status;
        op.execution.error = error;
        op.execution.finishedAt = finishedAt;
        op.execution.durationMs = durationMs;
        return true;
    });
}

} // namespace synapscale
