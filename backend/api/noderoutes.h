#pragma once

#include <QString>

namespace synapscale {

class Router;

// GET /api/v1/nodes: the node type catalog with parameter schemas (drives the editor).
namespace NodeRoutes {
void addTo(Router &router, const QString &apiPrefix);
} // namespace NodeRoutes

} // namespace synapscale
