// The AI API over HTTP on 127.0.0.1, on SQLite and PostgreSQL, against a fake provider on
// loopback: provider discovery, one-shot and streamed chat, errors a person can act on,
// clients that leave mid-stream, encrypted credentials owned by one user, and usage totals.
#include "api/backendhost.h"
#include "storage/database.h"
#include "support/apihost.h"
#include "support/fakeprovider.h"
#include "support/rawhttp.h"
#include "support/testsupport.h"

#include <QTcpServer>
#include <QTest>

#include <memory>

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
