// The HTTP adapter over a real socket on 127.0.0.1: routing, error envelopes, body limits,
// keep-alive, CORS, docs, metrics, late answers, WebSockets and graceful shutdown.
#include "api/apiserver.h"
#include "api/backendhost.h"
#include "auth/authservice.h"
#include "api/docsroutes.h"
#include "api/eventbatcher.h"
#include "api/healthroutes.h"
#include "api/metrics.h"
#include "api/websockethub.h"
#include "storage/database.h"
#include "support/rawhttp.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <stdexcept>

using namespace synapscale;
using test::RawHttp;

class TestApiServer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Config> m_config;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<ApiServer> m_server;
    quint16 m_port = 0;
    int m_slowMs = 300;

    Config makeConfig(QHash<QString, QString> env = {})
    {
        ConfigSources s;
        s.environment = QProcessEnvironment();
        s.environment.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("sqlite:///%1/api.db").arg(m_dir.path()));
        s.environment.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("critical"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            s.environment.insert(it.key(), it.value());
        s.envFile = QStringLiteral("/nonexistent");
        auto c = Config::load(s);
        if (!c)
            qFatal("%s", qPrintable(c.error().message));
        return c.value();
    }

    void startServer(ServerOptions options)
    {
        m_server.reset();
        m_config = std::make_unique<Config>(makeConfig());
        m_db = std::make_unique<Database>(m_config->database);
        m_metrics = std::make_unique<Metrics>();
        ApiContext context{*m_config, *m_db, *m_metrics};
        Router router;
        HealthRoutes::addTo(router, context);
        auto docs = DocsRoutes::addTo(router, context);
        WebSocketHub::addTo(router, QStringLiteral("/api/v1"));
        Route echo{"POST", QStringLiteral("/api/v1/echo"), QStringLiteral("Echo"), QStringLiteral("test"), {}, true};
        echo.handler = [](const HttpRequest &r) { return HttpResponse::json({{"got", r.json}}); };
        router.add(echo);
        Route item{"GET", QStringLiteral("/api/v1/items/{id}"), QStringLiteral("Item"), QStringLiteral("test")};
        item.handler = [](const HttpRequest &r) { return HttpResponse::json({{"id", r.params.value(QStringLiteral("id")).toStdString()}}); };
        router.add(item);
        Route itemDelete = item;
        itemDelete.method = "DELETE";
        itemDelete.handler = [](const HttpRequest &) { return HttpResponse::empty(); };
        router.add(itemDelete);
        Route slow{"GET", QStringLiteral("/api/v1/slow"), QStringLiteral("Slow"), QStringLiteral("test")};
        slow.asyncHandler = [this](const HttpRequest &, HttpResponder responder) {
            auto held = std::make_shared<HttpResponder>(std::move(responder));
            QTimer::singleShot(m_slowMs, [held] { held->send(HttpResponse::json({{"slow", true}})); });
        };
        router.add(slow);
        Route throws{"GET", QStringLiteral("/api/v1/throws"), QStringLiteral("Throws"), QStringLiteral("test")};
        throws.handler = [](const HttpRequest &) -> HttpResponse { throw std::runtime_error("secret internal detail"); };
        router.add(throws);
        Route privateRoute{"GET", QStringLiteral("/api/v1/private"), QStringLiteral("Private"), QStringLiteral("test"), {}, false, true};
        privateRoute.handler = [](const HttpRequest &r) { return HttpResponse::json({{"user", r.principal->userId.toStdString()}}); };
        router.add(privateRoute);

        m_server = std::make_unique<ApiServer>(std::move(router), options, *m_metrics);
        docs->publish(m_server->router());
        m_server->setAuthenticator([](const HttpRequest &r) -> Result<Principal> {
            if (r.header("Authorization") == "Bearer good")
                return Principal{QStringLiteral("u1"), QStringLiteral("user"), {}, {}};
            return Error::make(QStringLiteral("not_authenticated"), QStringLiteral("Not authenticated."));
        });
        auto port = m_server->start(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        m_port = *port;
    }

    static void verifyErrorEnvelope(const test::RawResponse &r, int status, const char *code)
    {
        QCOMPARE(r.status, status);
        QVERIFY2(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type").constData());
        const auto j = r.json();
        QVERIFY2(j.is_object() && j.contains("detail") && j["code"] == code, r.body.constData());
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }

private Q_SLOTS:
    void eventBatcherMergesOnlyWaitingTextDeltasAndKeepsOrder()
    {
        QObject target;
        std::vector<std::pair<std::string, nlohmann::json>> got;
        auto batcher = std::make_shared<EventBatcher>(&target, [&](const QString &owner, const QString &type, const nlohmann::json &data) {
            QCOMPARE(owner, QStringLiteral("u1"));
            got.emplace_back(type.toStdString(), data);
        });
        // The receiving thread is busy (no events processed) while a reply streams.
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.created"), {{"id", "m1"}, {"status", "streaming"}});
        std::string all;
        for (int i = 0; i < 100; ++i) {
            batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m1"}, {"text", std::to_string(i) + ","}});
            all += std::to_string(i) + ",";
        }
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m2"}, {"text", "other"}});
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m1"}, {"tool_call", {{"id", "c1"}}}});
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m1"}, {"text", "after"}});
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.completed"), {{"message", {{"id", "m1"}}}});
        QVERIFY(got.empty());
        QCoreApplication::processEvents();
        QCOMPARE(got.size(), std::size_t(6));
        QCOMPARE(got[0].first, std::string("message.created"));
        QVERIFY(got[1].second["text"] == all); // 100 waiting deltas, one frame, in order
        QVERIFY(got[2].second["text"] == "other");
        QVERIFY(got[3].second.contains("tool_call"));
        QVERIFY(got[4].second["text"] == "after"); // not merged across the tool call
        QCOMPARE(got[5].first, std::string("message.completed"));

        // After a quiet spell a delta leaves at once, on its own.
        got.clear();
        QTest::qWait(20);
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m3"}, {"text", "a"}});
        QCoreApplication::processEvents();
        QCOMPARE(got.size(), std::size_t(1));
        QTest::qWait(20);
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m3"}, {"text", "b"}});
        QCoreApplication::processEvents();
        QCOMPARE(got.size(), std::size_t(2));
        // Right after a delivery the next one waits out the window, then arrives.
        batcher->post(QStringLiteral("u1"), QStringLiteral("message.delta"), {{"message_id", "m3"}, {"text", "c"}});
        QCoreApplication::processEvents();
        QTRY_COMPARE(got.size(), std::size_t(3));
        QVERIFY(got[2].second["text"] == "c");
    }

    void init()
    {
        ServerOptions options;
        options.maxBodySize = 64 * 1024;
        options.keepAliveTimeoutS = 2;
        options.corsOrigins = {QStringLiteral("http://app.test")};
        startServer(options);
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void healthReportsVersionDatabaseAndUptime()
    {
        auto r = RawHttp::once(m_port, "GET", "/health");
        QCOMPARE(r.status, 200);
        const auto j = r.json();
        QVERIFY(j["status"] == "ok");
        QVERIFY(j["database"] == "ok");
        QVERIFY(j["version"] == m_config->version.toStdString());
        QVERIFY(j["uptime_s"].is_number());
        auto head = RawHttp::once(m_port, "HEAD", "/health");
        QCOMPARE(head.status, 200);
    }

    void unknownRoutesAnswer404Json()
    {
        verifyErrorEnvelope(RawHttp::once(m_port, "GET", "/nope"), 404, "not_found");
        verifyErrorEnvelope(RawHttp::once(m_port, "GET", "/api/v1/items"), 404, "not_found");
        verifyErrorEnvelope(RawHttp::once(m_port, "POST", "/api/v1/items/1/extra", "{}"), 404, "not_found");
    }

    void trailingSlashAndPlaceholdersMatch()
    {
        auto r = RawHttp::once(m_port, "GET", "/api/v1/items/abc-123/");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["id"] == "abc-123");
    }

    void wrongMethodAnswers405WithAllow()
    {
        auto r = RawHttp::once(m_port, "PUT", "/api/v1/items/7", "{}");
        verifyErrorEnvelope(r, 405, "method_not_allowed");
        const QByteArray allow = r.header("Allow");
        QVERIFY(allow.contains("GET"));
        QVERIFY(allow.contains("DELETE"));
        QVERIFY(!allow.contains("PUT"));
        verifyErrorEnvelope(RawHttp::once(m_port, "POST", "/health"), 405, "method_not_allowed");
    }

    void everyResponseCarriesARequestId()
    {
        RawHttp client(m_port);
        QSet<QByteArray> ids;
        for (const auto &[method, path, body] : QList<std::tuple<QByteArray, QByteArray, QByteArray>>{
                 {"GET", "/health", {}}, {"GET", "/missing", {}}, {"POST", "/health", {}}, {"POST", "/api/v1/echo", "{bad"},
                 {"OPTIONS", "/health", {}}, {"GET", "/api/v1/throws", {}}, {"GET", "/api/v1/private", {}}}) {
            auto r = client.request(method, path, body);
            QVERIFY2(r.status != 0, path.constData());
            const QByteArray id = r.header("X-Request-Id");
            QVERIFY2(!id.isEmpty(), path.constData());
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 7);
        auto traced = RawHttp::once(m_port, "GET", "/health", {}, {{"X-Request-Id", "trace-abc.123"}});
        QCOMPARE(traced.header("X-Request-Id"), QByteArray("trace-abc.123"));
        auto hostile = RawHttp::once(m_port, "GET", "/health", {}, {{"X-Request-Id", "<script>alert(1)</script>"}});
        QVERIFY(!hostile.header("X-Request-Id").contains("<"));
    }

    void jsonBodiesAreCheckedBeforeTheHandler()
    {
        auto ok = RawHttp::once(m_port, "POST", "/api/v1/echo", R"({"a":[1,2,{"b":"ü"}]})");
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json()["got"]["a"][2]["b"] == "ü");
        verifyErrorEnvelope(RawHttp::once(m_port, "POST", "/api/v1/echo", "{\"a\":"), 400, "invalid_json");
        verifyErrorEnvelope(RawHttp::once(m_port, "POST", "/api/v1/echo", "\xff\xfe{}"), 400, "invalid_json");
        verifyErrorEnvelope(RawHttp::once(m_port, "POST", "/api/v1/echo", QByteArray(5000, '[') + QByteArray(5000, ']')), 400,
                            "invalid_json");
        verifyErrorEnvelope(RawHttp::once(m_port, "POST", "/api/v1/echo", "a=1", {{"Content-Type", "application/x-www-form-urlencoded"}}),
                            415, "unsupported_media_type");
        auto empty = RawHttp::once(m_port, "POST", "/api/v1/echo");
        QCOMPARE(empty.status, 422);
        QVERIFY(empty.json()["detail"][0]["loc"][0] == "body");
    }

    void oversizedBodyIsRefusedBeforeItIsSent()
    {
        RawHttp client(m_port);
        QVERIFY(client.connectToServer());
        // Only the headers go out; the 413 must come back without the 100 MB ever being sent.
        auto r = client.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Content-Length: 104857600\r\n\r\n");
        verifyErrorEnvelope(r, 413, "payload_too_large");
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClosed(3000));
        QCOMPARE(RawHttp::once(m_port, "GET", "/health").status, 200);
    }

    void oversizedChunkedBodyIsRefused()
    {
        RawHttp client(m_port);
        QByteArray raw = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray chunk(16 * 1024, 'a');
        for (int i = 0; i < 5; ++i)
            raw += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        auto r = client.send(raw);
        verifyErrorEnvelope(r, 413, "payload_too_large");
    }

    void bodyUnderTheLimitAndChunkedBodiesPass()
    {
        const QByteArray big = "{\"pad\":\"" + QByteArray(60 * 1024, 'x') + "\"}";
        auto r = RawHttp::once(m_port, "POST", "/api/v1/echo", big);
        QCOMPARE(r.status, 200);
        RawHttp client(m_port);
        auto chunked = client.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n");
        QCOMPARE(chunked.status, 200);
        QVERIFY(chunked.json()["got"]["a"] == 1);
        // The same connection keeps working after a chunked request.
        QCOMPARE(client.request("GET", "/health").status, 200);
    }

    void keepAliveServesManyRequestsThenClosesWhenIdle()
    {
        RawHttp client(m_port);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(client.request("GET", "/health").status, 200);
        QElapsedTimer idle;
        idle.start();
        QVERIFY(client.waitForClosed(6000));
        QVERIFY2(idle.elapsed() >= 1500, "closed before the keep-alive timeout");

        RawHttp silent(m_port);
        QVERIFY(silent.connectToServer());
        QVERIFY(silent.waitForClosed(6000));

        auto closing = RawHttp(m_port).request("GET", "/health", {}, {{"Connection", "close"}});
        QCOMPARE(closing.header("Connection"), QByteArray("close"));
    }

    void corsFollowsTheAllowList()
    {
        auto pre = RawHttp::once(m_port, "OPTIONS", "/api/v1/echo", {},
                                 {{"Origin", "http://app.test"}, {"Access-Control-Request-Method", "POST"},
                                  {"Access-Control-Request-Headers", "content-type, authorization"}});
        QCOMPARE(pre.status, 204);
        QCOMPARE(pre.header("Access-Control-Allow-Origin"), QByteArray("http://app.test"));
        QVERIFY(pre.header("Access-Control-Allow-Methods").contains("POST"));
        QCOMPARE(pre.header("Access-Control-Allow-Headers"), QByteArray("content-type, authorization"));
        QVERIFY(!pre.header("Access-Control-Max-Age").isEmpty());

        verifyErrorEnvelope(RawHttp::once(m_port, "OPTIONS", "/api/v1/echo", {},
                                          {{"Origin", "http://evil.test"}, {"Access-Control-Request-Method", "POST"}}),
                            403, "cors_origin_not_allowed");
        verifyErrorEnvelope(RawHttp::once(m_port, "OPTIONS", "/health", {},
                                          {{"Origin", "http://app.test"}, {"Access-Control-Request-Method", "DELETE"}}),
                            403, "cors_method_not_allowed");
        auto simple = RawHttp::once(m_port, "GET", "/health", {}, {{"Origin", "http://app.test"}});
        QCOMPARE(simple.header("Access-Control-Allow-Origin"), QByteArray("http://app.test"));
        QVERIFY(simple.header("Access-Control-Expose-Headers").contains("X-Request-Id"));
        auto foreign = RawHttp::once(m_port, "GET", "/health", {}, {{"Origin", "http://evil.test"}});
        QVERIFY(foreign.header("Access-Control-Allow-Origin").isEmpty());
        // Errors carry CORS headers too, so browsers can read them.
        auto missing = RawHttp::once(m_port, "GET", "/nope", {}, {{"Origin", "http://app.test"}});
        QCOMPARE(missing.header("Access-Control-Allow-Origin"), QByteArray("http://app.test"));
    }

    void openApiDescribesEveryRegisteredRoute()
    {
        auto r = RawHttp::once(m_port, "GET", "/openapi.json");
        QCOMPARE(r.status, 200);
        const auto doc = r.json();
        QVERIFY(doc["openapi"] == "3.1.0");
        for (const auto &route : m_server->router().routes()) {
            if (!route.documented)
                continue;
            const std::string path = route.pattern.toStdString();
            const std::string method = QString::fromLatin1(route.method).toLower().toStdString();
            QVERIFY2(doc["paths"].contains(path) && doc["paths"][path].contains(method), path.c_str());
        }
        QVERIFY(doc["paths"]["/api/v1/items/{id}"]["get"]["parameters"][0]["name"] == "id");
        QVERIFY(doc["paths"]["/api/v1/echo"]["post"]["responses"].contains("422"));
        QVERIFY(doc["paths"]["/api/v1/private"]["get"]["responses"].contains("401"));
        QVERIFY(doc["paths"].contains("/api/v1/ws/global"));
        QVERIFY(!doc["paths"].contains("/docs/{file}"));
    }

    void docsAreServedOffline()
    {
        auto docs = RawHttp::once(m_port, "GET", "/docs");
        QCOMPARE(docs.status, 200);
        QVERIFY(docs.header("Content-Type").startsWith("text/html"));
        QVERIFY(docs.body.contains("/docs/swagger-ui-bundle.js"));
        QVERIFY(!docs.body.contains("http://") && !docs.body.contains("https://"));
        auto bundle = RawHttp::once(m_port, "GET", "/docs/swagger-ui-bundle.js");
        QCOMPARE(bundle.status, 200);
        QVERIFY(bundle.body.size() > 100000);
        QVERIFY(bundle.body.contains("SwaggerUIBundle"));
        QCOMPARE(RawHttp::once(m_port, "GET", "/docs/swagger-ui.css").status, 200);
        auto redoc = RawHttp::once(m_port, "GET", "/redoc");
        QCOMPARE(redoc.status, 200);
        QVERIFY(redoc.body.contains("/redoc/redoc.standalone.js"));
        auto redocJs = RawHttp::once(m_port, "GET", "/redoc/redoc.standalone.js");
        QCOMPARE(redocJs.status, 200);
        QVERIFY(redocJs.body.size() > 100000);
        verifyErrorEnvelope(RawHttp::once(m_port, "GET", "/docs/..%2F..%2Fetc%2Fpasswd"), 404, "not_found");
        verifyErrorEnvelope(RawHttp::once(m_port, "GET", "/redoc/swagger-ui.css"), 404, "not_found");
    }

    void metricsCountRequestsPerRoutePattern()
    {
        for (int i = 0; i < 3; ++i)
            RawHttp::once(m_port, "GET", QByteArray("/api/v1/items/") + QByteArray::number(i));
        RawHttp::once(m_port, "GET", "/nope");
        auto r = RawHttp::once(m_port, "GET", "/metrics");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        QVERIFY2(r.body.contains("synapscale_http_requests_total{method=\"GET\",route=\"/api/v1/items/{id}\",status=\"200\"} 3"),
                 r.body.constData());
        QVERIFY(r.body.contains("route=\"unmatched\",status=\"404\"} 1"));
        QVERIFY(r.body.contains("synapscale_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/items/{id}\",le=\"+Inf\"} 3"));
        QVERIFY(r.body.contains("process_uptime_seconds "));
        QVERIFY(!r.body.contains("/api/v1/items/1"));
    }

    void lateAnswerToAClientThatLeftDoesNotCrash()
    {
        for (int i = 0; i < 5; ++i) {
            RawHttp client(m_port);
            QVERIFY(client.connectToServer());
            client.socket().write("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(client.socket().waitForBytesWritten(1000));
            QTest::qWait(20);
            client.socket().abort();
        }
        QTest::qWait(m_slowMs + 200);
        QCOMPARE(RawHttp::once(m_port, "GET", "/health").status, 200);
        QCOMPARE(m_server->inFlight(), 0);
        auto metrics = RawHttp::once(m_port, "GET", "/metrics");
        QVERIFY(metrics.body.contains("route=\"/api/v1/slow\",status=\"499\"} 5"));
        auto slow = RawHttp::once(m_port, "GET", "/api/v1/slow");
        QCOMPARE(slow.status, 200);
        QVERIFY(slow.json()["slow"] == true);
    }

    void handlerFailuresLeakNoInternals()
    {
        auto r = RawHttp::once(m_port, "GET", "/api/v1/throws");
        verifyErrorEnvelope(r, 500, "internal_error");
        QVERIFY(!r.body.contains("secret internal detail"));
    }

    void protectedRoutesNeedCredentials()
    {
        auto anonymous = RawHttp::once(m_port, "GET", "/api/v1/private");
        verifyErrorEnvelope(anonymous, 401, "not_authenticated");
        QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArray("Bearer"));
        verifyErrorEnvelope(RawHttp::once(m_port, "GET", "/api/v1/private", {}, {{"Authorization", "Bearer wrong"}}), 401,
                            "not_authenticated");
        auto ok = RawHttp::once(m_port, "GET", "/api/v1/private", {}, {{"Authorization", "Bearer good"}});
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json()["user"] == "u1");
    }

    void malformedRequestsDoNotBreakTheServer()
    {
        RawHttp garbage(m_port);
        garbage.send("\x16\x03\x01\x02\x00 not http at all\r\n\r\n", 2000);
        RawHttp badLength(m_port);
        auto r = badLength.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 3000);
        QVERIFY(r.status == 400 || r.status == 0);
        RawHttp hugeHeaders(m_port);
        auto h = hugeHeaders.send("GET /health HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'a') + "\r\n\r\n", 3000);
        QVERIFY2(h.status == 431 || h.status == 0, QByteArray::number(h.status) + h.body);
        QCOMPARE(RawHttp::once(m_port, "GET", "/health").status, 200);
    }

    void gracefulShutdownFinishesInFlightRequests()
    {
        m_slowMs = 500;
        RawHttp client(m_port);
        QVERIFY(client.connectToServer());
        client.socket().write("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_server->inFlight(), 1);
        QSignalSpy drained(m_server.get(), &ApiServer::drained);
        m_server->stopAccepting();
        QCOMPARE(drained.count(), 0);
        auto r = client.send({});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection"), QByteArray("close"));
        QTRY_COMPARE(drained.count(), 1);
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(!late.waitForConnected(500) || !late.waitForReadyRead(500));
    }

    void portAlreadyInUseIsAClearError()
    {
        Metrics metrics;
        ApiServer second(Router{}, ServerOptions{}, metrics);
        auto r = second.start(QHostAddress::LocalHost, m_port);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("listen_failed"));
        QVERIFY(r.error().message.contains(QString::number(m_port)));
    }

    void webSocketsAuthenticatePingAndRefuseBadTokens()
    {
        cleanup();
        BackendHost host(makeConfig({{QStringLiteral("PORT"), QStringLiteral("0")}, {QStringLiteral("KEEPALIVE_TIMEOUT"), QStringLiteral("1")}}));
        QVERIFY(host.openDatabase().ok());
        auto port = host.start();
        QVERIFY(port.ok());
        auto session = host.auth().signInLocalUser({});
        QVERIFY(session.ok());
        const QString token = session->accessToken;
        const QString base = QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/global").arg(*port);

        QWebSocket good;
        QStringList frames;
        connect(&good, &QWebSocket::textMessageReceived, this, [&](const QString &m) { frames << m; });
        good.open(QUrl(base + QStringLiteral("?token=") + token));
        QTRY_VERIFY(!frames.isEmpty());
        QVERIFY(frames.first().contains(QLatin1String("\"auth.ok\"")));
        good.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QTRY_COMPARE(frames.size(), 2);
        QCOMPARE(frames.at(1), QStringLiteral("{\"type\":\"pong\"}"));
        host.hub()->broadcast(QStringLiteral("notification"), {{"text", "hello"}});
        QTRY_COMPARE(frames.size(), 3);
        QVERIFY(frames.at(2).contains(QLatin1String("\"notification\"")));
        // The HTTP keep-alive timeout does not apply to an upgraded connection.
        QTest::qWait(2500);
        QCOMPARE(good.state(), QAbstractSocket::ConnectedState);
        good.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QTRY_COMPARE(frames.size(), 4);

        QWebSocket firstFrame;
        QStringList firstFrames;
        connect(&firstFrame, &QWebSocket::textMessageReceived, this, [&](const QString &m) { firstFrames << m; });
        connect(&firstFrame, &QWebSocket::connected, this,
                [&] { firstFrame.sendTextMessage(QStringLiteral("{\"type\":\"auth\",\"token\":\"%1\"}").arg(token)); });
        firstFrame.open(QUrl(base));
        QTRY_VERIFY(!firstFrames.isEmpty());
        QVERIFY(firstFrames.first().contains(QLatin1String("auth.ok")));

        for (const QString &url : {base + QStringLiteral("?token=wrong"), base}) {
            QWebSocket bad;
            QSignalSpy closed(&bad, &QWebSocket::disconnected);
            connect(&bad, &QWebSocket::connected, this, [&] {
                if (!url.contains(QLatin1Char('?')))
                    bad.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
            });
            bad.open(QUrl(url));
            QTRY_COMPARE(closed.count(), 1);
            QCOMPARE(int(bad.closeCode()), 4401);
        }
        QCOMPARE(host.hub()->clientCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
