// The engine and the node library, in process: JSON fixtures (tests/fixtures/nodes/*.json) run
// through the real ExecutionEngine with its worker pool and I/O thread, plus the engine's own
// behaviours (ordering, merge waiting, loops, retries, onError, cancel, timeouts, Code limits).
#include "engine/executionengine.h"
#include "engine/expressions.h"
#include "engine/workflowgraph.h"
#include "nodes/noderegistry.h"
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
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
