#pragma once

#include "api/http.h"

#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QTcpSocket;

namespace synapscale {

class ApiServer;

// Sends the response of one request, now or later. A handler that answers later keeps the
// responder; if the client has gone by then, send() does nothing (QtHttpServer 6.4 crashes when
// a late answer meets a closed socket, so nothing here touches its responder).
class HttpResponder {
public:
    HttpResponder(ApiServer *server, QTcpSocket *socket, std::shared_ptr<struct RequestTrace> trace);
    ~HttpResponder();
    HttpResponder(HttpResponder &&) noexcept;
    HttpResponder &operator=(HttpResponder &&) = delete;

    void send(HttpResponse response);
    // send() from any thread: the answer is written on the server's thread.
    static void sendQueued(const std::shared_ptr<HttpResponder> &held, HttpResponse response);
    bool clientConnected() const;
    bool sent() const { return m_sent; }

    // A body written as it is produced (chunked transfer encoding), e.g. text/event-stream.
    // These run on the server's thread; runOnServerThread() gets there from any other.
    bool beginStream(HttpResponse head); // head.body is ignored; false when the client has gone
    bool writeChunk(const QByteArray &bytes);
    void endStream();
    // `gone` runs once if the client disconnects (at once if it already has).
    void onClientGone(std::function<void()> gone);
    static void runOnServerThread(const std::shared_ptr<HttpResponder> &held, std::function<void(HttpResponder &)> work);

private:
    QPointer<ApiServer> m_server;
    QPointer<QTcpSocket> m_socket;
    std::shared_ptr<RequestTrace> m_trace;
    bool m_sent = false;
    bool m_streaming = false;
    bool m_streamKeepAlive = false;
    int m_streamStatus = 200;
};

using SyncHandler = std::function<HttpResponse(const HttpRequest &)>;
using AsyncHandler = std::function<void(const HttpRequest &, HttpResponder)>;

// One endpoint: what it matches, how it is documented in /openapi.json, and who handles it.
struct Route {
    QByteArray method;              // GET, POST, PUT, PATCH, DELETE
    QString pattern;                // "/api/v1/workflows/{id}"
    QString summary;
    QString tag;
    QString description;
    bool jsonBody = false;          // body must be JSON; parsed into HttpRequest::json before the handler
    bool requiresAuth = false;
    bool documented = true;
    nlohmann::json requestSchema;   // JSON Schema of the body, when jsonBody
    nlohmann::json responses;       // {"200": {"description": ..., "schema": {...}}, ...}
    SyncHandler handler;
    AsyncHandler asyncHandler;
    bool acceptsForm = false;       // with jsonBody: application/x-www-form-urlencoded is read into `json` too
    bool optionalBody = false;      // with jsonBody: an empty body is allowed (json stays null)
    bool offThread = false;         // handler blocks (argon2, bulk I/O): run it on a worker thread
};

// The route table. Paths match segment by segment; a trailing slash is ignored. A last
// placeholder written {name*} matches one or more remaining segments (webhook paths).
class Router {
public:
    void add(Route route);
    void addWebSocket(const QString &pattern, const QString &summary);

    struct Match {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowedMethods;  // when no route matched or for OPTIONS: the methods the path exists under
    };
    Match match(const QByteArray &method, const QString &path) const;
    bool isWebSocketPath(const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }
    const QStringList &webSocketPatterns() const { return m_wsPatterns; }

    static QString normalize(const QString &path);

private:
    // A pattern split once at registration: literal segments, or {name} placeholders.
    struct CompiledPattern {
        QStringList segments;
        QList<bool> isParam;
        bool tail = false;  // the last placeholder is {name*}: it takes the rest of the path
    };
    static CompiledPattern compile(const QString &pattern);
    // `path` is `full` split at '/'.
    static bool matches(const CompiledPattern &pattern, const QString &full, const QList<QStringView> &path, QHash<QString, QString> *params);
    QList<Route> m_routes;
    QList<CompiledPattern> m_compiled;     // parallel to m_routes
    QStringList m_wsPatterns;
    QList<CompiledPattern> m_wsCompiled;   // parallel to m_wsPatterns
};

} // namespace synapscale
