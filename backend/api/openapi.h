#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QString>

namespace synapscale {

class Router;

// Builds the OpenAPI 3.1 document from the registered routes' own descriptions, so the
// document cannot drift from what the server serves.
nlohmann::json buildOpenApi(const Router &router, const QString &title, const QString &version, const QString &description);

} // namespace synapscale
