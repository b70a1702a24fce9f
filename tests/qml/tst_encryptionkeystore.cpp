// Where the desktop's credentials key comes from: the real OS keychain through QtKeychain when
// a Secret Service answers (ctest runs this binary a second time inside dbus-run-session with an
// unlocked gnome-keyring), and a passphrase when none does — never a key stored in clear.
#include "encryptionkeystore.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace synapscale;

namespace {
bool keyringRunning()
{
    return qEnvironmentVariableIsSet("SYNAPSCALE_TEST_KEYRING");
}

QByteArray keyFrom(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QByteArray() : spy.last().at(0).toByteArray();
}
} // namespace

class TestEncryptionKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keyFromTheEnvironmentNeedsNothingElse()
    {
        QTemporaryDir dir;
        EncryptionKeyStore store(dir.path(), QStringLiteral("SynapScaleTest-env"), nullptr);
        QSignalSpy keys(&store, &EncryptionKeyStore::keyReady);
        store.start(true);
        QCOMPARE(store.state(), QStringLiteral("environment"));
        QVERIFY(store.ready());
        QVERIFY(keys.isEmpty()); // the backend already has it from its configuration
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void withoutAKeychainAPassphraseProtectsTheKey()
    {
        if (keyringRunning())
            QSKIP("a keychain is running: covered by keychainKeepsOneGeneratedKey");
        QTemporaryDir dir;
        QByteArray first;
        {
            EncryptionKeyStore store(dir.path(), QStringLiteral("SynapScaleTest"), nullptr);
            QSignalSpy keys(&store, &EncryptionKeyStore::keyReady);
            store.start(false);
            QTRY_COMPARE_WITH_TIMEOUT(store.state(), QStringLiteral("choose_passphrase"), 20000);
            QVERIFY(!store.ready());
            QVERIFY2(store.message().contains(QLatin1String("keychain")), qPrintable(store.message()));

            store.unlock(QStringLiteral("short"));
            QCOMPARE(store.state(), QStringLiteral("choose_passphrase"));
            QVERIFY(store.message().contains(QLatin1String("8 characters")));
            QVERIFY(keys.isEmpty());

            store.unlock(QStringLiteral("correct horse battery staple"));
            QCOMPARE(store.state(), QStringLiteral("deriving"));
            QTRY_COMPARE_WITH_TIMEOUT(store.state(), QStringLiteral("passphrase"), 20000);
            QVERIFY(store.ready());
            QCOMPARE(keys.count(), 1);
            first = keyFrom(keys);
            QCOMPARE(first.size(), 32);
        }
        // What is on disk is a salt and a check value: neither the key nor the passphrase.
        QFile file(dir.filePath(QStringLiteral("credentials-passphrase.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(!stored.contains(first.toBase64()));
        QVERIFY(!stored.contains("correct horse"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);

        // The next start asks for the same passphrase and refuses another one.
        EncryptionKeyStore again(dir.path(), QStringLiteral("SynapScaleTest"), nullptr);
        QSignalSpy keys(&again, &EncryptionKeyStore::keyReady);
        again.start(false);
        QCOMPARE(again.state(), QStringLiteral("enter_passphrase"));
        again.unlock(QStringLiteral("wrong passphrase here"));
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), QStringLiteral("enter_passphrase"), 20000);
        QVERIFY(again.message().contains(QLatin1String("not the passphrase")));
        QVERIFY(keys.isEmpty());
        again.unlock(QStringLiteral("correct horse battery staple"));
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), QStringLiteral("passphrase"), 20000);
        QCOMPARE(keyFrom(keys), first);
    }

    void damagedPassphraseFileIsReported()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("credentials-passphrase.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        EncryptionKeyStore store(dir.path(), QStringLiteral("SynapScaleTest"), nullptr);
        store.start(false);
        QCOMPARE(store.state(), QStringLiteral("enter_passphrase"));
        store.unlock(QStringLiteral("correct horse battery staple"));
        QCOMPARE(store.state(), QStringLiteral("enter_passphrase"));
        QVERIFY(store.message().contains(QLatin1String("damaged")));
    }

    void keychainKeepsOneGeneratedKey()
    {
        if (!keyringRunning())
            QSKIP("needs a Secret Service: ctest runs tst_encryptionkeystore_keyring inside dbus-run-session with gnome-keyring");
        // A service name of its own, so a developer's real keychain entry is never touched.
        const QString service = QStringLiteral("SynapScaleTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QTemporaryDir dir;
        QByteArray first;
        {
            EncryptionKeyStore store(dir.path(), service, nullptr);
            QSignalSpy keys(&store, &EncryptionKeyStore::keyReady);
            store.start(false);
            QTRY_COMPARE_WITH_TIMEOUT(store.state(), QStringLiteral("keychain"), 20000);
            QCOMPARE(keys.count(), 1);
            first = keyFrom(keys);
            QCOMPARE(first.size(), 32);
        }
        QVERIFY(QDir(dir.path()).isEmpty()); // nothing about the key on disk
        EncryptionKeyStore again(dir.path(), service, nullptr);
        QSignalSpy keys(&again, &EncryptionKeyStore::keyReady);
        again.start(false);
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), QStringLiteral("keychain"), 20000);
        QCOMPARE(keyFrom(keys), first);
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestEncryptionKeyStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_encryptionkeystore.moc"
