#pragma once

#include "engine/workflowgraph.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <mutex>

namespace synapscale {

// What starts an execution.
struct ExecutionRequest {
    QString executionId;
    QString workflowId;
    QString ownerId;
    QString mode = QStringLiteral("manual");  // manual | webhook | schedule | retry | subworkflow | error | cli
    std::string startNodeId;                   // the trigger to start at; empty = the first trigger
    Items input;                               // handed to the start node
    int priority = 0;                          // higher runs first
    Json vars = Json::object();                // $vars
    QString retryOf;
    int depth = 0;                             // sub-workflow nesting
    bool alreadyStored = false;                // recovered from the database: no new record
};

// One node run as the API shows it (API.md `nodes[]`).
struct NodeRunSummary {
    std::string nodeId;
    std::string name;
    int runIndex = 0;
    std::string status;   // running | succeeded | failed
    QString startedAt;
    QString finishedAt;
    int itemsIn = 0;
    int itemsOut = 0;
    std::string error;
    std::string output;   // serialized list per output port of items; empty when not kept
};

struct ExecutionEvent {
    QString executionId;
    QString ownerId;
    QString workflowId;
    QString type;   // execution.started, execution.node.started, ...
    Json data;
};

// Where an execution's records go; implemented over the database (and absent for `run FILE`).
// Called from worker threads.
class ExecutionStore {
public:
    virtual ~ExecutionStore() = default;
    // `inputText`: request.input serialized (empty when there is none).
    virtual void created(const ExecutionRequest &request, int workflowVersion, const QString &createdAt, const std::string &inputText) = 0;
    virtual void started(const QString &executionId, const QString &startedAt) = 0;
    virtual void nodeFinished(const QString &executionId, const NodeRunSummary &run) = 0;
    virtual void waiting(const QString &executionId, const Json &state, const QDateTime &until) = 0;
    virtual void finished(const QString &executionId, const QString &status, const QString &error, const QString &finishedAt,
                          qint64 durationMs) = 0;
    // Deletes the workflow's ended executions older than `maxAgeDays` or beyond the newest
    // `maxCount` (0 = no limit of that kind). The store may skip calls that come too often.
    virtual void prune(const QString &workflowId, int maxAgeDays, int maxCount) = 0;
};

// The state of one execution: a ready queue of node runs, inputs waiting for multi-input nodes,
// each node's last output (for $node) and its run records. step() runs on one worker at a time
// and returns when the execution finishes or parks (async work, a Wait). DESIGN.md's engine.
class ExecutionRun {
public:
    enum class Outcome { Finished, Async, Waiting };

    struct Hooks {
        std::function<void(const ExecutionEvent &)> event;   // may be empty
        std::function<bool()> wantsEvents;                   // cheap check before building an event; empty = always
        ExecutionStore *store = nullptr;                     // may be null
        int scriptTimeoutMs = 30000;
        // Execute Workflow: starts a sub-workflow for the parent's owner (may be empty).
        std::function<Result<std::shared_ptr<AsyncWork>>(const ExecutionRequest &parent, const std::string &workflowId, Items input, bool wait)>
            subWorkflow;
        // AI nodes: language-model calls for the execution's owner (may be empty: no AI here).
        std::function<Result<std::shared_ptr<AsyncWork>>(const ExecutionRequest &request, LlmBatch batch)> llm;
        // A credential of the execution's owner whose type is one of `types`, decrypted
        // {type, name, data} (may be empty: no credentials here).
        std::function<Result<Json>(const ExecutionRequest &request, const std::string &credentialId, const std::vector<std::string> &types)>
            credential;
    };

    ExecutionRun(std::shared_ptr<const WorkflowGraph> graph, ExecutionRequest request, Hooks hooks);

    // Runs ready nodes until the execution finishes or parks. Worker thread.
    Outcome step();
    // After Outcome::Async: the work to start on the I/O thread, and where its result goes.
    std::shared_ptr<AsyncWork> takeAsyncWork();
    void setAsyncResult(Result<NodeOutput> result);
    // After Outcome::Waiting: when to call step() again.
    QDateTime waitUntil() const { return m_waitUntil; }

    // Any thread. The next step() ends the execution as cancelled; a running script is interrupted.
    void requestCancel(const QString &reason);
    bool cancelRequested() const { return m_cancel.load(); }
    // Marks a never-started (queued) execution cancelled.
    void finishCancelledBeforeStart();

    const ExecutionRequest &request() const { return m_request; }
    const WorkflowGraph &graph() const { return *m_graph; }
    std::shared_ptr<const WorkflowGraph> graphPtr() const { return m_graph; }
    bool saving() const { return m_graph->saveData == "all"; }

    // Finished state (valid after Outcome::Finished).
    QString status() const;
    QString error() const;
    // API.md's execution shape, from memory.
    Json toJson() const;
    // {status, nodes:[{node_id,name,status}]} for WebSocket subscribers (any thread).
    Json snapshot() const;
    // The Respond to Webhook response, once a node set it.
    std::optional<Json> webhookResponse() const;
    // Items of the node that ran last (for webhooks answering with the last node).
    Items lastNodeItems() const;

    // Persisted state of a parked execution (Wait), and its restoration after a restart.
    Json saveState() const;
    static Result<std::unique_ptr<ExecutionRun>> restore(std::shared_ptr<const WorkflowGraph> graph, ExecutionRequest request,
                                                         const Json &state, Hooks hooks);

    // Called once when the execution finished, on the thread that finished it.
    std::function<void(ExecutionRun &)> onFinished;
    // Called once when Respond to Webhook ran (before the execution ends).
    std::function<void(const Json &response)> onWebhookResponse;

private:
    struct Task {
        int node = -1;
        std::vector<Items> inputs;
        int attempt = 1;
        bool inputTaken = false; // the node moved input 0 out to pass it on unchanged (takeInput)
    };
    bool listening() const;
    void emit(const char *type, Json data) const;
    void begin();
    std::string inputText() const; // request.input as the store keeps it ("" when there is none)
    void deliver(int node, NodeOutput &output); // moves the items on
    void enqueueInput(int target, int port, const Items &items);
    bool scheduleWaitingPartials();
    NodeResult runNode(Task &task);
    void recordNodeRun(NodeRunSummary record);
    void finish(const QString &status, const QString &error);
    // Returns true when the failure was absorbed (retry queued, continue, or error output).
    bool handleFailure(Task task, const Error &error, NodeRunSummary record, Outcome *park);
    void completeTask(const Task &task, NodeOutput output, NodeRunSummary record);

    std::shared_ptr<const WorkflowGraph> m_graph;
    ExecutionRequest m_request;
    Hooks m_hooks;

    std::deque<Task> m_ready;
    std::vector<std::vector<std::optional<Items>>> m_waitingInputs; // multi-input nodes: per port
    std::vector<int> m_runCount;
    std::vector<Json> m_nodeState;
    std::vector<Items> m_lastOutput;   // first output port of each node's last run
    std::vector<NodeRunSummary> m_runs;
    int m_lastNode = -1;
    int m_startNode = -1;
    std::string m_inputText; // the saved execution's input as stored, made once at the start

    bool m_started = false;
    QString m_startedAt;
    qint64 m_startedMs = 0;
    QString m_status = QStringLiteral("queued");
    QString m_error;
    QString m_finishedAt;
    qint64 m_durationMs = -1;

    // Parking.
    std::optional<Task> m_parkedTask;
    std::optional<NodeRunSummary> m_parkedRecord;
    std::shared_ptr<AsyncWork> m_asyncWork;
    std::optional<Result<NodeOutput>> m_asyncResult;
    std::optional<NodeOutput> m_waitOutput;   // Wait node output to deliver on resume
    bool m_retryAfterWait = false;
    QDateTime m_waitUntil;

    std::atomic<bool> m_cancel{false};
    QString m_cancelReason;
    std::optional<Json> m_webhookResponse;
    mutable std::mutex m_snapshotMutex;  // guards m_runs/m_status for snapshot() from other threads
};

} // namespace synapscale
