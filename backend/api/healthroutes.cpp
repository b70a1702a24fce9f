#include "healthroutes.h"

#include "api/metrics.h"
#include "api/router.h"
#include "core/config.h"
#include "storage/database.h"

#include <sodium.h>

#include <memory>

namespace synapscale {

HealthRoutes::HealthRoutes(ApiContext context)
    : m_context(context)
{
}

void HealthRoutes::addTo(Router &router, ApiContext context)
{
    auto self = std::make_shared<HealthRoutes>(context);
    const nlohmann::json healthSchema = {
        {"type", "object"},
        {"properties",
         {{"status", {{"type", "string"}, {"enum", {"ok", "unavailable"}}}},
          {"version", {{"type", "string"}}},
          {"database", {{"type", "string"}, {"enum", {"ok", "unavailable"}}}},
          {"uptime_s", {{"type", "number"}}},
          {"database_dialect", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}}}},
        {"required", {"status", "version", "database", "uptime_s"}}};
    router.add(Route{"GET", QStringLiteral("/health"), QStringLiteral("Service health"), QStringLiteral("health"),
                     QStringLiteral("Reports the version, the database's reachability and the uptime. Answers 503 while the database is unreachable."),
                     false, false, true, {},
                     {{"200", {{"description", "Healthy"}, {"schema", healthSchema}}},
                      {"503", {{"description", "The database is unreachable"}, {"schema", healthSchema}}}},
                     [self](const HttpRequest &r) { return self->health(r); }, {}});
    router.add(Route{"GET", QStringLiteral("/metrics"), QStringLiteral("Prometheus metrics"), QStringLiteral("health"),
                     QStringLiteral("Request counts and latency histograms per route, process uptime and memory, in Prometheus text format. "
                                    "Requires 'Authorization: Bearer <METRICS_TOKEN>' when METRICS_TOKEN is set."),
                     false, false, true, {},
                     {{"200", {{"description", "Prometheus text exposition format"}, {"content_type", "text/plain"}}},
                      {"401", {{"description", "METRICS_TOKEN is set and the request does not carry it"}}}},
                     [self](const HttpRequest &r) { return self->metrics(r); }, {}});
}

HttpResponse HealthRoutes::health(const HttpRequest &)
{
    bool databaseOk = m_lastOk.isValid() && m_lastOk.elapsed() < 500;
    if (!databaseOk) {
        databaseOk = m_context.database.ping().ok();
        if (databaseOk)
            m_lastOk.start();
        else
            m_lastOk.invalidate();
    }
    nlohmann::json body = {{"status", databaseOk ? "ok" : "unavailable"},
                           {"version", m_context.config.version.toStdString()},
                           {"database", databaseOk ? "ok" : "unavailable"},
                           {"uptime_s", std::round(m_context.metrics.uptimeSeconds() * 1000.0) / 1000.0},
                           {"database_dialect", m_context.database.dialect().toStdString()}};
    if (!databaseOk) {
        body["detail"] = "The database is unreachable.";
        body["code"] = "database_unavailable";
    }
    return HttpResponse::json(body, databaseOk ? 200 : 503).withHeader("Cache-Control", "no-store");
}

HttpResponse HealthRoutes::metrics(const HttpRequest &request)
{
    const QString &token = m_context.config.metricsToken;
    const QByteArray expected = "Bearer " + token.toUtf8();
    const QByteArray given = request.header("Authorization");
    const bool allowed = token.isEmpty()
        || (given.size() == expected.size() && sodium_memcmp(given.constData(), expected.constData(), size_t(given.size())) == 0);
    if (!allowed)
        return HttpResponse::error(401, QStringLiteral("not_authenticated"), QStringLiteral("This endpoint requires the metrics token."))
            .withHeader("WWW-Authenticate", "Bearer");
    return HttpResponse::text(m_context.metrics.render(m_context.config.version), "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace synapscale
