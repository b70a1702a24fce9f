#include "noderoutes.h"

#include "api/router.h"
#include "nodes/noderegistry.h"

namespace synapscale::NodeRoutes {

void addTo(Router &router, const QString &apiPrefix)
{
    // Built once: the catalog never changes while the process runs.
    const QByteArray body = [] {
        nlohmann::json items = nlohmann::json::array();
        for (const NodeType *type : NodeRegistry::builtin().all())
            items.push_back(type->descriptor().toJson());
        return QByteArray::fromStdString(nlohmann::json{{"items", items}, {"total", items.size()}}.dump());
    }();
    Route route;
    route.method = "GET";
    route.pattern = apiPrefix + QStringLiteral("/nodes");
    route.summary = QStringLiteral("Node type catalog: ports, parameter schemas (JSON Schema), credentials");
    route.tag = QStringLiteral("nodes");
    route.requiresAuth = true;
    route.responses = {{"200", {{"description", "{items:[{type, version, display_name, category, description, inputs, outputs, parameters, credentials, trigger}], total}"}}}};
    route.handler = [body](const HttpRequest &) { return HttpResponse::text(body, "application/json"); };
    router.add(std::move(route));
}

} // namespace synapscale::NodeRoutes
