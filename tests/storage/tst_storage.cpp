// Storage against real databases: every test runs on a fresh SQLite file and on a fresh schema
// of the throwaway PostgreSQL server that scripts/test.sh starts.
#include "auth/userrepository.h"
#include "core/clock.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "support/testsupport.h"
#include "workflow/executionstore.h"
#include "workflow/workflowrepository.h"

#include <nlohmann/json.hpp>

#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <memory>

using namespace synapscale;

class TestStorage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    test::TestDatabase m_current;

    void addBackends()
    {
        QTest::addColumn<QString>("backend");
        for (const auto &db : test::testDatabases(m_dir.path()))
            QTest::newRow(qPrintable(db.name)) << db.name;
    }

    Database &open(bool migrate = true)
    {
        QFETCH(QString, backend);
        m_current = test::freshDatabase(backend, m_dir.path());
        m_db = std::make_unique<Database>(m_current.url, m_current.schema);
        if (migrate) {
            auto applied = Migrator(*m_db).migrate();
            if (!applied)
                qFatal("migration failed: %s", qPrintable(applied.error().message));
        }
        return *m_db;
    }

    User makeUser(Database &db, const QString &email)
    {
        User u;
        u.email = email;
        u.passwordHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$test");
        u.fullName = QStringLiteral("Test User");
        auto created = UserRepository(db).create(u);
        if (!created)
            qFatal("cannot create user: %s", qPrintable(created.error().message));
        return created.value();
    }

    Result<WorkflowRecord> makeWorkflow(Database &db, const User &owner, const QString &name)
    {
        WorkflowRecord w;
        w.ownerId = owner.id;
        w.name = name;
        return WorkflowRepository(db).create(w);
    }

    // A new webhook execution of `workflow`, as the engine hands it to the execution store.
    static ExecutionRequest webhookRequest(const WorkflowRecord &workflow, const User &owner)
    {
        ExecutionRequest r;
        r.executionId = newId();
        r.workflowId = workflow.id;
        r.ownerId = owner.id;
        r.mode = QStringLiteral("webhook");
        return r;
    }

    qint64 count(Database &db, const QString &sql, const QVariantList &params = {})
    {
        auto q = db.exec(sql, params);
        return q && q->next() ? q->value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_db.reset();
        test::dropSchema(m_current);
        m_current = {};
    }

    void migrationsApplyOnceAndRecordTheirVersion_data() { addBackends(); }
    void migrationsApplyOnceAndRecordTheirVersion()
    {
        auto &db = open(false);
        Migrator migrator(db);
        auto first = migrator.migrate();
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->size(), Migrator::builtIn().size());
        QVERIFY(!first->isEmpty());
        auto second = migrator.migrate();
        QVERIFY(second.ok());
        QVERIFY(second->isEmpty());
        QCOMPARE(*migrator.currentVersion(), migrator.latestKnown());
        for (const auto &table : {"users", "sessions", "workflows", "workflow_versions", "executions", "execution_node_runs"})
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))), 0);
    }

    void failingMigrationLeavesTheDatabaseAsItWas_data() { addBackends(); }
    void failingMigrationLeavesTheDatabaseAsItWas()
    {
        auto &db = open(true);
        const int before = *Migrator(db).currentVersion();
        auto user = makeUser(db, QStringLiteral("keep@example.com"));
        QList<Migration> migrations = Migrator::builtIn();
        migrations << Migration{before + 1, QStringLiteral("broken"),
                                QStringLiteral("CREATE TABLE half_done (id TEXT PRIMARY KEY);\n"
                                               "ALTER TABLE users ADD COLUMN nickname TEXT;\n"
                                               "INSERT INTO no_such_table VALUES (1);\n")};
        Migrator broken(db, migrations);
        auto result = broken.migrate();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("migration_failed"));
        QVERIFY(result.error().message.contains(QLatin1String("broken")));
        QCOMPARE(*Migrator(db).currentVersion(), before);
        QVERIFY(!db.exec(QStringLiteral("SELECT COUNT(*) FROM half_done")).ok());
        QVERIFY(!db.exec(QStringLiteral("SELECT nickname FROM users")).ok());
        auto still = UserRepository(db).findById(user.id);
        QVERIFY(still.ok() && still->has_value());
        QCOMPARE((*still)->email, user.email);
    }

    void schemaNewerThanTheBinaryIsRefused_data() { addBackends(); }
    void schemaNewerThanTheBinaryIsRefused()
    {
        auto &db = open(true);
        Migrator migrator(db);
        QVERIFY(db.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')"),
                        {migrator.latestKnown() + 5})
                    .ok());
        auto result = migrator.migrate();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("schema_too_new"));
        QVERIFY(result.error().message.contains(QLatin1String("newer")));
    }

    void usersAreUniqueByEmailIgnoringCase_data() { addBackends(); }
    void usersAreUniqueByEmailIgnoringCase()
    {
        auto &db = open();
        UserRepository users(db);
        auto alice = makeUser(db, QStringLiteral("Alice@Example.com"));
        auto found = users.findByEmail(QStringLiteral("  alice@EXAMPLE.com "));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, alice.id);
        QCOMPARE((*found)->email, QStringLiteral("Alice@Example.com"));
        QVERIFY((*found)->isActive);
        QVERIFY(!(*found)->isVerified);

        User dup;
        dup.email = QStringLiteral("ALICE@example.COM");
        dup.passwordHash = QStringLiteral("x");
        auto second = users.create(dup);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, QStringLiteral("conflict"));
        QCOMPARE(*users.count(), 1);

        User changed = alice;
        changed.fullName = QStringLiteral("Alice Liddell");
        changed.isVerified = true;
        changed.role = QStringLiteral("admin");
        QVERIFY(users.update(changed).ok());
        auto reread = users.findById(alice.id);
        QCOMPARE((*reread)->fullName, QStringLiteral("Alice Liddell"));
        QVERIFY((*reread)->isVerified);
        QCOMPARE((*reread)->role, QStringLiteral("admin"));

        User ghost = alice;
        ghost.id = QStringLiteral("00000000-0000-0000-0000-000000000000");
        QCOMPARE(users.update(ghost).error().code, QStringLiteral("not_found"));
        QVERIFY(*users.remove(alice.id));
        QVERIFY(!*users.remove(alice.id));
        QVERIFY(!users.findById(alice.id)->has_value());
    }

    void sqlLookingInputIsStoredAsData_data() { addBackends(); }
    void sqlLookingInputIsStoredAsData()
    {
        auto &db = open();
        const QString evil = QStringLiteral("x'); DROP TABLE users; --@example.com");
        auto user = makeUser(db, evil);
        QCOMPARE((*UserRepository(db).findByEmail(evil))->id, user.id);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM users")), 1);
        const QString unicode = QStringLiteral("Zoë 🚀 \"quoted\" \\ back");
        WorkflowRecord w;
        w.ownerId = user.id;
        w.name = unicode;
        w.definition = R"({"nodes":[],"edges":[],"settings":{"note":"ünïcødé"}})";
        auto created = WorkflowRepository(db).create(w);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        auto reread = WorkflowRepository(db).find(created->id, user.id);
        QCOMPARE((*reread)->name, unicode);
        QCOMPARE((*reread)->definition, w.definition);
    }

    void sessionsRotateOnceAndRevoke_data() { addBackends(); }
    void sessionsRotateOnceAndRevoke()
    {
        auto &db = open();
        auto user = makeUser(db, QStringLiteral("s@example.com"));
        SessionRepository sessions(db);
        Session s;
        s.userId = user.id;
        s.refreshTokenHash = QStringLiteral("hash-1");
        s.userAgent = QStringLiteral("curl/8");
        s.ip = QStringLiteral("127.0.0.1");
        s.expiresAt = QStringLiteral("2099-01-01T00:00:00.000Z");
        auto first = sessions.create(s);
        QVERIFY(first.ok());
        s.id.clear();
        s.refreshTokenHash = QStringLiteral("hash-other");
        auto other = sessions.create(s);
        QVERIFY(other.ok());

        QVERIFY(*sessions.rotate(first->id, QStringLiteral("hash-1"), QStringLiteral("hash-2"), QStringLiteral("2030-01-01T00:00:00.000Z")));
        // The old token lost the race: it cannot rotate again.
        QVERIFY(!*sessions.rotate(first->id, QStringLiteral("hash-1"), QStringLiteral("hash-3"), QStringLiteral("2030-01-01T00:00:00.000Z")));
        QCOMPARE((*sessions.findByRefreshHash(QStringLiteral("hash-2")))->id, first->id);
        QVERIFY(!sessions.findByRefreshHash(QStringLiteral("hash-1"))->has_value());
        QCOMPARE((*sessions.findById(first->id))->lastUsedAt, QStringLiteral("2030-01-01T00:00:00.000Z"));

        // Another user's id cannot revoke it.
        auto mallory = makeUser(db, QStringLiteral("m@example.com"));
        QVERIFY(!*sessions.revoke(first->id, mallory.id));
        QCOMPARE(sessions.listActive(user.id)->size(), 2);

        QCOMPARE(*sessions.revokeAllForUser(user.id, first->id), 1);
        auto active = sessions.listActive(user.id);
        QCOMPARE(active->size(), 1);
        QCOMPARE(active->first().id, first->id);
        QVERIFY(*sessions.revoke(first->id, user.id));
        QVERIFY(!*sessions.revoke(first->id, user.id));
        QVERIFY(sessions.listActive(user.id)->isEmpty());
        QVERIFY(!*sessions.rotate(first->id, QStringLiteral("hash-2"), QStringLiteral("hash-4"), QStringLiteral("x")));
        QCOMPARE(*sessions.revokeAllForUser(mallory.id), 0);
    }

    void workflowsKeepVersionsAndRefuseStaleWrites_data() { addBackends(); }
    void workflowsKeepVersionsAndRefuseStaleWrites()
    {
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("o@example.com"));
        auto stranger = makeUser(db, QStringLiteral("x@example.com"));
        WorkflowRepository workflows(db);
        WorkflowRecord w;
        w.ownerId = owner.id;
        w.name = QStringLiteral("Invoice sync");
        w.tags = R"(["finance","daily"])";
        w.definition = R"({"nodes":[{"id":"a"}],"edges":[],"settings":{}})";
        auto created = workflows.create(w);
        QVERIFY(created.ok());
        QCOMPARE(created->version, 1);

        WorkflowRecord edit = *created;
        edit.definition = R"({"nodes":[{"id":"a"},{"id":"b"}],"edges":[],"settings":{}})";
        auto saved = workflows.update(edit, 1, owner.id);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->version, 2);
        QCOMPARE(saved->definition, edit.definition);

        auto stale = workflows.update(edit, 1, owner.id);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QStringLiteral("conflict"));
        QCOMPARE((*workflows.find(w.id.isEmpty() ? created->id : w.id, owner.id))->version, 2);

        WorkflowRecord hijack = edit;
        hijack.ownerId = stranger.id;
        QCOMPARE(workflows.update(hijack, 2, stranger.id).error().code, QStringLiteral("not_found"));
        QVERIFY(!workflows.find(created->id, stranger.id)->has_value());
        QVERIFY(!*workflows.remove(created->id, stranger.id));
        QVERIFY(workflows.versions(created->id, stranger.id)->isEmpty());

        auto versions = workflows.versions(created->id, owner.id);
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(0).version, 2);
        QCOMPARE(versions->at(1).definition, w.definition);
        QCOMPARE((*workflows.version(created->id, owner.id, 1))->definition, w.definition);
        QVERIFY(!workflows.version(created->id, owner.id, 3)->has_value());

        QVERIFY(*workflows.setActive(created->id, owner.id, true));
        QVERIFY((*workflows.find(created->id, owner.id))->active);
        QVERIFY(*workflows.remove(created->id, owner.id));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM workflow_versions WHERE workflow_id = ?"), {created->id}), 0);
    }

    void workflowListsFilterAndPage_data() { addBackends(); }
    void workflowListsFilterAndPage()
    {
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("l@example.com"));
        auto other = makeUser(db, QStringLiteral("k@example.com"));
        WorkflowRepository workflows(db);
        for (int i = 0; i < 7; ++i) {
            WorkflowRecord w;
            w.ownerId = owner.id;
            w.name = QStringLiteral("Report %1").arg(i);
            w.description = i == 3 ? QStringLiteral("Sends the WEEKLY digest") : QString();
            w.tags = i % 2 ? R"(["odd"])" : R"(["even"])";
            QVERIFY(workflows.create(w).ok());
        }
        WorkflowRecord foreign;
        foreign.ownerId = other.id;
        foreign.name = QStringLiteral("Report secret");
        QVERIFY(workflows.create(foreign).ok());

        WorkflowFilter page;
        page.limit = 3;
        auto first = workflows.list(owner.id, page);
        QCOMPARE(first->total, 7);
        QCOMPARE(first->items.size(), 3);
        page.skip = 6;
        QCOMPARE(workflows.list(owner.id, page)->items.size(), 1);

        WorkflowFilter search;
        search.search = QStringLiteral("weekly");
        auto found = workflows.list(owner.id, search);
        QCOMPARE(found->total, 1);
        QCOMPARE(found->items.first().name, QStringLiteral("Report 3"));
        search.search = QStringLiteral("100%_");
        QCOMPARE(workflows.list(owner.id, search)->total, 0);

        WorkflowFilter tag;
        tag.tag = QStringLiteral("odd");
        QCOMPARE(workflows.list(owner.id, tag)->total, 3);
        WorkflowFilter active;
        active.active = true;
        QCOMPARE(workflows.list(owner.id, active)->total, 0);
        active.active = false;
        QCOMPARE(workflows.list(owner.id, active)->total, 7);
        QCOMPARE(workflows.list(other.id, WorkflowFilter{})->total, 1);
    }

    void executionsRecordNodeRunsAndRecoverFromCrashes_data() { addBackends(); }
    void executionsRecordNodeRunsAndRecoverFromCrashes()
    {
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("e@example.com"));
        auto stranger = makeUser(db, QStringLiteral("f@example.com"));
        auto workflow = makeWorkflow(db, owner, QStringLiteral("Flow"));
        ExecutionRepository executions(db);
        ExecutionRecord e;
        e.workflowId = workflow->id;
        e.ownerId = owner.id;
        e.input = R"({"a":1})";
        auto created = executions.create(e);
        QVERIFY(created.ok());
        QCOMPARE((*executions.find(created->id, owner.id))->status, QStringLiteral("queued"));
        QVERIFY(!executions.find(created->id, stranger.id)->has_value());

        QVERIFY(executions.markStarted(created->id, QStringLiteral("2030-01-01T00:00:00.000Z")).ok());
        NodeRunRecord run;
        run.executionId = created->id;
        run.nodeId = QStringLiteral("n1");
        run.name = QStringLiteral("Set");
        run.itemsIn = 2;
        auto added = executions.addNodeRun(run);
        QVERIFY(added.ok());
        NodeRunRecord finished = *added;
        finished.status = QStringLiteral("succeeded");
        finished.itemsOut = 2;
        finished.output = R"([[{"json":{"a":1}},{"json":{"a":2}}]])";
        QVERIFY(executions.finishNodeRun(finished).ok());
        QVERIFY(executions.markFinished(created->id, QStringLiteral("succeeded"), {}, QStringLiteral("2030-01-01T00:00:01.250Z")).ok());

        auto done = executions.find(created->id, owner.id);
        QCOMPARE((*done)->status, QStringLiteral("succeeded"));
        QCOMPARE((*done)->durationMs, 1250);
        QVERIFY((*done)->error.isEmpty());
        auto runs = executions.nodeRuns(created->id);
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().itemsIn, 2);
        QCOMPARE(runs->first().itemsOut, 2);
        QCOMPARE(runs->first().output, finished.output);

        // A second execution left running by a crash is failed as interrupted at start-up.
        ExecutionRecord crashed = e;
        crashed.id.clear();
        auto second = executions.create(crashed);
        QVERIFY(executions.markStarted(second->id, QStringLiteral("2030-01-02T00:00:00.000Z")).ok());
        QCOMPARE(*executions.failInterrupted(QStringLiteral("interrupted")), 1);
        auto recovered = executions.find(second->id, owner.id);
        QCOMPARE((*recovered)->status, QStringLiteral("failed"));
        QCOMPARE((*recovered)->error, QStringLiteral("interrupted"));
        QCOMPARE((*executions.find(created->id, owner.id))->status, QStringLiteral("succeeded"));

        ExecutionFilter filter;
        filter.status = QStringLiteral("failed");
        QCOMPARE(executions.list(owner.id, filter)->total, 1);
        QCOMPARE(executions.list(stranger.id, ExecutionFilter{})->total, 0);
        QVERIFY(!*executions.remove(created->id, stranger.id));
        QVERIFY(*executions.remove(created->id, owner.id));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM execution_node_runs WHERE execution_id = ?"), {created->id}), 0);
    }

    void foldedNodeRunsReadBackWithRows_data() { addBackends(); }
    void foldedNodeRunsReadBackWithRows()
    {
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("fold@example.com"));
        auto workflow = makeWorkflow(db, owner, QStringLiteral("Folded"));
        ExecutionRepository executions(db);
        auto nodeRun = [](const QString &node, const QString &started, int index, const QByteArray &output) {
            NodeRunRecord r;
            r.id = newId();
            r.nodeId = node;
            r.name = node + QStringLiteral(" \"quoted\" ção\n\t\\ \x01");
            r.runIndex = index;
            r.status = QStringLiteral("succeeded");
            r.startedAt = started;
            r.finishedAt = started;
            r.itemsIn = 1;
            r.itemsOut = 1;
            r.output = output;
            return r;
        };
        ExecutionRecord e;
        e.id = newId();
        e.workflowId = workflow->id;
        e.ownerId = owner.id;
        e.status = QStringLiteral("succeeded");
        e.createdAt = e.startedAt = QStringLiteral("2030-01-01T00:00:00.000Z");
        e.finishedAt = QStringLiteral("2030-01-01T00:00:00.010Z");
        e.durationMs = 10;
        appendFoldedNodeRun(e.nodeRuns, nodeRun(QStringLiteral("b"), QStringLiteral("2030-01-01T00:00:00.002Z"), 0, R"([[{"json":{"x":"é"}}]])"), e.input,
                            e.startedAt);
        appendFoldedNodeRun(e.nodeRuns, nodeRun(QStringLiteral("a"), QStringLiteral("2030-01-01T00:00:00.001Z"), 0, {}), e.input, e.startedAt);
        // Stored compactly: a trigger's output that is the execution's input is not written
        // twice, and fields at their defaults are left out; every field reads back as it was.
        e.input = R"([{"json":{"body":{"a":1},"headers":{"host":"h"}}}])";
        appendFoldedNodeRun(e.nodeRuns, nodeRun(QStringLiteral("hook"), QStringLiteral("2030-01-01T00:00:00.000Z"), 0, '[' + e.input + ']'), e.input,
                            e.startedAt);
        NodeRunRecord failed = nodeRun(QStringLiteral("late"), QStringLiteral("2030-01-01T00:00:00.004Z"), 2, R"([[{"json":{"a":1}}]])");
        failed.status = QStringLiteral("failed");
        failed.finishedAt = QStringLiteral("2030-01-01T00:00:00.009Z");
        failed.error = QStringLiteral("boom");
        failed.itemsOut = 0;
        appendFoldedNodeRun(e.nodeRuns, failed, e.input, e.startedAt);
        QCOMPARE(e.nodeRuns.count(R"("body")"), 0);
        // The hook started with the execution and three runs succeeded: neither is written out.
        QCOMPARE(e.nodeRuns.count(R"("started_at")"), 3);
        QCOMPARE(e.nodeRuns.count(R"("status")"), 1);
        QVERIFY(!e.nodeRuns.contains(R"("error":"")"));
        QVERIFY(executions.insertMany({e}).ok());
        // A later run of the same execution stored as a row (a resumed execution's runs are).
        NodeRunRecord row = nodeRun(QStringLiteral("c"), QStringLiteral("2030-01-01T00:00:00.003Z"), 0, R"([[]])");
        row.executionId = e.id;
        QVERIFY(executions.insertNodeRuns({row}).ok());

        auto runs = executions.nodeRuns(e.id);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 5);
        QCOMPARE(runs->at(0).nodeId, QStringLiteral("hook"));
        QCOMPARE(runs->at(0).output, '[' + e.input + ']');
        QCOMPARE(runs->at(0).startedAt, e.startedAt);
        QCOMPARE(runs->at(0).status, QStringLiteral("succeeded"));
        QCOMPARE(runs->at(0).finishedAt, runs->at(0).startedAt);
        QCOMPARE(runs->at(1).startedAt, QStringLiteral("2030-01-01T00:00:00.001Z"));
        QCOMPARE(runs->at(1).status, QStringLiteral("succeeded"));
        QCOMPARE(runs->at(0).error, QString());
        QCOMPARE(runs->at(0).runIndex, 0);
        QCOMPARE(runs->at(4).nodeId, QStringLiteral("late"));
        QCOMPARE(runs->at(4).status, QStringLiteral("failed"));
        QCOMPARE(runs->at(4).runIndex, 2);
        QCOMPARE(runs->at(4).finishedAt, QStringLiteral("2030-01-01T00:00:00.009Z"));
        QCOMPARE(runs->at(4).error, QStringLiteral("boom"));
        QCOMPARE(runs->at(4).itemsOut, 0);
        QVERIFY(nlohmann::json::parse(runs->at(4).output.toStdString()) == nlohmann::json::parse(R"([[{"json":{"a":1}}]])"));
        runs->removeAt(4);
        runs->removeAt(0);
        QCOMPARE(runs->at(0).nodeId, QStringLiteral("a"));
        QCOMPARE(runs->at(1).nodeId, QStringLiteral("b"));
        QCOMPARE(runs->at(2).nodeId, QStringLiteral("c"));
        QCOMPARE(runs->at(1).name, QStringLiteral("b \"quoted\" ção\n\t\\ \x01"));
        QCOMPARE(runs->at(1).executionId, e.id);
        QVERIFY(nlohmann::json::parse(runs->at(1).output.toStdString()) == nlohmann::json::parse(R"([[{"json":{"x":"é"}}]])"));
        QVERIFY(runs->at(0).output.isEmpty());
        QCOMPARE(runs->at(1).itemsOut, 1);

        // Re-queueing forgets the folded runs with the rows.
        QVERIFY(executions.requeue(e.id).ok());
        QCOMPARE(executions.nodeRuns(e.id)->size(), 0);
    }

    void transactionsRollBackOnError_data() { addBackends(); }
    void transactionsRollBackOnError()
    {
        auto &db = open();
        auto result = db.transaction([&]() -> Result<void> {
            makeUser(db, QStringLiteral("t1@example.com"));
            return Error::make(QStringLiteral("test"), QStringLiteral("abort"));
        });
        QVERIFY(!result.ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM users")), 0);
        // The connection is usable after the rollback.
        makeUser(db, QStringLiteral("t2@example.com"));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM users")), 1);
    }

    void eachThreadGetsItsOwnConnection_data() { addBackends(); }
    void eachThreadGetsItsOwnConnection()
    {
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("threads@example.com"));
        QList<QThread *> threads;
        QAtomicInt failures = 0;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([&db, &failures, owner, t] {
                WorkflowRepository repo(db);
                for (int i = 0; i < 25; ++i) {
                    WorkflowRecord w;
                    w.ownerId = owner.id;
                    w.name = QStringLiteral("t%1-%2").arg(t).arg(i);
                    if (!repo.create(w).ok())
                        failures.fetchAndAddRelaxed(1);
                }
            });
            threads.last()->start();
        }
        for (auto *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(failures.loadRelaxed(), 0);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM workflows")), 100);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM workflow_versions")), 100);
    }

    void insertRowsKeepsValuesAndReportsConflicts_data() { addBackends(); }
    void insertRowsKeepsValuesAndReportsConflicts()
    {
        auto &db = open();
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE bulk (id TEXT PRIMARY KEY, label TEXT NOT NULL, note TEXT, n BIGINT, x DOUBLE PRECISION)")).ok());
        // More rows than one PostgreSQL statement carries, with NULLs, empty and non-ASCII text.
        QVariantList rows;
        const int total = 301;
        for (int i = 0; i < total; ++i)
            rows << QStringLiteral("id-%1").arg(i, 4, 10, QLatin1Char('0')) << (i % 3 == 0 ? QString() : QStringLiteral("ação ✓ %1").arg(i))
                 << (i % 2 ? QVariant() : i % 4 == 0 ? QVariant(QStringLiteral("n%1").arg(i)) : QVariant(QStringLiteral("ü%1").arg(i).toUtf8()))
                 << QVariant(qint64(i) * 10000000000LL)
                 << QVariant(i + 0.5);
        QVERIFY(db.insertRows("INSERT INTO bulk (id, label, note, n, x) VALUES", 5, rows).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM bulk")), total);
        auto row = db.exec(QStringLiteral("SELECT label, note, n, x FROM bulk WHERE id = ?"), {QStringLiteral("id-0007")});
        QVERIFY(row.ok() && row->next());
        QCOMPARE(row->value(0).toString(), QStringLiteral("ação ✓ 7"));
        QVERIFY(row->value(1).isNull());
        QCOMPARE(row->value(2).toLongLong(), 70000000000LL);
        QCOMPARE(row->value(3).toDouble(), 7.5);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM bulk WHERE label = ''")), 101);
        // UTF-8 bytes are stored as text, not as a blob.
        auto utf8 = db.exec(QStringLiteral("SELECT note FROM bulk WHERE note = ?"), {QStringLiteral("ü6")});
        QVERIFY(utf8.ok() && utf8->next());
        QCOMPARE(utf8->value(0).toString(), QStringLiteral("ü6"));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM bulk WHERE note IS NULL")), 150);

        // A duplicate key fails as a conflict; inside a transaction nothing of the batch stays.
        const QVariantList clash{QStringLiteral("new-1"), QStringLiteral("a"), QVariant(), 1, 1.0,
                                 QStringLiteral("id-0001"), QStringLiteral("b"), QVariant(), 2, 2.0};
        auto failed = db.transaction([&] { return db.insertRows("INSERT INTO bulk (id, label, note, n, x) VALUES", 5, clash); });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("conflict"));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM bulk")), total);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM bulk WHERE id = 'new-1'")), 0);
        // The kept statement still works after the failure.
        QVERIFY(db.insertRows("INSERT INTO bulk (id, label, note, n, x) VALUES", 5, clash.mid(0, 5)).ok());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM bulk")), total + 1);
    }

    void executionWriterQueuesWhileTheDatabaseIsBusy_data() { addBackends(); }
    void executionWriterQueuesWhileTheDatabaseIsBusy()
    {
        // A commit can stall (a WAL checkpoint's fsync, another process's write lock); the
        // engine's threads must go on queueing records meanwhile, and none may be lost. Here
        // this thread holds the write lock while it queues 30,000 records: a bound of 20,000
        // records once made the 20,001st wait for a writer that waited for this thread.
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("busy@example.com"));
        auto workflow = makeWorkflow(db, owner, QStringLiteral("Busy"));
        QVERIFY(workflow.ok());
        DatabaseExecutionStore store(db, QStringLiteral("test-instance"));
        QVERIFY(db.exec(QStringLiteral("BEGIN")).ok());
        QVERIFY(db.exec(db.isSqlite() ? QStringLiteral("UPDATE executions SET status = status WHERE id = ''")
                                      : QStringLiteral("LOCK TABLE executions IN EXCLUSIVE MODE")).ok());
        const int executions = 5000;
        const QString at = nowIso();
        for (int i = 0; i < executions; ++i) {
            const ExecutionRequest request = webhookRequest(*workflow, owner);
            store.created(request, 1, at, {});
            store.started(request.executionId, at);
            for (const char *node : {"hook", "set", "respond", "noop"}) {
                NodeRunSummary run;
                run.nodeId = node;
                run.name = node;
                run.status = "succeeded";
                run.startedAt = at;
                run.finishedAt = at;
                run.itemsIn = run.itemsOut = 1;
                run.output = R"([[{"json":{"a":1}}]])";
                store.nodeFinished(request.executionId, run);
            }
            store.finished(request.executionId, QStringLiteral("succeeded"), {}, at, 1);
        }
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM executions")), 0); // nothing got past the lock
        QVERIFY(db.exec(QStringLiteral("COMMIT")).ok());
        store.flush(60000);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM executions WHERE status = 'succeeded'")), executions);
        ExecutionFilter filter;
        filter.limit = 1;
        auto page = ExecutionRepository(db).list(owner.id, filter);
        QVERIFY(page.ok() && page->items.size() == 1);
        QCOMPARE(ExecutionRepository(db).nodeRuns(page->items.first().id)->size(), 4);
        store.stop();
    }

    void executionWriterLeasesOnlyUnfinishedExecutions_data() { addBackends(); }
    void executionWriterLeasesOnlyUnfinishedExecutions()
    {
        // Recovery after a crash relies on the lease of each unfinished execution; a finished
        // one holds none, whether it ended in the batch that created it or in a later one.
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("lease@example.com"));
        auto workflow = makeWorkflow(db, owner, QStringLiteral("Lease"));
        QVERIFY(workflow.ok());
        DatabaseExecutionStore store(db, QStringLiteral("lease-instance"));
        auto request = [&] { return webhookRequest(*workflow, owner); };
        auto leaseOf = [&](const QString &id) {
            auto q = db.exec(QStringLiteral("SELECT claimed_by, heartbeat_at, status FROM executions WHERE id = ?"), {id});
            return q.ok() && q->next() ? QStringList{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()} : QStringList{};
        };
        const QString at = nowIso();
        const ExecutionRequest running = request(), done = request();
        for (const auto *r : {&running, &done}) {
            store.created(*r, 1, at, {});
            store.started(r->executionId, at);
        }
        store.finished(done.executionId, QStringLiteral("succeeded"), {}, at, 1);
        store.flush();
        const ExecutionRequest later = request();
        store.created(later, 1, at, {});
        store.started(later.executionId, at);
        store.flush();
        QCOMPARE(leaseOf(later.executionId).value(0), QStringLiteral("lease-instance"));
        store.finished(later.executionId, QStringLiteral("failed"), QStringLiteral("boom"), at, 1);
        store.flush();
        QCOMPARE(leaseOf(running.executionId).value(0), QStringLiteral("lease-instance"));
        QVERIFY(!leaseOf(running.executionId).value(1).isEmpty());
        QCOMPARE(leaseOf(running.executionId).value(2), QStringLiteral("running"));
        QCOMPARE(leaseOf(done.executionId), (QStringList{QString(), QString(), QStringLiteral("succeeded")}));
        QCOMPARE(leaseOf(later.executionId), (QStringList{QString(), QString(), QStringLiteral("failed")}));
        store.stop();
    }

    void executionWriterKeepsTheOrderOfMergedRecords_data() { addBackends(); }
    void executionWriterKeepsTheOrderOfMergedRecords()
    {
        // A worker's records for one execution join its op while that op is still queued. The
        // writer applies an op's parts in the order start, wait, finish, so a start after a wait
        // (a short Wait that resumed before the writer woke) must not join: the row would say
        // "waiting" for an execution that runs.
        auto &db = open();
        auto owner = makeUser(db, QStringLiteral("merge@example.com"));
        auto workflow = makeWorkflow(db, owner, QStringLiteral("Merge"));
        QVERIFY(workflow.ok());
        DatabaseExecutionStore store(db, QStringLiteral("merge-instance"));
        auto request = [&] { return webhookRequest(*workflow, owner); };
        auto run = [](const char *node, const QString &at) {
            NodeRunSummary r;
            r.nodeId = node;
            r.name = node;
            r.status = "succeeded";
            r.startedAt = at;
            r.finishedAt = at;
            r.itemsIn = 1;
            r.itemsOut = 1;
            r.output = R"([[{"json":{"n":1}}]])";
            return r;
        };
        const QString at = nowIso();
        const QString until = toIso(QDateTime::currentMSecsSinceEpoch() + 60000);
        // Stored earlier, then parked and resumed before the writer woke: still running.
        const ExecutionRequest resumed = request();
        store.created(resumed, 1, at, R"([{"json":{"n":1}}])");
        store.started(resumed.executionId, at);
        store.nodeFinished(resumed.executionId, run("hook", at));
        store.flush();
        store.waiting(resumed.executionId, Json{{"parked", true}}, QDateTime::fromString(until, Qt::ISODateWithMs));
        store.started(resumed.executionId, at);
        store.nodeFinished(resumed.executionId, run("wait", at));
        // Parked: the wait is the last thing that happened.
        const ExecutionRequest parked = request();
        store.created(parked, 1, at, R"([{"json":{"n":1}}])");
        store.started(parked.executionId, at);
        store.nodeFinished(parked.executionId, run("hook", at));
        store.waiting(parked.executionId, Json{{"parked", true}}, QDateTime::fromString(until, Qt::ISODateWithMs));
        // Ended after its wait, all before the writer woke.
        const ExecutionRequest ended = request();
        store.created(ended, 1, at, R"([{"json":{"n":1}}])");
        store.started(ended.executionId, at);
        store.nodeFinished(ended.executionId, run("hook", at));
        store.waiting(ended.executionId, Json{{"parked", true}}, QDateTime::fromString(until, Qt::ISODateWithMs));
        store.started(ended.executionId, at);
        store.nodeFinished(ended.executionId, run("wait", at));
        store.finished(ended.executionId, QStringLiteral("succeeded"), {}, at, 3);
        store.flush();
        auto rowOf = [&](const QString &id) {
            auto q = db.exec(QStringLiteral("SELECT status, state, wait_until, claimed_by FROM executions WHERE id = ?"), {id});
            return q.ok() && q->next() ? QStringList{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()}
                                       : QStringList{};
        };
        ExecutionRepository executions(db);
        const QStringList r = rowOf(resumed.executionId);
        QCOMPARE(r.value(0), QStringLiteral("running"));
        QCOMPARE(r.value(3), QStringLiteral("merge-instance"));
        QCOMPARE(executions.nodeRuns(resumed.executionId)->size(), 2);
        const QStringList p = rowOf(parked.executionId);
        QCOMPARE(p.value(0), QStringLiteral("waiting"));
        QVERIFY(p.value(1).contains(QStringLiteral("parked")));
        QCOMPARE(p.value(2), until);
        QCOMPARE(p.value(3), QStringLiteral("merge-instance"));
        QCOMPARE(executions.nodeRuns(parked.executionId)->size(), 1);
        const QStringList e = rowOf(ended.executionId);
        QCOMPARE(e, (QStringList{QStringLiteral("succeeded"), QString(), QString(), QString()}));
        auto endedRuns = executions.nodeRuns(ended.executionId);
        QVERIFY(endedRuns.ok());
        QCOMPARE(endedRuns->size(), 2);
        QCOMPARE(endedRuns->at(0).nodeId, QStringLiteral("hook"));
        QCOMPARE(endedRuns->at(0).output, QByteArray(R"([[{"json":{"n":1}}]])"));
        QCOMPARE(endedRuns->at(1).nodeId, QStringLiteral("wait"));
        store.stop();
    }

    void sqliteRunsInWalModeWithForeignKeys()
    {
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///%1/wal.db").arg(m_dir.path()));
        Database db(*url);
        auto mode = db.exec(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode.ok() && mode->next());
        QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
        auto fk = db.exec(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(fk.ok() && fk->next());
        QCOMPARE(fk->value(0).toInt(), 1);
        auto busy = db.exec(QStringLiteral("PRAGMA busy_timeout"));
        QVERIFY(busy.ok() && busy->next());
        QVERIFY(busy->value(0).toInt() >= 1000);
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
