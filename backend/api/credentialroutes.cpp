#include "credentialroutes.h"

#include "api/jsonbody.h"
#include "api/router.h"
#include "credentials/credentialservice.h"

namespace synapscale {

namespace {
using nlohmann::json;

json credentialJson(const CredentialInfo &c)
{
    json fields = json::array();
    for (const QString &f : c.fields)
        fields.push_back(f.toStdString());
    return {{"id", c.id.toStdString()},       {"name", c.name.toStdString()},           {"type", c.type.toStdString()},
            {"fields", fields},               {"created_at", c.createdAt.toStdString()}, {"updated_at", c.updatedAt.toStdString()}};
}

json typesJson()
{
    json items = json::array();
    auto list = [](const QStringList &names) {
        json out = json::array();
        for (const QString &n : names)
            out.push_back(n.toStdString());
        return out;
    };
    for (const auto &t : CredentialService::types())
        items.push_back({{"type", t.type.toStdString()},
                         {"display_name", t.displayName.toStdString()},
                         {"required", list(t.required)},
                         {"optional", list(t.optional)},
                         {"secret", list(t.secret)}});
    return items;
}
} // namespace

void CredentialRoutes::addTo(Router &router, CredentialService &service, const QString &apiPrefix)
{
    CredentialService *credentials = &service;
    const QString base = apiPrefix + QStringLiteral("/credentials");
    const json inputSchema = {{"type", "object"},
                              {"properties",
                               {{"name", {{"type", "string"}}},
                                {"type", {{"type", "string"}, {"description", "See GET /credentials/types"}}},
                                {"data", {{"type", "object"}, {"description", "Text fields of the type; stored encrypted, never returned"}}}}},
                              {"required", {"name", "type", "data"}}};
    const json infoDoc = {{"description", "{id, name, type, fields:[names], created_at, updated_at}"}};
    auto add = [&](const char *method, const QString &path, const char *summary, bool body, json responses, SyncHandler handler) {
        Route route;
        route.method = method;
        route.pattern = path;
        route.summary = QString::fromLatin1(summary);
        route.tag = QStringLiteral("credentials");
        route.requiresAuth = true;
        route.jsonBody = body;
        route.requestSchema = body ? inputSchema : json();
        route.responses = std::move(responses);
        route.handler = std::move(handler);
        router.add(std::move(route));
    };

    add("GET", base + QStringLiteral("/types"), "Credential types and their fields", false, {{"200", {{"description", "[{type, display_name, required, optional, secret}]"}}}},
        [](const HttpRequest &) { return HttpResponse::json(typesJson()); });

    add("GET", base, "Your credentials (?type, skip, limit); never their values", false, {{"200", {{"description", "{items, total, skip, limit}"}}}},
        [credentials](const HttpRequest &r) {
            json errors = json::array();
            int skip = 0;
            int limit = 50;
            readPaging(r.query, skip, limit, errors);
            if (!errors.empty())
                return HttpResponse::validation(errors);
            auto page = credentials->list(*r.principal, r.query.queryItemValue(QStringLiteral("type")), skip, limit);
            if (!page)
                return HttpResponse::fromError(page.error());
            json items = json::array();
            for (const auto &c : page->items)
                items.push_back(credentialJson(c));
            return HttpResponse::json({{"items", items}, {"total", page->total}, {"skip", page->skip}, {"limit", page->limit}});
        });

    add("POST", base, "Store a credential (encrypted at rest)", true,
        {{"201", infoDoc}, {"409", {{"description", "Name taken"}}}, {"422", {{"description", "Unknown type or bad fields"}}},
         {"503", {{"description", "No encryption key is configured"}}}},
        [credentials](const HttpRequest &r) {
            JsonBody body(r.json);
            body.allowOnly({"name", "type", "data"});
            const QString name = body.requiredString("name", 200).trimmed();
            const QString type = body.requiredString("type", 50);
            if (r.json.is_object() && !r.json.contains("data"))
                body.addError("data", QStringLiteral("Field required"), "missing");
            if (!body.ok())
                return HttpResponse::validation(body.errors());
            if (name.isEmpty())
                return HttpResponse::validation(json::array({{{"loc", {"body", "name"}}, {"msg", "Name must not be empty"}, {"type", "string_too_short"}}}));
            return respond(credentials->create(*r.principal, name, type, r.json["data"]),
                           [](const CredentialInfo &c) { return HttpResponse::json(credentialJson(c), 201); });
        });

    add("GET", base + QStringLiteral("/{id}"), "One credential (field names only)", false, {{"200", infoDoc}, {"404", {{"description", "No such credential of yours"}}}},
        [credentials](const HttpRequest &r) {
            return respond(credentials->get(*r.principal, r.params.value(QStringLiteral("id"))),
                           [](const CredentialInfo &c) { return HttpResponse::json(credentialJson(c)); });
        });

    add("PUT", base + QStringLiteral("/{id}"), "Rename a credential or change fields (fields not sent are kept; null removes one)", true,
        {{"200", infoDoc}, {"404", {{"description", "No such credential of yours"}}}},
        [credentials](const HttpRequest &r) {
            JsonBody body(r.json);
            body.allowOnly({"name", "data"});
            const auto name = body.optionalString("name", 200);
            if (!body.ok())
                return HttpResponse::validation(body.errors());
            if (name && name->trimmed().isEmpty())
                return HttpResponse::validation(json::array({{{"loc", {"body", "name"}}, {"msg", "Name must not be empty"}, {"type", "string_too_short"}}}));
            const json data = r.json.is_object() && r.json.contains("data") ? r.json["data"] : json();
            return respond(credentials->update(*r.principal, r.params.value(QStringLiteral("id")),
                                               name ? std::optional<QString>(name->trimmed()) : std::nullopt, data),
                           [](const CredentialInfo &c) { return HttpResponse::json(credentialJson(c)); });
        });

    add("DELETE", base + QStringLiteral("/{id}"), "Delete a credential", false, {{"204", {{"description", "Deleted"}}}, {"404", {{"description", "No such credential of yours"}}}},
        [credentials](const HttpRequest &r) { return respond(credentials->remove(*r.principal, r.params.value(QStringLiteral("id"))), 204); });
}

} // namespace synapscale
