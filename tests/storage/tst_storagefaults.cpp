// Storage faults: a process killed with SIGKILL in the middle of writing leaves an SQLite file
// that reopens intact, with every committed transaction whole and nothing half-written.
#include "auth/userrepository.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "support/testsupport.h"
#include "workflow/workflowrepository.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace synapscale;

namespace {
// Child mode: write workflows (each one row + its version row, in one transaction) forever.
[[noreturn]] void runWriter(const QString &path)
{
    Database db(*DatabaseUrl::parse(QStringLiteral("sqlite:///") + path));
    if (!Migrator(db).migrate())
        std::_Exit(3);
    User u;
    u.email = QStringLiteral("writer@example.com");
    u.passwordHash = QStringLiteral("x");
    auto existing = UserRepository(db).findByEmail(u.email);
    auto user = existing && existing->has_value() ? Result<User>(**existing) : UserRepository(db).create(u);
    if (!user) {
        std::fprintf(stderr, "%s\n", qPrintable(user.error().message));
        std::_Exit(4);
    }
    WorkflowRepository repo(db);
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    for (int i = 0;; ++i) {
        WorkflowRecord w;
        w.ownerId = user->id;
        w.name = QStringLiteral("w%1").arg(i);
        w.definition = QByteArray(4096, 'x').prepend("{\"pad\":\"").append("\"}");
        if (!repo.create(w))
            std::_Exit(5);
        if (i % 3 == 0) {
            auto saved = repo.find(w.id, user->id);
        }
    }
}
} // namespace

class TestStorageFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sqliteSurvivesSigkillDuringWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        for (int round = 0; round < 3; ++round) {
            QProcess writer;
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("SYNAPSCALE_WRITER_DB"), path);
            writer.setProcessEnvironment(env);
            writer.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY2(writer.waitForReadyRead(20000), qPrintable(QStringLiteral("writer exited with %1: %2").arg(writer.exitCode()).arg(QString::fromUtf8(writer.readAllStandardError()))));
            QTest::qWait(300 + round * 200);
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            Database db(*DatabaseUrl::parse(QStringLiteral("sqlite:///") + path));
            auto integrity = db.exec(QStringLiteral("PRAGMA integrity_check"));
            QVERIFY(integrity.ok() && integrity->next());
            QCOMPARE(integrity->value(0).toString(), QStringLiteral("ok"));
            auto workflows = db.exec(QStringLiteral("SELECT COUNT(*) FROM workflows"));
            QVERIFY(workflows.ok() && workflows->next());
            const qint64 written = workflows->value(0).toLongLong();
            QVERIFY2(written > 0, "the writer wrote nothing before it was killed");
            // Atomicity: every committed workflow has exactly its version row, no orphans.
            auto orphans = db.exec(QStringLiteral("SELECT COUNT(*) FROM workflows w LEFT JOIN workflow_versions v "
                                                  "ON v.workflow_id = w.id WHERE v.workflow_id IS NULL"));
            QVERIFY(orphans.ok() && orphans->next());
            QCOMPARE(orphans->value(0).toLongLong(), 0);
            auto versions = db.exec(QStringLiteral("SELECT COUNT(*) FROM workflow_versions"));
            QVERIFY(versions.ok() && versions->next());
            QCOMPARE(versions->value(0).toLongLong(), written);
            // And it is writable again: the next round's writer migrates and appends.
            QVERIFY(Migrator(db).migrate().ok());
        }
    }
};

int main(int argc, char **argv)
{
    const QString writerDb = qEnvironmentVariable("SYNAPSCALE_WRITER_DB");
    QCoreApplication app(argc, argv);
    if (!writerDb.isEmpty())
        runWriter(writerDb);
    TestStorageFaults test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storagefaults.moc"
