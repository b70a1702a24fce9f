// Running workflows over HTTP and WebSocket on 127.0.0.1, on SQLite and PostgreSQL: execute
// (async and wait), the executions API, webhooks and their response modes, activation and
// schedules, live events, cancel, retry, recovery after a restart, the queue limit, and the
// faults the engine must survive (Code that never ends, HTTP to closed ports and slow servers,
// clients that leave before the answer).
#include "api/backendhost.h"
#include "auth/authservice.h"
#include "storage/database.h"
#include "support/apihost.h"
#include "support/rawhttp.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <set>

using namespace synapscale;
using nlohmann::json;
using test::RawHttp;
using test::RawResponse;

namespace {
QString g_backend = QStringLiteral("sqlite");

json node(const std::string &id, const std::string &type, json parameters = json::object(), json extra = json::object())
{
    json n = {{"id", id}, {"name", id}, {"type", type}, {"parameters", std::move(parameters)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        n[it.key()] = it.value();
    return n;
}

json edge(const std::string &from, const std::string &to, int fromPort = 0, int toPort = 0)
{
    return {{"from", from}, {"to", to}, {"fromPort", fromPort}, {"toPort", toPort}};
}

json manualSetIf()
{
    return {{"nodes",
             {node("Start", "trigger.manual"),
              node("Set", "core.set", {{"fields", {{{"name", "double"}, {"value", "{{ $json.n * 2 }}"}, {"type", "number"}}}}}),
              node("If", "core.if", {{"conditions", {{"conditions", {{{"leftValue", "{{ $json.double }}"}, {"rightValue", 5},
                                                                    {"operator", {{"type", "number"}, {"operation", "gt"}}}}}}}}}),
              node("Big", "core.noop"), node("Small", "core.noop")}},
            {"edges", {edge("Start", "Set"), edge("Set", "If"), edge("If", "Big", 0), edge("If", "Small", 1)}}};
}

const json *runOf(const json &execution, const std::string &name)
{
    for (const auto &n : execution["nodes"])
        if (n["name"] == name)
            return &n;
    return nullptr;
}

// A tiny HTTP server for the HTTP Request node: answers JSON, or never answers (slow).
class FakeUpstream : public QTcpServer {
public:
    bool slow = false;
    int hits = 0;
    QByteArray lastRequest; // head and body of the last request, as received
    FakeUpstream()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray req = s->readAll();
                    if (!req.contains("\r\n\r\n"))
                        return;
                    ++hits;
                    lastRequest = req;
                    if (slow)
                        return;
                    const QByteArray body = "{\"path\":\"" + req.split(' ').value(1) + "\",\"ok\":true}";
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                             + "\r\nConnection: close\r\n\r\n" + body);
                    s->disconnectFromHost();
                });
            }
        });
    }
};
} // namespace

class TestExecutions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestDatabase m_db;
    std::unique_ptr<BackendHost> m_host;
    quint16 m_port = 0;
    QString m_alice;
    QString m_bob;
    QHash<QString, QString> m_extraEnv;

    RawResponse call(const QByteArray &method, const QString &path, const QString &token, const json &body = nullptr)
    {
        return test::callApi(m_port, method, path, token, body);
    }

    QString tokenFor(const QString &email) { return test::signUp(*m_host, email, QStringLiteral("Execution-Tester-77")); }

    QString create(const json &definition, const QString &token = {})
    {
        auto r = call("POST", QStringLiteral("/api/v1/workflows"), token.isEmpty() ? m_alice : token,
                      {{"name", "wf"}, {"definition", definition}});
        if (r.status != 201)
            qWarning("create: %d %s", r.status, r.body.constData());
        return QString::fromStdString(r.json().value("id", std::string()));
    }

    json waitForStatus(const QString &executionId, const QStringList &statuses, int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        json last;
        while (t.elapsed() < timeoutMs) {
            last = call("GET", QStringLiteral("/api/v1/executions/") + executionId, m_alice).json();
            if (statuses.contains(QString::fromStdString(last.value("status", std::string()))))
                return last;
            QTest::qWait(20);
        }
        return last;
    }

    void startHost()
    {
        QHash<QString, QString> env{{QStringLiteral("CODE_TIMEOUT_SECONDS"), QStringLiteral("1")}, {QStringLiteral("WORKERS"), QStringLiteral("2")}};
        env.insert(m_extraEnv);
        m_host = test::startHost(m_db, env, &m_port);
        QVERIFY(m_host);
    }

private Q_SLOTS:
    void init()
    {
        m_extraEnv.clear();
        m_db = test::freshDatabase(g_backend, m_dir.path());
        startHost();
        m_alice = tokenFor(QStringLiteral("alice@example.com"));
        m_bob = tokenFor(QStringLiteral("bob@example.com"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
    }

    void cleanup()
    {
        m_host.reset();
        test::dropSchema(m_db);
    }

    void nodeCatalog()
    {
        QCOMPARE(RawHttp::once(m_port, "GET", "/api/v1/nodes").status, 401);
        auto r = call("GET", QStringLiteral("/api/v1/nodes"), m_alice);
        QCOMPARE(r.status, 200);
        std::set<std::string> types;
        const json catalog = r.json();
        for (const auto &n : catalog["items"]) {
            types.insert(n["type"].get<std::string>());
            QVERIFY(n["parameters"]["type"] == "object");
            QVERIFY(n.contains("inputs") && n.contains("outputs") && n.contains("display_name") && n.contains("category"));
        }
        for (const char *t : {"trigger.manual", "trigger.webhook", "trigger.schedule", "core.set", "core.if", "core.switch", "core.merge",
                              "core.filter", "core.sort", "core.limit", "core.remove_duplicates", "core.split_out", "core.aggregate",
                              "core.loop", "core.code", "core.http_request", "core.wait", "core.datetime", "core.crypto",
                              "core.respond_to_webhook", "core.stop_and_error", "core.noop", "trigger.error", "trigger.execute_workflow"})
            QVERIFY2(types.count(t), t);
        // The catalog is in the OpenAPI document too.
        QVERIFY(RawHttp::once(m_port, "GET", "/openapi.json").json()["paths"].contains("/api/v1/executions/{id}/cancel"));
    }

    void validationAtTheNode()
    {
        json unknown = manualSetIf();
        unknown["nodes"][3]["type"] = "core.teleport";
        auto r = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "x"}, {"definition", unknown}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.json()["detail"][0]["loc"] == json({"body", "definition", "nodes", 3, "type"}));

        json badParam = manualSetIf();
        badParam["nodes"][1]["parameters"]["fields"] = "not a list";
        r = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "x"}, {"definition", badParam}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.json()["detail"][0]["loc"] == json({"body", "definition", "nodes", 1, "parameters", "fields"}));

        json cyclic = manualSetIf();
        cyclic["edges"].push_back(edge("Big", "Set"));
        r = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "x"}, {"definition", cyclic}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.json()["detail"][0]["msg"].get<std::string>().find("cycle") != std::string::npos);

        json badPort = manualSetIf();
        badPort["edges"].push_back(edge("Set", "Big", 3));
        r = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "x"}, {"definition", badPort}});
        QCOMPARE(r.status, 422);
        QVERIFY(r.json()["detail"][0]["loc"] == json({"body", "definition", "edges", 4}));

        // A loop may close a cycle.
        json loop = {{"nodes", {node("Start", "trigger.manual"), node("Loop", "core.loop"), node("Body", "core.noop")}},
                     {"edges", {edge("Start", "Loop"), edge("Loop", "Body", 1), edge("Body", "Loop")}}};
        QVERIFY(!create(loop).isEmpty());
    }

    void executeWaitAndAsync()
    {
        const QString id = create(manualSetIf());
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", {{{"n", 1}}, {{"n", 4}}}}, {"wait", true}});
        QCOMPARE(r.status, 200);
        const json e = r.json();
        QVERIFY(e["status"] == "succeeded");
        QVERIFY(e["nodes"].size() == 5);
        QVERIFY((*runOf(e, "Big"))["output"][0] == json::array({{{"json", {{"n", 4}, {"double", 8}}}}}));
        QVERIFY((*runOf(e, "Small"))["output"][0][0]["json"]["double"] == 2);
        QVERIFY(e["duration_ms"].is_number());

        // The stored record reads the same.
        auto stored = call("GET", QStringLiteral("/api/v1/executions/") + QString::fromStdString(e["id"].get<std::string>()), m_alice);
        QCOMPARE(stored.status, 200);
        QVERIFY(stored.json()["status"] == "succeeded");
        QVERIFY((*runOf(stored.json(), "Big"))["output"] == (*runOf(e, "Big"))["output"]);
        QVERIFY((*runOf(stored.json(), "Set"))["items_in"] == 2);

        r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", {{"n", 10}}}});
        QCOMPARE(r.status, 202);
        const QString asyncId = QString::fromStdString(r.json()["execution_id"].get<std::string>());
        QVERIFY(waitForStatus(asyncId, {QStringLiteral("succeeded")})["status"] == "succeeded");
        // An empty body is fine too.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice).status, 202);

        auto list = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1&status=succeeded").arg(id), m_alice);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json()["total"].get<int>() >= 2);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/executions?status=bogus"), m_alice).status, 422);
        // Bob sees none of it.
        QVERIFY(call("GET", QStringLiteral("/api/v1/executions"), m_bob).json()["total"] == 0);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/executions/") + asyncId, m_bob).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_bob).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/executions/") + asyncId, m_bob).status, 404);

        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/executions/") + asyncId, m_alice).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/executions/") + asyncId, m_alice).status, 404);
    }

    void badExecuteInput()
    {
        const QString id = create(manualSetIf());
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", "text"}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", {1, 2}}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"wait", "yes"}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"surprise", 1}}).status, 422);
        auto malformed = RawHttp::once(m_port, "POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id).toUtf8(), "{\"input\":",
                                       {{"Authorization", "Bearer " + m_alice.toUtf8()}, {"Content-Type", "application/json"}});
        QCOMPARE(malformed.status, 400);
        const QString empty = create({{"nodes", json::array()}, {"edges", json::array()}});
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(empty), m_alice);
        QCOMPARE(r.status, 422);
        QVERIFY(r.json()["code"] == "no_trigger");
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/nope/execute"), m_alice).status, 404);
        QVERIFY(call("GET", QStringLiteral("/api/v1/executions"), m_alice).json()["total"] == 0);
    }

    void failRetryAndErrorWorkflow()
    {
        json handler = {{"nodes", {node("OnError", "trigger.error"), node("Note", "core.noop")}}, {"edges", {edge("OnError", "Note")}}};
        const QString handlerId = create(handler);
        json failing = {{"nodes", {node("Start", "trigger.manual"), node("Boom", "core.stop_and_error", {{"errorMessage", "no stock for {{ $json.sku }}"}})}},
                        {"edges", {edge("Start", "Boom")}},
                        {"settings", {{"errorWorkflow", handlerId.toStdString()}}}};
        const QString id = create(failing);
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", {{"sku", "A7"}}}, {"wait", true}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["status"] == "failed");
        QVERIFY(r.json()["error"].get<std::string>().find("no stock for A7") != std::string::npos);
        const QString failedId = QString::fromStdString(r.json()["id"].get<std::string>());

        // The error workflow ran with the failure's details.
        QTRY_VERIFY(call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(handlerId), m_alice).json()["total"] == 1);
        const json handled = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(handlerId), m_alice).json()["items"][0];
        const json handledRun = waitForStatus(QString::fromStdString(handled["id"].get<std::string>()), {QStringLiteral("succeeded")});
        QVERIFY(handledRun["mode"] == "error");
        QVERIFY((*runOf(handledRun, "Note"))["output"][0][0]["json"]["execution"]["id"] == failedId.toStdString());

        auto retried = call("POST", QStringLiteral("/api/v1/executions/%1/retry?wait=true").arg(failedId), m_alice);
        QCOMPARE(retried.status, 200);
        QVERIFY(retried.json()["retry_of"] == failedId.toStdString());
        QVERIFY(retried.json()["mode"] == "retry");
        QVERIFY(retried.json()["error"].get<std::string>().find("no stock for A7") != std::string::npos); // same input again
        // Only failed or cancelled executions retry.
        const QString ok = create(manualSetIf());
        const json done = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(ok), m_alice, {{"wait", true}}).json();
        QCOMPARE(call("POST", QStringLiteral("/api/v1/executions/%1/retry").arg(QString::fromStdString(done["id"].get<std::string>())), m_alice).status, 409);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/executions/%1/cancel").arg(QString::fromStdString(done["id"].get<std::string>())), m_alice).status, 409);
    }

    void cancelDuringWait()
    {
        json waiting = {{"nodes", {node("Start", "trigger.manual"), node("Pause", "core.wait", {{"amount", 60}, {"unit", "seconds"}}), node("After", "core.noop")}},
                        {"edges", {edge("Start", "Pause"), edge("Pause", "After")}}};
        const QString id = create(waiting);
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice);
        const QString executionId = QString::fromStdString(r.json()["execution_id"].get<std::string>());
        QVERIFY(waitForStatus(executionId, {QStringLiteral("waiting")})["status"] == "waiting");
        QCOMPARE(call("POST", QStringLiteral("/api/v1/executions/%1/cancel").arg(executionId), m_bob).status, 404);
        auto cancelled = call("POST", QStringLiteral("/api/v1/executions/%1/cancel").arg(executionId), m_alice);
        QCOMPARE(cancelled.status, 200);
        const json e = waitForStatus(executionId, {QStringLiteral("cancelled")}, 3000);
        QVERIFY(e["status"] == "cancelled");
        QVERIFY(!runOf(e, "After"));
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/executions/") + executionId, m_alice).status, 204);
    }

    void codeThatNeverEndsIsStopped()
    {
        json forever = {{"nodes", {node("Start", "trigger.manual"), node("Spin", "core.code", {{"code", "while (true) {}"}})}},
                        {"edges", {edge("Start", "Spin")}}};
        const QString id = create(forever);
        QElapsedTimer t;
        t.start();
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"wait", true}});
        QVERIFY(r.json()["status"] == "failed");
        QVERIFY2(r.json()["error"].get<std::string>().find("time limit (CODE_TIMEOUT_SECONDS)") != std::string::npos, r.body.constData());
        QVERIFY(t.elapsed() < 5000);
        // The same workers run the next Code node normally.
        const QString fine = create({{"nodes", {node("Start", "trigger.manual"), node("Code", "core.code", {{"code", "return [{x: 1 + 1}];"}})}},
                                     {"edges", {edge("Start", "Code")}}});
        for (int i = 0; i < 4; ++i) {
            auto ok = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(fine), m_alice, {{"wait", true}});
            QVERIFY2(ok.json()["status"] == "succeeded", ok.body.constData());
        }
    }

    // HTTP Request signs with a stored credential of the workflow's owner: basic, bearer, or a
    // custom header. Another user's credential, a missing one and one of the wrong type fail the
    // node before anything is sent, and no secret appears in the execution.
    void httpRequestWithStoredCredentials()
    {
        cleanup();
        m_db = test::freshDatabase(g_backend, m_dir.path());
        m_extraEnv.insert(QStringLiteral("ENCRYPTION_KEY"), QStringLiteral("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        startHost();
        m_alice = tokenFor(QStringLiteral("alice@example.com"));
        m_bob = tokenFor(QStringLiteral("bob@example.com"));
        auto credential = [&](const QString &token, const std::string &type, const json &data) {
            auto r = call("POST", QStringLiteral("/api/v1/credentials"), token, {{"name", type + " one"}, {"type", type}, {"data", data}});
            if (r.status != 201)
                qWarning("credential: %d %s", r.status, r.body.constData());
            return r.json().value("id", std::string());
        };
        const std::string basic = credential(m_alice, "http_basic", {{"username", "ana"}, {"password", "s3cret-pass"}});
        const std::string bearer = credential(m_alice, "http_bearer", {{"token", "tok-4242"}});
        const std::string header = credential(m_alice, "http_header", {{"name", "X-Api-Key"}, {"value", "key-9999"}});
        const std::string openai = credential(m_alice, "openai", {{"api_key", "sk-not-for-http"}});
        const std::string bobs = credential(m_bob, "http_bearer", {{"token", "bobs-token"}});
        QVERIFY(!basic.empty() && !bearer.empty() && !header.empty() && !openai.empty() && !bobs.empty());

        FakeUpstream upstream;
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        const std::string url = "http://127.0.0.1:" + std::to_string(upstream.serverPort()) + "/signed";
        auto run = [&](const json &credentialId) {
            json call_ = node("Call", "core.http_request", {{"url", url}, {"authentication", "credential"}});
            if (!credentialId.is_null())
                call_["parameters"]["credential"] = credentialId;
            const QString id = create({{"nodes", {node("Start", "trigger.manual"), call_}}, {"edges", {edge("Start", "Call")}}});
            return call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"wait", true}}).json();
        };
        json r = run(basic);
        QVERIFY2(r["status"] == "succeeded", r.dump().c_str());
        QVERIFY2(upstream.lastRequest.contains("Authorization: Basic " + QByteArray("ana:s3cret-pass").toBase64() + "\r\n"),
                 upstream.lastRequest.constData());
        r = run(bearer);
        QVERIFY(r["status"] == "succeeded");
        QVERIFY(upstream.lastRequest.contains("Authorization: Bearer tok-4242\r\n"));
        r = run(header);
        QVERIFY(r["status"] == "succeeded");
        QVERIFY(upstream.lastRequest.contains("X-Api-Key: key-9999\r\n"));
        QVERIFY(!upstream.lastRequest.contains("Authorization"));

        const int hits = upstream.hits;
        const struct {
            json credential;
            const char *says;
        } refused[] = {{bobs, "does not exist"}, {"0190aaaa-0000-7000-8000-000000000000", "does not exist"},
                       {openai, "is a OpenAI credential; this node takes: HTTP basic auth, HTTP bearer token, HTTP header"},
                       {"", "none is chosen"}, {nullptr, "none is chosen"}};
        for (const auto &c : refused) {
            r = run(c.credential);
            QVERIFY2(r["status"] == "failed", r.dump().c_str());
            QVERIFY2(r["error"].get<std::string>().find(c.says) != std::string::npos, r.dump().c_str());
            const std::string all = call("GET", QStringLiteral("/api/v1/executions/") + QString::fromStdString(r["id"].get<std::string>()),
                                         m_alice).body.toStdString();
            for (const char *secret : {"bobs-token", "sk-not-for-http", "s3cret-pass"})
                QVERIFY2(all.find(secret) == std::string::npos, all.c_str());
        }
        QCOMPARE(upstream.hits, hits); // nothing was sent unsigned

        // The catalog says which credentials the node takes, for the editor's picker.
        const json catalog = call("GET", QStringLiteral("/api/v1/nodes"), m_alice).json();
        json http;
        for (const auto &d : catalog["items"])
            if (d["type"] == "core.http_request")
                http = d;
        QVERIFY2(http["credentials"] == json({"http_basic", "http_bearer", "http_header"}), http.dump().c_str());
        QVERIFY(http["parameters"]["properties"]["credential"]["format"] == "credential");
        QVERIFY(http["parameters"]["properties"]["credential"]["x-credential-types"] == http["credentials"]);
        // The editor shows parameters in the descriptor's order, not JSON's sorted keys.
        QVERIFY2(http["parameters"]["x-order"][0] == "method" && http["parameters"]["x-order"][1] == "url", http["parameters"].dump().c_str());
        QCOMPARE(http["parameters"]["x-order"].size(), http["parameters"]["properties"].size());

        // n8n's credential ids mean nothing here: an imported node asks for one of ours.
        json n8n = {{"name", "signed"},
                    {"nodes", {{{"name", "Start"}, {"type", "n8n-nodes-base.manualTrigger"}, {"typeVersion", 1}, {"position", {0, 0}}},
                               {{"name", "Call"}, {"type", "n8n-nodes-base.httpRequest"}, {"typeVersion", 4.2}, {"position", {200, 0}},
                                {"parameters", {{"url", url}, {"authentication", "genericCredentialType"}, {"genericAuthType", "httpBasicAuth"}}},
                                {"credentials", {{"httpBasicAuth", {{"id", "7"}, {"name", "n8n basic"}}}}}}}},
                    {"connections", {{"Start", {{"main", {{{{"node", "Call"}, {"type", "main"}, {"index", 0}}}}}}}}}};
        auto imported = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, n8n);
        QCOMPARE(imported.status, 201);
        const json callNode = imported.json()["workflow"]["definition"]["nodes"][1];
        QVERIFY2(callNode["parameters"]["authentication"] == "credential" && callNode["parameters"]["credential"] == "", callNode.dump().c_str());
        QVERIFY(imported.json()["warnings"][0]["message"].get<std::string>().find("choose a stored credential") != std::string::npos);
    }

    void httpRequestNode()
    {
        FakeUpstream upstream;
        QVERIFY(upstream.listen(QHostAddress::LocalHost, 0));
        const std::string base = "http://127.0.0.1:" + std::to_string(upstream.serverPort());
        json wf = {{"nodes", {node("Start", "trigger.manual"),
                              node("Call", "core.http_request", {{"url", base + "/items/{{ $json.id }}"}, {"query", {{{"name", "q"}, {"value", "x y"}}}}})}},
                   {"edges", {edge("Start", "Call")}}};
        const QString id = create(wf);
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", {{{"id", 1}}, {{"id", 2}}}}, {"wait", true}});
        QVERIFY2(r.json()["status"] == "succeeded", r.body.constData());
        const json out = (*runOf(r.json(), "Call"))["output"][0];
        QCOMPARE(int(out.size()), 2);
        QVERIFY(out[0]["json"]["path"] == "/items/1?q=x%20y");
        QVERIFY(out[1]["json"]["ok"] == true);

        // A closed port fails the node with a message naming the URL, quickly.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        json refused = wf;
        refused["nodes"][1]["parameters"]["url"] = "http://127.0.0.1:" + std::to_string(closedPort) + "/x";
        r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(create(refused)), m_alice, {{"wait", true}});
        QVERIFY(r.json()["status"] == "failed");
        QVERIFY2(r.json()["error"].get<std::string>().find("HTTP request to http://127.0.0.1") != std::string::npos, r.body.constData());

        // A server that never answers hits the node's timeout; the retry policy tries twice.
        upstream.slow = true;
        json slow = wf;
        slow["nodes"][1]["parameters"]["timeout"] = 300;
        slow["nodes"][1]["retry"] = {{"maxTries", 2}, {"waitMs", 50}};
        const int hitsBefore = upstream.hits;
        r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(create(slow)), m_alice, {{"input", {{"id", 9}}}, {"wait", true}});
        QVERIFY(r.json()["status"] == "failed");
        QVERIFY2(r.json()["error"].get<std::string>().find("no answer within") != std::string::npos, r.body.constData());
        QCOMPARE(upstream.hits - hitsBefore, 2);
    }

    void webhooksAndResponseModes()
    {
        json wf = {{"nodes", {node("Hook", "trigger.webhook", {{"path", "orders/:shop"}, {"httpMethod", "POST"}, {"responseMode", "lastNode"}}),
                              node("Set", "core.set", {{"includeOtherFields", false},
                                                       {"fields", {{{"name", "shop"}, {"value", "{{ $json.params.shop }}"}},
                                                                   {{"name", "total"}, {"value", "{{ $json.body.qty * 3 }}"}, {"type", "number"}},
                                                                   {{"name", "agent"}, {"value", "{{ $json.headers['x-agent'] }}"}}}}})}},
                   {"edges", {edge("Hook", "Set")}}};
        const QString id = create(wf);
        // Inactive: not served.
        QCOMPARE(RawHttp::once(m_port, "POST", "/webhook/orders/lisbon", "{\"qty\":2}", {{"Content-Type", "application/json"}}).status, 404);
        auto activated = call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(id), m_alice);
        QCOMPARE(activated.status, 200);
        QVERIFY(activated.json()["active"] == true);
        auto r = RawHttp::once(m_port, "POST", "/webhook/orders/lisbon", "{\"qty\":2}", {{"Content-Type", "application/json"}, {"X-Agent", "t1"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json() == json({{"shop", "lisbon"}, {"total", 6}, {"agent", "t1"}}), r.body.constData());
        QCOMPARE(RawHttp::once(m_port, "GET", "/webhook/orders/lisbon").status, 405);
        QCOMPARE(RawHttp::once(m_port, "POST", "/webhook/orders/lisbon", "{\"qty\":", {{"Content-Type", "application/json"}}).status, 400);
        QCOMPARE(RawHttp::once(m_port, "POST", "/webhook/elsewhere", "{}", {{"Content-Type", "application/json"}}).status, 404);
        QVERIFY(call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(id), m_alice).json()["items"][0]["mode"] == "webhook");

        // Another workflow cannot take the same path.
        const QString twin = create(wf);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(twin), m_alice).status, 409);
        // A workflow without webhook or schedule cannot be activated.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(create(manualSetIf())), m_alice).status, 422);

        // Respond node: its status, headers and body.
        json responding = {{"nodes", {node("Hook", "trigger.webhook", {{"path", "ping"}, {"httpMethod", "GET"}, {"responseMode", "responseNode"}}),
                                      node("Reply", "core.respond_to_webhook", {{"respondWith", "text"}, {"responseBody", "pong {{ $json.query.n }}"},
                                                                                {"responseCode", 201}, {"responseHeaders", {{{"name", "X-Reply"}, {"value", "yes"}}}}}),
                                      node("Later", "core.wait", {{"amount", 0.2}})}},
                           {"edges", {edge("Hook", "Reply"), edge("Reply", "Later")}}};
        const QString respId = create(responding);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(respId), m_alice).status, 200);
        r = RawHttp::once(m_port, "GET", "/webhook/ping?n=3");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, QByteArray("pong 3"));
        QCOMPARE(r.header("X-Reply"), QByteArray("yes"));

        // At once: 202 and the execution id.
        json atOnce = wf;
        atOnce["nodes"][0]["parameters"] = {{"path", "later"}, {"responseMode", "onReceived"}};
        const QString laterId = create(atOnce);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(laterId), m_alice).status, 200);
        r = RawHttp::once(m_port, "POST", "/webhook/later", "{\"qty\":1}", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 202);
        QVERIFY(waitForStatus(QString::fromStdString(r.json()["execution_id"].get<std::string>()), {QStringLiteral("succeeded")})["status"] == "succeeded");

        // Deactivated: gone. Deleting an active workflow frees its path.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/deactivate").arg(id), m_alice).status, 200);
        QCOMPARE(RawHttp::once(m_port, "POST", "/webhook/orders/lisbon", "{\"qty\":2}", {{"Content-Type", "application/json"}}).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/workflows/") + laterId, m_alice).status, 204);
        QCOMPARE(RawHttp::once(m_port, "POST", "/webhook/later", "{}", {{"Content-Type", "application/json"}}).status, 404);

        // Test webhooks serve the editor's listener only.
        QCOMPARE(RawHttp::once(m_port, "POST", "/webhook-test/orders/porto", "{\"qty\":1}", {{"Content-Type", "application/json"}}).status, 404);
        auto listen = call("POST", QStringLiteral("/api/v1/workflows/%1/webhook-test").arg(id), m_alice);
        QCOMPARE(listen.status, 200);
        QVERIFY(listen.json()["webhooks"][0]["path"] == "/webhook-test/orders/:shop");
        r = RawHttp::once(m_port, "POST", "/webhook-test/orders/porto", "{\"qty\":1}", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["shop"] == "porto");
    }

    void webhookClientLeavesEarly()
    {
        json slow = {{"nodes", {node("Hook", "trigger.webhook", {{"path", "slow"}, {"responseMode", "lastNode"}}),
                                node("Pause", "core.wait", {{"amount", 0.3}})}},
                     {"edges", {edge("Hook", "Pause")}}};
        const QString id = create(slow);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(id), m_alice).status, 200);
        const QString waitWf = create({{"nodes", {node("Start", "trigger.manual"), node("Pause", "core.wait", {{"amount", 0.3}})}},
                                       {"edges", {edge("Start", "Pause")}}});
        for (int i = 0; i < 3; ++i) {
            RawHttp gone(m_port);
            QVERIFY(gone.connectToServer());
            gone.socket().write("POST /webhook/slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            QVERIFY(gone.socket().waitForBytesWritten(1000));
            RawHttp leaving(m_port);
            QVERIFY(leaving.connectToServer());
            const QByteArray body = "{\"wait\":true}";
            leaving.socket().write("POST /api/v1/workflows/" + waitWf.toUtf8() + "/execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                   + m_alice.toUtf8() + "\r\nContent-Type: application/json\r\nContent-Length: "
                                   + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(leaving.socket().waitForBytesWritten(1000));
            QTest::qWait(50);
            gone.socket().abort();
            leaving.socket().abort();
        }
        QTest::qWait(600); // the answers are due now, to sockets that are gone
        auto r = RawHttp::once(m_port, "POST", "/webhook/slow", "{}", {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(RawHttp::once(m_port, "GET", "/health").status, 200);
    }

    void liveEventsOverWebSocket()
    {
        json wf = {{"nodes", {node("Start", "trigger.manual"), node("Pause", "core.wait", {{"amount", 0.3}}), node("End", "core.noop")}},
                   {"edges", {edge("Start", "Pause"), edge("Pause", "End")}}};
        const QString id = create(wf);
        QWebSocket user;
        QStringList userFrames;
        connect(&user, &QWebSocket::textMessageReceived, this, [&](const QString &m) { userFrames << m; });
        user.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/user?token=%2").arg(m_port).arg(m_alice)));
        QTRY_VERIFY(userFrames.size() >= 1); // auth.ok

        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice);
        const QString executionId = QString::fromStdString(r.json()["execution_id"].get<std::string>());
        QWebSocket watcher;
        QList<json> frames;
        connect(&watcher, &QWebSocket::textMessageReceived, this, [&](const QString &m) { frames << json::parse(m.toStdString()); });
        watcher.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/execution/%2?token=%3").arg(m_port).arg(executionId, m_alice)));
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty() && frames.back()["type"] == "execution.finished", 5000);
        QVERIFY(frames[0]["type"] == "auth.ok");
        QVERIFY(frames[1]["type"] == "execution.snapshot");
        QVERIFY(frames[1]["data"]["execution_id"] == executionId.toStdString());
        std::vector<std::string> finishedNodes;
        for (const auto &f : frames)
            if (f["type"] == "execution.node.finished")
                finishedNodes.push_back(f["data"]["name"].get<std::string>());
        QVERIFY(std::find(finishedNodes.begin(), finishedNodes.end(), "End") != finishedNodes.end());
        QTRY_VERIFY(userFrames.back().contains(QStringLiteral("execution.finished")));

        // A finished execution still answers with its snapshot; another user's closes with 4404.
        QWebSocket late;
        QList<json> lateFrames;
        connect(&late, &QWebSocket::textMessageReceived, this, [&](const QString &m) { lateFrames << json::parse(m.toStdString()); });
        late.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/execution/%2?token=%3").arg(m_port).arg(executionId, m_alice)));
        QTRY_VERIFY(lateFrames.size() >= 2);
        QVERIFY(lateFrames[1]["data"]["status"] == "succeeded");
        QWebSocket intruder;
        QSignalSpy closed(&intruder, &QWebSocket::disconnected);
        intruder.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/execution/%2?token=%3").arg(m_port).arg(executionId, m_bob)));
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(int(intruder.closeCode()), 4404);
    }

    void queueFullAnswers503()
    {
        cleanup();
        m_db = test::freshDatabase(g_backend, m_dir.path());
        m_extraEnv.insert(QStringLiteral("WORKERS"), QStringLiteral("1"));
        m_extraEnv.insert(QStringLiteral("QUEUE_SIZE"), QStringLiteral("1"));
        startHost();
        m_alice = tokenFor(QStringLiteral("alice@example.com"));
        json busy = {{"nodes", {node("Hook", "trigger.webhook", {{"path", "busy"}}),
                                node("Burn", "core.code", {{"code", "const t = Date.now(); while (Date.now() - t < 600) {} return $input.all();"}})}},
                     {"edges", {edge("Hook", "Burn")}}};
        const QString id = create(busy);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(id), m_alice).status, 200);
        QList<int> statuses;
        QByteArray retryAfter;
        for (int i = 0; i < 4; ++i) {
            auto r = RawHttp::once(m_port, "POST", "/webhook/busy", "{}", {{"Content-Type", "application/json"}});
            statuses << r.status;
            if (r.status == 503)
                retryAfter = r.header("Retry-After");
        }
        QVERIFY2(statuses.count(202) >= 2 && statuses.count(503) >= 1, qPrintable(QString::number(statuses.count(503))));
        QCOMPARE(retryAfter, QByteArray("1"));
    }

    void waitingExecutionSurvivesRestart()
    {
        json wf = {{"nodes", {node("Start", "trigger.manual"), node("Pause", "core.wait", {{"amount", 1}}), node("End", "core.set", {{"fields", {{{"name", "resumed"}, {"value", "yes"}}}}})}},
                   {"edges", {edge("Start", "Pause"), edge("Pause", "End")}}};
        const QString id = create(wf);
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"input", {{"order", 7}}}});
        const QString executionId = QString::fromStdString(r.json()["execution_id"].get<std::string>());
        QVERIFY(waitForStatus(executionId, {QStringLiteral("waiting")})["status"] == "waiting");
        // A crash left another execution "running" in the database.
        {
            Database db(m_db.url.isSqlite() ? m_db.url : DatabaseUrl::parse(test::postgresUrl()).value(), m_db.schema);
            QVERIFY(db.exec(QStringLiteral("INSERT INTO executions (id, workflow_id, owner_id, workflow_version, status, mode, priority, created_at) "
                                           "SELECT 'crashed-1', id, owner_id, 1, 'running', 'manual', 0, '2026-01-01T00:00:00.000Z' FROM workflows WHERE id = ?"),
                            {id}).ok());
        }
        m_host.reset();
        startHost();
        const json resumed = waitForStatus(executionId, {QStringLiteral("succeeded"), QStringLiteral("failed")}, 5000);
        QVERIFY2(resumed["status"] == "succeeded", resumed.dump().c_str());
        QVERIFY((*runOf(resumed, "End"))["output"][0][0]["json"] == json({{"order", 7}, {"resumed", "yes"}}));
        const json crashed = call("GET", QStringLiteral("/api/v1/executions/crashed-1"), m_alice).json();
        QVERIFY(crashed["status"] == "failed");
        QVERIFY(crashed["error"] == "interrupted");
    }

    void importN8nWorkflow()
    {
        QFile file(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/tests/fixtures/n8n/lead-router.n8n.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const json n8n = json::parse(file.readAll().toStdString());
        auto r = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, n8n);
        QCOMPARE(r.status, 201);
        const json imported = r.json();
        QVERIFY(imported["workflow"]["name"] == "Lead router (n8n export)");
        QVERIFY(imported["workflow"]["tags"] == json::array({"sales"}));
        QVERIFY(imported["workflow"]["definition"]["settings"]["timezone"] == "America/Sao_Paulo");
        // The Slack node is reported by name and type, kept disabled with its original JSON.
        QCOMPARE(int(imported["warnings"].size()), 1);
        QVERIFY(imported["warnings"][0]["node"] == "Tell Slack");
        QVERIFY(imported["warnings"][0]["type"] == "n8n-nodes-base.slack");
        std::map<std::string, json> byName;
        for (const auto &n : imported["workflow"]["definition"]["nodes"])
            byName[n["name"].get<std::string>()] = n;
        QVERIFY(byName["Tell Slack"]["type"] == "core.unsupported" && byName["Tell Slack"]["disabled"] == true);
        QVERIFY(byName["Tell Slack"]["parameters"]["original"]["credentials"].contains("slackApi"));
        QVERIFY(byName["Sticky Note"]["type"] == "core.sticky_note");
        QVERIFY(byName["Hot lead?"]["type"] == "core.if");
        QVERIFY(byName["By country"]["type"] == "core.switch");
        QVERIFY(byName["Mark hot"]["parameters"]["fields"][1]["value"] == "{{ $json.body.email.toLowerCase() }}"); // "=" dropped

        const QString id = QString::fromStdString(imported["workflow"]["id"].get<std::string>());
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(id), m_alice).status, 200);
        auto lead = [&](const json &body) {
            return RawHttp::once(m_port, "POST", "/webhook/leads", QByteArray::fromStdString(body.dump()), {{"Content-Type", "application/json"}});
        };
        // IF false → Switch: output 0 Brazil, 1 Portugal, fallback (extra) last — n8n's ordering.
        auto br = lead({{"score", 10}, {"country", "BR"}, {"email", "A@x.com"}});
        QCOMPARE(br.status, 200);
        QVERIFY2(br.json() == json({{"queue", "latam-br"}}), br.body.constData());
        QVERIFY(lead({{"score", 10}, {"country", "PT"}}).json()["queue"] == "iberia");
        QVERIFY(lead({{"score", 10}, {"country", "JP"}}).json()["queue"] == "world");
        // IF true → Mark hot → Respond answers; the unsupported Slack node then fails the run, by name.
        auto hot = lead({{"score", 90}, {"country", "BR"}, {"email", "Boss@X.com"}});
        QCOMPARE(hot.status, 200);
        QVERIFY2(hot.json()["tier"] == "hot" && hot.json()["email"] == "boss@x.com", hot.body.constData());
        json failed;
        QTRY_VERIFY((failed = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1&status=failed").arg(id), m_alice).json())["total"] == 1);
        const json run = call("GET", QStringLiteral("/api/v1/executions/") + QString::fromStdString(failed["items"][0]["id"].get<std::string>()), m_alice).json();
        QVERIFY2(run["error"].get<std::string>().find("Tell Slack") != std::string::npos, run.dump().c_str());
        QVERIFY(run["error"].get<std::string>().find("n8n-nodes-base.slack") != std::string::npos);

        // Native round trip: export → import gives the same definition.
        auto exported = call("GET", QStringLiteral("/api/v1/workflows/%1/export").arg(id), m_alice);
        auto again = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, exported.json());
        QCOMPARE(again.status, 201);
        QVERIFY(again.json()["workflow"]["definition"] == imported["workflow"]["definition"]);
        QVERIFY(again.json()["warnings"].empty());
    }

    void importRejectsMalformedFiles()
    {
        const QString before = QString::number(call("GET", QStringLiteral("/api/v1/workflows"), m_alice).json()["total"].get<int>());
        const json bad[] = {
            json::array({1, 2}),
            {{"hello", "world"}},
            {{"nodes", {{{"name", "A"}}}}, {"connections", json::object()}},                           // node without type
            {{"nodes", {{{"name", "A"}, {"type", "n8n-nodes-base.noOp"}}}}, {"connections", json::array()}}, // connections not an object
            {{"definition", {{"nodes", {{{"id", "x"}, {"type", "core.nope"}}}}}}},                           // native, unknown type
        };
        for (const auto &body : bad) {
            auto r = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, body);
            QVERIFY2(r.status == 422, (body.dump() + " -> " + std::to_string(r.status)).c_str());
            QVERIFY(r.json()["detail"].is_array());
        }
        auto malformed = RawHttp::once(m_port, "POST", "/api/v1/workflows/import", "{\"nodes\": [",
                                       {{"Authorization", "Bearer " + m_alice.toUtf8()}, {"Content-Type", "application/json"}});
        QCOMPARE(malformed.status, 400);
        // A dangling connection is dropped with a warning, not a failure.
        json dangling = {{"name", "d"}, {"nodes", {{{"name", "Start"}, {"type", "n8n-nodes-base.manualTrigger"}}}},
                         {"connections", {{"Start", {{"main", {{{{"node", "Ghost"}, {"type", "main"}, {"index", 0}}}}}}}}}};
        auto r = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, dangling);
        QCOMPARE(r.status, 201);
        QVERIFY(r.json()["warnings"][0]["message"].get<std::string>().find("Ghost") != std::string::npos);
        QCOMPARE(QString::number(call("GET", QStringLiteral("/api/v1/workflows"), m_alice).json()["total"].get<int>() - 1), before);
    }

    void executeWorkflowNode()
    {
        json child = {{"nodes", {node("Called", "trigger.execute_workflow"),
                                 node("Price", "core.set", {{"fields", {{{"name", "price"}, {"value", "{{ $json.qty * 10 }}"}, {"type", "number"}}}}})}},
                      {"edges", {edge("Called", "Price")}}};
        const QString childId = create(child);
        json parent = {{"nodes", {node("Start", "trigger.manual"),
                                  node("Call", "core.execute_workflow", {{"workflowId", childId.toStdString()}}),
                                  node("Each", "core.execute_workflow", {{"workflowId", childId.toStdString()}, {"mode", "each"}}),
                                  node("Fire", "core.execute_workflow", {{"workflowId", childId.toStdString()}, {"waitForCompletion", false}})}},
                       {"edges", {edge("Start", "Call"), edge("Start", "Each"), edge("Start", "Fire")}}};
        const QString parentId = create(parent);
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(parentId), m_alice,
                      {{"input", {{{"qty", 1}}, {{"qty", 3}}}}, {"wait", true}});
        QVERIFY2(r.json()["status"] == "succeeded", r.body.constData());
        const json called = (*runOf(r.json(), "Call"))["output"][0];
        QVERIFY(called.size() == 2 && called[1]["json"]["price"] == 30);
        QVERIFY((*runOf(r.json(), "Each"))["output"][0].size() == 2);
        QVERIFY((*runOf(r.json(), "Fire"))["output"][0][0]["json"] == json({{"qty", 1}})); // passes its items on
        // The sub-workflow runs are recorded as their own executions (1 + 2 + 1).
        QTRY_VERIFY(call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1&status=succeeded").arg(childId), m_alice).json()["total"] == 4);
        // Bob cannot call Alice's workflow; a failing sub-workflow fails the caller by name.
        const QString bobs = create({{"nodes", {node("Start", "trigger.manual"), node("Call", "core.execute_workflow", {{"workflowId", childId.toStdString()}})}},
                                     {"edges", {edge("Start", "Call")}}}, m_bob);
        r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(bobs), m_bob, {{"wait", true}});
        QVERIFY(r.json()["status"] == "failed");
        QVERIFY2(r.json()["error"].get<std::string>().find("did not start") != std::string::npos, r.body.constData());
        // A workflow that calls itself stops at the nesting limit instead of running forever.
        const QString loopId = create({{"nodes", {node("Called", "trigger.execute_workflow"), node("Again", "core.execute_workflow", {{"workflowId", "SELF"}})}},
                                       {"edges", {edge("Called", "Again")}}});
        json self = {{"nodes", {node("Called", "trigger.execute_workflow"), node("Again", "core.execute_workflow", {{"workflowId", loopId.toStdString()}})}},
                     {"edges", {edge("Called", "Again")}}};
        auto current = call("GET", QStringLiteral("/api/v1/workflows/") + loopId, m_alice).json();
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/workflows/") + loopId, m_alice, {{"name", "loop"}, {"definition", self}, {"version", current["version"]}}).status, 200);
        const QString starter = create({{"nodes", {node("Start", "trigger.manual"), node("Go", "core.execute_workflow", {{"workflowId", loopId.toStdString()}})}},
                                        {"edges", {edge("Start", "Go")}}});
        r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(starter), m_alice, {{"wait", true}});
        QVERIFY(r.json()["status"] == "failed");
        QVERIFY2(r.json()["error"].get<std::string>().find("nested more than 10 deep") != std::string::npos, r.body.constData());
    }

    void savePolicyAndPruning()
    {
        // saveData "errors": successes leave no record, failures do; "none": nothing.
        json quiet = manualSetIf();
        quiet["settings"] = {{"saveData", "errors"}};
        const QString quietId = create(quiet);
        auto r = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(quietId), m_alice, {{"wait", true}});
        QVERIFY(r.json()["status"] == "succeeded");
        json failing = {{"nodes", {node("Start", "trigger.manual"), node("Boom", "core.stop_and_error", {{"errorMessage", "kept"}})}},
                        {"edges", {edge("Start", "Boom")}}, {"settings", {{"saveData", "errors"}}}};
        const QString failingId = create(failing);
        call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(failingId), m_alice, {{"wait", true}});
        QVERIFY(call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(quietId), m_alice).json()["total"] == 0);
        const json kept = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(failingId), m_alice).json();
        QVERIFY(kept["total"] == 1);
        QVERIFY(call("GET", QStringLiteral("/api/v1/executions/") + QString::fromStdString(kept["items"][0]["id"].get<std::string>()), m_alice)
                    .json()["nodes"].size() == 2);

        // pruneMaxCount: only the newest N ended executions stay.
        json pruned = manualSetIf();
        pruned["settings"] = {{"pruneMaxCount", 2}};
        const QString prunedId = create(pruned);
        for (int i = 0; i < 3; ++i)
            call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(prunedId), m_alice, {{"wait", true}});
        QTest::qWait(5200); // pruning runs at most every 5 s per workflow
        const json last = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(prunedId), m_alice, {{"wait", true}}).json();
        QTRY_VERIFY(call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(prunedId), m_alice).json()["total"] == 2);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/executions/") + QString::fromStdString(last["id"].get<std::string>()), m_alice).status, 200);
    }

    void schedulesFireOncePerTick()
    {
        json wf = {{"nodes", {node("Every", "trigger.schedule", {{"mode", "cron"}, {"cron", "* * * * * *"}}), node("Stamp", "core.noop")}},
                   {"edges", {edge("Every", "Stamp")}}};
        const QString id = create(wf);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/activate").arg(id), m_alice).status, 200);
        QTest::qWait(2600);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/workflows/%1/deactivate").arg(id), m_alice).status, 200);
        const json list = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(id), m_alice).json();
        QVERIFY2(list["total"].get<int>() >= 2 && list["total"].get<int>() <= 3, list.dump().c_str());
        QVERIFY(list["items"][0]["mode"] == "schedule");
        // Each tick is claimed once: a second claim of a fired tick fails.
        Database db(m_db.url.isSqlite() ? m_db.url : DatabaseUrl::parse(test::postgresUrl()).value(), m_db.schema);
        auto ticks = db.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT tick) FROM schedule_ticks WHERE workflow_id = ?"), {id});
        QVERIFY(ticks && ticks->next());
        QCOMPARE(ticks->value(0).toInt(), ticks->value(1).toInt());
        QCOMPARE(ticks->value(0).toInt(), list["total"].get<int>());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return test::runOnEveryDatabase(argc, argv, g_backend, [](int c, char **v) {
        TestExecutions test;
        return QTest::qExec(&test, c, v);
    });
}

#include "tst_executions.moc"
