// The AI API over HTTP on 127.0.0.1, on SQLite and PostgreSQL, against a fake provider on
// loopback: provider discovery, one-shot and streamed chat, errors a person can act on,
// clients that leave mid-stream, encrypted credentials owned by one user, and usage totals.
#include "api/backendhost.h"
#include "storage/database.h"
#include "support/apihost.h"
#include "support/fakeprovider.h"
#include "support/rawhttp.h"
#include "support/testsupport.h"

#include <QFile>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

#include <memory>
#include <set>

using namespace synapscale;
using nlohmann::json;
using test::FakeProvider;
using test::FakeReply;
using test::RawHttp;
using test::RawResponse;

namespace {
QString g_backend = QStringLiteral("sqlite");
const QString kEncryptionKey = QStringLiteral("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="); // base64 of 32 bytes
const QStringList kDeltas = {QStringLiteral("Olá"), QStringLiteral(", mundo "), QStringLiteral("🚀")};

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

FakeReply sseReply(QByteArray body)
{
    FakeReply r;
    r.pieces = {std::move(body)};
    return r;
}

// The `data:` payloads of an SSE body.
QList<json> sseEvents(const QByteArray &body)
{
    QList<json> out;
    for (const QByteArray &block : body.split('\n')) {
        if (block.startsWith("data: "))
            out.append(json::parse(block.mid(6).toStdString(), nullptr, false));
    }
    return out;
}
} // namespace

class TestAi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestDatabase m_db;
    std::unique_ptr<BackendHost> m_host;
    std::unique_ptr<FakeProvider> m_fake;
    quint16 m_port = 0;
    QString m_alice;
    QString m_bob;

    RawResponse call(const QByteArray &method, const QString &path, const QString &token, const json &body = nullptr)
    {
        return test::callApi(m_port, method, path, token, body);
    }

    void start(QHash<QString, QString> env)
    {
        m_host.reset();
        env.insert(QStringLiteral("OPENAI_BASE_URL"), m_fake->url(QStringLiteral("/v1")));
        env.insert(QStringLiteral("ANTHROPIC_BASE_URL"), m_fake->url());
        env.insert(QStringLiteral("GOOGLE_BASE_URL"), m_fake->url());
        if (!env.contains(QStringLiteral("OLLAMA_BASE_URL")))
            env.insert(QStringLiteral("OLLAMA_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
        env.insert(QStringLiteral("LLM_TIMEOUT_SECONDS"), QStringLiteral("5"));
        m_host = test::startHost(m_db, env, &m_port);
        QVERIFY(m_host);
    }

    json chatBody(const char *provider = "openai", bool stream = false)
    {
        return {{"provider", provider}, {"model", "gpt-4o-mini"}, {"stream", stream},
                {"messages", {{{"role", "system"}, {"content", "Be brief."}}, {{"role", "user"}, {"content", "Olá!"}}}}};
    }

    // The frames a /ws/user client receives.
    struct UserSocket {
        QWebSocket socket;
        QList<json> frames;
        bool open(quint16 port, const QString &token)
        {
            QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
                frames.append(json::parse(text.toStdString(), nullptr, false));
            });
            socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/user?token=%2").arg(port).arg(token)));
            return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
        }
        QList<json> ofType(const std::string &type) const
        {
            QList<json> out;
            for (const auto &f : frames)
                if (f.value("type", std::string()) == type)
                    out.append(f);
            return out;
        }
    };

    QString conversation(const QString &token, const json &body)
    {
        auto r = call("POST", QStringLiteral("/api/v1/conversations"), token, body);
        if (r.status != 201)
            qWarning("conversation: %d %s", r.status, r.body.constData());
        return QString::fromStdString(r.json().value("id", std::string()));
    }

    json history(const QString &id, const QString &token)
    {
        return call("GET", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), token).json();
    }

private Q_SLOTS:
    void init()
    {
        m_fake = std::make_unique<FakeProvider>();
        m_db = test::freshDatabase(g_backend, m_dir.path());
        start({{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-env-secret-123")}, {QStringLiteral("ENCRYPTION_KEY"), kEncryptionKey}});
        m_alice = test::signUp(*m_host, QStringLiteral("alice@example.com"), QStringLiteral("Ai-Tester-Pass-77"));
        m_bob = test::signUp(*m_host, QStringLiteral("bob@example.com"), QStringLiteral("Ai-Tester-Pass-77"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
    }

    void cleanup()
    {
        m_host.reset();
        m_fake.reset();
        test::dropSchema(m_db);
    }

    void providersListEveryProviderWithoutKeys()
    {
        QCOMPARE(RawHttp::once(m_port, "GET", "/api/v1/llm/providers").status, 401);
        m_fake->always("/v1/models", FakeReply::json(200, {{"object", "list"}, {"data", {{{"id", "gpt-4o-mini"}}, {{"id", "gpt-4o"}}}}}));
        auto r = call("GET", QStringLiteral("/api/v1/llm/providers"), m_alice);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains("sk-env-secret-123"));
        std::map<std::string, json> byId;
        const json listed = r.json();
        for (const auto &p : listed["items"])
            byId[p["id"]] = p;
        QCOMPARE(byId.size(), std::size_t(4));
        QVERIFY(byId["openai"]["configured"] == true);
        QVERIFY(byId["openai"]["key_source"] == "environment");
        QVERIFY(byId["openai"]["models"] == json({"gpt-4o-mini", "gpt-4o"}));
        QVERIFY(byId["anthropic"]["configured"] == false);
        QVERIFY(byId["google"]["configured"] == false);
        QVERIFY(byId["ollama"]["configured"] == false); // nothing listens on its port
        QCOMPARE(m_fake->requests().first().headers.value("authorization"), QByteArray("Bearer sk-env-secret-123"));

        // A local Ollama is found without any configuration.
        FakeProvider ollama;
        ollama.always("/api/tags", FakeReply::json(200, {{"models", {{{"name", "llama3.2:latest"}}, {{"name", "qwen2.5:7b"}}}}}));
        start({{QStringLiteral("OLLAMA_BASE_URL"), ollama.url()}, {QStringLiteral("ENCRYPTION_KEY"), kEncryptionKey}});
        r = call("GET", QStringLiteral("/api/v1/llm/providers"), m_alice);
        QCOMPARE(r.status, 200);
        const json detected = r.json();
        for (const auto &p : detected["items"]) {
            if (p["id"] == "ollama") {
                QVERIFY(p["configured"] == true);
                QVERIFY(p["key_source"] == "detected");
                QVERIFY(p["models"] == json({"llama3.2:latest", "qwen2.5:7b"}));
            } else {
                QVERIFY(p["configured"] == false); // no keys in this start
            }
        }
    }

    void chatAnswersWholeWithUsageAndCost()
    {
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 1000, 2000)));
        auto r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody());
        QCOMPARE(r.status, 200);
        const json j = r.json();
        QVERIFY(j["provider"] == "openai");
        QVERIFY(j["model"] == "gpt-4o-mini");
        QCOMPARE(QString::fromStdString(j["message"]["content"].get<std::string>()), kDeltas.join(QString()));
        QVERIFY(j["message"]["role"] == "assistant");
        QVERIFY(j["finish_reason"] == "stop");
        QVERIFY(j["usage"]["input_tokens"] == 1000);
        QVERIFY(j["usage"]["output_tokens"] == 2000);
        // gpt-4o-mini: $0.15 in, $0.60 out per million tokens (resources/ai/prices.json).
        QVERIFY(std::abs(j["usage"]["cost_usd"].get<double>() - (1000 * 0.15 + 2000 * 0.6) / 1e6) < 1e-12);
        const json sent = m_fake->requests().first().json();
        QVERIFY(sent["messages"][1]["content"] == "Olá!");
    }

    void chatStreamsServerSentEvents()
    {
        FakeReply reply = sseReply(FakeProvider::openAiText(kDeltas, 5, 7));
        reply.splitEvery(5);
        m_fake->enqueue(reply);
        auto r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody("openai", true));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/event-stream"));
        QVERIFY(!r.header("X-Request-Id").isEmpty());
        const QList<json> events = sseEvents(r.body);
        QVERIFY(events.size() >= 2);
        QString text;
        for (int i = 0; i + 1 < events.size(); ++i) {
            QVERIFY(events[i]["type"] == "delta");
            text += QString::fromStdString(events[i]["text"].get<std::string>());
        }
        QCOMPARE(text, kDeltas.join(QString()));
        QVERIFY(events.last()["type"] == "done");
        QVERIFY(events.last()["usage"]["output_tokens"] == 7);
        QCOMPARE(QString::fromStdString(events.last()["message"]["content"].get<std::string>()), text);

        // The connection stays usable afterwards (the chunked body ended properly).
        RawHttp client(m_port);
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + m_alice.toUtf8()}};
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 5, 7)));
        auto first = client.request("POST", "/api/v1/llm/chat", QByteArray::fromStdString(chatBody("openai", true).dump()), auth);
        QCOMPARE(first.status, 200);
        auto second = client.request("GET", "/api/v1/llm/usage", {}, auth);
        QCOMPARE(second.status, 200);
    }

    void providerFailuresAreExplained()
    {
        // A provider without a key says where to add one.
        auto r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody("anthropic"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.json()["code"] == "provider_not_configured");
        QVERIFY(QString::fromStdString(r.json()["detail"].get<std::string>()).contains(QStringLiteral("Settings")));
        r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody("nope"));
        QCOMPARE(r.status, 422);

        // The provider refuses the key: 502 with its words, never the key.
        m_fake->enqueue(FakeReply::json(401, {{"error", {{"message", "Incorrect API key provided: sk-env-***123"}}}}));
        r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody());
        QCOMPARE(r.status, 502);
        QVERIFY(r.json()["code"] == "provider_auth");
        QVERIFY(!r.body.contains("sk-env-secret-123"));

        // Mid-stream failure: the partial reply and the error arrive as the last event.
        QByteArray stream = FakeProvider::openAiText(kDeltas, 5, 7);
        FakeReply cut = sseReply(stream.left(stream.indexOf("\n\n", stream.indexOf(kDeltas[1].toUtf8())) + 2));
        cut.drop = true;
        m_fake->enqueue(cut);
        r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody("openai", true));
        QCOMPARE(r.status, 200);
        const QList<json> events = sseEvents(r.body);
        QVERIFY(!events.isEmpty());
        QVERIFY(events.last()["type"] == "error");
        QVERIFY(events.last()["detail"].is_string());
        QCOMPARE(QString::fromStdString(events.last()["message"]["content"].get<std::string>()), kDeltas[0] + kDeltas[1]);

        // 503 from the provider three times: retried, then reported.
        for (int i = 0; i < 3; ++i)
            m_fake->enqueue(FakeReply::json(503, {{"error", {{"message", "overloaded"}}}}));
        const int before = m_fake->requests().size();
        r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody());
        QCOMPARE(r.status, 502);
        QVERIFY(r.json()["code"] == "provider_unavailable");
        QCOMPARE(m_fake->requests().size() - before, 3);
    }

    void badChatBodiesAre422()
    {
        const QList<json> bad{
            json::object(),
            {{"messages", json::array()}},
            {{"messages", "hi"}},
            {{"messages", {{{"role", "robot"}, {"content", "x"}}}}},
            {{"messages", {{{"role", "user"}, {"content", 5}}}}},
            {{"messages", {{{"role", "tool"}, {"content", "x"}}}}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"temperature", 9}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"temperature", "hot"}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"max_tokens", 0}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"tools", {{{"description", "no name"}}}}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"response_format", {{"type", "yaml"}}}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"response_format", {{"type", "json_schema"}}}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"stream", "yes"}},
            {{"messages", {{{"role", "user"}, {"content", "x"}}}}, {"surprise", true}},
            {{"provider", "openai"}, {"messages", {{{"role", "user"}, {"content", "x"}}}}}, // no model, no default
        };
        for (const json &body : bad) {
            auto r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, body);
            QVERIFY2(r.status == 422, qPrintable(QString::fromStdString(body.dump()) + QStringLiteral(" → ") + QString::number(r.status)));
            QVERIFY(r.json()["detail"].is_array());
        }
        auto r = RawHttp::once(m_port, "POST", "/api/v1/llm/chat", "{not json", {{"Authorization", "Bearer " + m_alice.toUtf8()}});
        QCOMPARE(r.status, 400);
        QCOMPARE(m_fake->requests().size(), 0); // nothing reached the provider
    }

    void clientLeavingMidStreamClosesTheProviderConnection()
    {
        FakeReply slow = sseReply(FakeProvider::openAiText(kDeltas, 5, 7));
        slow.splitEvery(8);
        slow.gapMs = 150;
        m_fake->enqueue(slow);
        RawHttp client(m_port);
        QVERIFY(client.connectToServer());
        const QByteArray body = QByteArray::fromStdString(chatBody("openai", true).dump());
        client.socket().write("POST /api/v1/llm/chat HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_alice.toUtf8() +
                              "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray received;
        QVERIFY(QTest::qWaitFor([&] {
            received += client.socket().readAll();
            return received.contains("\"delta\"");
        }, 5000));
        client.socket().abort();
        QVERIFY(QTest::qWaitFor([&] { return m_fake->clientDisconnects() == 1; }, 5000));
        // The server is fine afterwards.
        QCOMPARE(call("GET", QStringLiteral("/api/v1/llm/usage"), m_alice).status, 200);
    }

    void credentialsAreEncryptedAndPrivate()
    {
        auto r = call("POST", QStringLiteral("/api/v1/credentials"), m_alice,
                      {{"name", "My OpenAI"}, {"type", "openai"}, {"data", {{"api_key", "sk-user-very-secret-456"}, {"default_model", "gpt-4o"}}}});
        QCOMPARE(r.status, 201);
        const std::string id = r.json()["id"];
        QVERIFY(!r.body.contains("sk-user-very-secret-456"));
        QVERIFY(r.json()["fields"] == json({"api_key", "default_model"}));

        // Stored encrypted: the secret is nowhere in the table.
        Database db(m_db.url, m_db.schema);
        auto row = db.exec(QStringLiteral("SELECT secret, fields FROM credentials WHERE id = ?"), {QString::fromStdString(id)});
        QVERIFY(row && row->next());
        QVERIFY(!row->value(0).toString().contains(QStringLiteral("sk-user")));
        QVERIFY(row->value(0).toString().size() > 40);

        QCOMPARE(call("GET", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_bob).status, 404);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_bob).status, 404);
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_bob, {{"name", "mine"}}).status, 404);
        auto list = call("GET", QStringLiteral("/api/v1/credentials"), m_bob);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json()["total"] == 0);
        list = call("GET", QStringLiteral("/api/v1/credentials"), m_alice);
        QVERIFY(list.json()["total"] == 1);
        QVERIFY(!list.body.contains("sk-user"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/credentials"), m_alice, {{"name", "My OpenAI"}, {"type", "openai"}, {"data", {{"api_key", "x"}}}}).status, 409);

        // Alice's key now signs her calls; Bob's still use the instance's key.
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 1, 1)));
        json body = chatBody();
        body.erase("model"); // the credential's default model is used
        r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, body);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["model"] == "gpt-4o");
        QCOMPARE(m_fake->requests().last().headers.value("authorization"), QByteArray("Bearer sk-user-very-secret-456"));
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 1, 1)));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/llm/chat"), m_bob, chatBody()).status, 200);
        QCOMPARE(m_fake->requests().last().headers.value("authorization"), QByteArray("Bearer sk-env-secret-123"));

        // Update keeps fields not sent; null removes an optional one; a required one cannot go.
        r = call("PUT", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_alice, {{"data", {{"default_model", nullptr}}}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["fields"] == json({"api_key"}));
        r = call("PUT", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_alice, {{"data", {{"api_key", nullptr}}}});
        QCOMPARE(r.status, 422);
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 1, 1)));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody()).status, 200);
        QCOMPARE(m_fake->requests().last().headers.value("authorization"), QByteArray("Bearer sk-user-very-secret-456"));

        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_alice).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/credentials/%1").arg(QString::fromStdString(id)), m_alice).status, 404);
    }

    void badCredentialsAre422AndNothingIsLost()
    {
        auto r = call("POST", QStringLiteral("/api/v1/credentials"), m_alice, {{"name", "keep"}, {"type", "http_bearer"}, {"data", {{"token", "t0ken-kept"}}}});
        QCOMPARE(r.status, 201);
        const QList<json> bad{
            {{"name", "a"}, {"type", "openai"}, {"data", json::object()}},                      // required field missing
            {{"name", "a"}, {"type", "martian"}, {"data", {{"api_key", "x"}}}},                 // unknown type
            {{"name", "a"}, {"type", "openai"}, {"data", {{"api_key", 5}}}},                    // not text
            {{"name", "a"}, {"type", "openai"}, {"data", {{"api_key", "x"}, {"pin", "1"}}}},    // not a field of the type
            {{"name", "a"}, {"type", "openai"}, {"data", "sk-123"}},                            // not an object
            {{"name", "a"}, {"type", "openai_compatible"}, {"data", {{"base_url", "ftp://x"}}}}, // not http(s)
            {{"name", ""}, {"type", "openai"}, {"data", {{"api_key", "x"}}}},
            {{"type", "openai"}, {"data", {{"api_key", "x"}}}},
            {{"name", "a"}, {"type", "openai"}},
        };
        for (const json &body : bad) {
            r = call("POST", QStringLiteral("/api/v1/credentials"), m_alice, body);
            QVERIFY2(r.status == 422, qPrintable(QString::fromStdString(body.dump()) + QStringLiteral(" → ") + QString::number(r.status)));
        }
        const json list = call("GET", QStringLiteral("/api/v1/credentials"), m_alice).json();
        QVERIFY(list["total"] == 1);
        QVERIFY(list["items"][0]["name"] == "keep");
        auto types = call("GET", QStringLiteral("/api/v1/credentials/types"), m_alice);
        QCOMPARE(types.status, 200);
        QVERIFY(types.json().size() >= 8);

        // Without an encryption key nothing secret is stored, and what was stored stays.
        start({});
        r = call("POST", QStringLiteral("/api/v1/credentials"), m_alice, {{"name", "b"}, {"type", "http_bearer"}, {"data", {{"token", "x"}}}});
        QCOMPARE(r.status, 503);
        QVERIFY(r.json()["code"] == "encryption_unavailable");
        QVERIFY(call("GET", QStringLiteral("/api/v1/credentials"), m_alice).json()["total"] == 1);
    }

    void customOpenAiCompatibleServerIsAProvider()
    {
        FakeProvider local;
        auto r = call("POST", QStringLiteral("/api/v1/credentials"), m_alice,
                      {{"name", "LM Studio"}, {"type", "openai_compatible"}, {"data", {{"base_url", local.url(QStringLiteral("/v1/")).toStdString()}, {"default_model", "qwen2.5-7b"}}}});
        QCOMPARE(r.status, 201);
        const std::string id = r.json()["id"];
        local.always("/v1/models", FakeReply::json(200, {{"data", {{{"id", "qwen2.5-7b"}}}}}));
        local.enqueue(sseReply(FakeProvider::openAiText(kDeltas, 3, 4)));
        const json providers = call("GET", QStringLiteral("/api/v1/llm/providers"), m_alice).json();
        bool listed = false;
        for (const auto &p : providers["items"])
            if (p["id"] == id) {
                listed = p["name"] == "LM Studio" && p["configured"] == true && p["models"] == json({"qwen2.5-7b"});
            }
        QVERIFY(listed);
        json body = chatBody(id.c_str());
        body.erase("model");
        r = call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, body);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["model"] == "qwen2.5-7b");
        QVERIFY(r.json()["usage"]["cost_usd"] == 0.0); // a local server costs nothing
        QCOMPARE(local.requests().last().target, QByteArray("/v1/chat/completions"));
        // Bob cannot use Alice's server.
        QCOMPARE(call("POST", QStringLiteral("/api/v1/llm/chat"), m_bob, chatBody(id.c_str())).status, 422);
    }

    void agentsAreValidatedAndPrivate()
    {
        const json agent = {{"name", "Helper"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}, {"system_prompt", "You help."},
                            {"temperature", 0.3}, {"tools", {{{"type", "builtin"}, {"name", "calculator"}}, {{"type", "builtin"}, {"name", "current_time"}}}}};
        auto r = call("POST", QStringLiteral("/api/v1/agents"), m_alice, agent);
        QCOMPARE(r.status, 201);
        const std::string id = r.json()["id"];
        QVERIFY(r.json()["memory_window"] == 20);
        QVERIFY(r.json()["max_iterations"] == 8);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/agents/%1").arg(QString::fromStdString(id)), m_bob).status, 404);
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/agents/%1").arg(QString::fromStdString(id)), m_bob, {{"name", "x"}}).status, 404);
        QVERIFY(call("GET", QStringLiteral("/api/v1/agents"), m_bob).json()["total"] == 0);

        // A workflow of another user cannot become a tool.
        auto wf = call("POST", QStringLiteral("/api/v1/workflows"), m_bob, {{"name", "Bob's"}, {"definition", {{"nodes", {{{"id", "t"}, {"name", "t"}, {"type", "trigger.execute_workflow"}}}}, {"edges", json::array()}}}});
        QCOMPARE(wf.status, 201);
        const QList<json> bad{
            {{"name", ""}},
            {{"description", "no name"}},
            {{"name", "a"}, {"temperature", 3}},
            {{"name", "a"}, {"provider", "martian"}},
            {{"name", "a"}, {"tools", {{{"type", "builtin"}, {"name", "rm_rf"}}}}},
            {{"name", "a"}, {"tools", {{{"type", "shell"}}}}},
            {{"name", "a"}, {"tools", {{{"type", "http"}, {"url", "file:///etc/passwd"}}}}},
            {{"name", "a"}, {"tools", {{{"type", "workflow"}, {"workflow_id", wf.json()["id"]}}}}},
            {{"name", "a"}, {"tools", {{{"type", "builtin"}, {"name", "calculator"}}, {{"type", "builtin"}, {"name", "calculator"}}}}},
            {{"name", "a"}, {"max_iterations", 0}},
            {{"name", "a"}, {"memory_window", "all"}},
            {{"name", "a"}, {"colour", "blue"}},
        };
        for (const json &body : bad) {
            r = call("POST", QStringLiteral("/api/v1/agents"), m_alice, body);
            QVERIFY2(r.status == 422, qPrintable(QString::fromStdString(body.dump()) + QStringLiteral(" → ") + QString::number(r.status)));
        }
        r = call("PUT", QStringLiteral("/api/v1/agents/%1").arg(QString::fromStdString(id)), m_alice, {{"max_iterations", 3}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["max_iterations"] == 3);
        QVERIFY(r.json()["name"] == "Helper"); // kept
        QVERIFY(call("GET", QStringLiteral("/api/v1/agents"), m_alice).json()["total"] == 1);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/agents/%1").arg(QString::fromStdString(id)), m_alice).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/agents/%1").arg(QString::fromStdString(id)), m_alice).status, 404);
    }

    void conversationReplyStreamsOverWebSocket()
    {
        UserSocket ws;
        QVERIFY(ws.open(m_port, m_alice));
        const QString id = conversation(m_alice, {{"provider", "openai"}, {"model", "gpt-4o-mini"}});
        FakeReply reply = sseReply(FakeProvider::openAiText(kDeltas, 10, 20));
        reply.splitEvery(9);
        m_fake->enqueue(reply);
        auto r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_alice, {{"content", "Tell me something nice\nplease"}});
        QCOMPARE(r.status, 202);
        const std::string replyId = r.json()["reply_message_id"];
        QVERIFY(QTest::qWaitFor([&] { return !ws.ofType("message.completed").isEmpty(); }, 5000));
        const QList<json> created = ws.ofType("message.created");
        QCOMPARE(created.size(), 2);
        QVERIFY(created[0]["data"]["role"] == "user");
        QVERIFY(created[1]["data"]["status"] == "streaming");
        QString streamed;
        for (const auto &d : ws.ofType("message.delta")) {
            QVERIFY(d["data"]["message_id"] == replyId);
            streamed += QString::fromStdString(d["data"]["text"].get<std::string>());
        }
        QCOMPARE(streamed, kDeltas.join(QString()));
        const json completed = ws.ofType("message.completed").first()["data"];
        QVERIFY(completed["message"]["status"] == "complete");
        QVERIFY(completed["title"] == "Tell me something nice");
        QVERIFY(completed["message"]["usage"]["output_tokens"] == 20);

        const json h = history(id, m_alice);
        QCOMPARE(h["items"].size(), std::size_t(2));
        QVERIFY(h["items"][1]["content"] == kDeltas.join(QString()).toStdString());
        QVERIFY(h["has_more"] == false);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations/%1").arg(id), m_alice).json()["title"] == "Tell me something nice");
        // What the provider was sent: the user's words.
        QVERIFY(m_fake->requests().last().json()["messages"].back()["content"] == "Tell me something nice\nplease");

        // Bob sees none of it.
        QCOMPARE(call("GET", QStringLiteral("/api/v1/conversations/%1").arg(id), m_bob).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_bob).status, 404);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_bob, {{"content", "hi"}}).status, 404);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations"), m_bob).json()["total"] == 0);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations?search=nice"), m_alice).json()["total"] == 1);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations?search=zebra"), m_alice).json()["total"] == 0);
        // The reply's words are searched too; LIKE wildcards typed by the user match literally.
        QVERIFY(kDeltas.join(QString()).contains(QLatin1String("mundo")));
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations?search=MUNDO"), m_alice).json()["total"] == 1);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations?search=%25"), m_alice).json()["total"] == 0);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations?search=_"), m_alice).json()["total"] == 0);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations?search=zebra"), m_bob).json()["total"] == 0);
    }

    void chatTriggerWorkflowsAnswerConversations()
    {
        // Echoes the message and counts what came before; no model involved.
        const json echo = {{"nodes", {{{"id", "c"}, {"name", "Chat"}, {"type", "trigger.chat"}},
                                      {{"id", "s"}, {"name", "Answer"}, {"type", "core.set"},
                                       {"parameters", {{"includeOtherFields", false},
                                                       {"fields", {{{"name", "output"}, {"value", "Echo: {{ $json.message }} ({{ $json.history.length }} before, {{ $json.chatInput }})"}}}}}}}}},
                           {"edges", {{{"from", "c"}, {"to", "s"}}}}};
        auto wf = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "Echo"}, {"definition", echo}});
        QCOMPARE(wf.status, 201);
        const json workflowId = wf.json()["id"];
        const QString id = conversation(m_alice, {{"workflow_id", workflowId}});
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations/%1").arg(id), m_alice).json()["workflow_id"] == workflowId);
        const int before = int(m_fake->requests().size());

        auto r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "hello"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json()["content"] == "Echo: hello (0 before, hello)", r.json().dump().c_str());
        QVERIFY(r.json()["status"] == "complete");
        r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "again"}});
        QVERIFY2(r.json()["content"] == "Echo: again (2 before, again)", r.json().dump().c_str());
        QCOMPARE(int(m_fake->requests().size()), before); // no provider was asked
        // Each message ran the workflow from its Chat Trigger, as executions of mode "chat".
        const json executions = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(QString::fromStdString(workflowId.get<std::string>())), m_alice).json();
        QVERIFY2(executions["total"] == 2, executions.dump().c_str());
        QVERIFY(executions["items"][0]["mode"] == "chat");
        QCOMPARE(history(id, m_alice)["items"].size(), std::size_t(4));

        // A reply_field names the field; a failing workflow leaves the user's message and says why.
        const json failing = {{"nodes", {{{"id", "c"}, {"name", "Chat"}, {"type", "trigger.chat"}, {"parameters", {{"reply_field", "answer"}}}},
                                         {{"id", "x"}, {"name", "Refuse"}, {"type", "core.stop_and_error"}, {"parameters", {{"errorMessage", "Nobody is on duty"}}}}}},
                              {"edges", {{{"from", "c"}, {"to", "x"}}}}};
        auto bad = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "Closed desk"}, {"definition", failing}});
        QCOMPARE(bad.status, 201);
        const QString closed = conversation(m_alice, {{"workflow_id", bad.json()["id"]}});
        r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(closed), m_alice, {{"content", "anyone?"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["status"] == "error");
        QVERIFY2(r.json()["error"].get<std::string>().find("Nobody is on duty") != std::string::npos, r.json().dump().c_str());
        const json kept = history(closed, m_alice);
        QCOMPARE(kept["items"].size(), std::size_t(2));
        QVERIFY(kept["items"][0]["content"] == "anyone?");

        const json picking = {{"nodes", {{{"id", "c"}, {"name", "Chat"}, {"type", "trigger.chat"}, {"parameters", {{"reply_field", "answer"}}}},
                                         {{"id", "s"}, {"name", "Both"}, {"type", "core.set"},
                                          {"parameters", {{"fields", {{{"name", "output"}, {"value", "not this"}}, {{"name", "answer"}, {"value", "this one"}}}}}}}}},
                              {"edges", {{{"from", "c"}, {"to", "s"}}}}};
        auto pick = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "Picks a field"}, {"definition", picking}});
        const QString picked = conversation(m_alice, {{"workflow_id", pick.json()["id"]}});
        r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(picked), m_alice, {{"content", "which?"}});
        QVERIFY2(r.json()["content"] == "this one", r.json().dump().c_str());

        // Stopping a reply cancels the workflow's execution (here parked in a Wait).
        const json slow = {{"nodes", {{{"id", "c"}, {"name", "Chat"}, {"type", "trigger.chat"}},
                                      {{"id", "w"}, {"name", "Think"}, {"type", "core.wait"}, {"parameters", {{"amount", 30}, {"unit", "seconds"}}}}}},
                           {"edges", {{{"from", "c"}, {"to", "w"}}}}};
        auto slowWf = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "Slow thinker"}, {"definition", slow}});
        const QString thinking = conversation(m_alice, {{"workflow_id", slowWf.json()["id"]}});
        UserSocket ws;
        QVERIFY(ws.open(m_port, m_alice));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(thinking), m_alice, {{"content", "take your time"}}).status, 202);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(thinking), m_alice, {{"content", "again"}}).status, 409);
        QTest::qWait(200);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/stop").arg(thinking), m_alice).status, 204);
        QVERIFY(QTest::qWaitFor([&] { return !ws.ofType("message.completed").isEmpty(); }, 5000));
        QVERIFY(ws.ofType("message.completed").first()["data"]["message"]["status"] == "incomplete");
        const json cancelled = call("GET", QStringLiteral("/api/v1/executions?workflow_id=%1").arg(QString::fromStdString(slowWf.json()["id"].get<std::string>())), m_alice).json();
        QVERIFY2(cancelled["items"][0]["status"] == "cancelled", cancelled.dump().c_str());

        // An n8n chat agent, imported, answers a conversation: its prompt is the trigger's chatInput.
        const json n8n = {{"name", "n8n chat agent"},
                          {"nodes", {{{"parameters", {{"options", json::object()}}}, {"id", "a1"}, {"name", "When chat message received"},
                                      {"type", "@n8n/n8n-nodes-langchain.chatTrigger"}, {"typeVersion", 1.1}, {"position", {0, 0}}, {"webhookId", "x"}},
                                     {{"parameters", {{"options", json::object()}}}, {"id", "a2"}, {"name", "AI Agent"},
                                      {"type", "@n8n/n8n-nodes-langchain.agent"}, {"typeVersion", 1.7}, {"position", {220, 0}}},
                                     {{"parameters", {{"model", {{"__rl", true}, {"value", "gpt-4o-mini"}, {"mode", "list"}}}, {"options", json::object()}}},
                                      {"id", "a3"}, {"name", "OpenAI Chat Model"}, {"type", "@n8n/n8n-nodes-langchain.lmChatOpenAi"}, {"typeVersion", 1.2},
                                      {"position", {100, 200}}}}},
                          {"connections", {{"When chat message received", {{"main", {{{{"node", "AI Agent"}, {"type", "main"}, {"index", 0}}}}}}},
                                           {"OpenAI Chat Model", {{"ai_languageModel", {{{{"node", "AI Agent"}, {"type", "ai_languageModel"}, {"index", 0}}}}}}}}}};
        auto importedChat = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, n8n);
        QCOMPARE(importedChat.status, 201);
        QVERIFY(importedChat.json()["workflow"]["definition"]["nodes"][0]["type"] == "trigger.chat");
        const QString agentChat = conversation(m_alice, {{"workflow_id", importedChat.json()["workflow"]["id"]}});
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Hi from "), QStringLiteral("n8n")}, 3, 2)));
        r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(agentChat), m_alice, {{"content", "Who are you?"}});
        QVERIFY2(r.json()["content"] == "Hi from n8n", r.json().dump().c_str());
        QVERIFY(m_fake->requests().last().json()["messages"].back()["content"] == "Who are you?");

        // Only the user's own workflows with a Chat Trigger may answer.
        auto noTrigger = call("POST", QStringLiteral("/api/v1/workflows"), m_alice,
                              {{"name", "Plain"}, {"definition", {{"nodes", {{{"id", "t"}, {"name", "t"}, {"type", "trigger.manual"}}}}, {"edges", json::array()}}}});
        auto refused = call("POST", QStringLiteral("/api/v1/conversations"), m_alice, {{"workflow_id", noTrigger.json()["id"]}});
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.body.contains("Chat Trigger"));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations"), m_bob, {{"workflow_id", workflowId}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations"), m_alice, {{"workflow_id", "nope"}}).status, 422);
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/conversations/%1").arg(id), m_alice, {{"workflow_id", 5}}).status, 422);
        QVERIFY(call("GET", QStringLiteral("/api/v1/conversations/%1").arg(id), m_alice).json()["workflow_id"] == workflowId);
        // The chat picker lists the workflows that can answer: those with a Chat Trigger.
        const json chatWorkflows = call("GET", QStringLiteral("/api/v1/workflows?trigger=trigger.chat&limit=200"), m_alice).json();
        QVERIFY2(chatWorkflows["total"] == 5, chatWorkflows.dump().c_str());
        for (const auto &w : chatWorkflows["items"])
            QVERIFY(w["name"] != "Plain");
        QVERIFY(call("GET", QStringLiteral("/api/v1/workflows?trigger=trigger.chat"), m_bob).json()["total"] == 0);
    }

    void agentToolCallsAreRunAndKept()
    {
        // A workflow as a tool: doubles n.
        const json definition = {{"nodes", {{{"id", "t"}, {"name", "In"}, {"type", "trigger.execute_workflow"},
                                             {"parameters", {{"input_schema", {{"type", "object"}, {"properties", {{"n", {{"type", "number"}}}}}}}}}},
                                            {{"id", "s"}, {"name", "Double"}, {"type", "core.set"},
                                             {"parameters", {{"fields", {{{"name", "doubled"}, {"value", "{{ $json.n * 2 }}"}, {"type", "number"}}}}}}}}},
                                 {"edges", {{{"from", "t"}, {"to", "s"}}}}};
        auto wf = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "Double it"}, {"description", "Doubles n"}, {"definition", definition}});
        QCOMPARE(wf.status, 201);
        auto agent = call("POST", QStringLiteral("/api/v1/agents"), m_alice,
                          {{"name", "Maths"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}, {"system_prompt", "Use tools."},
                           {"tools", {{{"type", "builtin"}, {"name", "calculator"}}, {{"type", "workflow"}, {"workflow_id", wf.json()["id"]}}}}});
        QCOMPARE(agent.status, 201);
        const QString id = conversation(m_alice, {{"agent_id", agent.json()["id"]}});
        m_fake->enqueue(sseReply(FakeProvider::openAiToolCall(QStringLiteral("call_1"), QStringLiteral("calculator"), {QStringLiteral("{\"expression\": \"6*7\"}")})));
        m_fake->enqueue(sseReply(FakeProvider::openAiToolCall(QStringLiteral("call_2"), QStringLiteral("Double_it"), {QStringLiteral("{\"n\": 21}")})));
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("It is 42.")}, 30, 5)));
        auto r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "What is 6 times 7, doubled then halved?"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["content"] == "It is 42.");
        QVERIFY(r.json()["status"] == "complete");
        QVERIFY(r.json()["usage"]["input_tokens"] == 20 + 20 + 30);

        // The first request offered both tools with the workflow's input schema.
        const json first = m_fake->requests()[0].json();
        QVERIFY(first["messages"][0]["content"] == "Use tools.");
        QCOMPARE(first["tools"].size(), std::size_t(2));
        QVERIFY(first["tools"][1]["function"]["name"] == "Double_it");
        QVERIFY(first["tools"][1]["function"]["parameters"]["properties"]["n"]["type"] == "number");
        // The third saw both results.
        const json third = m_fake->requests()[2].json();
        std::vector<std::string> results;
        for (const auto &m : third["messages"])
            if (m["role"] == "tool")
                results.push_back(m["content"]);
        QCOMPARE(results.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(results[0]), QStringLiteral("42"));
        QVERIFY(json::parse(results[1])["doubled"] == 42);

        // Everything is kept in order: user, call, result, call, result, reply.
        const json h = history(id, m_alice);
        std::vector<std::string> roles;
        for (const auto &m : h["items"])
            roles.push_back(m["role"]);
        QVERIFY(roles == std::vector<std::string>({"user", "assistant", "tool", "assistant", "tool", "assistant"}));
        QVERIFY(h["items"][1]["tool_calls"][0]["name"] == "calculator");
        QVERIFY(h["items"][2]["tool_call_id"] == "call_1");

        // A follow-up sends the tool turns back as history.
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Sure.")}, 1, 1)));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "Thanks"}}).status, 200);
        const json followUp = m_fake->requests().last().json();
        QVERIFY(followUp["messages"][2]["tool_calls"][0]["function"]["name"] == "calculator");
        QVERIFY(followUp["messages"][3]["tool_call_id"] == "call_1");
    }

    void agentLoopIsBounded()
    {
        auto agent = call("POST", QStringLiteral("/api/v1/agents"), m_alice,
                          {{"name", "Loopy"}, {"provider", "openai"}, {"model", "gpt-4o-mini"}, {"max_iterations", 2},
                           {"tools", {{{"type", "builtin"}, {"name", "calculator"}}}}});
        QCOMPARE(agent.status, 201);
        const QString id = conversation(m_alice, {{"agent_id", agent.json()["id"]}});
        for (int i = 0; i < 3; ++i)
            m_fake->enqueue(sseReply(FakeProvider::openAiToolCall(QStringLiteral("c%1").arg(i), QStringLiteral("calculator"), {QStringLiteral("{\"expression\": \"1/0\"}")})));
        auto r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "loop"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["status"] == "error");
        QVERIFY(QString::fromStdString(r.json()["error"].get<std::string>()).contains(QStringLiteral("2 turns")));
        QCOMPARE(m_fake->requests().size(), 2);
        const json h = history(id, m_alice);
        QVERIFY(h["items"][2]["role"] == "tool");
        QVERIFY(h["items"][2]["status"] == "error"); // division by zero, told to the model
        QVERIFY(QString::fromStdString(h["items"][2]["content"].get<std::string>()).contains(QStringLiteral("division by zero")));
    }

    void failedStopRegenerateAndEdit()
    {
        const QString id = conversation(m_alice, {{"provider", "openai"}, {"model", "gpt-4o-mini"}});
        // The provider drops mid-stream: the user's message stays, the partial reply is incomplete.
        QByteArray stream = FakeProvider::openAiText(kDeltas, 5, 7);
        FakeReply cut = sseReply(stream.left(stream.indexOf("\n\n", stream.indexOf(kDeltas[1].toUtf8())) + 2));
        cut.drop = true;
        m_fake->enqueue(cut);
        auto r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "first"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["status"] == "incomplete");
        QCOMPARE(QString::fromStdString(r.json()["content"].get<std::string>()), kDeltas[0] + kDeltas[1]);
        QVERIFY(!r.json()["error"].get<std::string>().empty());
        QVERIFY(history(id, m_alice)["items"][0]["content"] == "first");

        // Regenerate replaces it.
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Second try")}, 1, 1)));
        r = call("POST", QStringLiteral("/api/v1/conversations/%1/regenerate?wait=true").arg(id), m_alice);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["content"] == "Second try");
        json h = history(id, m_alice);
        QCOMPARE(h["items"].size(), std::size_t(2));

        // Stop a slow reply: what arrived is kept, marked incomplete; a second message meanwhile is refused.
        FakeReply slow = sseReply(FakeProvider::openAiText(kDeltas, 5, 7));
        slow.splitEvery(6);
        slow.gapMs = 120;
        m_fake->enqueue(slow);
        UserSocket ws;
        QVERIFY(ws.open(m_port, m_alice));
        r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_alice, {{"content", "tell me a long story"}});
        QCOMPARE(r.status, 202);
        QVERIFY(QTest::qWaitFor([&] { return !ws.ofType("message.delta").isEmpty(); }, 5000));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_alice, {{"content", "again"}}).status, 409);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/stop").arg(id), m_alice).status, 204);
        QVERIFY(QTest::qWaitFor([&] { return !ws.ofType("message.completed").isEmpty(); }, 5000));
        const json stopped = ws.ofType("message.completed").first()["data"]["message"];
        QVERIFY(stopped["status"] == "incomplete");
        QVERIFY(!stopped["content"].get<std::string>().empty());
        QVERIFY(QTest::qWaitFor([&] { return m_fake->clientDisconnects() >= 1; }, 3000));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/stop").arg(id), m_alice).status, 409);

        // Edit the first message and resend: everything after it is replaced.
        h = history(id, m_alice);
        QCOMPARE(h["items"].size(), std::size_t(4));
        const QString firstId = QString::fromStdString(h["items"][0]["id"].get<std::string>());
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Edited answer")}, 1, 1)));
        r = call("PATCH", QStringLiteral("/api/v1/conversations/%1/messages/%2?wait=true").arg(id, firstId), m_alice, {{"content", "first, edited"}});
        QCOMPARE(r.status, 200);
        h = history(id, m_alice);
        QCOMPARE(h["items"].size(), std::size_t(2));
        QVERIFY(h["items"][0]["content"] == "first, edited");
        QVERIFY(h["items"][1]["content"] == "Edited answer");
        const QString replyId = QString::fromStdString(h["items"][1]["id"].get<std::string>());
        QCOMPARE(call("PATCH", QStringLiteral("/api/v1/conversations/%1/messages/%2").arg(id, replyId), m_alice, {{"content", "x"}}).status, 409);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_alice, {{"content", "  "}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_alice, {{"text", "hi"}}).status, 422);

        // Paging back through history.
        for (int i = 0; i < 3; ++i) {
            m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("ok %1").arg(i)}, 1, 1)));
            QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "more " + std::to_string(i)}}).status, 200);
        }
        h = call("GET", QStringLiteral("/api/v1/conversations/%1/messages?limit=3").arg(id), m_alice).json();
        QCOMPARE(h["items"].size(), std::size_t(3));
        QVERIFY(h["has_more"] == true);
        QVERIFY(h["items"][2]["content"] == "ok 2");
        const json older = call("GET", QStringLiteral("/api/v1/conversations/%1/messages?limit=50&before=%2").arg(id, QString::fromStdString(h["items"][0]["id"].get<std::string>())), m_alice).json();
        QCOMPARE(older["items"].size(), std::size_t(5));
        QVERIFY(older["has_more"] == false);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/conversations/%1/messages?before=nope").arg(id), m_alice).status, 422);
        QCOMPARE(call("DELETE", QStringLiteral("/api/v1/conversations/%1").arg(id), m_alice).status, 204);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/conversations/%1/messages").arg(id), m_alice).status, 404);
    }

    void withoutProviderTheReplySaysWhereToConfigure()
    {
        start({{QStringLiteral("ENCRYPTION_KEY"), kEncryptionKey}});
        const QString id = conversation(m_alice, json::object());
        QVERIFY(!id.isEmpty());
        auto r = call("POST", QStringLiteral("/api/v1/conversations/%1/messages?wait=true").arg(id), m_alice, {{"content", "hello?"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["status"] == "error");
        QVERIFY(QString::fromStdString(r.json()["error"].get<std::string>()).contains(QStringLiteral("Settings")));
        QVERIFY(history(id, m_alice)["items"][0]["content"] == "hello?");
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations"), m_alice, {{"agent_id", "nope"}}).status, 422);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/conversations"), m_alice, {{"provider", "martian"}}).status, 422);
    }

    void aiNodesRunInWorkflows()
    {
        auto run = [&](const json &nodes, const json &edges, const json &input) {
            auto wf = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "ai"}, {"definition", {{"nodes", nodes}, {"edges", edges}}}});
            if (wf.status != 201)
                qWarning("workflow: %d %s", wf.status, wf.body.constData());
            const QString id = QString::fromStdString(wf.json().value("id", std::string()));
            return call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"wait", true}, {"input", input}}).json();
        };
        auto outputOf = [](const json &execution, const std::string &name) {
            for (const auto &n : execution["nodes"])
                if (n["name"] == name)
                    return n["output"];
            return json();
        };
        const json start = {{"id", "t"}, {"name", "Start"}, {"type", "trigger.manual"}};

        // AI Chat: one call per item, the prompt from an expression.
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Bonjour")}, 3, 1)));
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Hola")}, 3, 1)));
        json e = run({start, {{"id", "c"}, {"name", "Chat"}, {"type", "ai.chat"},
                              {"parameters", {{"provider", "openai"}, {"model", "gpt-4o-mini"}, {"systemPrompt", "Translate."}, {"prompt", "Say hello in {{ $json.lang }}"}}}}},
                     {{{"from", "t"}, {"to", "c"}}}, {{{"lang", "French"}}, {{"lang", "Spanish"}}});
        QVERIFY2(e["status"] == "succeeded", e.dump().c_str());
        const json chatOut = outputOf(e, "Chat")[0];
        QCOMPARE(chatOut.size(), std::size_t(2));
        std::set<std::string> texts{chatOut[0]["json"]["text"], chatOut[1]["json"]["text"]};
        QVERIFY((texts == std::set<std::string>{"Bonjour", "Hola"}));
        std::set<std::string> prompts;
        for (int i = 0; i < 2; ++i)
            prompts.insert(m_fake->requests()[i].json()["messages"][1]["content"]);
        QVERIFY((prompts == std::set<std::string>{"Say hello in French", "Say hello in Spanish"}));

        // Classify: each item to its category's output.
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("{\"category\": \"billing\"}")}, 3, 1)));
        e = run({start, {{"id", "k"}, {"name", "Classify"}, {"type", "ai.classify"},
                         {"parameters", {{"provider", "openai"}, {"model", "gpt-4o-mini"}, {"text", "{{ $json.text }}"},
                                         {"categories", {{{"name", "billing"}, {"description", "money"}}, {{"name", "bug"}}}}}}},
                 {{"id", "b"}, {"name", "Billing"}, {"type", "core.noop"}}},
                {{{"from", "t"}, {"to", "k"}}, {{"from", "k"}, {"fromPort", 0}, {"to", "b"}}}, {{{"text", "I was charged twice"}}});
        QVERIFY2(e["status"] == "succeeded", e.dump().c_str());
        QVERIFY(outputOf(e, "Classify")[0][0]["json"]["category"] == "billing");
        QVERIFY(outputOf(e, "Classify")[0][0]["json"]["text"] == "I was charged twice");
        QVERIFY(m_fake->requests().last().json()["response_format"]["json_schema"]["schema"]["properties"]["category"]["enum"] == json({"billing", "bug", "other"}));

        // Extract: the reply parsed; a reply that is not JSON fails the node with a clear message.
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("```json\n{\"name\": \"Ana\", \"age\": 31}\n```")}, 3, 1)));
        const json extractNode = {{"id", "x"}, {"name", "Extract"}, {"type", "ai.extract"},
                                  {"parameters", {{"provider", "openai"}, {"model", "gpt-4o-mini"},
                                                  {"schema", {{"type", "object"}, {"properties", {{"name", {{"type", "string"}}}, {"age", {{"type", "integer"}}}}}}}}}};
        e = run({start, extractNode}, {{{"from", "t"}, {"to", "x"}}}, {{{"text", "Ana is 31"}}});
        QVERIFY2(e["status"] == "succeeded", e.dump().c_str());
        QVERIFY(outputOf(e, "Extract")[0][0]["json"] == json({{"name", "Ana"}, {"age", 31}}));
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("I cannot")}, 3, 1)));
        e = run({start, extractNode}, {{{"from", "t"}, {"to", "x"}}}, {{{"text", "?"}}});
        QVERIFY(e["status"] == "failed");
        QVERIFY(QString::fromStdString(e["error"].get<std::string>()).contains(QStringLiteral("JSON")));

        // A provider failure fails the node and names the provider; usage is charged to the workflow.
        m_fake->enqueue(FakeReply::json(401, {{"error", {{"message", "bad key"}}}}));
        e = run({start, {{"id", "s"}, {"name", "Sum"}, {"type", "ai.summarize"}, {"parameters", {{"provider", "openai"}, {"model", "gpt-4o-mini"}}}}},
                {{{"from", "t"}, {"to", "s"}}}, {{{"text", "long text"}}});
        QVERIFY(e["status"] == "failed");
        QVERIFY(QString::fromStdString(e["error"].get<std::string>()).contains(QStringLiteral("OpenAI")));
        // Usage rows are written on their own thread, a moment after the call.
        QVERIFY(QTest::qWaitFor([&] { return call("GET", QStringLiteral("/api/v1/llm/usage"), m_alice).json()["calls"].get<int>() >= 6; }, 3000));
        const json byWorkflow = call("GET", QStringLiteral("/api/v1/llm/usage?group_by=workflow"), m_alice).json();
        QVERIFY(byWorkflow["calls"].get<int>() >= 6);
        QVERIFY(byWorkflow["groups"].size() >= 4);

        // AI Agent with a sub-workflow as its tool.
        const json subDefinition = {{"nodes", {{{"id", "t"}, {"name", "In"}, {"type", "trigger.execute_workflow"}},
                                               {{"id", "s"}, {"name", "Greet"}, {"type", "core.set"},
                                                {"parameters", {{"fields", {{{"name", "greeting"}, {"value", "Hi {{ $json.who }}"}, {"type", "string"}}}}}}}}},
                                    {"edges", {{{"from", "t"}, {"to", "s"}}}}};
        auto sub = call("POST", QStringLiteral("/api/v1/workflows"), m_alice, {{"name", "Greeter"}, {"definition", subDefinition}});
        QCOMPARE(sub.status, 201);
        m_fake->enqueue(sseReply(FakeProvider::openAiToolCall(QStringLiteral("g1"), QStringLiteral("Greeter"), {QStringLiteral("{\"who\": \"Ana\"}")})));
        m_fake->enqueue(sseReply(FakeProvider::openAiText({QStringLiteral("Greeted Ana.")}, 3, 1)));
        e = run({start, {{"id", "a"}, {"name", "Agent"}, {"type", "ai.agent"},
                         {"parameters", {{"provider", "openai"}, {"model", "gpt-4o-mini"}, {"prompt", "Greet {{ $json.who }}"}, {"workflowTools", {sub.json()["id"]}}}}}},
                {{{"from", "t"}, {"to", "a"}}}, {{{"who", "Ana"}}});
        QVERIFY2(e["status"] == "succeeded", e.dump().c_str());
        const json agentOut = outputOf(e, "Agent")[0][0]["json"];
        QVERIFY(agentOut["text"] == "Greeted Ana.");
        QVERIFY(agentOut["steps"][0]["call"]["name"] == "Greeter");
        QVERIFY(json::parse(agentOut["steps"][0]["result"].get<std::string>())["greeting"] == "Hi Ana");
    }

    void n8nAgentsImportOntoAiNodes()
    {
        start({{QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-ant-test")}, {QStringLiteral("GOOGLE_API_KEY"), QStringLiteral("g-test")},
               {QStringLiteral("ENCRYPTION_KEY"), kEncryptionKey}});
        QFile file(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/tests/fixtures/n8n/support-agent.n8n.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto r = call("POST", QStringLiteral("/api/v1/workflows/import"), m_alice, json::parse(file.readAll().toStdString()));
        QCOMPARE(r.status, 201);
        const json imported = r.json();
        std::map<std::string, json> byName;
        for (const auto &n : imported["workflow"]["definition"]["nodes"])
            byName[n["name"]] = n;
        QCOMPARE(byName.size(), std::size_t(3)); // the chat models, the tool and the memory were folded in
        const json agent = byName["AI Agent"];
        QVERIFY(agent["type"] == "ai.agent");
        QVERIFY(agent["parameters"]["provider"] == "anthropic");
        QVERIFY(agent["parameters"]["model"] == "claude-3-5-haiku-20241022");
        QVERIFY(agent["parameters"]["temperature"] == 0.2);
        QVERIFY(agent["parameters"]["maxTokens"] == 512);
        QVERIFY(agent["parameters"]["calculator"] == true);
        QVERIFY(agent["parameters"]["maxIterations"] == 5);
        QVERIFY(agent["parameters"]["prompt"] == "{{ $json.question }}");
        QVERIFY(agent["parameters"]["systemPrompt"] == "You answer support questions briefly.");
        const json chain = byName["Basic LLM Chain"];
        QVERIFY(chain["type"] == "ai.chat");
        QVERIFY(chain["parameters"]["provider"] == "google");
        QVERIFY(chain["parameters"]["model"] == "gemini-1.5-flash");
        bool memoryWarned = false;
        for (const auto &w : imported["warnings"])
            memoryWarned = memoryWarned || (w["node"] == "Window Buffer Memory" && w["message"].get<std::string>().find("memory") != std::string::npos);
        QVERIFY(memoryWarned);
        QCOMPARE(imported["workflow"]["definition"]["edges"].size(), std::size_t(2));

        // It runs: Anthropic for the agent, Gemini for the chain.
        m_fake->enqueue(sseReply(FakeProvider::anthropicText({QStringLiteral("Restart the router.")}, 9, 4)));
        m_fake->enqueue(sseReply(FakeProvider::geminiText({QStringLiteral("Restart it.")}, 5, 2)));
        const QString id = QString::fromStdString(imported["workflow"]["id"].get<std::string>());
        const json e = call("POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_alice, {{"wait", true}, {"input", {{"question", "Wi-Fi is down"}}}}).json();
        QVERIFY2(e["status"] == "succeeded", e.dump().c_str());
        QCOMPARE(m_fake->requests()[0].target, QByteArray("/v1/messages"));
        const json toAnthropic = m_fake->requests()[0].json();
        QVERIFY(toAnthropic["messages"][0]["content"] == "Wi-Fi is down");
        QVERIFY(toAnthropic["tools"][0]["name"] == "calculator");
        QVERIFY(m_fake->requests()[1].target.startsWith("/v1beta/models/gemini-1.5-flash:streamGenerateContent"));
        QVERIFY(m_fake->requests()[1].json()["contents"][0]["parts"][0]["text"] == "Summarize: Restart the router.");
    }

    void usageIsTotalledPerUser()
    {
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 100, 200)));
        m_fake->enqueue(sseReply(FakeProvider::openAiText(kDeltas, 10, 20)));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody()).status, 200);
        QCOMPARE(call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody()).status, 200);
        m_fake->enqueue(FakeReply::json(400, {{"error", {{"message", "bad"}}}}));
        QCOMPARE(call("POST", QStringLiteral("/api/v1/llm/chat"), m_alice, chatBody()).status, 502);
        QVERIFY(QTest::qWaitFor([&] { return call("GET", QStringLiteral("/api/v1/llm/usage"), m_alice).json()["calls"] == 3; }, 3000));
        const json total = call("GET", QStringLiteral("/api/v1/llm/usage"), m_alice).json();
        QVERIFY(total["input_tokens"] == 110);
        QVERIFY(total["output_tokens"] == 220);
        QVERIFY(std::abs(total["cost_usd"].get<double>() - (110 * 0.15 + 220 * 0.6) / 1e6) < 1e-12);
        const json grouped = call("GET", QStringLiteral("/api/v1/llm/usage?group_by=model"), m_alice).json();
        QCOMPARE(grouped["groups"].size(), std::size_t(1));
        QVERIFY(grouped["groups"][0]["key"] == "gpt-4o-mini");
        QVERIFY(call("GET", QStringLiteral("/api/v1/llm/usage"), m_bob).json()["calls"] == 0);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/llm/usage?group_by=planet"), m_alice).status, 422);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return test::runOnEveryDatabase(argc, argv, g_backend, [](int c, char **v) {
        TestAi test;
        return QTest::qExec(&test, c, v);
    });
}

#include "tst_ai.moc"
