#include "http.h"

#include "core/logger.h"

namespace synapscale {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpResponse HttpResponse::json(const nlohmann::json &value, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = QByteArray::fromStdString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return r;
}

HttpResponse HttpResponse::text(QByteArray body, QByteArray contentType, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    r.contentType.clear();
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &detail)
{
    return json({{"detail", detail.toStdString()}, {"code", code.toStdString()}}, status);
}

HttpResponse HttpResponse::validation(const nlohmann::json &errors)
{
    return json({{"detail", errors}, {"code", "validation_error"}}, 422);
}

HttpResponse HttpResponse::fromError(const Error &e)
{
    static const QHash<QString, int> statusByCode{
        {QStringLiteral("not_found"), 404},           {QStringLiteral("conflict"), 409},
        {QStringLiteral("forbidden"), 403},           {QStringLiteral("email_not_verified"), 403},
        {QStringLiteral("not_authenticated"), 401},   {QStringLiteral("invalid_credentials"), 401},
        {QStringLiteral("token_expired"), 401},       {QStringLiteral("bad_request"), 400},
        {QStringLiteral("invalid_token"), 400},       {QStringLiteral("wrong_password"), 400},
        {QStringLiteral("validation_error"), 422},    {QStringLiteral("too_large"), 413},
        {QStringLiteral("rate_limited"), 429},        {QStringLiteral("no_trigger"), 422},
        {QStringLiteral("unknown_node_type"), 422},   {QStringLiteral("queue_full"), 503},
        {QStringLiteral("unavailable"), 503},         {QStringLiteral("invalid_state"), 409},
        {QStringLiteral("provider_not_configured"), 400}, {QStringLiteral("encryption_unavailable"), 503},
        {QStringLiteral("decryption_failed"), 503},   {QStringLiteral("provider_auth"), 502},
        {QStringLiteral("provider_not_found"), 502},  {QStringLiteral("provider_rate_limited"), 502},
        {QStringLiteral("provider_unavailable"), 502}, {QStringLiteral("provider_rejected"), 502},
        {QStringLiteral("provider_incomplete"), 502}, {QStringLiteral("provider_malformed"), 502},
        {QStringLiteral("connection_failed"), 502},   {QStringLiteral("network_error"), 502},
        {QStringLiteral("timeout"), 504},
    };
    const int status = statusByCode.value(e.code, 500);
    if (status == 503)
        return error(503, e.code, e.message).withHeader("Retry-After", "1");
    if (status == 422 && e.code == QLatin1String("validation_error")) {
        return validation(nlohmann::json::array({{{"loc", e.field.isEmpty() ? nlohmann::json{"body"} : nlohmann::json{"body", e.field.toStdString()}},
                                                  {"msg", e.message.toStdString()},
                                                  {"type", "value_error"}}}));
    }
    if (status == 429) {
        const QByteArray seconds = QByteArray::number(qMax(1, e.message.toInt()));
        return error(429, e.code, QStringLiteral("Too many attempts; try again in %1 seconds.").arg(QString::fromLatin1(seconds)))
            .withHeader("Retry-After", seconds);
    }
    if (status == 401)
        return error(401, e.code, e.message).withHeader("WWW-Authenticate", "Bearer");
    if (status == 500) {
        Log::error(QStringLiteral("internal error (%1): %2").arg(e.code, e.message));
        if (e.code == QLatin1String("database_error"))
            return error(503, QStringLiteral("database_unavailable"), QStringLiteral("The database is unavailable; try again shortly."));
        return error(500, QStringLiteral("internal_error"), QStringLiteral("Internal server error."));
    }
    return error(status, e.code, e.message);
}

HttpResponse &HttpResponse::withHeader(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace synapscale
