#pragma once

#include "core/result.h"
#include "engine/executionrun.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <deque>
#include <map>
#include <memory>
#include <mutex>

namespace synapscale {

struct EngineOptions {
    int workers = 2;               // threads running node code (WORKERS)
    int queueCapacity = 10000;     // queued executions before submit() answers queue_full
    int scriptTimeoutMs = 30000;   // CODE_TIMEOUT_SECONDS
};

// Runs executions: an in-process priority queue (priority, then FIFO), a pool of worker threads
// that step executions, and one I/O thread where async node work (HTTP) and Wait timers live,
// so a waiting execution holds no worker. Per-workflow concurrency limits come from each
// workflow's settings. Thread-safe: submit()/cancel() may be called from any thread.
class ExecutionEngine : public QObject {
    Q_OBJECT
public:
    explicit ExecutionEngine(EngineOptions options, QObject *parent = nullptr);
    ~ExecutionEngine() override;

    ExecutionRun::Hooks hooks() const { return m_hooks; }
    void setHooks(ExecutionRun::Hooks hooks) { m_hooks = std::move(hooks); }
    const EngineOptions &options() const { return m_options; }

    // Queues a run. Error "queue_full" when the queue is at capacity.
    Result<void> submit(std::shared_ptr<ExecutionRun> run);
    // Parks a restored waiting execution until its time comes.
    void resumeWaiting(std::shared_ptr<ExecutionRun> run);
    // Cancels a queued, running or waiting execution of this instance. False when unknown here.
    bool cancel(const QString &executionId, const QString &reason = QStringLiteral("Cancelled by the user"));
    std::shared_ptr<ExecutionRun> find(const QString &executionId) const;

    int queued() const;
    int active() const;
    // Stops taking work, cancels what runs, and waits for the workers (up to `timeoutMs`).
    void shutdown(int timeoutMs = 5000);

private:
    void dispatch();
    void runStep(std::shared_ptr<ExecutionRun> run);
    // Returns the run this worker should step next (nullptr: none is ready).
    std::shared_ptr<ExecutionRun> afterStep(const std::shared_ptr<ExecutionRun> &run, ExecutionRun::Outcome outcome);
    // The next ready run, counted as busy; nullptr when none is ready or every worker is busy.
    std::shared_ptr<ExecutionRun> takeNextLocked();
    void startAsync(const std::shared_ptr<ExecutionRun> &run);
    void armWait(const std::shared_ptr<ExecutionRun> &run);
    void finished(const std::shared_ptr<ExecutionRun> &run);
    void resume(const std::shared_ptr<ExecutionRun> &run);

    EngineOptions m_options;
    ExecutionRun::Hooks m_hooks;
    QThreadPool m_pool;
    QThread m_ioThread;
    QObject *m_io = nullptr;        // lives on m_ioThread: context of timers and network replies

    mutable std::mutex m_mutex;
    std::map<int, std::deque<std::shared_ptr<ExecutionRun>>, std::greater<int>> m_queue; // by priority
    std::deque<std::shared_ptr<ExecutionRun>> m_resumable;  // started runs ready for a worker again
    int m_queuedCount = 0;
    int m_busyWorkers = 0;
    QHash<QString, std::shared_ptr<ExecutionRun>> m_active;  // started or queued, by id
    QHash<QString, int> m_runningPerWorkflow;
    QHash<QString, std::shared_ptr<AsyncWork>> m_asyncWork;  // parked on the I/O thread, by execution id
    bool m_stopping = false;
};

} // namespace synapscale
