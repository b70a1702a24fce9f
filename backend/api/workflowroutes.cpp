#include "workflowroutes.h"

#include "api/jsonbody.h"
#include "api/router.h"
#include "workflow/n8nimport.h"
#include "workflow/workflowdefinition.h"
#include "workflow/workflowservice.h"

#include <QRegularExpression>

#include <memory>

namespace synapscale {

namespace {
using nlohmann::json;

json parsed(const QByteArray &text, json fallback)
{
    auto j = json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    return j.is_discarded() ? fallback : j;
}

json summaryJson(const WorkflowRecord &w)
{
    return {{"id", w.id.toStdString()},
            {"name", w.name.toStdString()},
            {"description", w.description.toStdString()},
            {"tags", parsed(w.tags, json::array())},
            {"active", w.active},
            {"version", w.version},
            {"created_at", w.createdAt.toStdString()},
            {"updated_at", w.updatedAt.toStdString()}};
}

json fullJson(const WorkflowRecord &w)
{
    json j = summaryJson(w);
    j["definition"] = parsed(w.definition, json::object());
    return j;
}

json versionJson(const WorkflowVersionRecord &v, bool withDefinition)
{
    json j = {{"version", v.version}, {"name", v.name.toStdString()}, {"created_at", v.createdAt.toStdString()},
              {"created_by", v.createdBy.isEmpty() ? json(nullptr) : json(v.createdBy.toStdString())}};
    if (withDefinition)
        j["definition"] = parsed(v.definition, json::object());
    return j;
}

// Reads {name, description?, tags?, definition} (and `version` when `withVersion`).
std::optional<WorkflowInput> readInput(const HttpRequest &r, bool withVersion, int *version, json &errors)
{
    JsonBody body(r.json);
    WorkflowInput input;
    input.name = body.requiredString("name", 200).trimmed();
    input.description = body.optionalString("description", 5000).value_or(QString());
    if (withVersion)
        body.allowOnly({"name", "description", "tags", "definition", "version"});
    else
        body.allowOnly({"name", "description", "tags", "definition"});
    errors = body.errors();
    if (!r.json.is_object())
        return std::nullopt;
    if (r.json.contains("name") && r.json["name"].is_string() && input.name.isEmpty())
        errors.push_back({{"loc", {"body", "name"}}, {"msg", "Name must not be empty"}, {"type", "string_too_short"}});
    if (r.json.contains("tags") && !r.json["tags"].is_null()) {
        const auto &tags = r.json["tags"];
        if (!tags.is_array() || tags.size() > 50) {
            errors.push_back({{"loc", {"body", "tags"}}, {"msg", "Tags must be a list of at most 50 strings"}, {"type", "list_type"}});
        } else {
            for (std::size_t i = 0; i < tags.size(); ++i) {
                if (!tags[i].is_string() || tags[i].get<std::string>().empty() || tags[i].get<std::string>().size() > 50)
                    errors.push_back({{"loc", {"body", "tags", i}}, {"msg", "A tag is a string of 1 to 50 characters"}, {"type", "string_type"}});
                else
                    input.tags << QString::fromStdString(tags[i].get<std::string>()).trimmed();
            }
        }
    }
    if (!r.json.contains("definition")) {
        errors.push_back({{"loc", {"body", "definition"}}, {"msg", "Field required"}, {"type", "missing"}});
    } else {
        const json normalized = WorkflowDefinition::normalize(r.json["definition"], json{"body", "definition"}, errors);
        input.definition = QByteArray::fromStdString(normalized.dump());
    }
    if (withVersion) {
        if (!r.json.contains("version"))
            errors.push_back({{"loc", {"body", "version"}}, {"msg", "Field required"}, {"type", "missing"}});
        else if (!r.json["version"].is_number_integer() || r.json["version"].get<long long>() < 1)
            errors.push_back({{"loc", {"body", "version"}}, {"msg", "Input should be a positive integer"}, {"type", "int_type"}});
        else
            *version = r.json["version"].get<int>();
    }
    if (!errors.empty())
        return std::nullopt;
    return input;
}

std::optional<int> versionParam(const HttpRequest &r)
{
    bool ok = false;
    const int n = r.params.value(QStringLiteral("n")).toInt(&ok);
    return ok && n > 0 ? std::optional<int>(n) : std::nullopt;
}

HttpResponse badVersionParam()
{
    return HttpResponse::validation(json::array({{{"loc", {"path", "n"}}, {"msg", "Input should be a positive integer"}, {"type", "int_parsing"}}}));
}
} // namespace

nlohmann::json workflowJson(const WorkflowRecord &workflow, bool summary)
{
    return summary ? summaryJson(workflow) : fullJson(workflow);
}

void WorkflowRoutes::addTo(Router &router, WorkflowService &service, const QString &apiPrefix)
{
    auto self = std::make_shared<WorkflowRoutes>(service);
    using Handler = HttpResponse (WorkflowRoutes::*)(const HttpRequest &);
    const json workflowSchema = {{"type", "object"},
                                 {"properties",
                                  {{"id", {{"type", "string"}}},
                                   {"name", {{"type", "string"}}},
                                   {"description", {{"type", "string"}}},
                                   {"tags", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                                   {"active", {{"type", "boolean"}}},
                                   {"version", {{"type", "integer"}}},
                                   {"definition", {{"type", "object"}}},
                                   {"created_at", {{"type", "string"}}},
                                   {"updated_at", {{"type", "string"}}}}}};
    const json inputSchema = {{"type", "object"},
                              {"properties",
                               {{"name", {{"type", "string"}}},
                                {"description", {{"type", "string"}}},
                                {"tags", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                                {"definition", {{"type", "object"}, {"description", "{schemaVersion:1, nodes:[…], edges:[…], settings:{…}}"}}},
                                {"version", {{"type", "integer"}, {"description", "PUT only: the version this edit started from"}}}}},
                              {"required", {"name", "definition"}}};
    struct Spec {
        const char *method;
        const char *path;
        const char *summary;
        Handler handler;
        bool json;
        nlohmann::json responses;
    };
    const std::vector<Spec> specs{
        {"GET", "", "List workflows (?search, tag, active, trigger=<node type>, skip, limit)", &WorkflowRoutes::list, false,
         {{"200", {{"description", "{items,total,skip,limit}; each item is a workflow without its definition, plus "
                                    "last_execution: {status, at} of its newest execution, or null"}}}}},
        {"POST", "", "Create a workflow (version 1)", &WorkflowRoutes::create, true,
         {{"201", {{"description", "Created"}, {"schema", workflowSchema}}}}},
        {"GET", "/{id}", "A workflow with its definition", &WorkflowRoutes::get, false,
         {{"200", {{"description", "Workflow"}, {"schema", workflowSchema}}}, {"404", {{"description", "No such workflow of yours"}}}}},
        {"PUT", "/{id}", "Replace a workflow; `version` must be the current one", &WorkflowRoutes::update, true,
         {{"200", {{"description", "Saved as a new version"}, {"schema", workflowSchema}}},
          {"404", {{"description", "No such workflow of yours"}}},
          {"409", {{"description", "The workflow was changed since that version"}}}}},
        {"DELETE", "/{id}", "Delete a workflow and its history", &WorkflowRoutes::remove, false,
         {{"204", {{"description", "Deleted"}}}, {"404", {{"description", "No such workflow of yours"}}}}},
        {"GET", "/{id}/versions", "Version history, newest first (includes the current one)", &WorkflowRoutes::versions, false,
         {{"200", {{"description", "Versions without definitions"}}}}},
        {"GET", "/{id}/versions/{n}", "One version with its definition", &WorkflowRoutes::version, false,
         {{"200", {{"description", "Version"}}}, {"404", {{"description", "No such version"}}}}},
        {"POST", "/{id}/versions/{n}/restore", "Save an old version's definition as a new version", &WorkflowRoutes::restore, false,
         {{"200", {{"description", "Restored"}, {"schema", workflowSchema}}}}},
        {"GET", "/{id}/export", "Native JSON of a workflow, for import elsewhere", &WorkflowRoutes::exportWorkflow, false,
         {{"200", {{"description", "{name, description, tags, definition}"}}}}},
        {"POST", "/import", "Import a workflow: a SynapScale export or definition, or n8n workflow JSON (detected)", &WorkflowRoutes::importWorkflow, true,
         {{"201", {{"description", "{workflow, warnings:[{node, type, message}]}"}}}, {"422", {{"description", "Not a workflow, or it does not validate"}}}}},
    };
    for (const auto &spec : specs) {
        Route route;
        route.method = spec.method;
        route.pattern = apiPrefix + QStringLiteral("/workflows") + QString::fromLatin1(spec.path);
        route.summary = QString::fromLatin1(spec.summary);
        route.tag = QStringLiteral("workflows");
        route.jsonBody = spec.json;
        route.requiresAuth = true;
        route.requestSchema = spec.json ? (spec.handler == &WorkflowRoutes::importWorkflow
                                               ? json{{"type", "object"}, {"description", "The workflow JSON itself (native or n8n)"}}
                                               : inputSchema)
                                        : json();
        route.responses = spec.responses;
        route.handler = [self, h = spec.handler](const HttpRequest &r) { return ((*self).*h)(r); };
        router.add(std::move(route));
    }
}

HttpResponse WorkflowRoutes::list(const HttpRequest &r)
{
    WorkflowFilter filter;
    json errors = json::array();
    readPaging(r.query, filter.skip, filter.limit, errors);
    filter.search = r.query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded).left(200);
    filter.tag = r.query.queryItemValue(QStringLiteral("tag"), QUrl::FullyDecoded).left(50);
    filter.triggerType = r.query.queryItemValue(QStringLiteral("trigger"), QUrl::FullyDecoded).left(100);
    if (r.query.hasQueryItem(QStringLiteral("active"))) {
        const QString active = r.query.queryItemValue(QStringLiteral("active")).toLower();
        if (active == QLatin1String("true") || active == QLatin1String("1"))
            filter.active = true;
        else if (active == QLatin1String("false") || active == QLatin1String("0"))
            filter.active = false;
        else
            errors.push_back({{"loc", {"query", "active"}}, {"msg", "Input should be a valid boolean"}, {"type", "bool_parsing"}});
    }
    if (!errors.empty())
        return HttpResponse::validation(errors);
    return respond(m_service.list(*r.principal, filter), [](const Page<WorkflowRecord> &page) {
        json items = json::array();
        for (const auto &w : page.items) {
            json item = summaryJson(w);
            item["last_execution"] = w.lastRunStatus.isEmpty()
                                         ? json(nullptr)
                                         : json{{"status", w.lastRunStatus.toStdString()}, {"at", w.lastRunAt.toStdString()}};
            items.push_back(std::move(item));
        }
        return HttpResponse::json({{"items", items}, {"total", page.total}, {"skip", page.skip}, {"limit", page.limit}});
    });
}

HttpResponse WorkflowRoutes::create(const HttpRequest &r)
{
    json errors;
    auto input = readInput(r, false, nullptr, errors);
    if (!input)
        return HttpResponse::validation(errors);
    return respond(m_service.create(*r.principal, *input), [](const WorkflowRecord &w) { return HttpResponse::json(fullJson(w), 201); });
}

HttpResponse WorkflowRoutes::get(const HttpRequest &r)
{
    return respond(m_service.get(*r.principal, r.params.value(QStringLiteral("id"))),
                   [](const WorkflowRecord &w) { return HttpResponse::json(fullJson(w)); });
}

HttpResponse WorkflowRoutes::update(const HttpRequest &r)
{
    json errors;
    int version = 0;
    auto input = readInput(r, true, &version, errors);
    if (!input)
        return HttpResponse::validation(errors);
    return respond(m_service.update(*r.principal, r.params.value(QStringLiteral("id")), *input, version),
                   [](const WorkflowRecord &w) { return HttpResponse::json(fullJson(w)); });
}

HttpResponse WorkflowRoutes::remove(const HttpRequest &r)
{
    return respond(m_service.remove(*r.principal, r.params.value(QStringLiteral("id"))), 204);
}

HttpResponse WorkflowRoutes::versions(const HttpRequest &r)
{
    return respond(m_service.versions(*r.principal, r.params.value(QStringLiteral("id"))), [](const QList<WorkflowVersionRecord> &list) {
        json out = json::array();
        for (const auto &v : list)
            out.push_back(versionJson(v, false));
        return HttpResponse::json(out);
    });
}

HttpResponse WorkflowRoutes::version(const HttpRequest &r)
{
    const auto n = versionParam(r);
    if (!n)
        return badVersionParam();
    return respond(m_service.version(*r.principal, r.params.value(QStringLiteral("id")), *n),
                   [](const WorkflowVersionRecord &v) { return HttpResponse::json(versionJson(v, true)); });
}

HttpResponse WorkflowRoutes::restore(const HttpRequest &r)
{
    const auto n = versionParam(r);
    if (!n)
        return badVersionParam();
    return respond(m_service.restore(*r.principal, r.params.value(QStringLiteral("id")), *n),
                   [](const WorkflowRecord &w) { return HttpResponse::json(fullJson(w)); });
}

HttpResponse WorkflowRoutes::importWorkflow(const HttpRequest &r)
{
    json errors = json::array();
    auto imported = WorkflowImport::prepare(r.json, errors);
    if (!imported)
        return HttpResponse::validation(errors);
    WorkflowInput input;
    input.name = QString::fromStdString(imported->name);
    input.description = QString::fromStdString(imported->description).left(5000);
    for (const auto &t : imported->tags)
        if (t.is_string() && !t.get<std::string>().empty())
            input.tags << QString::fromStdString(t.get<std::string>()).left(50);
    input.definition = QByteArray::fromStdString(imported->definition.dump());
    const json warnings = imported->warnings;
    return respond(m_service.create(*r.principal, input), [&warnings](const WorkflowRecord &w) {
        return HttpResponse::json({{"workflow", fullJson(w)}, {"warnings", warnings}}, 201);
    });
}

HttpResponse WorkflowRoutes::exportWorkflow(const HttpRequest &r)
{
    return respond(m_service.get(*r.principal, r.params.value(QStringLiteral("id"))), [](const WorkflowRecord &w) {
        json out = {{"name", w.name.toStdString()},
                    {"description", w.description.toStdString()},
                    {"tags", parsed(w.tags, json::array())},
                    {"definition", parsed(w.definition, json::object())}};
        const QString file = QString(w.name).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
        return HttpResponse::json(out).withHeader("Content-Disposition",
                                                  "attachment; filename=\"" + file.left(100).toLatin1() + ".synapscale.json\"");
    });
}

} // namespace synapscale
