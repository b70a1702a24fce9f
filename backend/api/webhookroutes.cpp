#include "webhookroutes.h"

#include "api/router.h"
#include "workflow/executionservice.h"
#include "workflow/workflowtriggers.h"

#include <atomic>
#include <memory>

namespace synapscale {

namespace {
using nlohmann::json;

bool isJson(const QByteArray &contentType)
{
    return contentType == "application/json" || contentType.endsWith("+json");
}

// The request as n8n's webhook item: {headers, params, query, body}.
Result<json> webhookItem(const HttpRequest &r, const QHash<QString, QString> &params)
{
    json headers = json::object();
    for (const auto &[name, value] : r.headers) {
        std::string key(name.constData(), std::size_t(name.size()));
        for (char &c : key) // header names are ASCII; lower-cased in place (toLower() copied each)
            c = c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
        headers[std::move(key)] = std::string(value.constData(), std::size_t(value.size()));
    }
    json query = json::object();
    for (const auto &[key, value] : r.query.queryItems(QUrl::FullyDecoded))
        query[key.toStdString()] = value.toStdString();
    json p = json::object();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it)
        p[it.key().toStdString()] = it.value().toStdString();
    json body = json::object();
    const QByteArray contentType = r.header("Content-Type").split(';').first().trimmed().toLower();
    if (!r.body.trimmed().isEmpty()) {
        if (isJson(contentType)) {
            body = json::parse(r.body.constData(), r.body.constData() + r.body.size(), nullptr, false);
            if (body.is_discarded())
                return Error::make(QStringLiteral("bad_request"), QStringLiteral("The request body is not valid JSON."));
        } else if (contentType == "application/x-www-form-urlencoded") {
            const QUrlQuery form(QString::fromUtf8(r.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
            for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
                body[key.toStdString()] = value.toStdString();
        } else {
            body = std::string(r.body.constData(), std::size_t(r.body.size()));
        }
    }
    // Moved in: a braced json list would copy each part (the headers map, the body) once more.
    json item = json::object();
    item["headers"] = std::move(headers);
    item["params"] = std::move(p);
    item["query"] = std::move(query);
    item["body"] = std::move(body);
    return item;
}

HttpResponse fromRespondNode(const json &response)
{
    const int status = response.value("status", 200);
    HttpResponse out;
    if (response.contains("text")) {
        out = HttpResponse::text(QByteArray::fromStdString(response["text"].get<std::string>()), "text/plain; charset=utf-8", status);
    } else if (response.value("noData", false)) {
        out = HttpResponse::text({}, {}, status);
    } else {
        static const json noBody = json::object();
        const auto body = response.find("body");
        out = HttpResponse::json(body != response.end() ? *body : noBody, status);
    }
    const auto headers = response.find("headers");
    if (headers == response.end() || !headers->is_object())
        return out;
    for (auto it = headers->begin(); it != headers->end(); ++it) {
        const QByteArray name = QByteArray::fromStdString(it.key());
        if (name.toLower() == "content-type")
            out.contentType = QByteArray::fromStdString(it.value().get<std::string>());
        else if (!name.contains('\n') && !name.contains('\r'))
            out.withHeader(name, QByteArray::fromStdString(it.value().get<std::string>()).replace('\n', ' ').replace('\r', ' '));
    }
    return out;
}

HttpResponse failedRun(const ExecutionRun &run)
{
    return HttpResponse::json({{"detail", ("Workflow execution " + run.status() + ": " + run.error()).toStdString()},
                               {"code", "execution_failed"},
                               {"execution_id", run.request().executionId.toStdString()}},
                              500);
}
} // namespace

void WebhookRoutes::addTo(Router &router, ExecutionService &executions, WorkflowTriggers &triggers)
{
    auto self = std::make_shared<WebhookRoutes>(executions, triggers);
    for (const bool test : {false, true}) {
        for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            Route route;
            route.method = method;
            route.pattern = test ? QStringLiteral("/webhook-test/{path*}") : QStringLiteral("/webhook/{path*}");
            route.summary = test ? QStringLiteral("Test webhook of a workflow the editor listens on")
                                 : QStringLiteral("Run the active workflow whose Webhook trigger has this path and method");
            route.tag = QStringLiteral("webhooks");
            route.responses = {{"200", {{"description", "The Respond node's or last node's data"}}},
                               {"202", {{"description", "{execution_id, status} when the trigger answers at once"}}},
                               {"404", {{"description", "No active workflow serves this path"}}},
                               {"405", {{"description", "The path exists for other methods"}}},
                               {"503", {{"description", "The queue is full (Retry-After)"}}}};
            route.asyncHandler = [self, test](const HttpRequest &r, HttpResponder responder) { self->handle(r, std::move(responder), test); };
            router.add(std::move(route));
        }
    }
}

void WebhookRoutes::handle(const HttpRequest &r, HttpResponder responder, bool test)
{
    const QString path = r.params.value(QStringLiteral("path"));
    auto found = m_triggers.webhooks().match(r.method, path, test);
    if (auto *allowed = std::get_if<QStringList>(&found)) {
        if (allowed->isEmpty()) {
            responder.send(HttpResponse::error(404, QStringLiteral("webhook_not_found"),
                                               test ? QStringLiteral("No workflow is listening for a test event on this path; click 'Listen' in the editor first.")
                                                    : QStringLiteral("No active workflow serves %1 /webhook/%2").arg(QString::fromLatin1(r.method), path)));
            return;
        }
        responder.send(HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                           QStringLiteral("This webhook accepts %1").arg(allowed->join(QStringLiteral(", "))))
                           .withHeader("Allow", allowed->join(QStringLiteral(", ")).toLatin1()));
        return;
    }
    const auto &match = std::get<WebhookRegistry::Match>(found);
    auto item = webhookItem(r, match.params);
    if (!item) {
        responder.send(HttpResponse::error(400, QStringLiteral("invalid_body"), item.error().message));
        return;
    }
    const WebhookTarget &target = match.target;
    auto held = std::make_shared<HttpResponder>(std::move(responder));
    auto answered = std::make_shared<std::atomic<bool>>(false);
    auto answerOnce = [held, answered](HttpResponse response) {
        if (!answered->exchange(true))
            HttpResponder::sendQueued(held, std::move(response));
    };
    StartOptions options;
    options.mode = test ? QStringLiteral("webhook-test") : QStringLiteral("webhook");
    options.startNodeId = target.nodeId;
    options.input.push_back({{"json", std::move(*item)}});
    const std::string mode = target.responseMode;
    const std::string data = target.responseData;
    const int code = target.responseCode;
    if (mode == "responseNode")
        options.onWebhookResponse = [answerOnce](const json &response) { answerOnce(fromRespondNode(response)); };
    if (mode == "lastNode" || mode == "responseNode") {
        options.onFinished = [answerOnce, answered, mode, data, code](ExecutionRun &run) {
            if (answered->load())
                return; // the Respond node answered: build no response to drop (~1 % of the CPU under load)
            if (run.status() != QLatin1String("succeeded")) {
                answerOnce(failedRun(run));
                return;
            }
            if (mode == "responseNode") {
                answerOnce(HttpResponse::error(500, QStringLiteral("no_response"),
                                               QStringLiteral("The workflow finished without reaching its Respond to Webhook node")));
                return;
            }
            const Items items = run.lastNodeItems();
            if (data == "noData")
                answerOnce(HttpResponse::text({}, {}, code));
            else if (data == "allEntries") {
                json all = json::array();
                for (const auto &it : items)
                    all.push_back(it.value("json", json::object()));
                answerOnce(HttpResponse::json(all, code));
            } else {
                answerOnce(HttpResponse::json(items.empty() ? json::object() : items[0].value("json", json::object()), code));
            }
        };
    }
    auto run = m_executions.start(target.graph, target.ownerId, std::move(options));
    if (!run) {
        if (!answered->exchange(true))
            held->send(HttpResponse::fromError(run.error()));
        return;
    }
    if (mode != "lastNode" && mode != "responseNode" && !answered->exchange(true))
        held->send(HttpResponse::json({{"execution_id", (*run)->request().executionId.toStdString()}, {"status", "queued"}}, 202));
}

} // namespace synapscale
