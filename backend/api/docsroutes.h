#pragma once

#include "api/apicontext.h"
#include "api/http.h"

#include <memory>

namespace synapscale {

class Router;

// GET /openapi.json, /docs (Swagger UI) and /redoc (ReDoc). The UI assets are compiled into the
// binary from the pinned npm packages, so the docs work offline.
class DocsRoutes {
public:
    explicit DocsRoutes(ApiContext context);
    static std::shared_ptr<DocsRoutes> addTo(Router &router, ApiContext context);
    // Builds /openapi.json from the final route table (call once every route is registered).
    void publish(const Router &router);

    HttpResponse openApi(const HttpRequest &request);
    HttpResponse swaggerPage(const HttpRequest &request);
    HttpResponse redocPage(const HttpRequest &request);
    HttpResponse asset(const HttpRequest &request);

private:
    ApiContext m_context;
    QByteArray m_openApi;
};

} // namespace synapscale
