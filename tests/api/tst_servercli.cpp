// synapscale-server as a process: start-up errors and exit codes, serving on SQLite and
// PostgreSQL, Postgres outages while running, port conflicts, SIGTERM, and secrets kept out of logs.
#include "storage/database.h"
#include "support/rawhttp.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace synapscale;
using test::RawHttp;

namespace {

// One synapscale-server child process with a clean environment.
class ServerProcess {
public:
    explicit ServerProcess(QHash<QString, QString> env, QStringList args = {QStringLiteral("serve")})
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        e.insert(QStringLiteral("HOME"), m_home.path());
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        e.insert(QStringLiteral("PORT"), QStringLiteral("0"));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        m_process.setProcessEnvironment(e);
        m_process.setWorkingDirectory(m_home.path());
        m_process.start(QStringLiteral(SYNAPSCALE_SERVER_BINARY), args);
    }
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Waits for the "listening on" log line and returns the port (0 if the process ended first).
    quint16 waitForPort(int timeoutMs = 15000)
    {
        static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
        quint16 port = 0;
        QTest::qWaitFor([&] {
            m_stderr += m_process.readAllStandardError();
            const auto m = listening.match(QString::fromUtf8(m_stderr));
            if (m.hasMatch())
                port = quint16(m.captured(1).toUInt());
            return port != 0 || m_process.state() == QProcess::NotRunning;
        }, timeoutMs);
        return port;
    }
    bool finish(int timeoutMs = 15000)
    {
        const bool done = m_process.waitForFinished(timeoutMs);
        m_stderr += m_process.readAllStandardError();
        m_stdout += m_process.readAllStandardOutput();
        return done;
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    QByteArray stderrText()
    {
        m_stderr += m_process.readAllStandardError();
        return m_stderr;
    }
    QByteArray stdoutText() const { return m_stdout; }
    QProcess &process() { return m_process; }
    QString home() const { return m_home.path(); }

private:
    QTemporaryDir m_home;
    QProcess m_process;
    QByteArray m_stderr;
    QByteArray m_stdout;
};

QByteArray runScript(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/scripts/start-postgres.sh"), args);
    p.waitForFinished(60000);
    return p.readAllStandardOutput() + p.readAllStandardError();
}

int healthStatus(quint16 port)
{
    return RawHttp::once(port, "GET", "/health").status;
}

// An account on a running server and the API calls the process-level tests make with it.
struct ApiUser {
    quint16 port = 0;
    QByteArray login;
    QByteArray token;

    static ApiUser registerOn(quint16 port, const QByteArray &password)
    {
        ApiUser user;
        user.login = R"({"email": "ops@example.com", "password": ")" + password + R"("})";
        RawHttp::once(port, "POST", "/api/v1/auth/register", user.login, {{"Content-Type", "application/json"}});
        user.signIn(port);
        return user;
    }
    void signIn(quint16 serverPort)
    {
        port = serverPort;
        const auto r = RawHttp::once(port, "POST", "/api/v1/auth/login", login, {{"Content-Type", "application/json"}});
        token = QByteArray::fromStdString(r.json().value("access_token", std::string()));
    }
    QList<QPair<QByteArray, QByteArray>> headers() const
    {
        return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
    }
    std::string createWorkflow(const QByteArray &definition) const
    {
        const auto r = RawHttp::once(port, "POST", "/api/v1/workflows", R"({"name": "w", "definition": )" + definition + "}", headers());
        return r.json().value("id", std::string());
    }
    std::string execute(const std::string &workflowId) const
    {
        const auto r = RawHttp::once(port, "POST", QByteArray("/api/v1/workflows/") + workflowId.c_str() + "/execute", "{}", headers());
        return r.json().value("execution_id", std::string());
    }
    nlohmann::json execution(const std::string &id) const
    {
        return RawHttp::once(port, "GET", QByteArray("/api/v1/executions/") + id.c_str(), {}, headers()).json();
    }
    std::string statusOf(const std::string &id) const { return execution(id).value("status", std::string()); }
};

} // namespace

class TestServerCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badConfigurationStopsStartupWithExitCode2_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port") << "PORT" << "eighty" << "PORT:";
        QTest::newRow("log level") << "LOG_LEVEL" << "loud" << "LOG_LEVEL:";
        QTest::newRow("db scheme") << "DATABASE_URL" << "mysql://root:pw@localhost/db" << "DATABASE_URL:";
        QTest::newRow("db url") << "DATABASE_URL" << "postgresql://u:p@host:notaport/db" << "DATABASE_URL:";
        QTest::newRow("cors") << "BACKEND_CORS_ORIGINS" << "[oops" << "BACKEND_CORS_ORIGINS:";
    }
    void badConfigurationStopsStartupWithExitCode2()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, mentions);
        ServerProcess server({{name, value}, {QStringLiteral("DEBUG"), QStringLiteral("true")}});
        QVERIFY(server.finish());
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 2);
        const QByteArray err = server.stderrText().trimmed();
        QVERIFY2(err.contains(mentions.toUtf8()), err.constData());
        QCOMPARE(err.count('\n'), 0);
        QVERIFY(!err.contains("pw@"));
    }

    void usageErrorsExitWith2()
    {
        ServerProcess unknownFlag({{QStringLiteral("DEBUG"), QStringLiteral("true")}}, {QStringLiteral("serve"), QStringLiteral("--bogus=1")});
        QVERIFY(unknownFlag.finish());
        QCOMPARE(unknownFlag.process().exitCode(), 2);
        QVERIFY(unknownFlag.stderrText().contains("--bogus"));
        ServerProcess unknownCommand({}, {QStringLiteral("fly")});
        QVERIFY(unknownCommand.finish());
        QCOMPARE(unknownCommand.process().exitCode(), 2);
        ServerProcess help({}, {QStringLiteral("help")});
        QVERIFY(help.finish());
        QCOMPARE(help.process().exitCode(), 0);
        QVERIFY(help.stdoutText().contains("DATABASE_URL"));
    }

    void productionRefusesWeakSecrets()
    {
        ServerProcess missing({});
        QVERIFY(missing.finish());
        QCOMPARE(missing.process().exitCode(), 2);
        QVERIFY(missing.stderrText().contains("SECRET_KEY"));
        ServerProcess placeholder({{QStringLiteral("SECRET_KEY"), QStringLiteral("sua_chave_secreta_super_forte_32_chars")},
                                   {QStringLiteral("JWT_SECRET_KEY"), QStringLiteral("sua_chave_jwt_super_forte_32_chars")}});
        QVERIFY(placeholder.finish());
        QCOMPARE(placeholder.process().exitCode(), 2);
        QVERIFY(!placeholder.stderrText().contains("sua_chave"));
    }

    void servesOnSqliteAndStopsCleanlyOnSigterm()
    {
        const QByteArray strong = "Zk3J9xfPz0qL7mW2vB8nR4tY6uH1sD5gA0cE";
        ServerProcess server({{QStringLiteral("SECRET_KEY"), QString::fromLatin1(strong)},
                              {QStringLiteral("JWT_SECRET_KEY"), QString::fromLatin1(strong + "2")},
                              {QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-live-should-never-be-logged")},
                              {QStringLiteral("DATABASE_URL"), QStringLiteral("sqlite:///data/app.db")}});
        const quint16 port = server.waitForPort();
        QVERIFY2(port != 0, server.stderrText().constData());
        auto health = RawHttp::once(port, "GET", "/health");
        QCOMPARE(health.status, 200);
        QVERIFY(health.json()["database"] == "ok");
        QVERIFY(QFile::exists(server.home() + QStringLiteral("/data/app.db")));
        RawHttp::once(port, "GET", "/health?token=sk-live-should-never-be-logged");
        server.signal(SIGTERM);
        QVERIFY(server.finish());
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        const QByteArray log = server.stderrText();
        QVERIFY(!log.contains("sk-live-should-never-be-logged"));
        QVERIFY(!log.contains(strong));
        // JSON lines by default, with the request id, method, path, status and duration.
        bool sawRequest = false;
        for (const auto &line : log.split('\n')) {
            if (line.isEmpty())
                continue;
            const auto j = nlohmann::json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
            QVERIFY2(j.is_object(), line.constData());
            if (j.contains("request_id") && j["path"] == "/health") {
                sawRequest = true;
                QVERIFY(j["status"] == 200);
                QVERIFY(j["method"] == "GET");
                QVERIFY(j["duration_ms"].is_number());
            }
        }
        QVERIFY(sawRequest);
        QVERIFY(log.contains("\"stopped\""));
    }

    void migrateCommandIsIdempotent()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:///%1/m.db").arg(dir.path());
        for (int i = 0; i < 2; ++i) {
            ServerProcess migrate({{QStringLiteral("DATABASE_URL"), url}}, {QStringLiteral("migrate")});
            QVERIFY(migrate.finish());
            QCOMPARE(migrate.process().exitCode(), 0);
            QVERIFY(migrate.stdoutText().contains("schema version"));
        }
    }

    void runCommandExecutesAWorkflowFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("wf.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "Double", "definition": {"nodes": [
            {"id": "t", "name": "Start", "type": "trigger.manual"},
            {"id": "c", "name": "Double", "type": "core.code", "parameters": {"mode": "runOnceForEachItem", "code": "return {n: $json.n * 2};"}}],
            "edges": [{"from": "t", "to": "c"}]}})");
        f.close();
        ServerProcess run({}, {QStringLiteral("run"), file, QStringLiteral("--input"), QStringLiteral(R"([{"n": 2}, {"n": 5}])")});
        QVERIFY(run.finish());
        QCOMPARE(run.process().exitCode(), 0);
        const auto out = nlohmann::json::parse(run.stdoutText().toStdString());
        QVERIFY(out["status"] == "succeeded");
        QVERIFY(out["nodes"][1]["output"][0][1]["json"]["n"] == 10);

        // The n8n export runs too; its unsupported node fails the run: exit 1, the error names it.
        ServerProcess n8n({}, {QStringLiteral("run"), QStringLiteral(SYNAPSCALE_SOURCE_DIR "/tests/fixtures/n8n/lead-router.n8n.json")});
        QVERIFY(n8n.finish());
        QCOMPARE(n8n.process().exitCode(), 1);
        QVERIFY(n8n.stderrText().contains("Tell Slack"));

        ServerProcess missing({}, {QStringLiteral("run"), dir.filePath(QStringLiteral("nope.json"))});
        QVERIFY(missing.finish());
        QCOMPARE(missing.process().exitCode(), 2);
        ServerProcess badInput({}, {QStringLiteral("run"), file, QStringLiteral("--input"), QStringLiteral("[1]")});
        QVERIFY(badInput.finish());
        QCOMPARE(badInput.process().exitCode(), 2);
    }

    void importCommandStoresAWorkflow()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:///%1/i.db").arg(dir.path());
        const QString n8nFile = QStringLiteral(SYNAPSCALE_SOURCE_DIR "/tests/fixtures/n8n/lead-router.n8n.json");
        ServerProcess noUser({{QStringLiteral("DATABASE_URL"), url}}, {QStringLiteral("import"), n8nFile});
        QVERIFY(noUser.finish());
        QCOMPARE(noUser.process().exitCode(), 2);
        QVERIFY(noUser.stderrText().contains("no user"));
        {
            Database db(DatabaseUrl::parse(url).value());
            QVERIFY(db.exec(QStringLiteral("INSERT INTO users (id, email, email_normalized, password_hash, role, created_at, updated_at) "
                                           "VALUES ('u1', 'Ops@Example.com', 'ops@example.com', 'x', 'admin', '2026-01-01', '2026-01-01')")).ok());
        }
        ServerProcess imported({{QStringLiteral("DATABASE_URL"), url}}, {QStringLiteral("import"), n8nFile, QStringLiteral("--owner"), QStringLiteral("ops@example.com")});
        QVERIFY(imported.finish());
        QCOMPARE(imported.process().exitCode(), 0);
        const auto out = nlohmann::json::parse(imported.stdoutText().toStdString());
        QVERIFY(out["name"] == "Lead router (n8n export)");
        QVERIFY(out["warnings"][0]["node"] == "Tell Slack");
        Database db(DatabaseUrl::parse(url).value());
        auto stored = db.exec(QStringLiteral("SELECT owner_id FROM workflows WHERE id = ?"), {QString::fromStdString(out["workflow_id"].get<std::string>())});
        QVERIFY(stored && stored->next());
        QCOMPARE(stored->value(0).toString(), QStringLiteral("u1"));
    }

    // Two server processes on one SQLite file, both serving the same active webhook under
    // load at once: every request answered, every execution recorded, the file intact.
    void twoServersShareOneSqliteFile()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:///%1/shared.db").arg(dir.path());
        const QHash<QString, QString> env{{QStringLiteral("DATABASE_URL"), url}, {QStringLiteral("DEBUG"), QStringLiteral("true")},
                                          {QStringLiteral("LOG_LEVEL"), QStringLiteral("info")}, {QStringLiteral("WORKERS"), QStringLiteral("2")}};
        ServerProcess first(env);
        const quint16 portA = first.waitForPort();
        QVERIFY(portA);
        const ApiUser user = ApiUser::registerOn(portA, "Shared-file-pass-1");
        QVERIFY(!user.token.isEmpty());
        const std::string id = user.createWorkflow(R"({"nodes": [
            {"id": "h", "name": "Hook", "type": "trigger.webhook", "parameters": {"path": "shared", "responseMode": "lastNode"}},
            {"id": "s", "name": "Set", "type": "core.set", "parameters": {"fields": [{"name": "n", "value": "{{ $json.body.n + 1 }}", "type": "number"}]}}],
            "edges": [{"from": "h", "to": "s"}]})");
        QCOMPARE(RawHttp::once(portA, "POST", QByteArray("/api/v1/workflows/") + id.c_str() + "/activate", {}, user.headers()).status, 200);
        ServerProcess second(env); // loads the active workflow from the shared file
        const quint16 portB = second.waitForPort();
        QVERIFY(portB);

        // 4 clients per server, 50 requests each, all at once.
        std::vector<std::unique_ptr<RawHttp>> clients;
        for (int i = 0; i < 8; ++i) {
            clients.push_back(std::make_unique<RawHttp>(i % 2 ? portB : portA));
            QVERIFY(clients.back()->connectToServer());
        }
        int ok = 0;
        for (int round = 0; round < 50; ++round) {
            for (std::size_t c = 0; c < clients.size(); ++c) {
                const QByteArray body = "{\"n\": " + QByteArray::number(round) + "}";
                clients[c]->socket().write("POST /webhook/shared HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                                           + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            }
            for (auto &client : clients) {
                const auto r = client->send({});
                if (r.status == 200 && r.json()["n"].is_number())
                    ++ok;
            }
        }
        QCOMPARE(ok, 400);
        first.signal(SIGTERM);
        second.signal(SIGTERM);
        QVERIFY(first.finish());
        QVERIFY(second.finish());
        Database db(DatabaseUrl::parse(url).value());
        auto counted = db.exec(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) FROM executions"));
        QVERIFY(counted && counted->next());
        QCOMPARE(counted->value(0).toInt(), 400);
        QCOMPARE(counted->value(1).toInt(), 400);
        // Node runs are rows, or folded into their execution's row when it ran within one batch.
        auto runs = db.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM execution_node_runs) + "
                                           "(SELECT COALESCE(SUM(json_array_length(node_runs)), 0) FROM executions)"));
        QVERIFY(runs && runs->next());
        QCOMPARE(runs->value(0).toInt(), 800);
        auto integrity = db.exec(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(integrity && integrity->next());
        QCOMPARE(integrity->value(0).toString(), QStringLiteral("ok"));
    }

    // SIGKILL while one execution runs a long Code node and another waits in a Wait node: on
    // restart the running one is failed "interrupted", the waiting one resumes and succeeds, and
    // the SQLite file is intact.
    void killedMidRunRecovers()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:///%1/kill.db").arg(dir.path());
        const QHash<QString, QString> env{{QStringLiteral("DATABASE_URL"), url}, {QStringLiteral("DEBUG"), QStringLiteral("true")},
                                          {QStringLiteral("CODE_TIMEOUT_SECONDS"), QStringLiteral("60")}};
        auto server = std::make_unique<ServerProcess>(env);
        quint16 port = server->waitForPort();
        QVERIFY(port);
        ApiUser user = ApiUser::registerOn(port, "Killed-mid-run-1");
        QVERIFY(!user.token.isEmpty());
        const std::string busy = user.createWorkflow(R"({"nodes": [{"id": "t", "name": "Start", "type": "trigger.manual"},
            {"id": "c", "name": "Busy", "type": "core.code", "parameters": {"code": "const t = Date.now(); while (Date.now() - t < 30000) {} return [];"}}],
            "edges": [{"from": "t", "to": "c"}]})");
        const std::string waiting = user.createWorkflow(R"({"nodes": [{"id": "t", "name": "Start", "type": "trigger.manual"},
            {"id": "w", "name": "Pause", "type": "core.wait", "parameters": {"amount": 2}},
            {"id": "e", "name": "End", "type": "core.set", "parameters": {"fields": [{"name": "resumed", "value": "yes"}]}}],
            "edges": [{"from": "t", "to": "w"}, {"from": "w", "to": "e"}]})");
        const std::string running = user.execute(busy);
        const std::string parked = user.execute(waiting);
        QTRY_VERIFY(user.statusOf(running) == "running" && user.statusOf(parked) == "waiting");
        server->signal(SIGKILL);
        QVERIFY(server->finish());
        server.reset();

        ServerProcess restarted(env);
        port = restarted.waitForPort();
        QVERIFY(port);
        user.signIn(port);
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(user.statusOf(parked)), QStringLiteral("succeeded"), 40000); // after the crashed lease goes stale (15 s)
        const auto interrupted = user.execution(running);
        QVERIFY(interrupted["status"] == "failed");
        QVERIFY(interrupted["error"] == "interrupted");
        const auto resumed = user.execution(parked);
        bool sawEnd = false;
        for (const auto &n : resumed["nodes"])
            sawEnd = sawEnd || (n["name"] == "End" && n["output"][0][0]["json"]["resumed"] == "yes");
        QVERIFY(sawEnd);
        restarted.signal(SIGTERM);
        QVERIFY(restarted.finish());
        Database db(DatabaseUrl::parse(url).value());
        auto integrity = db.exec(QStringLiteral("PRAGMA integrity_check"));
        QVERIFY(integrity && integrity->next());
        QCOMPARE(integrity->value(0).toString(), QStringLiteral("ok"));
    }

    // A second instance starting on the same database leaves the first one's live executions
    // alone: their leases are fresh, so nothing is failed as interrupted or resumed twice.
    void secondInstanceLeavesLiveExecutionsAlone()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:///%1/lease.db").arg(dir.path());
        const QHash<QString, QString> env{{QStringLiteral("DATABASE_URL"), url}, {QStringLiteral("DEBUG"), QStringLiteral("true")},
                                          {QStringLiteral("CODE_TIMEOUT_SECONDS"), QStringLiteral("60")}};
        ServerProcess first(env);
        const quint16 port = first.waitForPort();
        QVERIFY(port);
        const ApiUser user = ApiUser::registerOn(port, "Lease-holder-pass-1");
        QVERIFY(!user.token.isEmpty());
        const std::string busy = user.createWorkflow(R"({"nodes": [{"id": "t", "name": "Start", "type": "trigger.manual"},
            {"id": "c", "name": "Busy", "type": "core.code", "parameters": {"code": "const t = Date.now(); while (Date.now() - t < 4000) {} return [{done: true}];"}}],
            "edges": [{"from": "t", "to": "c"}]})");
        const std::string waiting = user.createWorkflow(R"({"nodes": [{"id": "t", "name": "Start", "type": "trigger.manual"},
            {"id": "w", "name": "Pause", "type": "core.wait", "parameters": {"amount": 4}},
            {"id": "e", "name": "End", "type": "core.noop"}],
            "edges": [{"from": "t", "to": "w"}, {"from": "w", "to": "e"}]})");
        const std::string running = user.execute(busy);
        const std::string parked = user.execute(waiting);
        QTRY_VERIFY(user.statusOf(running) == "running" && user.statusOf(parked) == "waiting");
        ServerProcess second(env);
        QVERIFY(second.waitForPort());
        QTRY_VERIFY_WITH_TIMEOUT(user.statusOf(running) == "succeeded", 15000);
        QTRY_VERIFY_WITH_TIMEOUT(user.statusOf(parked) == "succeeded", 15000);
        int ends = 0;
        const auto finished = user.execution(parked);
        for (const auto &n : finished["nodes"])
            ends += n["name"] == "End" ? 1 : 0;
        QCOMPARE(ends, 1);
        QVERIFY(!second.stderrText().contains("recovered executions"));
    }

    void servesOnPostgres()
    {
        if (test::postgresUrl().isEmpty()) {
            QVERIFY2(!test::postgresRequired(), "Postgres is required but not configured");
            QSKIP("SYNAPSCALE_TEST_PG_URL not set");
        }
        ServerProcess server({{QStringLiteral("DEBUG"), QStringLiteral("true")},
                              {QStringLiteral("DATABASE_URL"), test::postgresUrl()},
                              {QStringLiteral("DATABASE_SCHEMA"), QStringLiteral("cli_serve_test")}});
        const quint16 port = server.waitForPort();
        QVERIFY2(port != 0, server.stderrText().constData());
        QCOMPARE(healthStatus(port), 200);
        server.signal(SIGINT);
        QVERIFY(server.finish());
        QCOMPARE(server.process().exitCode(), 0);
    }

    void unreachablePostgresIsAClearErrorNotACrash()
    {
        ServerProcess server({{QStringLiteral("DEBUG"), QStringLiteral("true")},
                              {QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://app:hunter2secret@127.0.0.1:1/nowhere")}});
        QVERIFY(server.finish(20000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 1);
        const QByteArray err = server.stderrText();
        QVERIFY2(err.contains("cannot open postgresql database"), err.constData());
        QVERIFY(!err.contains("hunter2secret"));
    }

    void portAlreadyInUseIsAClearError()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        ServerProcess server({{QStringLiteral("DEBUG"), QStringLiteral("true")},
                              {QStringLiteral("PORT"), QString::number(occupant.serverPort())}});
        QVERIFY(server.finish());
        QCOMPARE(server.process().exitCode(), 1);
        QVERIFY2(server.stderrText().contains("cannot listen"), server.stderrText().constData());
    }

    void sqliteSurvivesTheServerKilledDuringWrites()
    {
        QTemporaryDir dir;
        const QString url = QStringLiteral("sqlite:///%1/killed.db").arg(dir.path());
        qint64 accepted = 0;
        for (int round = 0; round < 2; ++round) {
            ServerProcess server({{QStringLiteral("DEBUG"), QStringLiteral("true")},
                                  {QStringLiteral("DATABASE_URL"), url},
                                  {QStringLiteral("RATE_LIMIT_PER_IP"), QStringLiteral("100000")}});
            const quint16 port = server.waitForPort();
            QVERIFY2(port != 0, server.stderrText().constData());
            // Several clients register accounts (each a write transaction) while the server is killed.
            QList<std::shared_ptr<RawHttp>> clients;
            for (int i = 0; i < 6; ++i) {
                auto client = std::make_shared<RawHttp>(port);
                QVERIFY(client->connectToServer());
                clients << client;
            }
            for (int n = 0; n < 4; ++n) {
                for (int i = 0; i < clients.size(); ++i) {
                    const QByteArray body = QStringLiteral(R"({"email":"r%1c%2n%3@example.com","password":"Killed-Server-Pass-9"})")
                                                .arg(round).arg(i).arg(n).toUtf8();
                    clients[i]->socket().write("POST /api/v1/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                               "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                }
                QTest::qWait(120);
            }
            server.signal(SIGKILL);
            QVERIFY(server.finish());
            QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);

            Database db(*DatabaseUrl::parse(url));
            auto integrity = db.exec(QStringLiteral("PRAGMA integrity_check"));
            QVERIFY(integrity.ok() && integrity->next());
            QCOMPARE(integrity->value(0).toString(), QStringLiteral("ok"));
            auto users = db.exec(QStringLiteral("SELECT COUNT(*) FROM users WHERE email_normalized <> '' AND password_hash LIKE '$argon2id$%'"));
            QVERIFY(users.ok() && users->next());
            const qint64 whole = users->value(0).toLongLong();
            auto all = db.exec(QStringLiteral("SELECT COUNT(*) FROM users"));
            QVERIFY(all.ok() && all->next());
            QCOMPARE(all->value(0).toLongLong(), whole); // no half-written account
            QVERIFY2(whole > accepted, "no account was written before the kill");
            accepted = whole;
        }
        // And the server starts again on it.
        ServerProcess again({{QStringLiteral("DEBUG"), QStringLiteral("true")}, {QStringLiteral("DATABASE_URL"), url}});
        const quint16 port = again.waitForPort();
        QVERIFY(port != 0);
        QCOMPARE(healthStatus(port), 200);
    }

    void postgresGoingAwayGives503ThenRecovers()
    {
        if (test::postgresUrl().isEmpty()) {
            QVERIFY2(!test::postgresRequired(), "Postgres is required but not configured");
            QSKIP("SYNAPSCALE_TEST_PG_URL not set");
        }
        // A cluster of its own, so stopping it does not disturb other tests.
        QTemporaryDir dir;
        // As root the cluster runs as user postgres, which must be able to reach the folder.
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                              | QFileDevice::ExeGroup);
        const QString pgdir = dir.path() + QStringLiteral("/pg");
        const QByteArray started = runScript({QStringLiteral("start"), pgdir});
        static const QRegularExpression urlPattern(QStringLiteral("SYNAPSCALE_TEST_PG_URL=(\\S+)"));
        const auto m = urlPattern.match(QString::fromUtf8(started));
        QVERIFY2(m.hasMatch(), started.constData());
        ServerProcess server({{QStringLiteral("DEBUG"), QStringLiteral("true")}, {QStringLiteral("DATABASE_URL"), m.captured(1)}});
        const quint16 port = server.waitForPort();
        QVERIFY2(port != 0, server.stderrText().constData());
        QCOMPARE(healthStatus(port), 200);

        runScript({QStringLiteral("stop"), pgdir});
        QTRY_COMPARE_WITH_TIMEOUT(healthStatus(port), 503, 10000);
        auto down = RawHttp::once(port, "GET", "/health");
        QVERIFY(down.json()["database"] == "unavailable");
        QVERIFY(down.json()["code"] == "database_unavailable");

        runScript({QStringLiteral("start"), pgdir});
        QTRY_COMPARE_WITH_TIMEOUT(healthStatus(port), 200, 15000);
        server.signal(SIGTERM);
        QVERIFY(server.finish());
        QCOMPARE(server.process().exitCode(), 0);
        runScript({QStringLiteral("stop"), pgdir});
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
