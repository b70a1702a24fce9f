// Workflow CRUD over HTTP on 127.0.0.1, on SQLite and PostgreSQL: versions, optimistic
// concurrency, validation with `loc` at the node, and user isolation.
#include "api/backendhost.h"
#include "auth/authservice.h"
#include "storage/database.h"
#include "support/apihost.h"
#include "support/rawhttp.h"
#include "support/testsupport.h"

#include <QTest>

#include <memory>

using namespace synapscale;
using nlohmann::json;
using test::RawHttp;
using test::RawResponse;

namespace {
QString g_backend = QStringLiteral("sqlite");
const QString kBase = QStringLiteral("/api/v1/workflows");

json sampleDefinition()
{
    return {{"nodes",
             {{{"id", "t"}, {"type", "trigger.manual"}, {"name", "Start"}, {"position", {0, 0}}},
              {{"id", "s"}, {"type", "core.set"}, {"name", "Set"}, {"position", {200, 0}}, {"parameters", {{"values", {{"a", 1}}}}}}}},
            {"edges", {{{"from", "t"}, {"fromPort", 0}, {"to", "s"}, {"toPort", 0}}}},
            {"settings", {{"timeout", 30}}}};
}
} // namespace

class TestWorkflows : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestDatabase m_db;
    std::unique_ptr<BackendHost> m_host;
    quint16 m_port = 0;
    QString m_alice;
    QString m_bob;

    RawResponse call(const QByteArray &method, const QString &path, const QString &token, const json &body = nullptr)
    {
        return test::callApi(m_port, method, path, token, body);
    }

    QString tokenFor(const QString &email) { return test::signUp(*m_host, email, QStringLiteral("Workflow-Tester-77")); }

    json create(const QString &name, const json &tags = json::array(), const json &definition = sampleDefinition())
    {
        auto r = call("POST", kBase, m_alice, {{"name", name.toStdString()}, {"tags", tags}, {"definition", definition}});
        if (r.status != 201)
            qWarning("create: %d %s", r.status, r.body.constData());
        return r.json();
    }

private Q_SLOTS:
    void init()
    {
        m_db = test::freshDatabase(g_backend, m_dir.path());
        m_host = test::startHost(m_db, {}, &m_port);
        QVERIFY(m_host);
        m_alice = tokenFor(QStringLiteral("alice@example.com"));
        m_bob = tokenFor(QStringLiteral("bob@example.com"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
    }

    void cleanup()
    {
        m_host.reset();
        test::dropSchema(m_db);
    }

    void createGetUpdateWithVersions()
    {
        const json created = create(QStringLiteral("Invoice sync"), {"finance"});
        QVERIFY(created["version"] == 1);
        QVERIFY(created["definition"]["schemaVersion"] == 1);
        QVERIFY(created["definition"]["nodes"][1]["parameters"]["values"]["a"] == 1);
        QVERIFY(created["definition"]["nodes"][0]["parameters"].is_object()); // default filled in
        const QString id = QString::fromStdString(created["id"].get<std::string>());

        auto got = call("GET", kBase + QLatin1Char('/') + id, m_alice);
        QCOMPARE(got.status, 200);
        QVERIFY(got.json()["definition"] == created["definition"]);

        json edited = sampleDefinition();
        edited["nodes"][1]["parameters"]["values"]["a"] = 2;
        auto saved = call("PUT", kBase + QLatin1Char('/') + id, m_alice, {{"name", "Invoice sync v2"}, {"definition", edited}, {"version", 1}});
        QCOMPARE(saved.status, 200);
        QVERIFY(saved.json()["version"] == 2);
        // Someone still editing version 1 is told, and nothing is overwritten.
        auto stale = call("PUT", kBase + QLatin1Char('/') + id, m_alice, {{"name", "Old tab"}, {"definition", sampleDefinition()}, {"version", 1}});
        QCOMPARE(stale.status, 409);
        QVERIFY(stale.json()["code"] == "conflict");
        QVERIFY(call("GET", kBase + QLatin1Char('/') + id, m_alice).json()["name"] == "Invoice sync v2");

        auto versions = call("GET", kBase + QLatin1Char('/') + id + QStringLiteral("/versions"), m_alice);
        QCOMPARE(int(versions.json().size()), 2);
        QVERIFY(versions.json()[0]["version"] == 2);
        auto v1 = call("GET", kBase + QLatin1Char('/') + id + QStringLiteral("/versions/1"), m_alice);
        QVERIFY(v1.json()["definition"]["nodes"][1]["parameters"]["values"]["a"] == 1);
        auto restored = call("POST", kBase + QLatin1Char('/') + id + QStringLiteral("/versions/1/restore"), m_alice);
        QCOMPARE(restored.status, 200);
        QVERIFY(restored.json()["version"] == 3);
        QVERIFY(restored.json()["definition"]["nodes"][1]["parameters"]["values"]["a"] == 1);
        QCOMPARE(call("GET", kBase + QLatin1Char('/') + id + QStringLiteral("/versions/9"), m_alice).status, 404);
        QCOMPARE(call("GET", kBase + QLatin1Char('/') + id + QStringLiteral("/versions/zero"), m_alice).status, 422);

        auto exported = call("GET", kBase + QLatin1Char('/') + id + QStringLiteral("/export"), m_alice);
        QCOMPARE(exported.status, 200);
        QVERIFY(exported.header("Content-Disposition").contains("Invoice_sync.synapscale.json")); // the restore brought the old name back
        QVERIFY(exported.json()["definition"]["nodes"].size() == 2);

        QCOMPARE(call("DELETE", kBase + QLatin1Char('/') + id, m_alice).status, 204);
        QCOMPARE(call("GET", kBase + QLatin1Char('/') + id, m_alice).status, 404);
        QCOMPARE(call("GET", kBase + QLatin1Char('/') + id + QStringLiteral("/versions"), m_alice).status, 404);
    }

    void listsSearchFilterAndPage()
    {
        for (int i = 0; i < 5; ++i)
            create(QStringLiteral("Report %1").arg(i), i % 2 ? json{"odd"} : json{"even"});
        create(QStringLiteral("Weekly digest"));
        auto page = call("GET", kBase + QStringLiteral("?limit=2"), m_alice);
        QCOMPARE(page.status, 200);
        QVERIFY(page.json()["total"] == 6);
        QCOMPARE(int(page.json()["items"].size()), 2);
        QVERIFY(!page.json()["items"][0].contains("definition"));
        QVERIFY(call("GET", kBase + QStringLiteral("/?search=weekly"), m_alice).json()["total"] == 1);
        QVERIFY(call("GET", kBase + QStringLiteral("?tag=odd"), m_alice).json()["total"] == 2);
        QVERIFY(call("GET", kBase + QStringLiteral("?active=false"), m_alice).json()["total"] == 6);
        QCOMPARE(call("GET", kBase + QStringLiteral("?limit=500"), m_alice).status, 422);
        QCOMPARE(call("GET", kBase + QStringLiteral("?active=maybe"), m_alice).status, 422);
        QVERIFY(call("GET", kBase, m_bob).json()["total"] == 0);
    }

    void listShowsTheLastRun()
    {
        const QString never = QString::fromStdString(create(QStringLiteral("Never run")).value("id", ""));
        const QString ran = QString::fromStdString(create(QStringLiteral("Ran twice")).value("id", ""));
        QCOMPARE(call("POST", kBase + QLatin1Char('/') + ran + QStringLiteral("/execute"), m_alice, {{"wait", true}}).status, 200);
        // The second run fails: Set's `jsonOutput` mode with text that is not JSON.
        json broken = sampleDefinition();
        broken["nodes"][1]["parameters"] = {{"mode", "raw"}, {"jsonOutput", "{not json"}};
        QCOMPARE(call("PUT", kBase + QLatin1Char('/') + ran, m_alice, {{"name", "Ran twice"}, {"definition", broken}, {"version", 1}}).status, 200);
        QTest::qWait(5); // distinct created_at for the two executions
        auto failed = call("POST", kBase + QLatin1Char('/') + ran + QStringLiteral("/execute"), m_alice, {{"wait", true}});
        QCOMPARE(failed.json().value("status", ""), std::string("failed"));
        const json items = call("GET", kBase, m_alice).json()["items"];
        QCOMPARE(int(items.size()), 2);
        for (const auto &item : items) {
            if (item["id"] == never.toStdString()) {
                QVERIFY(item.contains("last_execution") && item["last_execution"].is_null());
            } else {
                QVERIFY2(item["last_execution"]["status"] == "failed", item.dump().c_str());
                QVERIFY(item["last_execution"]["at"].get<std::string>().size() >= 20);
            }
        }
    }

    void anotherUsersWorkflowIsNotFound()
    {
        const QString id = QString::fromStdString(create(QStringLiteral("Private")).value("id", ""));
        QCOMPARE(call("GET", kBase + QLatin1Char('/') + id, m_bob).status, 404);
        QCOMPARE(call("PUT", kBase + QLatin1Char('/') + id, m_bob, {{"name", "Mine now"}, {"definition", sampleDefinition()}, {"version", 1}}).status, 404);
        QCOMPARE(call("DELETE", kBase + QLatin1Char('/') + id, m_bob).status, 404);
        QCOMPARE(call("POST", kBase + QLatin1Char('/') + id + QStringLiteral("/versions/1/restore"), m_bob).status, 404);
        auto still = call("GET", kBase + QLatin1Char('/') + id, m_alice);
        QCOMPARE(still.status, 200);
        QVERIFY(still.json()["name"] == "Private" && still.json()["version"] == 1);
        QCOMPARE(RawHttp::once(m_port, "GET", kBase.toUtf8()).status, 401);
    }

    void brokenDefinitionsAre422AtTheNode_data()
    {
        QTest::addColumn<QByteArray>("definition");
        QTest::addColumn<QByteArray>("loc");
        QTest::newRow("duplicate id") << QByteArray(R"({"nodes":[{"id":"a","type":"x"},{"id":"a","type":"y"}],"edges":[]})")
                                      << QByteArray(R"(["body","definition","nodes",1,"id"])");
        QTest::newRow("dangling edge") << QByteArray(R"({"nodes":[{"id":"a","type":"x"}],"edges":[{"from":"a","to":"ghost"}]})")
                                       << QByteArray(R"(["body","definition","edges",0])");
        QTest::newRow("negative port") << QByteArray(R"({"nodes":[{"id":"a","type":"x"},{"id":"b","type":"y"}],"edges":[{"from":"a","to":"b","toPort":-1}]})")
                                       << QByteArray(R"(["body","definition","edges",0])");
        QTest::newRow("missing type") << QByteArray(R"({"nodes":[{"id":"a"}],"edges":[]})") << QByteArray(R"(["body","definition","nodes",0,"type"])");
        QTest::newRow("bad parameters") << QByteArray(R"({"nodes":[{"id":"a","type":"x","parameters":[1]}],"edges":[]})")
                                        << QByteArray(R"(["body","definition","nodes",0,"parameters"])");
        QTest::newRow("bad position") << QByteArray(R"({"nodes":[{"id":"a","type":"x","position":"here"}],"edges":[]})")
                                      << QByteArray(R"(["body","definition","nodes",0,"position"])");
        QTest::newRow("duplicate name") << QByteArray(R"({"nodes":[{"id":"a","type":"x","name":"N"},{"id":"b","type":"x","name":"N"}],"edges":[]})")
                                        << QByteArray(R"(["body","definition","nodes",1,"name"])");
        QTest::newRow("nodes not a list") << QByteArray(R"({"nodes":{},"edges":[]})") << QByteArray(R"(["body","definition","nodes"])");
        QTest::newRow("definition not an object") << QByteArray(R"([1,2])") << QByteArray(R"(["body","definition"])");
    }
    void brokenDefinitionsAre422AtTheNode()
    {
        QFETCH(QByteArray, definition);
        QFETCH(QByteArray, loc);
        const QByteArray body = R"({"name":"Broken","definition":)" + definition + "}";
        auto r = RawHttp::once(m_port, "POST", kBase.toUtf8(), body, {{"Authorization", "Bearer " + m_alice.toUtf8()}});
        QCOMPARE(r.status, 422);
        const json expected = json::parse(loc.toStdString());
        bool found = false;
        const json reply = r.json();
        for (const auto &e : reply["detail"])
            found = found || e["loc"] == expected;
        QVERIFY2(found, r.body.constData());
        QVERIFY(call("GET", kBase, m_alice).json()["total"] == 0);
    }

    void badBodiesAreRefused()
    {
        QCOMPARE(call("POST", kBase, m_alice, {{"definition", sampleDefinition()}}).status, 422);                        // no name
        QCOMPARE(call("POST", kBase, m_alice, {{"name", "   "}, {"definition", sampleDefinition()}}).status, 422);       // blank name
        QCOMPARE(call("POST", kBase, m_alice, {{"name", "x"}}).status, 422);                                              // no definition
        QCOMPARE(call("POST", kBase, m_alice, {{"name", "x"}, {"definition", sampleDefinition()}, {"tags", "a"}}).status, 422);
        QCOMPARE(call("POST", kBase, m_alice, {{"name", "x"}, {"definition", sampleDefinition()}, {"owner", "bob"}}).status, 422);
        const QString id = QString::fromStdString(create(QStringLiteral("Keep")).value("id", ""));
        QCOMPARE(call("PUT", kBase + QLatin1Char('/') + id, m_alice, {{"name", "x"}, {"definition", sampleDefinition()}}).status, 422); // no version
        QCOMPARE(call("PUT", kBase + QLatin1Char('/') + id, m_alice, {{"name", "x"}, {"definition", sampleDefinition()}, {"version", "1"}}).status, 422);
        QVERIFY(call("GET", kBase + QLatin1Char('/') + id, m_alice).json()["name"] == "Keep");
        auto malformed = RawHttp::once(m_port, "POST", kBase.toUtf8(), "{\"name\":", {{"Authorization", "Bearer " + m_alice.toUtf8()}});
        QCOMPARE(malformed.status, 400);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return test::runOnEveryDatabase(argc, argv, g_backend, [](int c, char **v) {
        TestWorkflows test;
        return QTest::qExec(&test, c, v);
    });
}

#include "tst_workflows.moc"
