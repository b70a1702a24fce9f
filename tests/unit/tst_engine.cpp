// The engine and the node library, in process: JSON fixtures (tests/fixtures/nodes/*.json) run
// through the real ExecutionEngine with its worker pool and I/O thread, plus the engine's own
// behaviours (ordering, merge waiting, loops, retries, onError, cancel, timeouts, Code limits).
#include "engine/executionengine.h"
#include "engine/expressions.h"
#include "engine/workflowgraph.h"
#include "nodes/noderegistry.h"
#include "workflow/cronexpression.h"
#include "workflow/workflowdefinition.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <condition_variable>
#include <mutex>

using namespace synapscale;

namespace {

struct Finished {
    QString status;
    QString error;
    Json execution;
    std::optional<Json> response;
};

// Runs a definition to its end and returns what the API would show.
Finished runWorkflow(ExecutionEngine &engine, const Json &definition, Items input = {}, int timeoutMs = 20000,
                     std::function<void(const QString &)> whileRunning = {})
{
    Json errors = Json::array();
    const Json normalized = WorkflowDefinition::normalize(definition, Json::array({"definition"}), errors);
    if (!errors.empty())
        return {QStringLiteral("invalid"), QString::fromStdString(errors.dump()), {}, {}};
    auto graph = WorkflowGraph::compile(normalized, "wf", "test");
    if (!graph)
        return {QStringLiteral("invalid"), graph.error().message, {}, {}};
    ExecutionRequest request;
    request.executionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.workflowId = QStringLiteral("wf");
    request.ownerId = QStringLiteral("u");
    request.input = std::move(input);
    auto run = std::make_shared<ExecutionRun>(*graph, request, engine.hooks());
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    run->onFinished = [&](ExecutionRun &) {
        std::lock_guard lock(mutex);
        done = true;
        cv.notify_all();
    };
    auto submitted = engine.submit(run);
    if (!submitted)
        return {QStringLiteral("rejected"), submitted.error().message, {}, {}};
    if (whileRunning)
        whileRunning(request.executionId);
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        {
            std::unique_lock lock(mutex);
            if (cv.wait_for(lock, std::chrono::milliseconds(5), [&] { return done; }))
                break;
        }
        QCoreApplication::processEvents(); // fake servers in this thread need their events
        if (timer.elapsed() > timeoutMs)
            return {QStringLiteral("timeout"), {}, run->toJson(), {}};
    }
    return {run->status(), run->error(), run->toJson(), run->webhookResponse()};
}

const Json *nodeRun(const Json &execution, const std::string &name, int runIndex = -1)
{
    const Json *found = nullptr;
    for (const auto &n : execution["nodes"]) {
        if (n["name"] == name && (runIndex < 0 || n["run_index"] == runIndex))
            found = &n;
    }
    return found;
}

Json outputOf(const Json &execution, const std::string &name, int port = 0)
{
    const Json *n = nodeRun(execution, name);
    if (!n || !n->contains("output") || (*n)["output"].size() <= std::size_t(port))
        return nullptr;
    return (*n)["output"][std::size_t(port)];
}

Json node(const std::string &id, const std::string &type, Json parameters = Json::object(), Json extra = Json::object())
{
    Json n = {{"id", id}, {"name", id}, {"type", type}, {"parameters", std::move(parameters)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        n[it.key()] = it.value();
    return n;
}

Json edge(const std::string &from, const std::string &to, int fromPort = 0, int toPort = 0)
{
    return {{"from", from}, {"to", to}, {"fromPort", fromPort}, {"toPort", toPort}};
}

Items itemsOf(const Json &jsonList)
{
    Items out;
    for (const auto &j : jsonList)
        out.push_back({{"json", j}});
    return out;
}

Json jsonList(const Json &items)
{
    Json out = Json::array();
    for (const auto &it : items)
        out.push_back(it["json"]);
    return out;
}

} // namespace

class TestEngine : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ExecutionEngine> m_engine;

private Q_SLOTS:
    void initTestCase()
    {
        EngineOptions options;
        options.workers = 2;
        options.scriptTimeoutMs = 1500;
        m_engine = std::make_unique<ExecutionEngine>(options);
    }
    void cleanupTestCase() { m_engine.reset(); }

    void fixtures_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/tests/fixtures/nodes"));
        const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 10);
        for (const auto &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }

    // Each fixture: {"workflow": definition, "input": [json...], "expect": {"Node": [json...]},
    // "expectPorts": {"Node": [[...], [...]]}, "status": "succeeded", "error": "substring"}.
    void fixtures()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Json fixture = Json::parse(file.readAll().toStdString());
        const auto result = runWorkflow(*m_engine, fixture["workflow"], itemsOf(fixture.value("input", Json::array())));
        const std::string expectedStatus = fixture.value("status", std::string("succeeded"));
        QVERIFY2(result.status.toStdString() == expectedStatus,
                 qPrintable(result.status + QStringLiteral(": ") + result.error));
        if (fixture.contains("error"))
            QVERIFY2(result.error.contains(QString::fromStdString(fixture["error"].get<std::string>())), qPrintable(result.error));
        const Json expect = fixture.value("expect", Json::object());
        for (auto it = expect.begin(); it != expect.end(); ++it) {
            const Json actual = jsonList(outputOf(result.execution, it.key()));
            QVERIFY2(actual == it.value(), qPrintable(QString::fromStdString(it.key() + ": got " + actual.dump() + " expected " + it.value().dump())));
        }
        const Json expectPorts = fixture.value("expectPorts", Json::object());
        for (auto it = expectPorts.begin(); it != expectPorts.end(); ++it) {
            for (std::size_t p = 0; p < it.value().size(); ++p) {
                const Json actual = jsonList(outputOf(result.execution, it.key(), int(p)));
                QVERIFY2(actual == it.value()[p],
                         qPrintable(QString::fromStdString(it.key() + "[" + std::to_string(p) + "]: got " + actual.dump() + " expected " + it.value()[p].dump())));
            }
        }
        if (fixture.contains("notRun")) {
            for (const auto &name : fixture["notRun"])
                QVERIFY2(!nodeRun(result.execution, name.get<std::string>()), name.get<std::string>().c_str());
        }
    }

    void cronExpressions()
    {
        const QTimeZone utc = QTimeZone::utc();
        auto next = [&](const char *expr, const char *after, const QTimeZone &zone) {
            auto cron = CronExpression::parse(QString::fromLatin1(expr));
            if (!cron)
                return QStringLiteral("invalid: ") + cron.error().message;
            return cron->next(QDateTime::fromString(QString::fromLatin1(after), Qt::ISODate), zone).toUTC().toString(Qt::ISODate);
        };
        QCOMPARE(next("*/15 * * * * *", "2026-01-01T00:00:07Z", utc), QStringLiteral("2026-01-01T00:00:15Z"));
        QCOMPARE(next("0 30 9 * * MON-FRI", "2026-11-27T10:00:00Z", utc), QStringLiteral("2026-11-30T09:30:00Z")); // Fri after 9:30 → Mon
        QCOMPARE(next("0 * * * *", "2026-01-01T00:00:00Z", utc), QStringLiteral("2026-01-01T01:00:00Z"));          // 5 fields: seconds = 0
        QCOMPARE(next("0 0 * * *", "2026-01-01T00:00:00Z", utc), QStringLiteral("2026-01-02T00:00:00Z"));
        QCOMPARE(next("0 0 12 1 * 0", "2026-11-25T00:00:00Z", utc), QStringLiteral("2026-11-29T12:00:00Z"));       // day 1 OR Sunday
        QCOMPARE(next("0 0 0 29 FEB *", "2026-03-01T00:00:00Z", utc), QStringLiteral("2028-02-29T00:00:00Z"));
        // 09:00 in São Paulo is 12:00 UTC.
        QCOMPARE(next("0 0 9 * * *", "2026-06-01T13:00:00Z", QTimeZone("America/Sao_Paulo")), QStringLiteral("2026-06-02T12:00:00Z"));
        for (const char *bad : {"* * *", "61 * * * * *", "* * 25 * * *", "*/0 * * * * *", "* * * * JUNE *", "a b c d e"})
            QVERIFY2(next(bad, "2026-01-01T00:00:00Z", utc).startsWith(QStringLiteral("invalid")), bad);
    }

    // 10,000 items through every data and flow node in one execution.
    void arithmeticWithoutJavaScriptMatchesJavaScript()
    {
        // `$json.x + 1` and its kind skip JavaScript when both sides are numbers; written as
        // `($json.x) + 1` the same expression goes through JavaScript, so each pair must agree
        // for every kind of value (strings concatenate, a missing key is NaN).
        const Json values = Json::array({0, 1, -7, 2.5, 0.1, 9007199254740993LL, 1e308, "5", "", nullptr, true, Json::object(),
                                         Json::array({1})});
        const std::vector<std::string> expressions = {"$json.v + 1",    "$json.v - 0.2",  "$json.v * 3",     "$json.v * $json.v",
                                                      "$json.v + 10",   "2 - $json.v",    "$json.v * -1.5",  "$json.missing + 1",
                                                      "$json.v + 1e3",  "$json.v + .5",   "$json.v - -0",    "$json.v * 0.1 + 1"};
        Json fields = Json::array();
        for (std::size_t k = 0; k < expressions.size(); ++k) {
            std::string viaJs = expressions[k];
            for (const std::string path : {"$json.v", "$json.missing"})
                for (std::size_t at = viaJs.find(path); at != std::string::npos; at = viaJs.find(path, at + path.size() + 2))
                    viaJs.replace(at, path.size(), "(" + path + ")");
            fields.push_back({{"name", "fast" + std::to_string(k)}, {"value", "{{ " + expressions[k] + " }}"}});
            fields.push_back({{"name", "js" + std::to_string(k)}, {"value", "{{ " + viaJs + " }}"}});
        }
        Json input = Json::array();
        for (const auto &v : values)
            input.push_back({{"v", v}});
        const Json wf = {{"nodes", {node("Start", "trigger.manual"), node("Set", "core.set", {{"includeOtherFields", false}, {"fields", fields}})}},
                         {"edges", {edge("Start", "Set")}}};
        const auto result = runWorkflow(*m_engine, wf, itemsOf(input));
        QVERIFY2(result.status == QLatin1String("succeeded"), qPrintable(result.status + QStringLiteral(": ") + result.error));
        const Json out = jsonList(outputOf(result.execution, "Set"));
        QCOMPARE(int(out.size()), int(values.size()));
        for (std::size_t i = 0; i < out.size(); ++i)
            for (std::size_t k = 0; k < expressions.size(); ++k)
                QVERIFY2(out[i]["fast" + std::to_string(k)] == out[i]["js" + std::to_string(k)],
                         qPrintable(QString::fromStdString(expressions[k] + " with v = " + values[i].dump() + ": "
                                                           + out[i]["fast" + std::to_string(k)].dump() + " against JavaScript's "
                                                           + out[i]["js" + std::to_string(k)].dump())));
        QCOMPARE(out[1]["fast0"], Json(2));
        QCOMPARE(out[4]["fast1"].get<double>(), 0.1 - 0.2);
    }

    void tenThousandItemsThroughEveryNode()
    {
        Items input;
        for (int i = 0; i < 10000; ++i)
            input.push_back({{"json", {{"i", i}, {"group", i % 7}, {"tags", {"a", "b"}}, {"when", "2024-01-01T00:00:00Z"}}}});
        const Json cond = {{"conditions", {{{"leftValue", "{{ $json.i }}"}, {"rightValue", 5000}, {"operator", {{"type", "number"}, {"operation", "lt"}}}}}}};
        const Json wf = {
            {"nodes",
             {node("Start", "trigger.manual"),
              node("Set", "core.set", {{"fields", {{{"name", "double"}, {"value", "{{ $json.i * 2 }}"}, {"type", "number"}}}}}),
              node("If", "core.if", {{"conditions", cond}}),
              node("Switch", "core.switch", {{"mode", "expression"}, {"numberOutputs", 2}, {"output", "{{ $json.i % 2 }}"}}),
              node("Merge", "core.merge", {{"mode", "append"}}),
              node("Filter", "core.filter", {{"conditions", {{"conditions", {{{"leftValue", "{{ $json.group }}"}, {"rightValue", 100},
                                                                               {"operator", {{"type", "number"}, {"operation", "lt"}}}}}}}}}),
              node("Sort", "core.sort", {{"fields", {{{"fieldName", "double"}, {"order", "descending"}}}}}),
              node("Limit", "core.limit", {{"maxItems", 20000}}),
              node("Dedupe", "core.remove_duplicates", {{"compare", "selectedFields"}, {"fieldsToCompare", "i"}}),
              node("Code", "core.code", {{"code", "return $input.all().map(x => ({json: Object.assign({}, x.json, {seen: true})}));"}}),
              node("PerItem", "core.code", {{"mode", "runOnceForEachItem"}, {"code", "return {i: $json.i, tags: $json.tags, when: $json.when};"}}),
              node("Crypto", "core.crypto", {{"value", "{{ $json.i }}"}, {"dataPropertyName", "hash"}}),
              node("Date", "core.datetime", {{"operation", "addToDate"}, {"magnitude", "{{ $json.when }}"}, {"duration", 1}, {"timeUnit", "days"}}),
              node("Loop", "core.loop", {{"batchSize", 2500}}),
              node("Body", "core.noop"),
              node("Split", "core.split_out", {{"fieldToSplitOut", "tags"}, {"include", "allOtherFields"}}),
              node("Agg", "core.aggregate", {{"fieldsToAggregate", {{{"fieldToAggregate", "i"}}}}})}},
            {"edges",
             {edge("Start", "Set"), edge("Set", "If"), edge("If", "Switch", 0), edge("If", "Merge", 1, 1), edge("Switch", "Merge", 0, 0),
              edge("Switch", "Merge", 1, 0), edge("Merge", "Filter"), edge("Filter", "Sort"), edge("Sort", "Limit"), edge("Limit", "Dedupe"),
              edge("Dedupe", "Code"), edge("Code", "PerItem"), edge("PerItem", "Crypto"), edge("Crypto", "Date"), edge("Date", "Loop"),
              edge("Loop", "Body", 1), edge("Body", "Loop"), edge("Loop", "Split", 0), edge("Split", "Agg")}}};
        const auto result = runWorkflow(*m_engine, wf, input, 120000);
        QVERIFY2(result.status == QLatin1String("succeeded"), qPrintable(result.status + QStringLiteral(": ") + result.error));
        QCOMPARE(int(outputOf(result.execution, "Merge").size()), 10000);
        QCOMPARE(int(outputOf(result.execution, "Sort")[0]["json"]["double"].get<int>()), 19998);
        QCOMPARE(int(outputOf(result.execution, "Dedupe").size()), 10000);
        QCOMPARE(int(outputOf(result.execution, "Split").size()), 20000);
        QCOMPARE(int(outputOf(result.execution, "Agg")[0]["json"]["i"].size()), 20000);
        const Json last = outputOf(result.execution, "Date")[0]["json"];
        QVERIFY(last["newDate"] == "2024-01-02T00:00:00.000+00:00");
        QCOMPARE(int(last["hash"].get<std::string>().size()), 64);
    }

    // The HTTP Request node against a real loopback server: 50 MB comes back whole; beyond the
    // 64 MB limit the node fails with a clear message and nothing is kept.
    void httpRequestLargeResponses()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray request = socket->readAll();
                    const qint64 size = request.contains("/huge") ? 70ll * 1024 * 1024 : 50ll * 1024 * 1024;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(size)
                                  + "\r\nConnection: close\r\n\r\n");
                    socket->write(QByteArray(size, 'x'));
                    socket->disconnectFromHost();
                });
            }
        });
        const std::string base = "http://127.0.0.1:" + std::to_string(server.serverPort());
        auto wf = [&](const std::string &path) {
            return Json{{"nodes", {node("Start", "trigger.manual"), node("Get", "core.http_request", {{"url", base + path}, {"responseFormat", "text"}})}},
                        {"edges", {edge("Start", "Get")}}};
        };
        auto ok = runWorkflow(*m_engine, wf("/big"), itemsOf(Json::array({Json::object()})), 60000);
        QVERIFY2(ok.status == QLatin1String("succeeded"), qPrintable(ok.error));
        QCOMPARE(qint64(outputOf(ok.execution, "Get")[0]["json"]["data"].get<std::string>().size()), 50ll * 1024 * 1024);
        auto huge = runWorkflow(*m_engine, wf("/huge"), itemsOf(Json::array({Json::object()})), 60000);
        QCOMPARE(huge.status, QStringLiteral("failed"));
        QVERIFY2(huge.error.contains(QStringLiteral("larger than 64 MB")) || huge.error.contains(QStringLiteral("canceled")), qPrintable(huge.error));
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
