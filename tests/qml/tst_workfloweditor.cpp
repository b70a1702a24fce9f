// The editor's view-models against a real backend on 127.0.0.1: the node catalog, the workflow
// document (edits, undo/redo, selection, clipboard with native and n8n JSON, autosave, version
// conflicts, validation errors on the nodes), runs shown live on the nodes, past executions
// opened read-only, and the Workflows list (create, rename, duplicate, delete with undo,
// import with warnings, export). Every model runs under QAbstractItemModelTester.
#include "api/backendhost.h"
#include "apiclient.h"
#include "auth/authservice.h"
#include "canvasedges.h"
#include "canvasnodes.h"
#include "credentiallist.h"
#include "executionlist.h"
#include "expressionpreview.h"
#include "nodecatalog.h"
#include "support/apihost.h"
#include "support/rawhttp.h"
#include "workflowdocument.h"
#include "workflowlist.h"
#include "workflowrunner.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace synapscale;
using namespace synapscale::test;
using nlohmann::json;

class TestWorkflowEditor : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;
    std::unique_ptr<BackendHost> m_host;
    std::unique_ptr<ApiClient> m_api;
    quint16 m_port = 0;
    QString m_token;
    NodeCatalog *m_catalog = nullptr;

    QString createWorkflow(const json &definition, const QString &name = QStringLiteral("Editor test"))
    {
        const auto r = callApi(m_port, "POST", QStringLiteral("/api/v1/workflows"), m_token, {{"name", name.toStdString()}, {"definition", definition}});
        return QString::fromStdString(r.json().value("id", std::string()));
    }
    json storedDefinition(const QString &id)
    {
        return callApi(m_port, "GET", QStringLiteral("/api/v1/workflows/") + id, m_token).json()["definition"];
    }
    int storedVersion(const QString &id)
    {
        return callApi(m_port, "GET", QStringLiteral("/api/v1/workflows/") + id, m_token).json().value("version", 0);
    }
    static json manualSetIf()
    {
        return {{"nodes",
                 {{{"id", "m"}, {"type", "trigger.manual"}, {"name", "Manual"}, {"position", {0, 0}}},
                  {{"id", "s"}, {"type", "core.set"}, {"name", "Set"}, {"position", {300, 0}},
                   {"parameters", {{"fields", {{{"name", "n"}, {"type", "number"}, {"value", "{{ $json.n ?? 5 }}"}}}}}}},
                  {{"id", "i"}, {"type", "core.if"}, {"name", "Big?"}, {"position", {600, 0}},
                   {"parameters", {{"conditions", {{"combinator", "and"}, {"conditions", {{{"leftValue", "{{ $json.n }}"}, {"rightValue", 3},
                                                                                          {"operator", {{"type", "number"}, {"operation", "gt"}}}}}}}}}}}}},
                {"edges", {{{"from", "m"}, {"to", "s"}}, {{"from", "s"}, {"to", "i"}}}},
                {"settings", {{"timeout", 60}}}};
    }
    // A document with its catalog, loaded with a stored workflow and its models under test.
    struct Open {
        std::unique_ptr<WorkflowDocument> doc;
        std::unique_ptr<QAbstractItemModelTester> nodesTester;
        std::unique_ptr<QAbstractItemModelTester> edgesTester;
    };
    Open open(const QString &id)
    {
        Open o;
        o.doc = std::make_unique<WorkflowDocument>();
        o.doc->setCatalog(m_catalog);
        o.nodesTester = std::make_unique<QAbstractItemModelTester>(o.doc->nodes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        o.edgesTester = std::make_unique<QAbstractItemModelTester>(o.doc->edges(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        o.doc->load(id);
        if (!QTest::qWaitFor([&] { return !o.doc->loading() && o.doc->workflowId() == id; }, 10000))
            qWarning("load timed out: %s", qPrintable(o.doc->error()));
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        const TestDatabase db = freshDatabase(QStringLiteral("sqlite"), m_home.path());
        // Credentials are stored encrypted: the picker tests create some.
        m_host = startHost(db, {{QStringLiteral("ENCRYPTION_KEY"), QStringLiteral("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")}}, &m_port);
        QVERIFY(m_host);
        auto session = m_host->auth().signInLocalUser({});
        QVERIFY(session.ok());
        m_token = session->accessToken;
        m_api = std::make_unique<ApiClient>(nullptr);
        ApiClient::setInstance(m_api.get());
        m_api->configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)), session->accessToken, session->refreshToken, session->expiresIn);
        QVERIFY(QTest::qWaitFor([&] { return m_api->live(); }, 10000));
        m_catalog = new NodeCatalog(this);
        QAbstractItemModelTester tester(m_catalog, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(QTest::qWaitFor([&] { return m_catalog->ready(); }, 10000));
    }

    void catalogListsByCategoryAndSearches()
    {
        QAbstractItemModelTester tester(m_catalog, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_catalog->setSearch({});
        QVERIFY(m_catalog->rowCount() > 20);
        QCOMPARE(m_catalog->index(0).data(NodeCatalog::CategoryRole).toString(), QStringLiteral("Triggers"));
        QCOMPARE(m_catalog->outputsOf(QStringLiteral("core.if")), (QStringList{QStringLiteral("true"), QStringLiteral("false")}));
        QCOMPARE(m_catalog->inputsOf(QStringLiteral("core.merge")).size(), 2);
        QVERIFY(m_catalog->inputsOf(QStringLiteral("trigger.manual")).isEmpty());
        QCOMPARE(m_catalog->glyphOf(QStringLiteral("core.http_request")), QStringLiteral("HR"));
        m_catalog->setSearch(QStringLiteral("http req"));
        QVERIFY(m_catalog->rowCount() >= 1);
        QCOMPARE(m_catalog->typeAt(0), QStringLiteral("core.http_request"));
        m_catalog->setSearch(QStringLiteral("IF"));
        QCOMPARE(m_catalog->typeAt(0), QStringLiteral("core.if")); // the name match before description matches
        m_catalog->setSearch(QStringLiteral("no such node at all"));
        QCOMPARE(m_catalog->rowCount(), 0);
        m_catalog->setSearch({});
        QVERIFY(!m_catalog->descriptor(QStringLiteral("core.set")).value(QStringLiteral("parameters")).toMap().isEmpty());
    }

    // The inspector's credential picker: the user's credentials of a node's kinds, their fields,
    // creation (and refusals, said in words), never any value.
    void credentialListForThePicker()
    {
        CredentialListModel http;
        QAbstractItemModelTester tester(&http, QAbstractItemModelTester::FailureReportingMode::QtTest);
        http.setTypes({QStringLiteral("http_basic"), QStringLiteral("http_bearer"), QStringLiteral("http_header")});
        QVERIFY(QTest::qWaitFor([&] { return http.ready() && !http.fieldsOf(QStringLiteral("http_basic")).isEmpty(); }, 5000));
        QCOMPARE(http.rowCount(), 0);
        const QVariantList basic = http.fieldsOf(QStringLiteral("http_basic"));
        QCOMPARE(basic.size(), 2);
        QCOMPARE(basic.at(0).toMap().value(QStringLiteral("name")).toString(), QStringLiteral("username"));
        QVERIFY(basic.at(0).toMap().value(QStringLiteral("required")).toBool() && !basic.at(0).toMap().value(QStringLiteral("secret")).toBool());
        QVERIFY(basic.at(1).toMap().value(QStringLiteral("secret")).toBool());
        QCOMPARE(http.typeName(QStringLiteral("http_bearer")), QStringLiteral("HTTP bearer token"));

        QSignalSpy created(&http, &CredentialListModel::created);
        QSignalSpy failed(&http, &CredentialListModel::createFailed);
        http.create(QStringLiteral(" CRM "), QStringLiteral("http_basic"),
                    {{QStringLiteral("username"), QStringLiteral("ana")}, {QStringLiteral("password"), QStringLiteral("pw-123")}});
        QVERIFY(created.wait(5000));
        const QString id = created.at(0).at(0).toString();
        QCOMPARE(http.rowCount(), 1);
        QCOMPARE(http.indexOf(id), 0);
        QCOMPARE(http.index(0).data(CredentialListModel::NameRole).toString(), QStringLiteral("CRM"));
        QCOMPARE(http.index(0).data(CredentialListModel::TypeNameRole).toString(), QStringLiteral("HTTP basic auth"));
        // A required field missing, and a taken name: refused with the server's reason; nothing added.
        http.create(QStringLiteral("No password"), QStringLiteral("http_basic"), {{QStringLiteral("username"), QStringLiteral("x")}});
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("password")), qPrintable(failed.at(0).at(0).toString()));
        http.create(QStringLiteral("CRM"), QStringLiteral("http_bearer"), {{QStringLiteral("token"), QStringLiteral("t")}});
        QVERIFY(failed.wait(5000));
        QCOMPARE(http.rowCount(), 1);
        QCOMPARE(created.count(), 1);

        // Another list of other kinds does not show it; the stored values never come back.
        CredentialListModel ai;
        ai.setTypes({QStringLiteral("openai")});
        QVERIFY(QTest::qWaitFor([&] { return ai.ready(); }, 5000));
        QCOMPARE(ai.rowCount(), 0);
        QCOMPARE(ai.indexOf(id), -1);
        QByteArray stored;
        ApiClient::create(nullptr, nullptr)->get(QStringLiteral("/api/v1/credentials/") + id, this,
                                                 [&](const ApiReply &reply) { stored = QJsonDocument::fromVariant(reply.data).toJson(); });
        QVERIFY(QTest::qWaitFor([&] { return !stored.isEmpty(); }, 5000));
        QVERIFY(stored.contains("password") && !stored.contains("pw-123"));
        // Deleted from Settings: gone from the list (a second delete of it is not an error).
        QSignalSpy removeFailed(&http, &CredentialListModel::removeFailed);
        http.remove(id);
        QVERIFY(QTest::qWaitFor([&] { return http.rowCount() == 0; }, 5000));
        QCOMPARE(callApi(m_port, "GET", QStringLiteral("/api/v1/credentials/") + id, m_token).status, 404);
        http.remove(id);
        QTest::qWait(200);
        QCOMPARE(removeFailed.count(), 0);
    }

    void loadsNodesWithPortsAndEdgeGeometry()
    {
        auto o = open(createWorkflow(manualSetIf()));
        WorkflowDocument &doc = *o.doc;
        QCOMPARE(doc.nodes()->rowCount(), 3);
        QCOMPARE(doc.edges()->rowCount(), 2);
        const int ifRow = doc.nodes()->indexOf(QStringLiteral("i"));
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::OutputsRole).toStringList().size(), 2);
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::TypeNameRole).toString(), QStringLiteral("IF"));
        // The Set -> IF edge ends at IF's input port and starts at Set's right side.
        const QModelIndex edge = doc.edges()->index(1);
        QCOMPARE(edge.data(CanvasEdgeModel::X1Role).toDouble(), 300 + CanvasNodeModel::kWidth);
        QCOMPARE(edge.data(CanvasEdgeModel::X2Role).toDouble(), 600.0);
        // Moving IF moves the edge's end.
        QSignalSpy geometry(doc.edges(), &QAbstractItemModel::dataChanged);
        doc.select(QStringLiteral("i"), false);
        doc.beginMove();
        doc.moveSelectionBy(33, 47);
        QVERIFY(geometry.count() >= 1);
        QCOMPARE(edge.data(CanvasEdgeModel::X2Role).toDouble(), 633.0);
        doc.endMove();
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::XRole).toDouble(), 640.0); // snapped to the 20 px grid
        // The drawn paths: one bezier and one handle per edge, rebuilt once after the burst.
        QSignalSpy paths(doc.edges(), &CanvasEdgeModel::pathsChanged);
        QVERIFY(paths.wait(1000));
        QCOMPARE(paths.count(), 1);
        CanvasEdgeModel &edges = *doc.edges();
        QCOMPARE(edges.path().count(QLatin1Char('M')), 2);
        QCOMPARE(edges.handlePoints().size(), 2);
        QVERIFY(edges.path().contains(QStringLiteral(" 640.0 ")));
        QVERIFY(edges.selectedPath().isEmpty());
        // Handles: the middle of each edge, the nearest within the radius, none beyond it.
        const QPointF a(edge.data(CanvasEdgeModel::X1Role).toDouble(), edge.data(CanvasEdgeModel::Y1Role).toDouble());
        const QPointF b(edge.data(CanvasEdgeModel::X2Role).toDouble(), edge.data(CanvasEdgeModel::Y2Role).toDouble());
        const QPointF middle = (a + b) / 2;
        QCOMPARE(edges.edgeAt(middle.x() + 4, middle.y() - 3, 10), 1);
        QCOMPARE(edges.edgeAt(middle.x() + 40, middle.y(), 10), -1);
        doc.selectEdge(1, false);
        QVERIFY(paths.wait(1000));
        QCOMPARE(edges.path().count(QLatin1Char('M')), 1);
        QCOMPARE(edges.selectedPath().count(QLatin1Char('M')), 1);
        QCOMPARE(edges.selectedHandles().size(), 1);
        QCOMPARE(edges.selectedHandles().at(0).toMap().value(QStringLiteral("row")).toInt(), 1);
        // A deleted node's edges are not drawn; undo brings them back.
        doc.select(QStringLiteral("s"), false);
        doc.removeSelection();
        QVERIFY(paths.wait(1000));
        QVERIFY(edges.path().isEmpty() && edges.selectedPath().isEmpty());
        doc.undo();
        QVERIFY(paths.wait(1000));
        QCOMPARE(edges.path().count(QLatin1Char('M')) + edges.selectedPath().count(QLatin1Char('M')), 2);
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::YRole).toDouble(), 40.0);
        QVERIFY(doc.dirty());
        QCOMPARE(doc.undoText(), QStringLiteral("Move Big?"));
        doc.undo();
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::XRole).toDouble(), 600.0);
        QVERIFY(!doc.dirty());
        // Settings and node fields the editor does not show survive a save.
        doc.redo();
        QSignalSpy saved(&doc, &WorkflowDocument::saved);
        doc.save();
        QVERIFY(saved.wait(5000));
        const json stored = storedDefinition(doc.workflowId());
        QCOMPARE(stored["settings"].value("timeout", 0), 60);
        QVERIFY(stored["nodes"][1]["parameters"]["fields"][0]["value"] == "{{ $json.n ?? 5 }}");
        QVERIFY(!doc.dirty());
    }

    void onlyNodesNearTheViewAreDrawn()
    {
        auto o = open(createWorkflow(manualSetIf()));
        WorkflowDocument &doc = *o.doc;
        CanvasNodeModel &nodes = *doc.nodes();
        const auto drawn = [&](const char *id) { return nodes.index(nodes.indexOf(QLatin1String(id))).data(CanvasNodeModel::InViewRole).toBool(); };
        // Until the canvas says where it looks, everything is drawn.
        QVERIFY(drawn("m") && drawn("s") && drawn("i"));
        QSignalSpy changes(&nodes, &QAbstractItemModel::dataChanged);
        // A view over Manual and Set (x 0-500): widened to 256-unit steps it ends at 512, short of IF (x 600).
        nodes.setView(QRectF(-100, -100, 450, 300));
        QVERIFY(drawn("m") && drawn("s") && !drawn("i"));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), nodes.indexOf(QStringLiteral("i")));
        QCOMPARE(changes.at(0).at(2).value<QList<int>>(), QList<int>{CanvasNodeModel::InViewRole});
        // Panning within the same steps changes nothing (no per-frame work for 500 nodes).
        changes.clear();
        nodes.setView(QRectF(-90, -100, 450, 300));
        nodes.setView(QRectF(-20, -60, 480, 310));
        QCOMPARE(changes.count(), 0);
        // Far enough right, Manual leaves and IF comes in.
        nodes.setView(QRectF(420, -100, 450, 300));
        QVERIFY(!drawn("m") && drawn("s") && drawn("i"));
        QCOMPARE(changes.count(), 2);
        // A node moved into the view, or added outside it, follows the view.
        changes.clear();
        doc.select(QStringLiteral("m"), false);
        doc.beginMove();
        doc.moveSelectionBy(500, 0);
        doc.endMove();
        QVERIFY(drawn("m"));
        const QString far = doc.addNode(QStringLiteral("core.noop"), 5000, 5000);
        QVERIFY(!far.isEmpty());
        QVERIFY(!drawn(qPrintable(far)));
        doc.undo();
        doc.undo();
        QVERIFY(!drawn("m"));
        // A reload keeps the view: only what is in it is drawn.
        QSignalSpy reset(&nodes, &QAbstractItemModel::modelReset);
        doc.load(doc.workflowId());
        QTRY_VERIFY(reset.count() >= 1 && nodes.rowCount() == 3);
        QVERIFY(!drawn("m") && drawn("s") && drawn("i"));
    }

    void addConnectRefuseAndUndoEverything()
    {
        auto o = open(createWorkflow(manualSetIf()));
        WorkflowDocument &doc = *o.doc;
        const QString merge = doc.addNode(QStringLiteral("core.merge"), 901, 199);
        QVERIFY(!merge.isEmpty());
        const int mergeRow = doc.nodes()->indexOf(merge);
        QCOMPARE(doc.nodes()->index(mergeRow).data(CanvasNodeModel::NameRole).toString(), QStringLiteral("Merge"));
        QCOMPARE(doc.nodes()->index(mergeRow).data(CanvasNodeModel::XRole).toDouble(), 900.0);
        QCOMPARE(doc.nodes()->index(mergeRow).data(CanvasNodeModel::InputsRole).toStringList().size(), 2);
        QVERIFY(doc.isSelected(merge));
        QCOMPARE(doc.selectedNodeId(), merge);
        const QString merge2 = doc.addNode(QStringLiteral("core.merge"), 900, 400);
        QCOMPARE(doc.nodeJson(merge2).value(QStringLiteral("name")).toString(), QStringLiteral("Merge 2"));

        QCOMPARE(doc.connectPorts(QStringLiteral("i"), 0, merge, 0), QString());
        QCOMPARE(doc.connectPorts(QStringLiteral("i"), 1, merge, 1), QString());
        // Refused, with a reason, and nothing added.
        QVERIFY(doc.connectPorts(QStringLiteral("i"), 0, merge, 0).contains(QStringLiteral("already")));
        QVERIFY(doc.connectPorts(QStringLiteral("s"), 0, QStringLiteral("m"), 0).contains(QStringLiteral("trigger")));
        QVERIFY(doc.connectPorts(merge, 0, QStringLiteral("s"), 0).contains(QStringLiteral("cycle")));
        QVERIFY(doc.connectPorts(merge, 0, merge, 0).contains(QStringLiteral("itself")));
        QVERIFY(!doc.connectPorts(QStringLiteral("i"), 5, merge2, 0).isEmpty());
        QVERIFY(!doc.connectPorts(QStringLiteral("i"), 0, merge2, 2).isEmpty());
        QCOMPARE(doc.edges()->rowCount(), 4);
        // A cycle through a loop node is fine.
        const QString loop = doc.addNode(QStringLiteral("core.loop"), 1200, 0);
        QCOMPARE(doc.connectPorts(merge, 0, loop, 0), QString());
        QCOMPARE(doc.connectPorts(loop, 1, QStringLiteral("s"), 0), QString());

        // Rename: refused when empty or taken.
        QVERIFY(!doc.rename(merge, QStringLiteral("  ")).isEmpty());
        QVERIFY(doc.rename(merge, QStringLiteral("Set")).contains(QStringLiteral("already")));
        QCOMPARE(doc.rename(merge, QStringLiteral("Join")), QString());
        // Parameter typing merges into one undo step.
        doc.setParameter(merge, QStringLiteral("mode"), QStringLiteral("c"));
        doc.setParameter(merge, QStringLiteral("mode"), QStringLiteral("chooseBranch"));
        QCOMPARE(doc.parameter(merge, QStringLiteral("mode")).toString(), QStringLiteral("chooseBranch"));
        const int stepsBefore = doc.canUndo() ? 1 : 0;
        QVERIFY(stepsBefore);
        doc.undo();
        QVERIFY(!doc.parameters(merge).contains(QStringLiteral("mode")));
        QCOMPARE(doc.nodeJson(merge).value(QStringLiteral("name")).toString(), QStringLiteral("Join"));
        doc.redo();
        QCOMPARE(doc.parameter(merge, QStringLiteral("mode")).toString(), QStringLiteral("chooseBranch"));

        // Delete a node: its edges go with it; undo brings all back where they were.
        const json before = json::parse(QJsonDocument::fromVariant(doc.definition()).toJson().toStdString());
        doc.select(QStringLiteral("i"), false);
        doc.removeSelection();
        QCOMPARE(doc.nodes()->indexOf(QStringLiteral("i")), -1);
        QCOMPARE(doc.edges()->rowCount(), 3); // m->s, merge->loop, loop->s stay; IF's three links go
        doc.undo();
        const json after = json::parse(QJsonDocument::fromVariant(doc.definition()).toJson().toStdString());
        QCOMPARE(after.dump(), before.dump());
        // Undo everything back to the loaded workflow.
        while (doc.canUndo())
            doc.undo();
        QCOMPARE(doc.nodes()->rowCount(), 3);
        QCOMPARE(doc.edges()->rowCount(), 2);
        QVERIFY(!doc.dirty());
        while (doc.canRedo())
            doc.redo();
        QCOMPARE(doc.nodes()->rowCount(), 5); // redo goes all the way, the delete of IF included
        QCOMPARE(doc.nodes()->indexOf(QStringLiteral("i")), -1);
    }

    void selectionRubberBandNudgeAndDisable()
    {
        auto o = open(createWorkflow(manualSetIf()));
        WorkflowDocument &doc = *o.doc;
        doc.selectRect(-10, -10, 520, 100, false); // Manual and Set, not IF at 600
        QCOMPARE(doc.selectionCount(), 2);
        QVERIFY(doc.selectedNodeId().isEmpty());
        doc.select(QStringLiteral("i"), true);
        QCOMPARE(doc.selectionCount(), 3);
        doc.select(QStringLiteral("m"), true); // shift-click toggles
        QCOMPARE(doc.selectionCount(), 2);
        doc.nudgeSelection(1, 0);
        doc.nudgeSelection(1, 0);
        doc.nudgeSelection(0, 1);
        QCOMPARE(doc.nodeJson(QStringLiteral("s")).value(QStringLiteral("position")).toList().at(0).toDouble(), 340.0);
        doc.undo(); // the three nudges were one step
        QCOMPARE(doc.nodeJson(QStringLiteral("s")).value(QStringLiteral("position")).toList().at(0).toDouble(), 300.0);
        doc.toggleDisabled();
        QVERIFY(doc.nodeJson(QStringLiteral("s")).value(QStringLiteral("disabled")).toBool());
        QVERIFY(doc.nodeJson(QStringLiteral("i")).value(QStringLiteral("disabled")).toBool());
        doc.toggleDisabled();
        QVERIFY(!doc.nodeJson(QStringLiteral("s")).contains(QStringLiteral("disabled")));
        doc.selectEdge(0, false);
        QCOMPARE(doc.selectionCount(), 1);
        doc.removeSelection();
        QCOMPARE(doc.edges()->rowCount(), 1);
        QCOMPARE(doc.nodes()->rowCount(), 3);
        doc.selectAll();
        QCOMPARE(doc.selectionCount(), 3);
        doc.clearSelection();
        QCOMPARE(doc.selectionCount(), 0);
    }

    void copyPasteNativeAndN8n()
    {
        auto o = open(createWorkflow(manualSetIf()));
        WorkflowDocument &doc = *o.doc;
        doc.selectRect(250, -10, 600, 100, false); // Set and IF
        const QString copied = doc.copySelection();
        QCOMPARE(QGuiApplication::clipboard()->text(), copied);
        QCOMPARE(doc.paste(300, 400), 2);
        QCOMPARE(doc.nodes()->rowCount(), 5);
        QCOMPARE(doc.edges()->rowCount(), 3); // the Set -> IF link inside the selection came along
        QCOMPARE(doc.nodeJson(doc.nodes()->at(3).id()).value(QStringLiteral("name")).toString(), QStringLiteral("Set 2"));
        QCOMPARE(doc.nodes()->at(3).pos, QPointF(300, 400));
        QCOMPARE(doc.nodes()->at(4).pos, QPointF(600, 400));
        QCOMPARE(doc.selectionCount(), 2); // the pasted nodes are selected
        QCOMPARE(doc.duplicateSelection(), 2);
        QCOMPARE(doc.nodes()->rowCount(), 7);
        // n8n JSON pastes too, with its name-keyed connections.
        const QString n8n = QStringLiteral(R"({"nodes":[
            {"parameters":{},"name":"When clicking","type":"n8n-nodes-base.manualTrigger","typeVersion":1,"position":[0,0]},
            {"parameters":{"values":{"string":[{"name":"greeting","value":"hi"}]}},"name":"Set","type":"n8n-nodes-base.set","typeVersion":1,"position":[200,0]}],
            "connections":{"When clicking":{"main":[[{"node":"Set","type":"main","index":0}]]}}})");
        QCOMPARE(doc.pasteText(n8n, 0, 800), 2);
        QCOMPARE(doc.nodes()->rowCount(), 9);
        QCOMPARE(doc.nodes()->at(8).type(), QStringLiteral("core.set"));
        QCOMPARE(doc.nodes()->at(8).name(), QStringLiteral("Set 4")); // Set, Set 2 and Set 3 (the duplicate) exist
        QCOMPARE(doc.edges()->rowCount(), 5);
        // Not a workflow: refused with a reason, nothing changes.
        QCOMPARE(doc.pasteText(QStringLiteral("hello"), 0, 0), -1);
        QVERIFY(doc.error().contains(QStringLiteral("not workflow JSON")));
        QCOMPARE(doc.pasteText(QStringLiteral(R"({"nodes":[]})"), 0, 0), -1);
        QCOMPARE(doc.nodes()->rowCount(), 9);
        // Cut = copy + delete, one undo step for the delete.
        doc.select(doc.nodes()->at(8).id(), false);
        doc.cutSelection();
        QCOMPARE(doc.nodes()->rowCount(), 8);
        doc.undo();
        QCOMPARE(doc.nodes()->rowCount(), 9);
        QSignalSpy saved(&doc, &WorkflowDocument::saved);
        doc.save();
        QVERIFY(saved.wait(5000));
        QCOMPARE(int(storedDefinition(doc.workflowId())["nodes"].size()), 9);
    }

    void autosavesAfterEditsStop()
    {
        const QString id = createWorkflow(manualSetIf());
        auto o = open(id);
        WorkflowDocument &doc = *o.doc;
        doc.setAutosaveDelay(150);
        QSignalSpy saved(&doc, &WorkflowDocument::saved);
        doc.addNode(QStringLiteral("core.noop"), 0, 300);
        doc.addNode(QStringLiteral("core.noop"), 0, 500);
        QVERIFY(doc.dirty());
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.count(), 1); // one save for both edits
        QVERIFY(!doc.dirty());
        QCOMPARE(storedVersion(id), 2);
        QCOMPARE(int(storedDefinition(id)["nodes"].size()), 5);
        // A node with a required parameter (HTTP Request's URL) starts at its default, so the
        // workflow still saves before it is filled in.
        const QString http = doc.addNode(QStringLiteral("core.http_request"), 300, 300);
        QCOMPARE(doc.parameter(http, QStringLiteral("url")).toString(), QString());
        QVERIFY(doc.parameter(http, QStringLiteral("url")).isValid());
        QVERIFY(saved.wait(5000));
        QVERIFY2(doc.error().isEmpty(), qPrintable(doc.error()));
        QCOMPARE(int(storedDefinition(id)["nodes"].size()), 6);
        doc.setName(QStringLiteral("Renamed in the editor"));
        QVERIFY(saved.wait(5000));
        QCOMPARE(callApi(m_port, "GET", QStringLiteral("/api/v1/workflows/") + id, m_token).json().value("name", ""),
                 std::string("Renamed in the editor"));
    }

    void conflictOffersReloadOrOverwrite()
    {
        const QString id = createWorkflow(manualSetIf());
        auto o = open(id);
        WorkflowDocument &doc = *o.doc;
        doc.setAutosaveDelay(60000);
        // Someone else saves version 2 meanwhile.
        json theirs = manualSetIf();
        theirs["nodes"][1]["name"] = "Their Set";
        QCOMPARE(callApi(m_port, "PUT", QStringLiteral("/api/v1/workflows/") + id, m_token,
                         {{"name", "Editor test"}, {"definition", theirs}, {"version", 1}}).status, 200);
        doc.addNode(QStringLiteral("core.noop"), 0, 300);
        doc.save();
        QVERIFY(QTest::qWaitFor([&] { return doc.conflict(); }, 5000));
        QVERIFY(doc.error().contains(QStringLiteral("changed elsewhere")));
        QVERIFY(doc.dirty());
        QVERIFY(storedDefinition(id)["nodes"][1]["name"] == json("Their Set")); // nothing of theirs lost
        doc.addNode(QStringLiteral("core.noop"), 0, 500); // no autosave loop while in conflict
        QTest::qWait(100);
        QCOMPARE(storedVersion(id), 2);
        // Overwrite: ours on top of theirs, as version 3.
        QSignalSpy saved(&doc, &WorkflowDocument::saved);
        doc.overwrite();
        QVERIFY(saved.wait(5000));
        QVERIFY(!doc.conflict());
        QCOMPARE(storedVersion(id), 3);
        QCOMPARE(int(storedDefinition(id)["nodes"].size()), 5);
        QVERIFY(storedDefinition(id)["nodes"][1]["name"] == json("Set"));
        // Reload: take theirs, drop ours.
        theirs["nodes"][1]["name"] = "Theirs again";
        QCOMPARE(callApi(m_port, "PUT", QStringLiteral("/api/v1/workflows/") + id, m_token,
                         {{"name", "Editor test"}, {"definition", theirs}, {"version", 3}}).status, 200);
        doc.addNode(QStringLiteral("core.noop"), 0, 700);
        doc.save();
        QVERIFY(QTest::qWaitFor([&] { return doc.conflict(); }, 5000));
        doc.reload();
        QVERIFY(QTest::qWaitFor([&] { return !doc.conflict() && !doc.loading() && doc.version() == 4; }, 5000));
        QCOMPARE(doc.nodes()->rowCount(), 3);
        QCOMPARE(doc.nodes()->at(1).name(), QStringLiteral("Theirs again"));
        QVERIFY(!doc.dirty() && !doc.canUndo());
    }

    void validationErrorsLandOnTheNode()
    {
        const QString id = createWorkflow(manualSetIf());
        auto o = open(id);
        WorkflowDocument &doc = *o.doc;
        doc.setParameter(QStringLiteral("s"), QStringLiteral("includeOtherFields"), QStringLiteral("not a boolean"));
        doc.save();
        QVERIFY(QTest::qWaitFor([&] { return !doc.saving() && !doc.error().isEmpty(); }, 5000));
        const int row = doc.nodes()->indexOf(QStringLiteral("s"));
        QVERIFY2(!doc.nodes()->index(row).data(CanvasNodeModel::ProblemRole).toString().isEmpty(), qPrintable(doc.error()));
        QVERIFY(doc.nodes()->index(0).data(CanvasNodeModel::ProblemRole).toString().isEmpty());
        QCOMPARE(storedVersion(id), 1);
        doc.undo();
        QSignalSpy saved(&doc, &WorkflowDocument::saved);
        doc.setParameter(QStringLiteral("s"), QStringLiteral("includeOtherFields"), false);
        doc.save();
        QVERIFY(saved.wait(5000));
        QVERIFY(doc.nodes()->index(row).data(CanvasNodeModel::ProblemRole).toString().isEmpty());
        QVERIFY(doc.error().isEmpty());
    }

    void runLightsNodesUpAndShowsData()
    {
        const QString id = createWorkflow(manualSetIf());
        auto o = open(id);
        WorkflowDocument &doc = *o.doc;
        WorkflowRunner runner;
        runner.setDocument(&doc);
        QSignalSpy finished(&runner, &WorkflowRunner::finished);
        QSignalSpy nodeChanges(doc.nodes(), &QAbstractItemModel::dataChanged);
        doc.addNode(QStringLiteral("core.noop"), 900, 0); // unsaved: the run saves first
        QCOMPARE(doc.connectPorts(QStringLiteral("i"), 1, doc.nodes()->at(3).id(), 0), QString());
        runner.run(QStringLiteral(R"({"n": 2})"));
        QVERIFY(runner.running());
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toString() == QLatin1String("succeeded"), qPrintable(runner.error()));
        QVERIFY(!doc.dirty());
        QVERIFY(nodeChanges.count() >= 3);
        const int ifRow = doc.nodes()->indexOf(QStringLiteral("i"));
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::RunStatusRole).toString(), QStringLiteral("succeeded"));
        QCOMPARE(doc.nodes()->index(ifRow).data(CanvasNodeModel::ItemsInRole).toInt(), 1);
        const QVariantMap ifData = runner.nodeData(QStringLiteral("i"));
        QCOMPARE(ifData.value(QStringLiteral("input")).toList().size(), 1);
        const QVariantList ports = ifData.value(QStringLiteral("output")).toList();
        QCOMPARE(ports.size(), 2);
        QCOMPARE(ports.at(0).toList().size(), 0); // 2 is not > 3
        QCOMPARE(ports.at(1).toList().size(), 1);
        const QVariantMap table = WorkflowRunner::table(ports.at(1).toList());
        QCOMPARE(table.value(QStringLiteral("columns")).toStringList(), QStringList{QStringLiteral("n")});
        QCOMPARE(table.value(QStringLiteral("rows")).toList().at(0).toList().at(0).toString(), QStringLiteral("2"));
        QCOMPARE(doc.nodes()->index(3).data(CanvasNodeModel::RunStatusRole).toString(), QStringLiteral("succeeded"));

        // Bad input JSON is refused before anything runs.
        runner.run(QStringLiteral("{oops"));
        QVERIFY(runner.error().contains(QStringLiteral("not valid JSON")));
        QVERIFY(!runner.running());

        // A failing node shows its error; the run says failed.
        doc.setParameter(QStringLiteral("s"), QStringLiteral("mode"), QStringLiteral("raw"));
        doc.setParameter(QStringLiteral("s"), QStringLiteral("jsonOutput"), QStringLiteral("{not json"));
        finished.clear();
        runner.run();
        QVERIFY(finished.wait(10000));
        QCOMPARE(runner.status(), QStringLiteral("failed"));
        const int setRow = doc.nodes()->indexOf(QStringLiteral("s"));
        QCOMPARE(doc.nodes()->index(setRow).data(CanvasNodeModel::RunStatusRole).toString(), QStringLiteral("failed"));
        QVERIFY(!doc.nodes()->index(setRow).data(CanvasNodeModel::RunErrorRole).toString().isEmpty());
        QVERIFY(doc.nodes()->index(ifRow).data(CanvasNodeModel::RunStatusRole).toString().isEmpty());
        const QString failedExecution = runner.executionId();

        // The past run opens read-only, on the version it ran.
        WorkflowDocument past;
        past.setCatalog(m_catalog);
        WorkflowRunner viewer;
        viewer.setDocument(&past);
        viewer.openExecution(failedExecution);
        QVERIFY(QTest::qWaitFor([&] { return past.nodes()->rowCount() == 4 && viewer.status() == QLatin1String("failed"); }, 5000));
        QVERIFY(past.readOnly());
        QCOMPARE(past.nodes()->index(past.nodes()->indexOf(QStringLiteral("s"))).data(CanvasNodeModel::RunStatusRole).toString(),
                 QStringLiteral("failed"));
        QVERIFY(past.addNode(QStringLiteral("core.noop"), 0, 0).isEmpty());
        QCOMPARE(past.nodes()->rowCount(), 4);
    }

    void stopCancelsARunningWait()
    {
        json def = manualSetIf();
        def["nodes"].push_back({{"id", "w"}, {"type", "core.wait"}, {"name", "Wait"}, {"position", {900, 0}},
                                {"parameters", {{"resume", "timeInterval"}, {"amount", 60}, {"unit", "seconds"}}}});
        def["edges"].push_back({{"from", "i"}, {"fromPort", 0}, {"to", "w"}}); // n = 5 > 3: the true branch
        auto o = open(createWorkflow(def));
        WorkflowRunner runner;
        runner.setDocument(o.doc.get());
        QSignalSpy finished(&runner, &WorkflowRunner::finished);
        runner.run();
        QVERIFY(QTest::qWaitFor([&] { return runner.status() == QLatin1String("waiting"); }, 10000));
        QCOMPARE(o.doc->nodes()->index(3).data(CanvasNodeModel::RunStatusRole).toString(), QStringLiteral("waiting"));
        runner.stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(runner.status(), QStringLiteral("cancelled"));
    }

    void activatingSavesFirstAndShowsTheWebhookUrl()
    {
        const json def = {{"nodes", {{{"id", "w"}, {"type", "trigger.webhook"}, {"name", "Hook"}, {"position", {0, 0}},
                                      {"parameters", {{"path", "editor-old"}, {"httpMethod", "GET"}}}}}},
                          {"edges", json::array()}};
        const QString id = createWorkflow(def);
        auto o = open(id);
        WorkflowDocument &doc = *o.doc;
        doc.setAutosaveDelay(60000);
        QCOMPARE(doc.webhooks().size(), 1);
        const QVariantMap hook = doc.webhooks().first().toMap();
        QCOMPARE(hook.value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QVERIFY(hook.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("/webhook/editor-old")));
        QVERIFY(hook.value(QStringLiteral("testUrl")).toString().endsWith(QStringLiteral("/webhook-test/editor-old")));
        // An unsaved path change: activation saves it first, so the new path is the live one.
        doc.setParameter(QStringLiteral("w"), QStringLiteral("path"), QStringLiteral("editor-new"));
        QVERIFY(doc.webhooks().first().toMap().value(QStringLiteral("url")).toString().endsWith(QStringLiteral("/webhook/editor-new")));
        doc.setActive(true);
        QVERIFY(QTest::qWaitFor([&] { return doc.active(); }, 5000));
        QVERIFY(!doc.dirty());
        QCOMPARE(RawHttp::once(m_port, "GET", "/webhook/editor-new").status, 202); // answered at once (onReceived)
        QCOMPARE(RawHttp::once(m_port, "GET", "/webhook/editor-old").status, 404);
        doc.setActive(false);
        QVERIFY(QTest::qWaitFor([&] { return !doc.active(); }, 5000));
        QCOMPARE(RawHttp::once(m_port, "GET", "/webhook/editor-new").status, 404);
        // A save that fails (422) does not activate anything later.
        doc.setParameter(QStringLiteral("w"), QStringLiteral("httpMethod"), QStringLiteral("BREW"));
        doc.setActive(true);
        QVERIFY(QTest::qWaitFor([&] { return !doc.saving() && !doc.error().isEmpty(); }, 5000));
        doc.undo();
        QVERIFY(!doc.dirty()); // back at the saved state
        QSignalSpy saved(&doc, &WorkflowDocument::saved);
        doc.setParameter(QStringLiteral("w"), QStringLiteral("path"), QStringLiteral("editor-later"));
        doc.save();
        QVERIFY(saved.wait(5000));
        QTest::qWait(200);
        QVERIFY(!doc.active());
        QCOMPARE(RawHttp::once(m_port, "GET", "/webhook/editor-later").status, 404);
    }

    void workflowListCrudImportExport()
    {
        WorkflowListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() > 0; }, 5000));
        const int before = list.rowCount();
        QSignalSpy created(&list, &WorkflowListModel::created);
        list.create(QStringLiteral("Fresh one"));
        QVERIFY(created.wait(5000));
        const QString id = created.first().first().toString();
        QVERIFY(QTest::qWaitFor([&] { return list.indexOf(id) >= 0; }, 5000));
        QCOMPARE(list.rowCount(), before + 1);
        QVERIFY(storedDefinition(id)["nodes"][0]["type"] == json("trigger.manual"));
        QVERIFY(list.index(list.indexOf(id)).data(WorkflowListModel::LastStatusRole).toString().isEmpty());
        // A run shows up as the last status.
        QCOMPARE(callApi(m_port, "POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_token, {{"wait", true}}).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return list.index(list.indexOf(id)).data(WorkflowListModel::LastStatusRole).toString() == QLatin1String("succeeded"); }, 5000));

        list.rename(id, QStringLiteral("Renamed one"));
        QVERIFY(QTest::qWaitFor([&] { return list.index(std::max(0, list.indexOf(id))).data(WorkflowListModel::NameRole).toString() == QLatin1String("Renamed one"); }, 5000));
        created.clear();
        list.duplicate(id);
        QVERIFY(created.wait(5000));
        const QString copy = created.first().first().toString();
        QVERIFY(QTest::qWaitFor([&] { return list.indexOf(copy) >= 0; }, 5000));
        QCOMPARE(list.index(list.indexOf(copy)).data(WorkflowListModel::NameRole).toString(), QStringLiteral("Renamed one (copy)"));

        list.setTags(id, QStringLiteral(" sales, daily ,sales,, "));
        QVERIFY(QTest::qWaitFor([&] { return list.index(std::max(0, list.indexOf(id))).data(WorkflowListModel::TagsRole).toStringList()
                                             == QStringList{QStringLiteral("sales"), QStringLiteral("daily")}; }, 5000));
        QVERIFY(list.tags().contains(QStringLiteral("daily")));
        list.setTag(QStringLiteral("daily"));
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() == 1; }, 5000));
        list.setTag({});
        list.setSearch(QStringLiteral("renamed one"));
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() == 2; }, 5000));
        list.setSearch({});
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() == before + 2; }, 5000));

        // Delete with undo, then delete for real.
        list.setUndoWindow(300);
        list.remove(copy);
        QCOMPARE(list.indexOf(copy), -1);
        QCOMPARE(list.pendingRemovals(), QStringList{QStringLiteral("Renamed one (copy)")});
        list.undoRemove();
        QVERIFY(list.indexOf(copy) >= 0);
        QTest::qWait(400);
        QCOMPARE(callApi(m_port, "GET", QStringLiteral("/api/v1/workflows/") + copy, m_token).status, 200);
        list.remove(copy);
        QVERIFY(QTest::qWaitFor([&] { return callApi(m_port, "GET", QStringLiteral("/api/v1/workflows/") + copy, m_token).status == 404; }, 5000));
        QVERIFY(list.pendingRemovals().isEmpty());

        // Import an n8n file with an unsupported node: imported, and the warning names it.
        QTemporaryDir dir;
        QFile n8nFile(dir.filePath(QStringLiteral("n8n.json")));
        QVERIFY(n8nFile.open(QIODevice::WriteOnly));
        n8nFile.write(R"({"name":"From n8n","nodes":[
            {"parameters":{},"name":"Start","type":"n8n-nodes-base.manualTrigger","typeVersion":1,"position":[0,0]},
            {"parameters":{},"name":"Sheets","type":"n8n-nodes-base.googleSheets","typeVersion":4,"position":[200,0]}],
            "connections":{"Start":{"main":[[{"node":"Sheets","type":"main","index":0}]]}}})");
        n8nFile.close();
        QSignalSpy imported(&list, &WorkflowListModel::imported);
        list.importFile(QUrl::fromLocalFile(n8nFile.fileName()));
        QVERIFY(imported.wait(5000));
        QCOMPARE(imported.first().at(1).toString(), QStringLiteral("From n8n"));
        const QStringList warnings = imported.first().at(2).toStringList();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().startsWith(QStringLiteral("Sheets")));
        // Not JSON, and a file that is not there: said in words, nothing imported.
        QSignalSpy failed(&list, &WorkflowListModel::failed);
        list.importText(QStringLiteral("{broken"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("not JSON")));
        list.importFile(QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.json"))));
        QCOMPARE(failed.count(), 2);
        // Export writes the native JSON, which imports again.
        QSignalSpy exported(&list, &WorkflowListModel::exported);
        list.exportTo(id, QUrl::fromLocalFile(dir.filePath(QStringLiteral("out.json"))));
        QVERIFY(exported.wait(5000));
        QFile out(exported.first().first().toString());
        QVERIFY(out.open(QIODevice::ReadOnly));
        const json exportedJson = json::parse(out.readAll().toStdString());
        QVERIFY(exportedJson["name"] == json("Renamed one"));
        imported.clear();
        list.importText(QString::fromStdString(exportedJson.dump()));
        QVERIFY(imported.wait(5000));
        QVERIFY(imported.first().at(2).toStringList().isEmpty());
    }

    void expressionPreviewEvaluatesAgainstRunData()
    {
        ExpressionPreview preview;
        const QVariantList input{QVariantMap{{QStringLiteral("json"), QVariantMap{{QStringLiteral("a"), 41}, {QStringLiteral("name"), QStringLiteral("Ada")}}}},
                                 QVariantMap{{QStringLiteral("json"), QVariantMap{{QStringLiteral("a"), 1}}}}};
        const QVariantMap nodes{{QStringLiteral("Start"), QVariantMap{{QStringLiteral("token"), QStringLiteral("t-1")}}}};
        QVERIFY(ExpressionPreview::hasExpression(QStringLiteral("x {{ 1 }} y")));
        QVERIFY(!ExpressionPreview::hasExpression(QStringLiteral("plain { text }")));
        auto r = preview.evaluate(QStringLiteral("{{ $json.a + 1 }}"), input, nodes);
        QVERIFY(r.value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.value(QStringLiteral("text")).toString(), QStringLiteral("42"));
        r = preview.evaluate(QStringLiteral("Hi {{ $json.name }}, {{ $input.all().length }} items, {{ $node[\"Start\"].json.token }}"), input, nodes);
        QCOMPARE(r.value(QStringLiteral("text")).toString(), QStringLiteral("Hi Ada, 2 items, t-1"));
        r = preview.evaluate(QStringLiteral("{{ $json }}"), input, nodes);
        QCOMPARE(r.value(QStringLiteral("text")).toString(), QStringLiteral(R"({"a":41,"name":"Ada"})"));
        r = preview.evaluate(QStringLiteral("{{ $json.missing.deeper }}"), input, nodes);
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(r.value(QStringLiteral("text")).toString().contains(QStringLiteral("TypeError")));
        // An endless loop is stopped at the time limit, and the engine works afterwards.
        preview.setTimeLimitMs(100);
        QElapsedTimer t;
        t.start();
        r = preview.evaluate(QStringLiteral("{{ (function() { while (true) {} })() }}"), input, nodes);
        QVERIFY(!r.value(QStringLiteral("ok")).toBool());
        QVERIFY(r.value(QStringLiteral("text")).toString().contains(QStringLiteral("100 ms")));
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(preview.evaluate(QStringLiteral("{{ 2 * 3 }}"), {}, {}).value(QStringLiteral("text")).toString(), QStringLiteral("6"));
    }

    void executionListFiltersRetriesAndDeletes()
    {
        json failing = manualSetIf();
        failing["nodes"][1]["parameters"] = {{"mode", "raw"}, {"jsonOutput", "{not json"}};
        const QString bad = createWorkflow(failing, QStringLiteral("Fails"));
        const QString good = createWorkflow(manualSetIf(), QStringLiteral("Works"));
        for (const QString &id : {bad, good, good})
            QCOMPARE(callApi(m_port, "POST", QStringLiteral("/api/v1/workflows/%1/execute").arg(id), m_token, {{"wait", true}}).status, 200);
        ExecutionListModel list;
        QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setWorkflowId(good);
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() == 2; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return list.index(0).data(ExecutionListModel::WorkflowNameRole).toString() == QLatin1String("Works"); }, 5000));
        QCOMPARE(list.index(0).data(ExecutionListModel::StatusRole).toString(), QStringLiteral("succeeded"));
        QVERIFY(list.index(0).data(ExecutionListModel::DurationMsRole).toInt() >= 0);
        list.setWorkflowId(bad);
        list.setStatus(QStringLiteral("failed"));
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() == 1; }, 5000));
        const QString failedId = list.index(0).data(ExecutionListModel::IdRole).toString();
        QVERIFY(!list.index(0).data(ExecutionListModel::ErrorRole).toString().isEmpty());
        // Retry makes a new execution of the same workflow, which the list picks up live.
        QSignalSpy retried(&list, &ExecutionListModel::retried);
        list.retry(failedId);
        QVERIFY(retried.wait(5000));
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.rowCount() == 2; }, 5000));
        list.remove(failedId);
        QVERIFY(QTest::qWaitFor([&] { return list.indexOf(failedId) < 0; }, 5000));
        QCOMPARE(callApi(m_port, "GET", QStringLiteral("/api/v1/executions/") + failedId, m_token).status, 404);
        // Deleting what is not there (any more) says so and keeps the list.
        QSignalSpy failed(&list, &ExecutionListModel::failed);
        list.remove(failedId);
        QVERIFY(failed.wait(5000));
        QCOMPARE(list.rowCount(), 1);
    }

    void cleanupTestCase()
    {
        delete m_catalog;
        m_catalog = nullptr;
        m_api.reset();
        m_host.reset();
    }
};

QTEST_MAIN(TestWorkflowEditor)
#include "tst_workfloweditor.moc"
