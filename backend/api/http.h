#pragma once

#include "core/principal.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace synapscale {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// A parsed request as handlers see it: no Qt HTTP types leak past the adapter.
struct HttpRequest {
    QByteArray method;               // upper case: GET, POST, ...
    QString path;                    // decoded, without query
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;
    nlohmann::json json;             // parsed body, for routes that take JSON
    QHash<QString, QString> params;  // {name} placeholders of the matched route
    QHostAddress peer;
    QString requestId;
    std::optional<Principal> principal;

    QByteArray header(const QByteArray &name) const;
};

// A complete response value. Handlers build these; the adapter adds the common headers.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HttpHeaders headers;

    static HttpResponse json(const nlohmann::json &value, int status = 200);
    static HttpResponse text(QByteArray body, QByteArray contentType, int status = 200);
    static HttpResponse empty(int status = 204);
    // The contract's error envelope {"detail","code"}.
    static HttpResponse error(int status, const QString &code, const QString &detail);
    // 422 with FastAPI's [{loc,msg,type}] list.
    static HttpResponse validation(const nlohmann::json &errors);
    // Maps a backend Error to a status by its code (not_found → 404, conflict → 409, ...);
    // database and unknown errors become a 500 that names no internals.
    static HttpResponse fromError(const Error &error);

    HttpResponse &withHeader(QByteArray name, QByteArray value);
};

QByteArray reasonPhrase(int status);

// A service result as a response: its error through HttpResponse::fromError, or `ok(value)`.
template <typename T, typename Ok>
HttpResponse respond(const Result<T> &result, Ok ok)
{
    if (!result)
        return HttpResponse::fromError(result.error());
    return ok(result.value());
}

inline HttpResponse respond(const Result<void> &result, int status)
{
    if (!result)
        return HttpResponse::fromError(result.error());
    return HttpResponse::empty(status);
}

} // namespace synapscale
