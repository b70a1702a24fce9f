#include "docsroutes.h"

#include "api/openapi.h"
#include "api/router.h"
#include "core/config.h"

#include <QFile>

#include <memory>

namespace synapscale {

namespace {
QByteArray htmlEscape(const QString &s)
{
    return s.toHtmlEscaped().toUtf8();
}
} // namespace

DocsRoutes::DocsRoutes(ApiContext context)
    : m_context(context)
{
}

void DocsRoutes::publish(const Router &router)
{
    const auto doc = buildOpenApi(router, m_context.config.projectName, m_context.config.version, m_context.config.description);
    m_openApi = QByteArray::fromStdString(doc.dump());
}

std::shared_ptr<DocsRoutes> DocsRoutes::addTo(Router &router, ApiContext context)
{
    auto self = std::make_shared<DocsRoutes>(context);
    const auto page = [](const char *what) {
        return nlohmann::json{{"200", {{"description", what}, {"content_type", "text/html"}, {"schema", {{"type", "string"}}}}}};
    };
    router.add(Route{"GET", QStringLiteral("/openapi.json"), QStringLiteral("OpenAPI document"), QStringLiteral("docs"),
                     QStringLiteral("This document, generated from the server's route table."), false, false, true, {},
                     {{"200", {{"description", "OpenAPI 3.1 document"}, {"schema", {{"type", "object"}}}}}},
                     [self](const HttpRequest &r) { return self->openApi(r); }, {}});
    router.add(Route{"GET", QStringLiteral("/docs"), QStringLiteral("Swagger UI"), QStringLiteral("docs"), {}, false, false, true, {},
                     page("Interactive API documentation"), [self](const HttpRequest &r) { return self->swaggerPage(r); }, {}});
    router.add(Route{"GET", QStringLiteral("/redoc"), QStringLiteral("ReDoc"), QStringLiteral("docs"), {}, false, false, true, {},
                     page("Reference API documentation"), [self](const HttpRequest &r) { return self->redocPage(r); }, {}});
    for (const char *prefix : {"/docs/{file}", "/redoc/{file}"})
        router.add(Route{"GET", QString::fromLatin1(prefix), QStringLiteral("Documentation asset"), QStringLiteral("docs"), {}, false,
                         false, false, {}, {}, [self](const HttpRequest &r) { return self->asset(r); }, {}});
    return self;
}

HttpResponse DocsRoutes::openApi(const HttpRequest &)
{
    return HttpResponse::text(m_openApi, "application/json");
}

HttpResponse DocsRoutes::swaggerPage(const HttpRequest &)
{
    const QByteArray title = htmlEscape(m_context.config.projectName);
    return HttpResponse::text(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
            + " — API docs</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<link rel=\"stylesheet\" href=\"/docs/swagger-ui.css\"></head><body><div id=\"swagger-ui\"></div>"
              "<script src=\"/docs/swagger-ui-bundle.js\"></script><script>"
              "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true,"
              " presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout'});"
              "</script></body></html>",
        "text/html; charset=utf-8");
}

HttpResponse DocsRoutes::redocPage(const HttpRequest &)
{
    const QByteArray title = htmlEscape(m_context.config.projectName);
    return HttpResponse::text("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                                  + " — API reference</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                                    "<style>body{margin:0;padding:0}</style></head><body>"
                                    "<redoc spec-url=\"/openapi.json\"></redoc><script src=\"/redoc/redoc.standalone.js\"></script>"
                                    "</body></html>",
                              "text/html; charset=utf-8");
}

HttpResponse DocsRoutes::asset(const HttpRequest &request)
{
    static const QHash<QString, QByteArray> types{{QStringLiteral("swagger-ui.css"), "text/css; charset=utf-8"},
                                                  {QStringLiteral("swagger-ui-bundle.js"), "text/javascript; charset=utf-8"},
                                                  {QStringLiteral("redoc.standalone.js"), "text/javascript; charset=utf-8"}};
    const QString file = request.params.value(QStringLiteral("file"));
    const bool docsAsset = request.path.startsWith(QLatin1String("/docs/")) && file.startsWith(QLatin1String("swagger"));
    const bool redocAsset = request.path.startsWith(QLatin1String("/redoc/")) && file.startsWith(QLatin1String("redoc"));
    if (!types.contains(file) || !(docsAsset || redocAsset))
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No documentation asset %1.").arg(file));
    QFile f(QStringLiteral(":/apidocs/") + file);
    if (!f.open(QIODevice::ReadOnly))
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Documentation assets are not built into this binary."));
    return HttpResponse::text(f.readAll(), types.value(file)).withHeader("Cache-Control", "public, max-age=86400");
}

} // namespace synapscale
