#include "executionroutes.h"

#include "api/jsonbody.h"
#include "api/router.h"
#include "api/workflowroutes.h"
#include "workflow/executionservice.h"
#include "workflow/workflowtriggers.h"

#include <memory>

namespace synapscale {

namespace {
using nlohmann::json;

// Reads {input?: object | array of objects, wait?: bool}.
bool readRunBody(const HttpRequest &r, Items &input, bool &wait, json &errors)
{
    const json &body = r.json;
    if (body.is_null())
        return true;
    if (!body.is_object()) {
        errors.push_back({{"loc", {"body"}}, {"msg", "Input should be an object"}, {"type", "dict_type"}});
        return false;
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != "input" && it.key() != "wait")
            errors.push_back({{"loc", {"body", it.key()}}, {"msg", "Extra inputs are not permitted"}, {"type", "extra_forbidden"}});
    }
    if (body.contains("wait")) {
        if (!body["wait"].is_boolean())
            errors.push_back({{"loc", {"body", "wait"}}, {"msg", "Input should be a valid boolean"}, {"type", "bool_type"}});
        else
            wait = body["wait"].get<bool>();
    }
    if (body.contains("input") && !body["input"].is_null()) {
        const json &in = body["input"];
        if (in.is_object()) {
            input.push_back({{"json", in}});
        } else if (in.is_array()) {
            for (std::size_t i = 0; i < in.size(); ++i) {
                if (!in[i].is_object())
                    errors.push_back({{"loc", {"body", "input", i}}, {"msg", "Each input item should be an object"}, {"type", "dict_type"}});
                else
                    input.push_back({{"json", in[i]}});
            }
        } else {
            errors.push_back({{"loc", {"body", "input"}}, {"msg", "Input should be an object or a list of objects"}, {"type", "value_error"}});
        }
    }
    return errors.empty();
}

bool waitParam(const HttpRequest &r)
{
    const QString w = r.query.queryItemValue(QStringLiteral("wait")).toLower();
    return w == QLatin1String("true") || w == QLatin1String("1");
}

// The execution's JSON is sent when it ends, from whichever worker ended it.
void answerWhenFinished(StartOptions &options, const std::shared_ptr<HttpResponder> &held)
{
    options.onFinished = [held](ExecutionRun &run) { HttpResponder::sendQueued(held, HttpResponse::json(run.toJson())); };
}

HttpResponse accepted(const ExecutionRun &run)
{
    return HttpResponse::json({{"execution_id", run.request().executionId.toStdString()}, {"status", "queued"}}, 202);
}
} // namespace

void ExecutionRoutes::addTo(Router &router, ExecutionService &executions, WorkflowTriggers &triggers, const QString &apiPrefix)
{
    auto self = std::make_shared<ExecutionRoutes>(executions, triggers);
    const json runBody = {{"type", "object"},
                          {"properties",
                           {{"input", {{"description", "An object (one item) or a list of objects (one item each)"}}},
                            {"wait", {{"type", "boolean"}, {"description", "Answer with the finished execution instead of 202"}}}}}};
    auto add = [&](const char *method, const QString &path, const char *summary, const char *tag, auto handler, bool jsonBody,
                   json responses) {
        Route route;
        route.method = method;
        route.pattern = apiPrefix + path;
        route.summary = QString::fromLatin1(summary);
        route.tag = QString::fromLatin1(tag);
        route.requiresAuth = true;
        route.jsonBody = jsonBody;
        route.optionalBody = jsonBody;
        route.requestSchema = jsonBody ? runBody : json();
        route.responses = std::move(responses);
        using Sync = HttpResponse (ExecutionRoutes::*)(const HttpRequest &);
        if constexpr (std::is_same_v<decltype(handler), Sync>)
            route.handler = [self, handler](const HttpRequest &r) { return ((*self).*handler)(r); };
        else
            route.asyncHandler = [self, handler](const HttpRequest &r, HttpResponder responder) { ((*self).*handler)(r, std::move(responder)); };
        router.add(std::move(route));
    };
    const json executionDoc = {{"description", "{id, workflow_id, status, mode, started_at, finished_at, duration_ms, error, nodes:[{node_id, name, status, started_at, finished_at, items_in, items_out, error, output}]}"}};
    add("POST", QStringLiteral("/workflows/{id}/execute"), "Run a workflow from its manual trigger (async, or wait for the result)", "executions",
        &ExecutionRoutes::execute, true,
        {{"202", {{"description", "{execution_id, status}"}}}, {"200", executionDoc}, {"422", {{"description", "Bad input or no trigger"}}},
         {"503", {{"description", "The queue is full (Retry-After)"}}}});
    add("POST", QStringLiteral("/workflows/{id}/activate"), "Serve the workflow's webhooks and fire its schedules", "workflows",
        &ExecutionRoutes::activate, false, {{"200", {{"description", "The workflow"}}}, {"409", {{"description", "A webhook path is taken"}}}});
    add("POST", QStringLiteral("/workflows/{id}/deactivate"), "Stop the workflow's webhooks and schedules", "workflows",
        &ExecutionRoutes::deactivate, false, {{"200", {{"description", "The workflow"}}}});
    add("POST", QStringLiteral("/workflows/{id}/webhook-test"), "Serve the workflow's webhooks under /webhook-test/ for 2 minutes", "workflows",
        &ExecutionRoutes::listenForTest, false, {{"200", {{"description", "{webhooks:[{method, path, node_id}], expires_at}"}}}});
    add("GET", QStringLiteral("/executions"), "List executions (?workflow_id, status, skip, limit), newest first", "executions",
        &ExecutionRoutes::list, false, {{"200", {{"description", "{items, total, skip, limit}"}}}});
    add("GET", QStringLiteral("/executions/{id}"), "An execution with its node runs and their output", "executions", &ExecutionRoutes::get,
        false, {{"200", executionDoc}, {"404", {{"description", "No such execution of yours"}}}});
    add("POST", QStringLiteral("/executions/{id}/cancel"), "Cancel a queued, running or waiting execution", "executions",
        &ExecutionRoutes::cancel, false, {{"200", {{"description", "{execution_id, status}"}}}, {"409", {{"description", "Already ended"}}}});
    add("POST", QStringLiteral("/executions/{id}/retry"), "Run a failed or cancelled execution again from the start (?wait=true)", "executions",
        &ExecutionRoutes::retry, false, {{"202", {{"description", "{execution_id, status}"}}}, {"409", {{"description", "Not failed or cancelled"}}}});
    add("DELETE", QStringLiteral("/executions/{id}"), "Delete a finished execution", "executions", &ExecutionRoutes::remove, false,
        {{"204", {{"description", "Deleted"}}}, {"409", {{"description", "Still running"}}}});
}

void ExecutionRoutes::execute(const HttpRequest &r, HttpResponder responder)
{
    Items input;
    bool wait = false;
    json errors = json::array();
    if (!readRunBody(r, input, wait, errors)) {
        responder.send(HttpResponse::validation(errors));
        return;
    }
    StartOptions options;
    options.input = std::move(input);
    options.mode = QStringLiteral("manual");
    auto held = std::make_shared<HttpResponder>(std::move(responder));
    if (wait)
        answerWhenFinished(options, held);
    auto run = m_executions.execute(*r.principal, r.params.value(QStringLiteral("id")), std::move(options));
    if (!run) {
        held->send(HttpResponse::fromError(run.error()));
        return;
    }
    if (!wait)
        held->send(accepted(**run));
}

HttpResponse ExecutionRoutes::activate(const HttpRequest &r)
{
    return respond(m_triggers.activate(*r.principal, r.params.value(QStringLiteral("id"))),
                   [](const WorkflowRecord &w) { return HttpResponse::json(workflowJson(w)); });
}

HttpResponse ExecutionRoutes::deactivate(const HttpRequest &r)
{
    return respond(m_triggers.deactivate(*r.principal, r.params.value(QStringLiteral("id"))),
                   [](const WorkflowRecord &w) { return HttpResponse::json(workflowJson(w)); });
}

HttpResponse ExecutionRoutes::listenForTest(const HttpRequest &r)
{
    return respond(m_triggers.listenForTest(*r.principal, r.params.value(QStringLiteral("id")), 120),
                   [](const json &j) { return HttpResponse::json(j); });
}

HttpResponse ExecutionRoutes::list(const HttpRequest &r)
{
    ExecutionFilter filter;
    json errors = json::array();
    readPaging(r.query, filter.skip, filter.limit, errors);
    filter.workflowId = r.query.queryItemValue(QStringLiteral("workflow_id"), QUrl::FullyDecoded).left(64);
    filter.status = r.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    static const QStringList statuses{QStringLiteral("queued"), QStringLiteral("running"), QStringLiteral("waiting"),
                                      QStringLiteral("succeeded"), QStringLiteral("failed"), QStringLiteral("cancelled")};
    if (!filter.status.isEmpty() && !statuses.contains(filter.status))
        errors.push_back({{"loc", {"query", "status"}},
                          {"msg", "Input should be one of queued, running, waiting, succeeded, failed, cancelled"},
                          {"type", "enum"}});
    if (!errors.empty())
        return HttpResponse::validation(errors);
    return respond(m_executions.list(*r.principal, filter), [](const Page<json> &page) {
        return HttpResponse::json({{"items", page.items}, {"total", page.total}, {"skip", page.skip}, {"limit", page.limit}});
    });
}

HttpResponse ExecutionRoutes::get(const HttpRequest &r)
{
    return respond(m_executions.get(*r.principal, r.params.value(QStringLiteral("id"))), [](const json &j) { return HttpResponse::json(j); });
}

HttpResponse ExecutionRoutes::cancel(const HttpRequest &r)
{
    return respond(m_executions.cancel(*r.principal, r.params.value(QStringLiteral("id"))), [](const json &j) { return HttpResponse::json(j); });
}

void ExecutionRoutes::retry(const HttpRequest &r, HttpResponder responder)
{
    const bool wait = waitParam(r);
    StartOptions options;
    auto held = std::make_shared<HttpResponder>(std::move(responder));
    if (wait)
        answerWhenFinished(options, held);
    auto run = m_executions.retry(*r.principal, r.params.value(QStringLiteral("id")), std::move(options));
    if (!run) {
        held->send(HttpResponse::fromError(run.error()));
        return;
    }
    if (!wait)
        held->send(accepted(**run));
}

HttpResponse ExecutionRoutes::remove(const HttpRequest &r)
{
    return respond(m_executions.remove(*r.principal, r.params.value(QStringLiteral("id"))), 204);
}

} // namespace synapscale
