#pragma once

#include "api/apicontext.h"
#include "api/http.h"

#include <QElapsedTimer>

namespace synapscale {

class Router;

// GET /health and GET /metrics: liveness with the database's state, and Prometheus metrics.
class HealthRoutes {
public:
    explicit HealthRoutes(ApiContext context);
    static void addTo(Router &router, ApiContext context);

    HttpResponse health(const HttpRequest &request);
    HttpResponse metrics(const HttpRequest &request);

private:
    ApiContext m_context;
    QElapsedTimer m_lastOk; // a healthy database is re-probed at most every 500 ms under load
};

} // namespace synapscale
