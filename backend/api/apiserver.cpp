#include "apiserver.h"

#include "api/connectionguard.h"
#include "api/metrics.h"
#include "core/clock.h"
#include "core/logger.h"

#include <QHttpServerRequest>
#include <QRegularExpression>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>

namespace synapscale {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QString requestIdFrom(const QByteArray &incoming)
{
    // A caller's id is kept for tracing across services, if it is a sane token.
    static const QRegularExpression sane(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    const QString id = QString::fromLatin1(incoming);
    if (!id.isEmpty() && sane.match(id).hasMatch())
        return id;
    QString generated = newId();
    generated.remove(QLatin1Char('-'));
    return generated;
}

// nlohmann's parser recurses per nesting level; refuse absurd depth before it can exhaust the stack.
bool nestingWithin(const QByteArray &body, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : body) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

bool isJsonContentType(const QByteArray &value)
{
    const QByteArray type = value.split(';').first().trimmed().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

} // namespace

ApiServer::ApiServer(Router router, ServerOptions options, Metrics &metrics, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(std::move(router))
    , m_options(std::move(options))
    , m_metrics(metrics)
{
    m_pool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
}

ApiServer::~ApiServer()
{
    m_pool.waitForDone();
}

Result<quint16> ApiServer::start(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GuardedTcpServer(this, m_options.keepAliveTimeoutS * 1000);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Error::make(QStringLiteral("listen_failed"),
                           QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why));
    }
    bind(tcp);
    m_tcp = tcp;
    return tcp->serverPort();
}

void ApiServer::stopAccepting()
{
    m_stopping = true;
    if (m_tcp)
        m_tcp->close();
    for (auto *socket : findChildren<QTcpSocket *>()) {
        if (auto *guard = ConnectionGuard::of(socket); guard && guard->idle())
            socket->disconnectFromHost();
    }
    if (m_inFlight == 0)
        Q_EMIT drained();
}

void ApiServer::closeAllConnections()
{
    for (auto *socket : findChildren<QTcpSocket *>())
        socket->abort();
}

qint64 ApiServer::bodyLimitFor(const QString &) const
{
    return m_options.maxBodySize;
}

bool ApiServer::originAllowed(const QByteArray &origin) const
{
    if (origin.isEmpty())
        return false;
    const QString o = QString::fromUtf8(origin);
    return m_options.corsOrigins.contains(o) || m_options.corsOrigins.contains(QStringLiteral("*"));
}

void ApiServer::decorate(HttpResponse &response, const RequestTrace &trace) const
{
    response.withHeader("X-Request-Id", trace.requestId.toLatin1());
    if (originAllowed(trace.origin)) {
        const bool wildcard = !m_options.corsOrigins.contains(QString::fromUtf8(trace.origin));
        response.withHeader("Access-Control-Allow-Origin", wildcard ? QByteArray("*") : trace.origin);
        if (!wildcard)
            response.withHeader("Access-Control-Allow-Credentials", "true");
        response.withHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Allow");
    }
    if (!m_options.corsOrigins.isEmpty())
        response.withHeader("Vary", "Origin");
}

HttpResponse ApiServer::preflight(const HttpRequest &request, const Router::Match &match) const
{
    const QByteArray origin = request.header("Origin");
    const QByteArray wantedMethod = request.header("Access-Control-Request-Method").trimmed().toUpper();
    if (match.allowedMethods.isEmpty() && !m_router.isWebSocketPath(request.path))
        return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No route for %1.").arg(request.path));
    const QByteArray allow = match.allowedMethods.join(QStringLiteral(", ")).toLatin1();
    if (origin.isEmpty() || wantedMethod.isEmpty()) // plain OPTIONS: say what the path supports
        return HttpResponse::empty(204).withHeader("Allow", allow);
    if (!originAllowed(origin))
        return HttpResponse::error(403, QStringLiteral("cors_origin_not_allowed"),
                                   QStringLiteral("Origin %1 is not allowed by BACKEND_CORS_ORIGINS.").arg(QString::fromUtf8(origin)));
    if (!match.allowedMethods.contains(QString::fromLatin1(wantedMethod)))
        return HttpResponse::error(403, QStringLiteral("cors_method_not_allowed"),
                                   QStringLiteral("Method %1 is not allowed on %2.").arg(QString::fromLatin1(wantedMethod), request.path));
    QByteArray headers = request.header("Access-Control-Request-Headers");
    if (headers.isEmpty())
        headers = "Authorization, Content-Type, X-API-Key, X-Request-Id";
    auto r = HttpResponse::empty(204);
    r.withHeader("Access-Control-Allow-Methods", allow)
        .withHeader("Access-Control-Allow-Headers", headers)
        .withHeader("Access-Control-Max-Age", "600")
        .withHeader("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers");
    return r;
}

bool ApiServer::handleRequest(const QHttpServerRequest &qreq, QTcpSocket *socket)
{
    // Requests are read by ConnectionGuard, which takes each connection over from QtHttpServer's
    // parser; this path only serves a request that reached QtHttpServer anyway.
    HttpRequest request;
    request.method = methodName(qreq.method());
    request.path = qreq.url().path();
    request.query = qreq.query();
    request.headers = qreq.headers();
    request.body = qreq.body();
    request.peer = qreq.remoteAddress();
    handle(std::move(request), socket);
    return true;
}

void ApiServer::handle(HttpRequest request, QTcpSocket *socket)
{
    auto trace = std::make_shared<RequestTrace>();
    trace->timer.start();
    request.requestId = requestIdFrom(request.header("X-Request-Id"));
    trace->requestId = request.requestId;
    trace->method = request.method;
    trace->path = request.path;
    trace->origin = request.header("Origin");
    trace->keepAlive = request.header("Connection").toLower() != "close" && !m_stopping;
    trace->head = request.method == "HEAD";
    trace->route = QStringLiteral("unmatched");

    if (auto *guard = ConnectionGuard::of(socket))
        guard->requestStarted();
    ++m_inFlight;
    HttpResponder responder(this, socket, trace);

    const Router::Match match = m_router.match(request.method, request.path);
    if (request.method == "OPTIONS") {
        responder.send(preflight(request, match));
        return;
    }
    if (!match.route) {
        if (match.allowedMethods.isEmpty()) {
            responder.send(HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No route for %1.").arg(request.path)));
        } else {
            responder.send(HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                               QStringLiteral("Method %1 is not allowed on %2.")
                                                   .arg(QString::fromLatin1(request.method), request.path))
                               .withHeader("Allow", match.allowedMethods.join(QStringLiteral(", ")).toLatin1()));
        }
        return;
    }
    trace->route = match.route->pattern;
    dispatch(std::move(request), match, std::move(responder));
}

void ApiServer::upgradeToWebSocket(QTcpSocket *socket)
{
    // The handshake bytes are still unread in the socket: QWebSocketServer reads and answers them.
    QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
    m_webSockets.handleConnection(socket);
}

void ApiServer::dispatch(HttpRequest request, const Router::Match &match, HttpResponder responder)
{
    const Route &route = *match.route;
    request.params = match.params;
    if (route.requiresAuth) {
        auto who = m_authenticator ? m_authenticator(request)
                                   : Result<Principal>(Error::make(QStringLiteral("not_authenticated"), QStringLiteral("Not authenticated.")));
        if (!who) {
            responder.send(HttpResponse::fromError(who.error()));
            return;
        }
        request.principal = *who;
    }
    const QByteArray contentType = route.jsonBody ? request.header("Content-Type").split(';').first().trimmed().toLower() : QByteArray();
    if (route.jsonBody && route.acceptsForm && contentType == "application/x-www-form-urlencoded") {
        // OAuth2 password-flow clients post forms; fields become a JSON object of strings.
        nlohmann::json object = nlohmann::json::object();
        const QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
            object[key.toStdString()] = value.toStdString();
        request.json = std::move(object);
    } else if (route.jsonBody && route.optionalBody && request.body.trimmed().isEmpty()) {
        request.json = nullptr;
    } else if (route.jsonBody) {
        if (request.body.trimmed().isEmpty()) {
            responder.send(HttpResponse::validation(nlohmann::json::array(
                {{{"loc", {"body"}}, {"msg", "Field required"}, {"type", "missing"}}})));
            return;
        }
        if (!isJsonContentType(request.header("Content-Type"))) {
            responder.send(HttpResponse::error(415, QStringLiteral("unsupported_media_type"),
                                               QStringLiteral("Send the body as application/json.")));
            return;
        }
        if (!nestingWithin(request.body, 256)) {
            responder.send(HttpResponse::error(400, QStringLiteral("invalid_json"), QStringLiteral("JSON body is nested too deeply.")));
            return;
        }
        try {
            request.json = nlohmann::json::parse(request.body.constData(), request.body.constData() + request.body.size());
        } catch (const nlohmann::json::parse_error &e) {
            responder.send(HttpResponse::error(400, QStringLiteral("invalid_json"),
                                               QStringLiteral("Malformed JSON body at byte %1.").arg(qulonglong(e.byte))));
            return;
        }
    }
    if (route.offThread && route.handler) {
        auto held = std::make_shared<HttpResponder>(std::move(responder));
        QPointer<ApiServer> self(this);
        m_pool.start([held, self, handler = route.handler, request = std::move(request), pattern = route.pattern]() {
            HttpResponse response;
            try {
                response = handler(request);
            } catch (const std::exception &e) {
                Log::error(QStringLiteral("handler for %1 threw: %2").arg(pattern, QString::fromUtf8(e.what())));
                response = HttpResponse::error(500, QStringLiteral("internal_error"), QStringLiteral("Internal server error."));
            }
            if (self)
                QMetaObject::invokeMethod(self, [held, response = std::move(response)]() mutable { held->send(std::move(response)); },
                                          Qt::QueuedConnection);
        });
        return;
    }
    try {
        if (route.asyncHandler)
            route.asyncHandler(request, std::move(responder));
        else
            responder.send(route.handler(request));
    } catch (const std::exception &e) {
        Log::error(QStringLiteral("handler for %1 %2 threw: %3").arg(QString::fromLatin1(route.method), route.pattern,
                                                                     QString::fromUtf8(e.what())));
        if (!responder.sent())
            responder.send(HttpResponse::error(500, QStringLiteral("internal_error"), QStringLiteral("Internal server error.")));
    }
}

QByteArray ApiServer::head(RequestTrace &trace, HttpResponse &response, bool keepAlive, bool chunked)
{
    decorate(response, trace);
    // Appended piece by piece: QByteArray's operator+ builds a temporary for every '+', which
    // was most of the time this took (perf, webhooks under load).
    QByteArray out;
    out.reserve(256 + response.body.size());
    auto line = [&out](QByteArrayView name, QByteArrayView value) {
        out.append(name);
        out.append(": ");
        out.append(value);
        out.append("\r\n");
    };
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(response.status));
    out.append(' ');
    out.append(reasonPhrase(response.status));
    out.append("\r\n");
    if (!response.contentType.isEmpty())
        line("Content-Type", response.contentType);
    for (const auto &[name, value] : std::as_const(response.headers))
        line(name, value);
    const bool noBody = response.status == 204 || response.status == 304;
    if (chunked)
        out.append("Transfer-Encoding: chunked\r\nCache-Control: no-cache\r\nX-Accel-Buffering: no\r\n");
    else if (!noBody)
        line("Content-Length", QByteArray::number(response.body.size()));
    out.append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
    return out;
}

void ApiServer::finish(QTcpSocket *socket, RequestTrace &trace, HttpResponse response)
{
    const bool keepAlive = trace.keepAlive && !m_stopping;
    QByteArray out = head(trace, response, keepAlive, false);
    const bool noBody = response.status == 204 || response.status == 304;
    if (!trace.head && !noBody)
        out += response.body;
    socket->write(out);
    // Sent now rather than when the event loop next sees the socket writable: a buffered
    // QTcpSocket write only arms the write notifier, which costs a poll round and a notifier
    // event per answer.
    socket->flush();
    if (!keepAlive)
        socket->disconnectFromHost();
    logged(trace, response.status);
}

void ApiServer::logged(const RequestTrace &trace, int status)
{
    const double seconds = trace.timer.nsecsElapsed() / 1e9;
    m_metrics.observe(trace.method, trace.route, status, seconds);
    const LogLevel level = status >= 500 ? LogLevel::Error : LogLevel::Info;
    if (Log::enabled(level)) {
        Log::write(level, QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(trace.method), trace.path).arg(status),
                   {{"request_id", trace.requestId.toStdString()},
                    {"method", trace.method.toStdString()},
                    {"path", trace.path.toStdString()},
                    {"status", status},
                    {"duration_ms", std::round(seconds * 100000.0) / 100.0}});
    }
}

void ApiServer::rejectEarly(QTcpSocket *socket, int status, const QString &code, const QString &detail, const QByteArray &method,
                            const QString &path)
{
    RequestTrace trace;
    trace.timer.start();
    trace.requestId = requestIdFrom({});
    trace.method = method;
    trace.path = path;
    const auto match = m_router.match(method, path);
    trace.route = match.route ? match.route->pattern : QStringLiteral("unmatched");
    trace.keepAlive = false;
    finish(socket, trace, HttpResponse::error(status, code, detail));
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers every request; this stays for completeness of the interface.
    RequestTrace trace;
    trace.timer.start();
    trace.requestId = requestIdFrom({});
    trace.method = methodName(request.method());
    trace.path = request.url().path();
    trace.route = QStringLiteral("unmatched");
    finish(socket, trace, HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No route for %1.").arg(trace.path)));
}

HttpResponder::HttpResponder(ApiServer *server, QTcpSocket *socket, std::shared_ptr<RequestTrace> trace)
    : m_server(server)
    , m_socket(socket)
    , m_trace(std::move(trace))
{
}

HttpResponder::HttpResponder(HttpResponder &&other) noexcept
    : m_server(std::move(other.m_server))
    , m_socket(std::move(other.m_socket))
    , m_trace(std::move(other.m_trace))
    , m_sent(other.m_sent)
    , m_streaming(other.m_streaming)
    , m_streamKeepAlive(other.m_streamKeepAlive)
    , m_streamStatus(other.m_streamStatus)
{
    other.m_sent = true; // the moved-from shell owes no answer
}

HttpResponder::~HttpResponder()
{
    if (m_streaming && !m_sent)
        endStream();
    else if (!m_sent && m_trace)
        send(HttpResponse::error(500, QStringLiteral("internal_error"), QStringLiteral("The request was dropped without an answer.")));
}

void HttpResponder::sendQueued(const std::shared_ptr<HttpResponder> &held, HttpResponse response)
{
    QPointer<ApiServer> server = held->m_server;
    if (!server)
        return;
    QMetaObject::invokeMethod(server, [held, response = std::move(response)]() mutable { held->send(std::move(response)); },
                              Qt::QueuedConnection);
}

bool HttpResponder::clientConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool HttpResponder::beginStream(HttpResponse head)
{
    if (m_sent || m_streaming || !m_trace || !m_server)
        return false;
    if (!clientConnected()) {
        send(std::move(head)); // counts the request as answered (499 in metrics)
        return false;
    }
    m_streaming = true;
    m_streamStatus = head.status;
    m_streamKeepAlive = m_trace->keepAlive && !m_server->m_stopping;
    m_socket->write(m_server->head(*m_trace, head, m_streamKeepAlive, true));
    return true;
}

bool HttpResponder::writeChunk(const QByteArray &bytes)
{
    if (!m_streaming || m_sent || !clientConnected())
        return false;
    if (bytes.isEmpty())
        return true; // an empty chunk would end the body
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    return true;
}

void HttpResponder::endStream()
{
    if (!m_streaming || m_sent)
        return;
    m_sent = true;
    if (!m_server)
        return;
    if (clientConnected()) {
        m_socket->write("0\r\n\r\n");
        if (!m_streamKeepAlive)
            m_socket->disconnectFromHost();
        m_server->logged(*m_trace, m_streamStatus);
        if (auto *guard = ConnectionGuard::of(m_socket))
            guard->requestFinished();
    } else {
        m_server->m_metrics.observe(m_trace->method, m_trace->route, 499, m_trace->timer.nsecsElapsed() / 1e9);
    }
    if (--m_server->m_inFlight == 0 && m_server->m_stopping)
        Q_EMIT m_server->drained();
}

void HttpResponder::onClientGone(std::function<void()> gone)
{
    if (!m_socket || !clientConnected()) {
        gone();
        return;
    }
    auto once = std::make_shared<std::function<void()>>(std::move(gone));
    QObject::connect(m_socket, &QTcpSocket::disconnected, m_socket, [once] {
        if (*once)
            std::exchange(*once, nullptr)();
    });
}

void HttpResponder::runOnServerThread(const std::shared_ptr<HttpResponder> &held, std::function<void(HttpResponder &)> work)
{
    QPointer<ApiServer> server = held->m_server;
    if (!server)
        return;
    QMetaObject::invokeMethod(server, [held, work = std::move(work)] { work(*held); }, Qt::QueuedConnection);
}

void HttpResponder::send(HttpResponse response)
{
    if (m_streaming) {
        endStream();
        return;
    }
    if (m_sent || !m_trace)
        return;
    m_sent = true;
    if (!m_server)
        return;
    if (clientConnected()) {
        m_server->finish(m_socket, *m_trace, std::move(response));
        if (auto *guard = ConnectionGuard::of(m_socket))
            guard->requestFinished();
    } else {
        m_server->m_metrics.observe(m_trace->method, m_trace->route, 499, m_trace->timer.nsecsElapsed() / 1e9);
    }
    if (--m_server->m_inFlight == 0 && m_server->m_stopping)
        Q_EMIT m_server->drained();
}

} // namespace synapscale
