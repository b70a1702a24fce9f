#include "openapi.h"

#include "api/router.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

namespace synapscale {

namespace {
nlohmann::json errorRef()
{
    return {{"$ref", "#/components/schemas/Error"}};
}

nlohmann::json response(const std::string &description, const nlohmann::json &schema, const std::string &contentType = "application/json")
{
    nlohmann::json r = {{"description", description}};
    if (!schema.is_null())
        r["content"] = {{contentType, {{"schema", schema}}}};
    return r;
}
} // namespace

nlohmann::json buildOpenApi(const Router &router, const QString &title, const QString &version, const QString &description)
{
    nlohmann::json paths = nlohmann::json::object();
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\*?\\}"));
    for (const auto &route : router.routes()) {
        if (!route.documented)
            continue;
        nlohmann::json op;
        op["summary"] = route.summary.toStdString();
        if (!route.description.isEmpty())
            op["description"] = route.description.toStdString();
        op["tags"] = {route.tag.toStdString()};
        QString opId = QString::fromLatin1(route.method).toLower() + route.pattern;
        opId.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_"));
        op["operationId"] = opId.toStdString();
        nlohmann::json params = nlohmann::json::array();
        for (auto it = placeholder.globalMatch(route.pattern); it.hasNext();) {
            const auto m = it.next();
            params.push_back({{"name", m.captured(1).toStdString()}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
        }
        if (!params.empty())
            op["parameters"] = params;
        if (route.jsonBody) {
            op["requestBody"] = {{"required", true},
                                 {"content", {{"application/json",
                                               {{"schema", route.requestSchema.is_null() ? nlohmann::json{{"type", "object"}}
                                                                                         : route.requestSchema}}}}}};
        }
        nlohmann::json responses = nlohmann::json::object();
        if (route.responses.is_object()) {
            for (auto it = route.responses.begin(); it != route.responses.end(); ++it) {
                const auto &spec = it.value();
                const std::string status = it.key();
                const bool isError = !status.empty() && status[0] >= '4';
                nlohmann::json schema = spec.contains("schema") ? spec["schema"] : (isError ? errorRef() : nlohmann::json());
                responses[status] = response(spec.value("description", "Response"), schema, spec.value("content_type", "application/json"));
            }
        }
        if (responses.empty())
            responses["200"] = response("Successful response", nullptr);
        if (route.jsonBody) {
            responses["400"] = response("Malformed JSON", errorRef());
            responses["413"] = response("Body larger than MAX_BODY_SIZE", errorRef());
            responses["415"] = response("Body is not application/json", errorRef());
            responses["422"] = response("Validation error", {{"$ref", "#/components/schemas/ValidationError"}});
        }
        if (route.requiresAuth) {
            responses["401"] = response("Not authenticated", errorRef());
            op["security"] = {{{"bearerAuth", nlohmann::json::array()}}, {{"apiKeyAuth", nlohmann::json::array()}}};
        }
        op["responses"] = responses;
        paths[QString(route.pattern).replace(QStringLiteral("*}"), QStringLiteral("}")).toStdString()][QString::fromLatin1(route.method).toLower().toStdString()] = op;
    }
    for (const auto &pattern : router.webSocketPatterns()) {
        paths[pattern.toStdString()]["get"] = {
            {"summary", "WebSocket endpoint"},
            {"description", "Upgrade with 'Connection: Upgrade' and 'Upgrade: websocket'. Authenticate with ?token=<access token> or "
                            "a first frame {\"type\":\"auth\",\"token\":...}; a bad token closes with code 4401. Frames are "
                            "{\"type\",\"data\",\"ts\"}; {\"type\":\"ping\"} is answered with {\"type\":\"pong\"}."},
            {"tags", {"websocket"}},
            {"operationId", "ws" + QString(pattern).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_")).toStdString()},
            {"responses", {{"101", {{"description", "Switching Protocols"}}}}}};
    }
    return {
        {"openapi", "3.1.0"},
        {"info", {{"title", title.toStdString()}, {"version", version.toStdString()}, {"description", description.toStdString()}}},
        {"paths", paths},
        {"components",
         {{"schemas",
           {{"Error",
             {{"type", "object"},
              {"properties", {{"detail", {{"type", "string"}}}, {"code", {{"type", "string"}}}}},
              {"required", {"detail", "code"}}}},
            {"ValidationError",
             {{"type", "object"},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"detail",
                 {{"type", "array"},
                  {"items",
                   {{"type", "object"},
                    {"properties",
                     {{"loc", {{"type", "array"}, {"items", {{"type", {"string", "integer"}}}}}},
                      {"msg", {{"type", "string"}}},
                      {"type", {{"type", "string"}}}}}}}}}}}}}}},
          {"securitySchemes",
           {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}},
            {"apiKeyAuth", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-API-Key"}}}}}}}};
}

} // namespace synapscale
