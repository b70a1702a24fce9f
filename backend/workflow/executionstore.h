#pragma once

#include "engine/executionrun.h"
#include "workflow/workflowrecords.h"

#include <QHash>

#include <condition_variable>
#include <deque>
#include <mutex>

class QThread;

namespace synapscale {

class Database;

// ExecutionStore over the database (executions and execution_node_runs). Engine threads only
// queue the records; one writer thread commits them in batches (group commit), so saving every
// execution costs the workers and the HTTP thread no database round trip and SQLite sees one
// writer. A record reaches the database within a few milliseconds (the writer gathers for 3 ms
// before each commit); flush() waits for that without the gathering delay, and
// readers call it before they look. A failed batch is retried, then logged and dropped: losing
// a record must not stop the user's workflows.
class DatabaseExecutionStore : public ExecutionStore {
public:
    // `instance` names this process in the leases of the executions it runs.
    DatabaseExecutionStore(Database &db, QString instance);
    ~DatabaseExecutionStore() override;

    void created(const ExecutionRequest &request, int workflowVersion, const QString &createdAt, const std::string &inputText) override;
    void started(const QString &executionId, const QString &startedAt) override;
    void nodeFinished(const QString &executionId, const NodeRunSummary &run) override;
    void waiting(const QString &executionId, const Json &state, const QDateTime &until) override;
    void finished(const QString &executionId, const QString &status, const QString &error, const QString &finishedAt,
                  qint64 durationMs) override;
    void prune(const QString &workflowId, int maxAgeDays, int maxCount) override;

    // Waits until everything queued so far is committed (or `timeoutMs` passed).
    void flush(int timeoutMs = 5000);
    // Commits what is queued, gives up this instance's leases (so the next start resumes its
    // waiting executions at once) and stops the writer (before the database closes).
    void stop();
    // Refreshes this instance's leases (called every few seconds).
    void heartbeat();
    const QString &instance() const { return m_instance; }

private:
    // What happened to one execution since its last record went to the writer (Execution), or
    // a maintenance statement. A worker's records for an execution whose op is still queued go
    // into that op: a short execution reaches the writer as one op instead of six.
    struct Op {
        enum class Kind { Execution, Prune, Heartbeat, Release } kind;
        bool create = false; // applied in this order; a start never follows a wait in one op
        bool start = false;
        bool wait = false;
        bool finish = false;
        ExecutionRecord execution;         // id, and the fields of what happened
        std::vector<NodeRunSummary> runs;  // node runs that ended, in order
        std::size_t bytes = 0;             // roughly what it holds in memory
        std::size_t footprint() const;
    };
    // Applies `change` (bool(Op &): false when it cannot join that op) to the op of `executionId`
    // still queued, or to a new one.
    template <typename Change>
    void record(const QString &executionId, Change &&change);
    void enqueue(Op op);
    void writerLoop();
    Database &m_db;
    QString m_instance;
    QThread *m_thread = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_committedChanged;
    std::deque<Op> m_queue;
    QHash<QString, Op *> m_open; // execution id → its op still in m_queue (deque elements stay put)
    quint64 m_enqueued = 0;
    quint64 m_committed = 0;
    std::size_t m_heldBytes = 0; // ops queued or in the batch being committed
    bool m_stopping = false;
    bool m_flushWanted = false; // a reader waits: commit without gathering more
    QHash<QString, qint64> m_lastPrune; // workflow id → ms since epoch, to prune at most every few seconds
};

} // namespace synapscale
