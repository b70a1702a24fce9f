#include "executionservice.h"

#include "core/clock.h"
#include "core/logger.h"
#include "engine/executionengine.h"
#include "engine/workflowgraph.h"
#include "storage/database.h"

#include <QDateTime>

#include <atomic>
#include <mutex>

namespace synapscale {

namespace {
Json parsedOr(const QByteArray &text, Json fallback)
{
    if (text.isEmpty())
        return fallback;
    auto j = Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    return j.is_discarded() ? fallback : j;
}

Json optional(const QString &s)
{
    return s.isEmpty() ? Json() : Json(s.toStdString());
}

Error notFound()
{
    return Error::make(QStringLiteral("not_found"), QStringLiteral("Execution not found"));
}
} // namespace

Json executionSummaryJson(const ExecutionRecord &e)
{
    return {{"id", e.id.toStdString()},
            {"workflow_id", e.workflowId.toStdString()},
            {"workflow_version", e.workflowVersion},
            {"status", e.status.toStdString()},
            {"mode", e.mode.toStdString()},
            {"created_at", e.createdAt.toStdString()},
            {"started_at", optional(e.startedAt)},
            {"finished_at", optional(e.finishedAt)},
            {"duration_ms", e.durationMs < 0 ? Json() : Json(e.durationMs)},
            {"error", optional(e.error)},
            {"retry_of", optional(e.retryOf)}};
}

ExecutionService::ExecutionService(Database &db, ExecutionEngine &engine)
    : m_db(db)
    , m_engine(engine)
{
}

Result<std::shared_ptr<const WorkflowGraph>> ExecutionService::graphOf(const QString &workflowId, const QString &name, int version,
                                                                         const QByteArray &definition)
{
    const QString key = workflowId + QLatin1Char(':') + QString::number(version);
    {
        std::lock_guard lock(m_cacheMutex);
        auto it = m_graphs.constFind(key);
        if (it != m_graphs.constEnd())
            return *it;
    }
    const Json parsed = parsedOr(definition, Json::object());
    auto graph = WorkflowGraph::compile(parsed, workflowId.toStdString(), name.toStdString(), version);
    if (!graph)
        return graph.error();
    std::lock_guard lock(m_cacheMutex);
    if (m_graphs.size() > 500)
        m_graphs.clear();
    m_graphs.insert(key, *graph);
    return *graph;
}

Result<std::shared_ptr<const WorkflowGraph>> ExecutionService::graphOfVersion(const QString &workflowId, const QString &ownerId, int version)
{
    WorkflowRepository workflows(m_db);
    auto v = workflows.version(workflowId, ownerId, version);
    if (!v)
        return v.error();
    if (!*v)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow version not found"));
    return graphOf(workflowId, (*v)->name, version, (*v)->definition);
}

Result<std::shared_ptr<ExecutionRun>> ExecutionService::start(std::shared_ptr<const WorkflowGraph> graph, const QString &ownerId,
                                                              StartOptions options)
{
    const std::string preferred = options.mode == QLatin1String("webhook") ? "trigger.webhook"
                                  : options.mode == QLatin1String("error") ? "trigger.error"
                                  : options.mode == QLatin1String("subworkflow") ? "trigger.execute_workflow"
                                  : options.mode == QLatin1String("chat") ? "trigger.chat"
                                                                                  : "trigger.manual";
    if (graph->startNode(options.startNodeId, preferred) < 0)
        return Error::make(QStringLiteral("no_trigger"), QStringLiteral("The workflow has no trigger node to start from"));
    ExecutionRequest request;
    request.executionId = newId();
    request.workflowId = QString::fromStdString(graph->workflowId);
    request.ownerId = ownerId;
    request.mode = options.mode;
    request.startNodeId = options.startNodeId;
    request.input = std::move(options.input);
    request.priority = options.priority;
    request.retryOf = options.retryOf;
    request.depth = options.depth;
    request.vars = graph->settings.value("variables", Json::object());
    auto run = std::make_shared<ExecutionRun>(std::move(graph), std::move(request), m_engine.hooks());
    auto userCallback = std::move(options.onFinished);
    run->onFinished = [this, userCallback](ExecutionRun &finished) {
        if (finished.status() == QLatin1String("failed") && !finished.graph().errorWorkflow.empty()
            && finished.request().mode != QLatin1String("error")) {
            if (auto started = startError(finished); !started)
                Log::warning(QStringLiteral("error workflow of %1 did not start: %2").arg(finished.request().workflowId, started.error().message));
        }
        if (userCallback)
            userCallback(finished);
    };
    run->onWebhookResponse = std::move(options.onWebhookResponse);
    auto submitted = m_engine.submit(run);
    if (!submitted)
        return submitted.error();
    return run;
}

Result<std::shared_ptr<ExecutionRun>> ExecutionService::startError(const ExecutionRun &failed)
{
    WorkflowRepository workflows(m_db);
    const QString errorWorkflowId = QString::fromStdString(failed.graph().errorWorkflow);
    auto w = workflows.find(errorWorkflowId, failed.request().ownerId);
    if (!w)
        return w.error();
    if (!*w)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("error workflow %1 not found").arg(errorWorkflowId));
    auto graph = graphOf((*w)->id, (*w)->name, (*w)->version, (*w)->definition);
    if (!graph)
        return graph.error();
    const Json execution = failed.toJson();
    std::string lastNode;
    for (const auto &n : execution["nodes"])
        lastNode = n.value("name", std::string());
    StartOptions options;
    options.mode = QStringLiteral("error");
    options.input.push_back({{"json",
                              {{"execution",
                                {{"id", failed.request().executionId.toStdString()},
                                 {"error", {{"message", failed.error().toStdString()}}},
                                 {"lastNodeExecuted", lastNode},
                                 {"mode", failed.request().mode.toStdString()}}},
                               {"workflow", {{"id", failed.graph().workflowId}, {"name", failed.graph().name}}}}}});
    return start(*graph, failed.request().ownerId, std::move(options));
}

Result<std::shared_ptr<ExecutionRun>> ExecutionService::execute(const Principal &who, const QString &workflowId, StartOptions options)
{
    WorkflowRepository workflows(m_db);
    auto w = workflows.find(workflowId, who.userId);
    if (!w)
        return w.error();
    if (!*w)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow not found"));
    auto graph = graphOf((*w)->id, (*w)->name, (*w)->version, (*w)->definition);
    if (!graph)
        return graph.error();
    return start(*graph, who.userId, std::move(options));
}

std::shared_ptr<ExecutionRun> ExecutionService::live(const QString &id) const
{
    return m_engine.find(id);
}

Result<Json> ExecutionService::get(const Principal &who, const QString &id)
{
    flushWrites();
    if (auto run = m_engine.find(id)) {
        if (run->request().ownerId != who.userId)
            return notFound();
        return run->toJson();
    }
    ExecutionRepository executions(m_db);
    auto e = executions.find(id, who.userId);
    if (!e)
        return e.error();
    if (!*e)
        return notFound();
    auto runs = executions.nodeRuns(id);
    if (!runs)
        return runs.error();
    Json out = executionSummaryJson(**e);
    Json nodes = Json::array();
    for (const auto &r : *runs) {
        Json n = {{"node_id", r.nodeId.toStdString()},
                  {"name", r.name.toStdString()},
                  {"run_index", r.runIndex},
                  {"status", r.status.toStdString()},
                  {"started_at", optional(r.startedAt)},
                  {"finished_at", optional(r.finishedAt)},
                  {"items_in", r.itemsIn},
                  {"items_out", r.itemsOut},
                  {"error", optional(r.error)}};
        if (!r.output.isEmpty())
            n["output"] = parsedOr(r.output, Json());
        nodes.push_back(std::move(n));
    }
    out["nodes"] = nodes;
    return out;
}

Result<Page<Json>> ExecutionService::list(const Principal &who, const ExecutionFilter &filter)
{
    flushWrites();
    ExecutionRepository executions(m_db);
    auto page = executions.list(who.userId, filter);
    if (!page)
        return page.error();
    Page<Json> out{{}, page->total, page->skip, page->limit};
    for (const auto &e : page->items)
        out.items.push_back(executionSummaryJson(e));
    return out;
}

Result<Json> ExecutionService::cancel(const Principal &who, const QString &id)
{
    flushWrites();
    if (auto run = m_engine.find(id)) {
        if (run->request().ownerId != who.userId)
            return notFound();
        m_engine.cancel(id);
        return Json{{"execution_id", id.toStdString()}, {"status", "cancelling"}};
    }
    ExecutionRepository executions(m_db);
    auto e = executions.find(id, who.userId);
    if (!e)
        return e.error();
    if (!*e)
        return notFound();
    const QString status = (*e)->status;
    if (status == QLatin1String("succeeded") || status == QLatin1String("failed") || status == QLatin1String("cancelled"))
        return Error::make(QStringLiteral("invalid_state"), QStringLiteral("The execution already ended (%1)").arg(status));
    // Not running in this instance (left behind by another one): record the cancellation.
    auto done = executions.finish(id, QStringLiteral("cancelled"), QStringLiteral("Cancelled by the user"), nowIso(), 0);
    if (!done)
        return done.error();
    return Json{{"execution_id", id.toStdString()}, {"status", "cancelled"}};
}

Result<std::shared_ptr<ExecutionRun>> ExecutionService::retry(const Principal &who, const QString &id, StartOptions options)
{
    flushWrites();
    if (m_engine.find(id))
        return Error::make(QStringLiteral("invalid_state"), QStringLiteral("The execution is still running; cancel it or wait for it to end"));
    ExecutionRepository executions(m_db);
    auto e = executions.find(id, who.userId);
    if (!e)
        return e.error();
    if (!*e)
        return notFound();
    if ((*e)->status != QLatin1String("failed") && (*e)->status != QLatin1String("cancelled"))
        return Error::make(QStringLiteral("invalid_state"),
                           QStringLiteral("Only failed or cancelled executions can be retried (this one is %1)").arg((*e)->status));
    auto graph = graphOfVersion((*e)->workflowId, who.userId, (*e)->workflowVersion);
    if (!graph)
        return graph.error();
    const Json input = parsedOr((*e)->input, Json::array());
    if (input.is_array())
        options.input = input.get<Items>();
    options.mode = QStringLiteral("retry");
    options.retryOf = id;
    return start(*graph, who.userId, std::move(options));
}

Result<void> ExecutionService::remove(const Principal &who, const QString &id)
{
    flushWrites();
    if (auto run = m_engine.find(id)) {
        if (run->request().ownerId != who.userId)
            return notFound();
        return Error::make(QStringLiteral("invalid_state"), QStringLiteral("The execution is still running; cancel it first"));
    }
    ExecutionRepository executions(m_db);
    auto removed = executions.remove(id, who.userId);
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    return {};
}

Result<QString> ExecutionService::ownerOf(const QString &id)
{
    flushWrites();
    if (auto run = m_engine.find(id))
        return run->request().ownerId;
    auto owner = ExecutionRepository(m_db).ownerOf(id);
    if (!owner)
        return owner.error();
    if (owner->isEmpty())
        return notFound();
    return *owner;
}

namespace {
// One sub-workflow run as async node work: starts it, and reports its last node's items.
class SubWorkflowCall : public AsyncWork {
public:
    SubWorkflowCall(ExecutionService &service, QString ownerId, QString workflowId, Items input, bool wait, int depth)
        : m_service(service), m_ownerId(std::move(ownerId)), m_workflowId(std::move(workflowId)), m_input(std::move(input)), m_wait(wait),
          m_depth(depth)
    {
    }

    void start(Done done) override
    {
        auto reported = std::make_shared<std::atomic<bool>>(false);
        auto report = [done, reported](Result<NodeOutput> result) {
            if (!reported->exchange(true))
                done(std::move(result));
        };
        m_report = report;
        Principal owner;
        owner.userId = m_ownerId;
        StartOptions options;
        options.mode = QStringLiteral("subworkflow");
        options.input = m_input;
        options.depth = m_depth;
        if (m_wait) {
            const QString id = m_workflowId;
            options.onFinished = [report, id](ExecutionRun &run) {
                if (run.status() == QLatin1String("succeeded"))
                    report(NodeOutput::single(run.lastNodeItems()));
                else
                    report(Error::make(QStringLiteral("subworkflow_failed"),
                                       QStringLiteral("Sub-workflow %1 %2: %3").arg(id, run.status(), run.error())));
            };
        }
        // A fast sub-workflow can finish and report (and so release this object) before
        // execute() returns: after the call, touch only locals.
        auto child = m_child;
        const bool wait = m_wait;
        const QString workflowId = m_workflowId;
        auto started = m_service.execute(owner, workflowId, std::move(options));
        if (!started) {
            report(Error::make(started.error().code, QStringLiteral("Sub-workflow %1 did not start: %2").arg(workflowId, started.error().message)));
            return;
        }
        {
            std::lock_guard lock(child->mutex);
            child->id = (*started)->request().executionId;
        }
        if (!wait)
            report(NodeOutput::single({}));
    }

    void cancel() override
    {
        QString child;
        {
            std::lock_guard lock(m_child->mutex);
            child = m_child->id;
        }
        if (!child.isEmpty())
            m_service.engine().cancel(child, QStringLiteral("The calling execution was cancelled"));
        if (m_report)
            m_report(nodeError("cancelled"));
    }

private:
    ExecutionService &m_service;
    QString m_ownerId;
    QString m_workflowId;
    Items m_input;
    bool m_wait;
    int m_depth;
    struct Child {
        std::mutex mutex;
        QString id;
    };
    std::shared_ptr<Child> m_child = std::make_shared<Child>();
    std::function<void(Result<NodeOutput>)> m_report;
};
} // namespace

std::function<Result<std::shared_ptr<AsyncWork>>(const ExecutionRequest &, const std::string &, Items, bool)> ExecutionService::subWorkflowHook()
{
    return [this](const ExecutionRequest &parent, const std::string &workflowId, Items input, bool wait) -> Result<std::shared_ptr<AsyncWork>> {
        return std::shared_ptr<AsyncWork>(std::make_shared<SubWorkflowCall>(*this, parent.ownerId, QString::fromStdString(workflowId),
                                                                            std::move(input), wait, parent.depth + 1));
    };
}

void ExecutionService::recover(const QString &instance, int staleAfterMs)
{
    ExecutionRepository executions(m_db);
    const QString staleBefore = toIso(QDateTime::currentMSecsSinceEpoch() - staleAfterMs);
    int requeued = 0;
    int failed = 0;
    int resumed = 0;
    auto requestOf = [](const ExecutionRecord &e) {
        ExecutionRequest request;
        request.executionId = e.id;
        request.workflowId = e.workflowId;
        request.ownerId = e.ownerId;
        request.mode = e.mode;
        request.priority = e.priority;
        request.retryOf = e.retryOf;
        request.alreadyStored = true;
        return request;
    };
    // The executions in `status` this instance may take over, each claimed first: when two
    // instances look at once, one takes it.
    auto claimable = [&](const QString &status) {
        QList<ExecutionRecord> out;
        for (const auto &e : executions.unclaimed(status, staleBefore).value_or({})) {
            if (!m_engine.find(e.id) && executions.claim(e.id, status, instance, staleBefore).value_or(false))
                out.append(e);
        }
        return out;
    };
    {
        for (const auto &e : claimable(QStringLiteral("running"))) {
            auto graph = graphOfVersion(e.workflowId, e.ownerId, e.workflowVersion);
            if (graph && (*graph)->requeueOnCrash && executions.requeue(e.id)) {
                auto run = std::make_shared<ExecutionRun>(*graph, requestOf(e), m_engine.hooks());
                if (m_engine.submit(run))
                    ++requeued;
                continue;
            }
            if (executions.finish(e.id, QStringLiteral("failed"), QStringLiteral("interrupted"), nowIso(), 0))
                ++failed;
        }
    }
    {
        for (const auto &e : claimable(QStringLiteral("queued"))) {
            auto graph = graphOfVersion(e.workflowId, e.ownerId, e.workflowVersion);
            if (!graph) {
                (void)executions.finish(e.id, QStringLiteral("failed"), graph.error().message, nowIso(), 0);
                continue;
            }
            ExecutionRequest request = requestOf(e);
            const Json input = parsedOr(e.input, Json::array());
            if (input.is_array())
                request.input = input.get<Items>();
            auto run = std::make_shared<ExecutionRun>(*graph, request, m_engine.hooks());
            if (m_engine.submit(run))
                ++requeued;
        }
    }
    {
        for (const auto &e : claimable(QStringLiteral("waiting"))) {
            auto graph = graphOfVersion(e.workflowId, e.ownerId, e.workflowVersion);
            Result<std::unique_ptr<ExecutionRun>> run = graph ? ExecutionRun::restore(*graph, requestOf(e), parsedOr(e.state, Json::object()),
                                                                                       m_engine.hooks())
                                                              : Result<std::unique_ptr<ExecutionRun>>(graph.error());
            if (!run) {
                (void)executions.finish(e.id, QStringLiteral("failed"), run.error().message, nowIso(), 0);
                ++failed;
                continue;
            }
            m_engine.resumeWaiting(std::shared_ptr<ExecutionRun>(std::move(*run)));
            ++resumed;
        }
    }
    if (requeued || failed || resumed)
        Log::info(QStringLiteral("recovered executions: %1 queued again, %2 resumed waiting, %3 failed as interrupted")
                      .arg(requeued)
                      .arg(resumed)
                      .arg(failed));
}

} // namespace synapscale
