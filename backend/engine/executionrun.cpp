#include "executionrun.h"

#include "core/clock.h"
#include "engine/expressions.h"
#include "engine/scriptengine.h"

#include <QDateTime>

namespace synapscale {

namespace {

// Items as the record keeps them, serialized straight from the items (building a Json copy
// first was a deep copy per node run).
std::string itemsText(const Items &items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ',';
        out += items[i].dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    out += ']';
    return out;
}

// A node run's output for the record: a list per output port.
std::string portsText(const std::vector<Items> &ports)
{
    std::string out = "[";
    for (std::size_t p = 0; p < ports.size(); ++p) {
        if (p > 0)
            out += ',';
        out += itemsText(ports[p]);
    }
    out += ']';
    return out;
}

std::size_t countItems(const std::vector<Items> &ports)
{
    std::size_t n = 0;
    for (const auto &p : ports)
        n += p.size();
    return n;
}

// The NodeContext of one node run: parameters with defaults and expressions, scripts, state.
class RunNodeContext : public NodeContext {
public:
    RunNodeContext(const GraphNode &node, std::vector<Items> &inputs, bool &inputTaken, Json &state, const ExpressionScope &scope,
                   const WorkflowGraph &graph, const ExecutionRun::Hooks &hooks, const ExecutionRequest &request,
                   const std::atomic<bool> &cancel, const void *key)
        : m_node(node), m_inputs(inputs), m_inputTaken(inputTaken), m_state(state), m_session(scope), m_scope(scope), m_graph(graph),
          m_hooks(hooks), m_request(request), m_scriptTimeoutMs(hooks.scriptTimeoutMs), m_cancel(cancel), m_key(key)
    {
    }

    Result<std::shared_ptr<AsyncWork>> callLlm(LlmBatch batch) override
    {
        if (!m_hooks.llm)
            return Error::make(QStringLiteral("node_error"), QStringLiteral("AI nodes need the SynapScale server or desktop app (no AI service here)"));
        return m_hooks.llm(m_request, std::move(batch));
    }

    Result<Json> credential(const std::string &id, const std::vector<std::string> &types) override
    {
        if (!m_hooks.credential)
            return nodeError("Credentials need the SynapScale server or desktop app (none are stored here)");
        return m_hooks.credential(m_request, id, types);
    }

    Result<std::shared_ptr<AsyncWork>> callWorkflow(const std::string &workflowId, Items input, bool wait) override
    {
        if (!m_hooks.subWorkflow)
            return nodeError("Execute Workflow is not available here (no workflow storage)");
        if (m_request.depth >= 10)
            return nodeError("Sub-workflows are nested more than 10 deep; is a workflow calling itself?");
        return m_hooks.subWorkflow(m_request, workflowId, std::move(input), wait);
    }

    const std::vector<Items> &inputs() const override { return m_inputs; }
    Items takeInput(std::size_t port) override
    {
        if (port >= m_inputs.size())
            return {};
        m_inputTaken = m_inputTaken || port == 0;
        return std::move(m_inputs[port]);
    }
    const Json &rawParameters() const override { return m_node.parameters; }

    Result<Json> param(const std::string &name, std::size_t itemIndex) override
    {
        auto it = m_node.parameters.find(name);
        if (it == m_node.parameters.end()) {
            const Json &props = m_node.impl->descriptor().parameters["properties"];
            auto p = props.find(name);
            if (p != props.end() && p->contains("default"))
                return (*p)["default"];
            return Json();
        }
        if (!ExpressionSession::containsExpression(*it))
            return *it;
        return m_session.evaluate(*it, itemIndex, name);
    }

    bool paramVaries(const std::string &name) const override
    {
        auto it = m_node.parameters.find(name);
        return it != m_node.parameters.end() && ExpressionSession::containsExpression(*it);
    }

    Result<Json> evaluate(const Json &value, std::size_t itemIndex, const std::string &where) override
    {
        return m_session.evaluate(value, itemIndex, where);
    }

    Result<Json> runScript(const std::string &code, std::optional<std::size_t> itemIndex) override
    {
        auto result = m_session.runScript(code, itemIndex, "Code");
        if (!result && result.error().code == QLatin1String("code_timeout") && !m_cancel.load())
            return Error::make(QStringLiteral("code_timeout"),
                               QStringLiteral("Code stopped: it ran longer than the %1 s time limit (CODE_TIMEOUT_SECONDS)")
                                   .arg(m_scriptTimeoutMs / 1000.0));
        return result;
    }

    Json &state() override { return m_state; }
    const std::string &nodeName() const override { return m_node.name; }
    std::string executionId() const override { return m_scope.executionId; }
    std::string workflowId() const override { return m_scope.workflowId; }
    std::string mode() const override { return m_scope.mode; }
    std::string timezone() const override { return m_graph.timezone; }
    int scriptTimeoutMs() const override { return m_scriptTimeoutMs; }
    bool cancelled() const override { return m_cancel.load(); }
    const void *runKey() const override { return m_key; }

private:
    const GraphNode &m_node;
    std::vector<Items> &m_inputs;
    bool &m_inputTaken;
    Json &m_state;
    ExpressionSession m_session;
    const ExpressionScope &m_scope;
    const WorkflowGraph &m_graph;
    const ExecutionRun::Hooks &m_hooks;
    const ExecutionRequest &m_request;
    int m_scriptTimeoutMs;
    const std::atomic<bool> &m_cancel;
    const void *m_key;
};

} // namespace

ExecutionRun::ExecutionRun(std::shared_ptr<const WorkflowGraph> graph, ExecutionRequest request, Hooks hooks)
    : m_graph(std::move(graph))
    , m_request(std::move(request))
    , m_hooks(std::move(hooks))
{
    const std::size_t n = m_graph->nodes.size();
    m_waitingInputs.resize(n);
    m_runCount.assign(n, 0);
    m_nodeState.assign(n, Json());
    m_lastOutput.resize(n);
    m_runs.reserve(n);
}

bool ExecutionRun::listening() const
{
    return m_hooks.event && (!m_hooks.wantsEvents || m_hooks.wantsEvents());
}

void ExecutionRun::emit(const char *type, Json data) const
{
    if (!listening())
        return;
    data["execution_id"] = m_request.executionId.toStdString();
    data["workflow_id"] = m_request.workflowId.toStdString();
    m_hooks.event(ExecutionEvent{m_request.executionId, m_request.ownerId, m_request.workflowId, QString::fromLatin1(type), std::move(data)});
}

std::string ExecutionRun::inputText() const
{
    return m_request.input.empty() ? std::string() : itemsText(m_request.input);
}

void ExecutionRun::begin()
{
    m_started = true;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_startedAt = toIso(m_startedMs);
    {
        std::lock_guard lock(m_snapshotMutex);
        m_status = QStringLiteral("running");
    }
    if (m_hooks.store && saving() && !m_request.alreadyStored) {
        m_inputText = inputText();
        m_hooks.store->created(m_request, m_graph->version, m_startedAt, m_inputText);
        m_hooks.store->started(m_request.executionId, m_startedAt);
    } else if (m_hooks.store && saving()) {
        m_hooks.store->started(m_request.executionId, m_startedAt);
    }
    if (listening())
        emit("execution.started", {{"status", "running"}, {"mode", m_request.mode.toStdString()}, {"started_at", m_startedAt.toStdString()}});

    const int start = m_graph->startNode(m_request.startNodeId, m_request.mode == QLatin1String("webhook") ? "trigger.webhook"
                                                                  : m_request.mode == QLatin1String("schedule") ? "trigger.schedule"
                                                                                                                 : "trigger.manual");
    if (start < 0) {
        finish(QStringLiteral("failed"), QStringLiteral("The workflow has no trigger node to start from"));
        return;
    }
    Task task;
    task.node = start;
    // Saving only errors stores the input when the execution fails: keep it until then.
    if (m_graph->saveData == "errors")
        task.inputs.push_back(m_request.input);
    else
        task.inputs.push_back(std::move(m_request.input));
    m_startNode = start;
    m_ready.push_back(std::move(task));
}

ExecutionRun::Outcome ExecutionRun::step()
{
    if (m_status != QLatin1String("running") && m_status != QLatin1String("queued") && m_status != QLatin1String("waiting"))
        return Outcome::Finished;
    if (!m_started) {
        begin();
        if (!m_finishedAt.isEmpty())
            return Outcome::Finished;
    }
    if (m_status == QLatin1String("waiting")) {
        std::lock_guard lock(m_snapshotMutex);
        m_status = QStringLiteral("running");
    }
    if (m_cancel.load()) {
        finish(QStringLiteral("cancelled"), m_cancelReason);
        return Outcome::Finished;
    }

    // A parked node finished: take its result.
    if (m_parkedTask) {
        Task task = std::move(*m_parkedTask);
        m_parkedTask.reset();
        NodeRunSummary record = m_parkedRecord.value_or(NodeRunSummary{});
        m_parkedRecord.reset();
        if (m_retryAfterWait) {
            m_retryAfterWait = false;
            m_ready.push_front(std::move(task));
        } else if (m_waitOutput) {
            NodeOutput output = std::move(*m_waitOutput);
            m_waitOutput.reset();
            output.waitUntil.reset();
            completeTask(task, std::move(output), std::move(record));
        } else if (m_asyncResult) {
            Result<NodeOutput> result = std::move(*m_asyncResult);
            m_asyncResult.reset();
            if (m_cancel.load()) {
                finish(QStringLiteral("cancelled"), m_cancelReason);
                return Outcome::Finished;
            }
            if (!result) {
                Outcome park = Outcome::Finished;
                if (!handleFailure(std::move(task), result.error(), std::move(record), &park))
                    return Outcome::Finished;
                if (park != Outcome::Finished)
                    return park;
            } else {
                completeTask(task, std::move(*result), std::move(record));
            }
        }
    }

    const qint64 deadline = m_graph->timeoutSeconds > 0 ? m_startedMs + qint64(m_graph->timeoutSeconds) * 1000 : 0;
    for (;;) {
        if (m_cancel.load()) {
            finish(QStringLiteral("cancelled"), m_cancelReason);
            return Outcome::Finished;
        }
        if (deadline && QDateTime::currentMSecsSinceEpoch() > deadline) {
            finish(QStringLiteral("failed"), QStringLiteral("The execution timed out after %1 s").arg(m_graph->timeoutSeconds));
            return Outcome::Finished;
        }
        if (m_ready.empty() && !scheduleWaitingPartials())
            break;
        Task task = std::move(m_ready.front());
        m_ready.pop_front();
        const GraphNode &node = m_graph->nodes[std::size_t(task.node)];

        NodeRunSummary record;
        record.nodeId = node.id;
        record.name = node.name;
        record.runIndex = m_runCount[std::size_t(task.node)];
        record.status = "running";
        record.startedAt = nowIso();
        record.itemsIn = int(countItems(task.inputs));
        if (listening())
            emit("execution.node.started", {{"node_id", node.id}, {"name", node.name}, {"run_index", record.runIndex}});

        // An imported node SynapScale cannot run fails the run even though it is disabled: its
        // data never passes silently.
        if (node.disabled && node.type != "core.unsupported") {
            NodeOutput passThrough;
            passThrough.ports.resize(node.outputCount);
            if (!task.inputs.empty() && !passThrough.ports.empty())
                passThrough.ports[0] = task.inputs[0];
            completeTask(task, std::move(passThrough), std::move(record));
            continue;
        }

        auto result = runNode(task);
        if (!result) {
            Outcome park = Outcome::Finished;
            if (!handleFailure(std::move(task), result.error(), std::move(record), &park))
                return Outcome::Finished;
            if (park != Outcome::Finished)
                return park;
            continue;
        }
        if (result->async) {
            m_asyncWork = std::move(result->async);
            m_parkedTask = std::move(task);
            m_parkedRecord = std::move(record);
            return Outcome::Async;
        }
        if (result->waitUntil) {
            m_waitUntil = *result->waitUntil;
            m_waitOutput = std::move(*result);
            m_parkedTask = std::move(task);
            m_parkedRecord = std::move(record);
            {
                std::lock_guard lock(m_snapshotMutex);
                m_status = QStringLiteral("waiting");
            }
            if (m_hooks.store && saving())
                m_hooks.store->waiting(m_request.executionId, saveState(), m_waitUntil);
            if (listening())
                emit("execution.waiting", {{"node_id", node.id}, {"until", m_waitUntil.toString(Qt::ISODateWithMs).toStdString()}});
            return Outcome::Waiting;
        }
        completeTask(task, std::move(*result), std::move(record));
    }
    finish(QStringLiteral("succeeded"), QString());
    return Outcome::Finished;
}

NodeResult ExecutionRun::runNode(Task &task)
{
    const GraphNode &node = m_graph->nodes[std::size_t(task.node)];
    ExpressionScope scope;
    scope.input = task.inputs.empty() ? nullptr : &task.inputs[0];
    scope.nodeItems = [this](const std::string &name) -> const Items * {
        auto it = m_graph->byName.find(name);
        if (it == m_graph->byName.end() || m_runCount[std::size_t(it->second)] == 0)
            return nullptr;
        return &m_lastOutput[std::size_t(it->second)];
    };
    scope.executionId = m_request.executionId.toStdString();
    scope.workflowId = m_request.workflowId.toStdString();
    scope.workflowName = m_graph->name;
    scope.mode = m_request.mode.toStdString();
    scope.vars = &m_request.vars;
    scope.runIndex = m_runCount[std::size_t(task.node)];
    RunNodeContext context(node, task.inputs, task.inputTaken, m_nodeState[std::size_t(task.node)], scope, *m_graph, m_hooks, m_request, m_cancel, this);
    scope.timeLimitMs = m_hooks.scriptTimeoutMs;
    scope.interruptKey = this;
    try {
        return node.impl->execute(context);
    } catch (const std::exception &e) {
        // nlohmann throws on type misuse inside a node; report it as that node's failure.
        return nodeError(std::string("Internal error in node: ") + e.what());
    }
}

void ExecutionRun::completeTask(const Task &task, NodeOutput output, NodeRunSummary record)
{
    const GraphNode &node = m_graph->nodes[std::size_t(task.node)];
    output.ports.resize(std::max(output.ports.size(), node.outputCount));
    if (node.alwaysOutputData && !output.ports.empty()
        && std::all_of(output.ports.begin(), output.ports.end(), [](const Items &p) { return p.empty(); }))
        output.ports[0].push_back({{"json", Json::object()}});
    if (output.webhookResponse && !m_webhookResponse) {
        m_webhookResponse = std::move(output.webhookResponse);
        if (onWebhookResponse)
            onWebhookResponse(*m_webhookResponse);
    }
    record.status = "succeeded";
    record.finishedAt = nowIso();
    record.itemsOut = int(countItems(output.ports));
    if (m_graph->saveData != "none") {
        // A trigger passes the execution's input on as it is: its text is the input's, already made.
        const bool passedInput = task.inputTaken && task.node == m_startNode && record.runIndex == 0 && !m_inputText.empty();
        record.output = passedInput ? "[" + m_inputText + "]" : portsText(output.ports);
    }
    // $node["X"] sees the branch that carried data (IF's false branch, Loop's batch).
    Items *firstData = nullptr;
    std::size_t firstPort = 0;
    for (; firstPort < output.ports.size(); ++firstPort) {
        if (!output.ports[firstPort].empty()) {
            firstData = &output.ports[firstPort];
            break;
        }
    }
    // Items that go on to another node are kept here too only when something may read them
    // through $node later; the last node's, which nothing consumes, move here (lastNodeItems()).
    const bool consumed = firstData && firstPort < node.outgoing.size() && !node.outgoing[firstPort].empty();
    if (!firstData || (consumed && !m_graph->readsNodeOutputs))
        m_lastOutput[std::size_t(task.node)].clear();
    else
        m_lastOutput[std::size_t(task.node)] = consumed ? *firstData : std::move(*firstData);
    ++m_runCount[std::size_t(task.node)];
    m_lastNode = task.node;
    if (listening())
        emit("execution.node.finished", {{"node_id", record.nodeId}, {"name", record.name}, {"run_index", record.runIndex},
                                     {"status", "succeeded"}, {"items_in", record.itemsIn}, {"items_out", record.itemsOut}});
    recordNodeRun(std::move(record));
    deliver(task.node, output);
}

bool ExecutionRun::handleFailure(Task task, const Error &error, NodeRunSummary record, Outcome *park)
{
    const GraphNode &node = m_graph->nodes[std::size_t(task.node)];
    if (m_cancel.load()) {
        finish(QStringLiteral("cancelled"), m_cancelReason);
        return false;
    }
    if (task.attempt < node.maxTries) {
        ++task.attempt;
        if (node.waitBetweenTriesMs > 0) {
            m_waitUntil = QDateTime::currentDateTimeUtc().addMSecs(node.waitBetweenTriesMs);
            m_parkedTask = std::move(task);
            m_retryAfterWait = true;
            *park = Outcome::Waiting;
            return true;
        }
        m_ready.push_front(std::move(task));
        return true;
    }
    const std::string message = error.message.toStdString();
    record.status = "failed";
    record.error = message;
    record.finishedAt = nowIso();
    ++m_runCount[std::size_t(task.node)];
    if (listening())
        emit("execution.node.finished", {{"node_id", record.nodeId}, {"name", record.name}, {"run_index", record.runIndex},
                                     {"status", "failed"}, {"error", message}});
    if (node.onError == "continue" || node.onError == "output") {
        // The items carry the error so later nodes (or the error branch) can act on it.
        // As in n8n: the failure becomes one item {error} on the chosen output.
        Items failed{{{"json", {{"error", message}}}}};
        NodeOutput output;
        output.ports.resize(node.outputCount);
        output.ports[node.onError == "output" ? node.outputCount - 1 : 0] = failed;
        record.itemsOut = int(failed.size());
        if (m_graph->saveData != "none")
            record.output = portsText(output.ports);
        m_lastOutput[std::size_t(task.node)] = output.ports[0];
        m_lastNode = task.node;
        recordNodeRun(std::move(record));
        deliver(task.node, output);
        return true;
    }
    recordNodeRun(std::move(record));
    finish(QStringLiteral("failed"), QStringLiteral("Node '%1' failed: %2").arg(QString::fromStdString(node.name), error.message));
    return false;
}

void ExecutionRun::recordNodeRun(NodeRunSummary record)
{
    if (m_hooks.store && saving())
        m_hooks.store->nodeFinished(m_request.executionId, record);
    std::lock_guard lock(m_snapshotMutex);
    m_runs.push_back(std::move(record));
}

void ExecutionRun::deliver(int node, NodeOutput &output)
{
    const GraphNode &source = m_graph->nodes[std::size_t(node)];
    // Depth first like n8n: the branch of output 0 runs to its end before output 1's.
    std::vector<Task> next;
    std::vector<int> touched;
    for (std::size_t port = 0; port < source.outgoing.size() && port < output.ports.size(); ++port) {
        Items &items = output.ports[port];
        if (items.empty())
            continue;
        const auto &targets = source.outgoing[port];
        for (std::size_t k = 0; k < targets.size(); ++k) {
            const auto &target = targets[k];
            const bool lastUse = k + 1 == targets.size(); // the port's items move into their last consumer
            const GraphNode &t = m_graph->nodes[std::size_t(target.node)];
            int connectedPorts = 0;
            for (int c : t.incomingEdges)
                connectedPorts += c > 0 ? 1 : 0;
            if (t.inputCount <= 1 || connectedPorts <= 1) {
                Task task;
                task.node = target.node;
                task.inputs.resize(t.inputCount);
                task.inputs[std::size_t(target.port)] = lastUse ? std::move(items) : items;
                next.push_back(std::move(task));
                continue;
            }
            auto &buffers = m_waitingInputs[std::size_t(target.node)];
            buffers.resize(t.inputCount);
            auto &slot = buffers[std::size_t(target.port)];
            if (!slot)
                slot = Items();
            if (lastUse)
                slot->insert(slot->end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
            else
                slot->insert(slot->end(), items.begin(), items.end());
            if (std::find(touched.begin(), touched.end(), target.node) == touched.end())
                touched.push_back(target.node);
        }
    }
    // Multi-input nodes are checked once all of this run's outputs arrived, so two edges from
    // one node into the same input deliver together.
    for (int target : touched) {
        const GraphNode &t = m_graph->nodes[std::size_t(target)];
        auto &buffers = m_waitingInputs[std::size_t(target)];
        bool complete = true;
        for (std::size_t p = 0; p < t.inputCount; ++p)
            complete = complete && (t.incomingEdges[p] == 0 || (p < buffers.size() && buffers[p].has_value()));
        if (!complete)
            continue;
        Task task;
        task.node = target;
        for (auto &b : buffers)
            task.inputs.push_back(b.value_or(Items()));
        buffers.clear();
        next.push_back(std::move(task));
    }
    for (auto it = next.rbegin(); it != next.rend(); ++it)
        m_ready.push_front(std::move(*it));
}

bool ExecutionRun::scheduleWaitingPartials()
{
    // Nothing else can run: multi-input nodes that got some but not all inputs run with what
    // they have (a branch that produced no items will never deliver).
    for (std::size_t n = 0; n < m_waitingInputs.size(); ++n) {
        auto &buffers = m_waitingInputs[n];
        bool any = false;
        for (const auto &b : buffers)
            any = any || b.has_value();
        if (!any)
            continue;
        Task task;
        task.node = int(n);
        for (auto &b : buffers)
            task.inputs.push_back(b.value_or(Items()));
        task.inputs.resize(m_graph->nodes[n].inputCount);
        buffers.clear();
        m_ready.push_back(std::move(task));
        return true;
    }
    return false;
}

void ExecutionRun::finish(const QString &status, const QString &error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard lock(m_snapshotMutex);
        m_status = status;
        m_error = error;
        m_finishedAt = toIso(now);
        m_durationMs = m_started ? now - m_startedMs : 0;
    }
    if (m_hooks.store) {
        if (saving()) {
            m_hooks.store->finished(m_request.executionId, status, error, m_finishedAt, m_durationMs);
            if (m_graph->pruneDays > 0 || m_graph->pruneMaxCount > 0)
                m_hooks.store->prune(m_request.workflowId, m_graph->pruneDays, m_graph->pruneMaxCount);
        } else if (m_graph->saveData == "errors" && status == QLatin1String("failed")) {
            // Saved only now that it failed.
            m_hooks.store->created(m_request, m_graph->version, m_startedAt.isEmpty() ? m_finishedAt : m_startedAt, inputText());
            m_hooks.store->started(m_request.executionId, m_startedAt.isEmpty() ? m_finishedAt : m_startedAt);
            for (const auto &run : m_runs)
                m_hooks.store->nodeFinished(m_request.executionId, run);
            m_hooks.store->finished(m_request.executionId, status, error, m_finishedAt, m_durationMs);
        }
    }
    if (listening()) {
        Json data = {{"status", status.toStdString()}, {"duration_ms", m_durationMs}, {"finished_at", m_finishedAt.toStdString()}};
        if (!error.isEmpty())
            data["error"] = error.toStdString();
        const char *type = status == QLatin1String("succeeded") ? "execution.finished"
                           : status == QLatin1String("cancelled") ? "execution.cancelled"
                                                                  : "execution.failed";
        emit(type, std::move(data));
    }
    m_ready.clear();
    if (onFinished) {
        auto callback = std::move(onFinished);
        onFinished = nullptr;
        callback(*this);
    }
}

std::shared_ptr<AsyncWork> ExecutionRun::takeAsyncWork()
{
    return std::move(m_asyncWork);
}

void ExecutionRun::setAsyncResult(Result<NodeOutput> result)
{
    m_asyncResult = std::move(result);
}

void ExecutionRun::requestCancel(const QString &reason)
{
    if (m_cancel.exchange(true))
        return;
    m_cancelReason = reason;
    ScriptEngine::interrupt(this);
}

void ExecutionRun::finishCancelledBeforeStart()
{
    if (m_hooks.store && saving() && !m_request.alreadyStored)
        m_hooks.store->created(m_request, m_graph->version, nowIso(), inputText());
    finish(QStringLiteral("cancelled"), m_cancelReason.isEmpty() ? QStringLiteral("Cancelled before it started") : m_cancelReason);
}

QString ExecutionRun::status() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_status;
}

QString ExecutionRun::error() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_error;
}

Json ExecutionRun::toJson() const
{
    std::lock_guard lock(m_snapshotMutex);
    Json nodes = Json::array();
    for (const auto &r : m_runs) {
        Json n = {{"node_id", r.nodeId},
                  {"name", r.name},
                  {"run_index", r.runIndex},
                  {"status", r.status},
                  {"started_at", r.startedAt.toStdString()},
                  {"finished_at", r.finishedAt.isEmpty() ? Json() : Json(r.finishedAt.toStdString())},
                  {"items_in", r.itemsIn},
                  {"items_out", r.itemsOut},
                  {"error", r.error.empty() ? Json() : Json(r.error)}};
        if (!r.output.empty())
            n["output"] = Json::parse(r.output, nullptr, false);
        nodes.push_back(std::move(n));
    }
    auto opt = [](const QString &s) { return s.isEmpty() ? Json() : Json(s.toStdString()); };
    return {{"id", m_request.executionId.toStdString()},
            {"workflow_id", m_request.workflowId.toStdString()},
            {"workflow_version", m_graph->version},
            {"status", m_status.toStdString()},
            {"mode", m_request.mode.toStdString()},
            {"started_at", opt(m_startedAt)},
            {"finished_at", opt(m_finishedAt)},
            {"duration_ms", m_durationMs < 0 ? Json() : Json(m_durationMs)},
            {"error", opt(m_error)},
            {"retry_of", opt(m_request.retryOf)},
            {"nodes", nodes}};
}

Json ExecutionRun::snapshot() const
{
    std::lock_guard lock(m_snapshotMutex);
    Json nodes = Json::array();
    for (const auto &r : m_runs)
        nodes.push_back({{"node_id", r.nodeId}, {"name", r.name}, {"run_index", r.runIndex}, {"status", r.status},
                         {"items_out", r.itemsOut}, {"error", r.error.empty() ? Json() : Json(r.error)}});
    return {{"execution_id", m_request.executionId.toStdString()},
            {"workflow_id", m_request.workflowId.toStdString()},
            {"status", m_status.toStdString()},
            {"error", m_error.isEmpty() ? Json() : Json(m_error.toStdString())},
            {"nodes", nodes}};
}

std::optional<Json> ExecutionRun::webhookResponse() const
{
    return m_webhookResponse;
}

Items ExecutionRun::lastNodeItems() const
{
    return m_lastNode < 0 ? Items() : m_lastOutput[std::size_t(m_lastNode)];
}

Json ExecutionRun::saveState() const
{
    auto taskJson = [](const Task &t) { return Json{{"node", t.node}, {"inputs", t.inputs}, {"attempt", t.attempt}}; };
    Json ready = Json::array();
    for (const auto &t : m_ready)
        ready.push_back(taskJson(t));
    Json waiting = Json::array();
    for (const auto &buffers : m_waitingInputs) {
        Json b = Json::array();
        for (const auto &slot : buffers)
            b.push_back(slot ? Json(*slot) : Json());
        waiting.push_back(b);
    }
    Json runs = Json::array();
    for (const auto &r : m_runs)
        runs.push_back({{"node_id", r.nodeId}, {"name", r.name}, {"run_index", r.runIndex}, {"status", r.status},
                        {"started_at", r.startedAt.toStdString()}, {"finished_at", r.finishedAt.toStdString()},
                        {"items_in", r.itemsIn}, {"items_out", r.itemsOut}, {"error", r.error}});
    Json state = {{"ready", ready},
                  {"waiting", waiting},
                  {"run_count", m_runCount},
                  {"node_state", m_nodeState},
                  {"last_output", m_lastOutput},
                  {"last_node", m_lastNode},
                  {"runs", runs},
                  {"started_at", m_startedAt.toStdString()},
                  {"started_ms", m_startedMs}};
    if (m_parkedTask)
        state["parked"] = taskJson(*m_parkedTask);
    if (m_waitOutput)
        state["wait_output"] = m_waitOutput->ports;
    if (m_parkedRecord)
        state["parked_record"] = {{"run_index", m_parkedRecord->runIndex}, {"started_at", m_parkedRecord->startedAt.toStdString()},
                                  {"items_in", m_parkedRecord->itemsIn}};
    state["wait_until"] = m_waitUntil.toString(Qt::ISODateWithMs).toStdString();
    return state;
}

Result<std::unique_ptr<ExecutionRun>> ExecutionRun::restore(std::shared_ptr<const WorkflowGraph> graph, ExecutionRequest request,
                                                            const Json &state, Hooks hooks)
{
    auto run = std::make_unique<ExecutionRun>(graph, std::move(request), std::move(hooks));
    try {
        const std::size_t n = graph->nodes.size();
        auto task = [&](const Json &j) {
            Task t;
            t.node = j.at("node").get<int>();
            if (t.node < 0 || std::size_t(t.node) >= n)
                throw std::out_of_range("node index");
            t.inputs = j.at("inputs").get<std::vector<Items>>();
            t.attempt = j.value("attempt", 1);
            return t;
        };
        for (const auto &t : state.at("ready"))
            run->m_ready.push_back(task(t));
        const auto waiting = state.at("waiting");
        for (std::size_t i = 0; i < waiting.size() && i < n; ++i) {
            for (const auto &slot : waiting[i])
                run->m_waitingInputs[i].push_back(slot.is_null() ? std::nullopt : std::optional<Items>(slot.get<Items>()));
        }
        run->m_runCount = state.at("run_count").get<std::vector<int>>();
        run->m_nodeState = state.at("node_state").get<std::vector<Json>>();
        run->m_lastOutput = state.at("last_output").get<std::vector<Items>>();
        if (run->m_runCount.size() != n || run->m_nodeState.size() != n || run->m_lastOutput.size() != n)
            throw std::out_of_range("the workflow changed shape");
        run->m_lastNode = state.value("last_node", -1);
        for (const auto &r : state.at("runs")) {
            NodeRunSummary s;
            s.nodeId = r.value("node_id", std::string());
            s.name = r.value("name", std::string());
            s.runIndex = r.value("run_index", 0);
            s.status = r.value("status", std::string());
            s.startedAt = QString::fromStdString(r.value("started_at", std::string()));
            s.finishedAt = QString::fromStdString(r.value("finished_at", std::string()));
            s.itemsIn = r.value("items_in", 0);
            s.itemsOut = r.value("items_out", 0);
            s.error = r.value("error", std::string());
            run->m_runs.push_back(std::move(s));
        }
        run->m_startedAt = QString::fromStdString(state.value("started_at", std::string()));
        run->m_startedMs = state.value("started_ms", qint64(0));
        run->m_started = true;
        run->m_status = QStringLiteral("waiting");
        if (state.contains("parked")) {
            run->m_parkedTask = task(state["parked"]);
            const GraphNode &node = graph->nodes[std::size_t(run->m_parkedTask->node)];
            NodeRunSummary record;
            record.nodeId = node.id;
            record.name = node.name;
            const Json pr = state.value("parked_record", Json::object());
            record.runIndex = pr.value("run_index", 0);
            record.startedAt = QString::fromStdString(pr.value("started_at", std::string()));
            record.itemsIn = pr.value("items_in", 0);
            run->m_parkedRecord = record;
        }
        if (state.contains("wait_output")) {
            NodeOutput out;
            out.ports = state["wait_output"].get<std::vector<Items>>();
            run->m_waitOutput = std::move(out);
        } else if (run->m_parkedTask) {
            run->m_retryAfterWait = true;
        }
        run->m_waitUntil = QDateTime::fromString(QString::fromStdString(state.value("wait_until", std::string())), Qt::ISODateWithMs);
        if (!run->m_waitUntil.isValid())
            run->m_waitUntil = QDateTime::currentDateTimeUtc();
    } catch (const std::exception &e) {
        return Error::make(QStringLiteral("bad_state"), QStringLiteral("The saved state of the waiting execution cannot be resumed: %1")
                                                            .arg(QString::fromUtf8(e.what())));
    }
    return run;
}

} // namespace synapscale
