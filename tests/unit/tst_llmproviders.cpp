// The four wire protocols against a fake provider on loopback: streaming split anywhere,
// tool calls, structured output, retries, errors, timeouts, drops and cancellation.
#include "ai/chatcall.h"
#include "ai/sseparser.h"
#include "support/fakeprovider.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QTest>

using namespace synapscale;
using namespace synapscale::test;
using nlohmann::json;

namespace {

struct Run {
    ChatOutcome outcome;
    QStringList deltas;
    bool done = false;
    qint64 ms = 0;
};

ProviderConfig configFor(const QString &protocol, const FakeProvider &fake)
{
    ProviderConfig c;
    c.id = protocol;
    c.name = QStringLiteral("Fake %1").arg(protocol);
    c.protocol = protocol;
    c.baseUrl = protocol == QLatin1String("openai") ? fake.url(QStringLiteral("/v1")) : fake.url();
    c.apiKey = "sk-test-" + protocol.toLatin1();
    c.timeoutMs = 5000;
    return c;
}

ChatRequest hello()
{
    ChatRequest r;
    r.model = QStringLiteral("test-model");
    r.messages = json::array({{{"role", "system"}, {"content", "Be brief."}}, {{"role", "user"}, {"content", "Olá!"}}});
    r.temperature = 0.2;
    return r;
}

Run chat(const ProviderConfig &config, ChatRequest request, const std::function<void(ChatCall *, Run &)> &onDelta = {})
{
    auto provider = std::shared_ptr<const LlmProvider>(LlmProvider::make(config));
    Run run;
    QElapsedTimer timer;
    timer.start();
    QPointer<ChatCall> call;
    QEventLoop loop; // not QTest::qWaitFor: it sleeps 10 ms per turn, pacing the fake server's writes
    ChatCall::Handlers h;
    h.delta = [&](const std::string &text) {
        run.deltas.append(QString::fromStdString(text));
        if (onDelta)
            onDelta(call, run);
    };
    h.done = [&](const ChatOutcome &outcome) {
        run.outcome = outcome;
        run.done = true;
        run.ms = timer.elapsed();
        loop.quit();
    };
    call = ChatCall::start(provider, std::move(request), std::move(h));
    QTimer::singleShot(20000, &loop, [&] {
        qWarning("the chat call never finished");
        loop.quit();
    });
    if (!run.done)
        loop.exec();
    return run;
}

// Text with characters of 2, 3 and 4 UTF-8 bytes, so byte splits land inside characters.
const QStringList kDeltas = {QStringLiteral("Olá, "), QStringLiteral("mundo — "), QStringLiteral("日本語 "), QStringLiteral("🚀 ok")};
const QString kText = kDeltas.join(QString());

QByteArray textStream(const QString &protocol)
{
    if (protocol == QLatin1String("openai"))
        return FakeProvider::openAiText(kDeltas, 12, 34);
    if (protocol == QLatin1String("anthropic"))
        return FakeProvider::anthropicText(kDeltas, 12, 34);
    if (protocol == QLatin1String("google"))
        return FakeProvider::geminiText(kDeltas, 12, 34);
    return FakeProvider::ollamaText(kDeltas, 12, 34);
}

QByteArray contentType(const QString &protocol)
{
    return protocol == QLatin1String("ollama") ? "application/x-ndjson" : "text/event-stream";
}

FakeReply streamReply(const QString &protocol, QByteArray body)
{
    FakeReply r;
    r.contentType = contentType(protocol);
    r.pieces = {std::move(body)};
    return r;
}

void protocolsTable()
{
    QTest::addColumn<QString>("protocol");
    for (const char *p : {"openai", "anthropic", "google", "ollama"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

} // namespace

class TestLlmProviders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sseParserHandlesEverySplit()
    {
        const QByteArray stream = ":comment\r\nevent: one\r\ndata: a\r\ndata: b\r\n\r\ndata:c\rid: 7\r\rdata: ü日🚀\n\nevent: x\ndata\n\nretry: 250\nbogus: 1\n\n";
        for (int size = 1; size <= stream.size(); ++size) {
            QList<SseParser::Event> events;
            SseParser parser([&](const SseParser::Event &e) { events.append(e); });
            for (qsizetype i = 0; i < stream.size(); i += size)
                parser.feed(stream.mid(i, size));
            QCOMPARE(events.size(), 4);
            QCOMPARE(events[0].type, QByteArray("one"));
            QCOMPARE(events[0].data, QByteArray("a\nb"));
            QCOMPARE(events[1].type, QByteArray("message"));
            QCOMPARE(events[1].data, QByteArray("c"));
            QCOMPARE(events[1].id, QByteArray("7"));
            QCOMPARE(QString::fromUtf8(events[2].data), QStringLiteral("ü日🚀"));
            QCOMPARE(events[2].id, QByteArray("7")); // the last id carries over
            QCOMPARE(events[3].type, QByteArray("x"));
            QCOMPARE(events[3].data, QByteArray());
            QCOMPARE(parser.retryMs(), 250);
        }
        // An event the stream never terminated is dropped; a BOM is skipped.
        QList<SseParser::Event> events;
        SseParser parser([&](const SseParser::Event &e) { events.append(e); });
        parser.feed("\xEF\xBB\xBF" "data: whole\n\ndata: cut");
        parser.finish();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].data, QByteArray("whole"));
    }

    void streamsTextSplitAnywhere_data() { protocolsTable(); }
    void streamsTextSplitAnywhere()
    {
        QFETCH(QString, protocol);
        for (int split : {1, 5, 64, 100000}) {
            FakeProvider fake;
            fake.enqueue(streamReply(protocol, textStream(protocol)).splitEvery(split));
            const Run run = chat(configFor(protocol, fake), hello());
            QVERIFY2(run.outcome.ok(), qPrintable(run.outcome.error ? run.outcome.error->message : QString()));
            QCOMPARE(QString::fromStdString(run.outcome.result.text), kText);
            QCOMPARE(run.deltas.join(QString()), kText);
            QCOMPARE(run.deltas.size(), kDeltas.size());
            QCOMPARE(run.outcome.result.inputTokens, 12);
            QCOMPARE(run.outcome.result.outputTokens, 34);
            QCOMPARE(QString::fromStdString(run.outcome.result.finishReason), QStringLiteral("stop"));

            // What went over the wire is each provider's documented request.
            QCOMPARE(fake.requests().size(), 1);
            const FakeRequest &req = fake.requests().first();
            const json body = req.json();
            QCOMPARE(req.method, QByteArray("POST"));
            if (protocol == QLatin1String("openai")) {
                QCOMPARE(req.target, QByteArray("/v1/chat/completions"));
                QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer sk-test-openai"));
                QVERIFY(body["stream"] == true);
                QVERIFY(body["stream_options"]["include_usage"] == true);
                QVERIFY(body["messages"][0]["role"] == "system");
                QVERIFY(body["model"] == "test-model");
            } else if (protocol == QLatin1String("anthropic")) {
                QCOMPARE(req.target, QByteArray("/v1/messages"));
                QCOMPARE(req.headers.value("x-api-key"), QByteArray("sk-test-anthropic"));
                QCOMPARE(req.headers.value("anthropic-version"), QByteArray("2023-06-01"));
                QVERIFY(body["system"] == "Be brief.");
                QCOMPARE(body["messages"].size(), std::size_t(1));
                QVERIFY(body["max_tokens"].is_number_integer());
            } else if (protocol == QLatin1String("google")) {
                QCOMPARE(req.target, QByteArray("/v1beta/models/test-model:streamGenerateContent?alt=sse"));
                QCOMPARE(req.headers.value("x-goog-api-key"), QByteArray("sk-test-google"));
                QVERIFY(body["systemInstruction"]["parts"][0]["text"] == "Be brief.");
                QVERIFY(body["contents"][0]["role"] == "user");
                QVERIFY(body["contents"][0]["parts"][0]["text"] == "Olá!");
                QVERIFY(body["generationConfig"]["temperature"] == 0.2);
            } else {
                QCOMPARE(req.target, QByteArray("/api/chat"));
                QVERIFY(body["stream"] == true);
                QVERIFY(body["options"]["temperature"] == 0.2);
                QVERIFY(body["messages"][1]["content"] == "Olá!");
            }
        }
    }

    void toolCallsRoundTrip_data() { protocolsTable(); }
    void toolCallsRoundTrip()
    {
        QFETCH(QString, protocol);
        FakeProvider fake;
        const json args = {{"city", "São Paulo"}, {"days", 3}};
        QByteArray stream;
        if (protocol == QLatin1String("openai"))
            stream = FakeProvider::openAiToolCall(QStringLiteral("call_abc"), QStringLiteral("weather"), {QStringLiteral("{\"city\": \"São"), QStringLiteral(" Paulo\", \"days\""), QStringLiteral(": 3}")});
        else if (protocol == QLatin1String("anthropic"))
            stream = FakeProvider::anthropicToolUse(QStringLiteral("toolu_1"), QStringLiteral("weather"), {QStringLiteral("{\"city\": \"São Pau"), QStringLiteral("lo\", \"days\": 3}")});
        else if (protocol == QLatin1String("google"))
            stream = FakeProvider::geminiFunctionCall(QStringLiteral("weather"), args);
        else
            stream = FakeProvider::ollamaToolCall(QStringLiteral("weather"), args);
        fake.enqueue(streamReply(protocol, stream).splitEvery(7));

        ChatRequest request = hello();
        request.tools = json::array({{{"name", "weather"}, {"description", "Forecast for a city"},
                                      {"parameters", {{"type", "object"}, {"properties", {{"city", {{"type", "string"}}}, {"days", {{"type", "integer"}}}}}}}}});
        // A previous turn with a call and its result, to check how each protocol encodes them.
        request.messages.push_back({{"role", "assistant"}, {"content", ""}, {"tool_calls", {{{"id", "prev_1"}, {"name", "weather"}, {"arguments", {{"city", "Rio"}}}}}}});
        request.messages.push_back({{"role", "tool"}, {"tool_call_id", "prev_1"}, {"content", "{\"temp\": 30}"}});
        const Run run = chat(configFor(protocol, fake), request);
        QVERIFY2(run.outcome.ok(), qPrintable(run.outcome.error ? run.outcome.error->message : QString()));
        QCOMPARE(run.outcome.result.toolCalls.size(), std::size_t(1));
        const ToolCall &call = run.outcome.result.toolCalls[0];
        QCOMPARE(QString::fromStdString(call.name), QStringLiteral("weather"));
        QVERIFY(!call.id.empty());
        QVERIFY(json::parse(call.arguments) == args);
        QCOMPARE(QString::fromStdString(run.outcome.result.finishReason), QStringLiteral("tool_calls"));

        const json body = fake.requests().first().json();
        if (protocol == QLatin1String("openai")) {
            QVERIFY(body["tools"][0]["type"] == "function");
            QVERIFY(body["tools"][0]["function"]["name"] == "weather");
            QVERIFY(body["messages"][2]["tool_calls"][0]["function"]["arguments"] == "{\"city\":\"Rio\"}");
            QVERIFY(body["messages"][3]["role"] == "tool");
            QVERIFY(body["messages"][3]["tool_call_id"] == "prev_1");
        } else if (protocol == QLatin1String("anthropic")) {
            QVERIFY(body["tools"][0]["input_schema"]["type"] == "object");
            QVERIFY(body["messages"][1]["content"][0]["type"] == "tool_use");
            QVERIFY(body["messages"][1]["content"][0]["input"]["city"] == "Rio");
            QVERIFY(body["messages"][2]["role"] == "user");
            QVERIFY(body["messages"][2]["content"][0]["type"] == "tool_result");
            QVERIFY(body["messages"][2]["content"][0]["tool_use_id"] == "prev_1");
            QCOMPARE(run.deltas.join(QString()), QStringLiteral("Let me check."));
        } else if (protocol == QLatin1String("google")) {
            QVERIFY(body["tools"][0]["functionDeclarations"][0]["name"] == "weather");
            QVERIFY(body["contents"][1]["role"] == "model");
            QVERIFY(body["contents"][1]["parts"][0]["functionCall"]["args"]["city"] == "Rio");
            QVERIFY(body["contents"][2]["parts"][0]["functionResponse"]["name"] == "weather");
            QVERIFY(body["contents"][2]["parts"][0]["functionResponse"]["response"]["temp"] == 30);
        } else {
            QVERIFY(body["tools"][0]["function"]["name"] == "weather");
            QVERIFY(body["messages"][2]["tool_calls"][0]["function"]["arguments"]["city"] == "Rio");
        }
    }

    void structuredOutputFollowsEachProtocol_data() { protocolsTable(); }
    void structuredOutputFollowsEachProtocol()
    {
        QFETCH(QString, protocol);
        FakeProvider fake;
        const QString answer = QStringLiteral("{\"sentiment\": \"positive\", \"score\": 0.9}");
        QByteArray stream;
        if (protocol == QLatin1String("anthropic"))
            stream = FakeProvider::anthropicToolUse(QStringLiteral("toolu_s"), QStringLiteral("structured_output"), {answer.left(10), answer.mid(10)});
        else if (protocol == QLatin1String("openai"))
            stream = FakeProvider::openAiText({answer.left(10), answer.mid(10)}, 5, 6);
        else if (protocol == QLatin1String("google"))
            stream = FakeProvider::geminiText({answer.left(10), answer.mid(10)}, 5, 6);
        else
            stream = FakeProvider::ollamaText({answer.left(10), answer.mid(10)}, 5, 6);
        fake.enqueue(streamReply(protocol, stream));
        ChatRequest request = hello();
        request.responseSchema = {{"type", "object"}, {"properties", {{"sentiment", {{"type", "string"}}}, {"score", {{"type", "number"}}}}}, {"required", {"sentiment"}}};
        request.responseSchemaName = "sentiment";
        const Run run = chat(configFor(protocol, fake), request);
        QVERIFY2(run.outcome.ok(), qPrintable(run.outcome.error ? run.outcome.error->message : QString()));
        const std::string text = run.outcome.result.text.substr(run.outcome.result.text.find('{'));
        QVERIFY(json::parse(text)["sentiment"] == "positive");
        QVERIFY(run.outcome.result.toolCalls.empty());
        QCOMPARE(QString::fromStdString(run.outcome.result.finishReason), QStringLiteral("stop"));
        const json body = fake.requests().first().json();
        if (protocol == QLatin1String("openai")) {
            QVERIFY(body["response_format"]["type"] == "json_schema");
            QVERIFY(body["response_format"]["json_schema"]["name"] == "sentiment");
            QVERIFY(body["response_format"]["json_schema"]["schema"] == request.responseSchema);
        } else if (protocol == QLatin1String("anthropic")) {
            QVERIFY(body["tool_choice"]["name"] == "structured_output");
            QVERIFY(body["tools"][0]["input_schema"] == request.responseSchema);
        } else if (protocol == QLatin1String("google")) {
            QVERIFY(body["generationConfig"]["responseMimeType"] == "application/json");
            QVERIFY(body["generationConfig"]["responseJsonSchema"] == request.responseSchema);
        } else {
            QVERIFY(body["format"] == request.responseSchema);
        }
    }

    void rateLimitHonoursRetryAfter()
    {
        FakeProvider fake;
        fake.enqueue(FakeReply::json(429, {{"error", {{"message", "slow down"}}}}, {{"Retry-After", "1"}}));
        fake.enqueue(streamReply(QStringLiteral("openai"), textStream(QStringLiteral("openai"))));
        const Run run = chat(configFor(QStringLiteral("openai"), fake), hello());
        QVERIFY(run.outcome.ok());
        QCOMPARE(QString::fromStdString(run.outcome.result.text), kText);
        QCOMPARE(fake.requests().size(), 2);
        QVERIFY2(run.ms >= 950, qPrintable(QString::number(run.ms)));
        QCOMPARE(fake.requests()[1].body, fake.requests()[0].body);
    }

    void rateLimitBeyondPatienceFailsAtOnce()
    {
        FakeProvider fake;
        fake.enqueue(FakeReply::json(429, {{"type", "error"}, {"error", {{"type", "rate_limit_error"}, {"message", "Number of requests exceeded"}}}}, {{"Retry-After", "3600"}}));
        const Run run = chat(configFor(QStringLiteral("anthropic"), fake), hello());
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("provider_rate_limited"));
        QVERIFY(run.outcome.error->message.contains(QStringLiteral("Number of requests exceeded")));
        QCOMPARE(fake.requests().size(), 1);
        QVERIFY(run.ms < 3000);
    }

    void serverErrorsAreRetriedThenReported()
    {
        FakeProvider fake;
        fake.enqueue(FakeReply::json(500, {{"error", {{"message", "boom"}}}}));
        fake.enqueue(FakeReply::json(503, {{"error", {{"code", 503}, {"message", "The model is overloaded"}, {"status", "UNAVAILABLE"}}}}));
        fake.enqueue(streamReply(QStringLiteral("google"), textStream(QStringLiteral("google"))));
        ProviderConfig config = configFor(QStringLiteral("google"), fake);
        Run run = chat(config, hello());
        QVERIFY(run.outcome.ok());
        QCOMPARE(fake.requests().size(), 3);

        FakeProvider failing;
        for (int i = 0; i < 3; ++i)
            failing.enqueue(FakeReply::json(503, {{"error", {{"code", 503}, {"message", "The model is overloaded"}}}}));
        run = chat(configFor(QStringLiteral("google"), failing), hello());
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("provider_unavailable"));
        QVERIFY(run.outcome.error->message.contains(QStringLiteral("The model is overloaded")));
        QCOMPARE(failing.requests().size(), 3);
    }

    void clientErrorsAreNotRetried()
    {
        FakeProvider fake;
        fake.enqueue(FakeReply::json(401, {{"error", {{"message", "Incorrect API key provided"}, {"type", "invalid_request_error"}}}}));
        Run run = chat(configFor(QStringLiteral("openai"), fake), hello());
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("provider_auth"));
        QVERIFY(run.outcome.error->message.contains(QStringLiteral("Incorrect API key")));
        QVERIFY(!run.outcome.error->message.contains(QStringLiteral("sk-test"))); // the key is never echoed
        QCOMPARE(fake.requests().size(), 1);

        fake.enqueue(FakeReply::json(404, {{"error", "model \"nope\" not found, try pulling it first"}}));
        run = chat(configFor(QStringLiteral("ollama"), fake), hello());
        QCOMPARE(run.outcome.error->code, QStringLiteral("provider_not_found"));
        QVERIFY(run.outcome.error->message.contains(QStringLiteral("try pulling it first")));
    }

    void malformedEventKeepsWhatCameBefore_data() { protocolsTable(); }
    void malformedEventKeepsWhatCameBefore()
    {
        QFETCH(QString, protocol);
        FakeProvider fake;
        QByteArray stream = textStream(protocol);
        // Cut the stream after its second delta and follow it with garbage.
        const QByteArray marker = kDeltas[1].toUtf8();
        const qsizetype at = stream.indexOf(marker);
        const qsizetype cut = stream.indexOf('\n', at);
        stream = stream.left(cut + 1) + (protocol == QLatin1String("ollama") ? "{not json\n" : "\ndata: {not json\n\n");
        fake.enqueue(streamReply(protocol, stream));
        const Run run = chat(configFor(protocol, fake), hello());
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("provider_malformed"));
        QCOMPARE(QString::fromStdString(run.outcome.result.text), kDeltas[0] + kDeltas[1]);
        QVERIFY(run.outcome.result.finishReason.empty());
    }

    void droppedConnectionKeepsThePartialReply_data() { protocolsTable(); }
    void droppedConnectionKeepsThePartialReply()
    {
        QFETCH(QString, protocol);
        FakeProvider fake;
        const QByteArray stream = textStream(protocol);
        const qsizetype at = stream.indexOf(kDeltas[2].toUtf8());
        FakeReply reply = streamReply(protocol, stream.left(stream.indexOf('\n', at) + 2));
        reply.drop = true;
        fake.enqueue(reply);
        const Run run = chat(configFor(protocol, fake), hello());
        QVERIFY(!run.outcome.ok());
        QVERIFY2(run.outcome.error->code == QLatin1String("provider_incomplete") || run.outcome.error->code == QLatin1String("network_error"),
                 qPrintable(run.outcome.error->code));
        QCOMPARE(QString::fromStdString(run.outcome.result.text), kDeltas[0] + kDeltas[1] + kDeltas[2]);
        QCOMPARE(fake.requests().size(), 1); // a reply already streaming is never re-sent
    }

    void slowFirstTokenWithinAndBeyondTheTimeout()
    {
        FakeProvider fake;
        FakeReply slow = streamReply(QStringLiteral("anthropic"), textStream(QStringLiteral("anthropic")));
        slow.firstDelayMs = 600;
        fake.enqueue(slow);
        ProviderConfig config = configFor(QStringLiteral("anthropic"), fake);
        config.timeoutMs = 3000;
        Run run = chat(config, hello());
        QVERIFY(run.outcome.ok());
        QVERIFY(run.ms >= 550);

        FakeReply tooSlow = slow;
        tooSlow.firstDelayMs = 3000;
        fake.enqueue(tooSlow);
        config.timeoutMs = 400;
        config.maxAttempts = 1;
        run = chat(config, hello());
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("timeout"));
        QVERIFY(run.ms < 2500);
    }

    void cancelClosesTheConnection()
    {
        FakeProvider fake;
        FakeReply reply = streamReply(QStringLiteral("openai"), textStream(QStringLiteral("openai")));
        reply.splitEvery(16);
        reply.gapMs = 100;
        fake.enqueue(reply);
        const Run run = chat(configFor(QStringLiteral("openai"), fake), hello(), [](ChatCall *call, Run &) {
            if (call)
                call->cancel();
        });
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("cancelled"));
        QCOMPARE(run.deltas.size(), 1);
        QCOMPARE(QString::fromStdString(run.outcome.result.text), kDeltas[0]);
        QVERIFY(QTest::qWaitFor([&] { return fake.clientDisconnects() == 1; }, 3000));
    }

    void connectionRefusedIsReported()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            closedPort = probe.serverPort();
        }
        ProviderConfig config;
        config.id = config.protocol = QStringLiteral("ollama");
        config.name = QStringLiteral("Ollama");
        config.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(closedPort);
        config.maxAttempts = 2;
        const Run run = chat(config, hello());
        QVERIFY(!run.outcome.ok());
        QCOMPARE(run.outcome.error->code, QStringLiteral("connection_failed"));
    }
};

QTEST_GUILESS_MAIN(TestLlmProviders)
#include "tst_llmproviders.moc"
