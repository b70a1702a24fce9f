// ApiClient against a real backend on 127.0.0.1: REST replies decoded, failures put into words,
// and the live WebSocket coming back by itself after the server restarts.
#include "api/backendhost.h"
#include "auth/authservice.h"
#include "api/websockethub.h"
#include "apiclient.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace synapscale;

class TestApiClient : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Config config(quint16 port)
    {
        ConfigSources s;
        s.environment = QProcessEnvironment();
        s.environment.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("sqlite:///%1/client.db").arg(m_dir.path()));
        s.environment.insert(QStringLiteral("PORT"), QString::number(port));
        s.environment.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("critical"));
        s.envFile = QStringLiteral("/nonexistent");
        return Config::load(s).value();
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    static ApiReply call(ApiClient &client, const QString &path)
    {
        ApiReply result;
        bool done = false;
        client.get(path, &client, [&](const ApiReply &r) {
            result = r;
            done = true;
        });
        QTest::qWaitFor([&] { return done; }, 10000);
        return result;
    }

private Q_SLOTS:
    void restCallsDecodeJsonAndExplainFailures()
    {
        auto host = std::make_unique<BackendHost>(config(0));
        QVERIFY(host->openDatabase().ok());
        auto port = host->start();
        QVERIFY(port.ok());
        ApiClient client(nullptr);
        client.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(*port)), QString(), QString(), 0);
        auto health = call(client, QStringLiteral("/health"));
        QVERIFY(health.ok());
        QCOMPARE(health.data.toMap().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        auto missing = call(client, QStringLiteral("/nope"));
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.error.contains(QLatin1String("No route")));

        ApiClient nowhere(nullptr);
        nowhere.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort())), QString(), QString(), 0);
        auto refused = call(nowhere, QStringLiteral("/health"));
        QCOMPARE(refused.status, 0);
        QVERIFY2(refused.error.contains(QLatin1String("refused")), qPrintable(refused.error));
    }

    void liveChannelReconnectsAfterAServerRestart()
    {
        const quint16 port = freePort();
        auto host = std::make_unique<BackendHost>(config(port));
        QVERIFY(host->openDatabase().ok());
        QVERIFY(host->start().ok());
        auto session = host->auth().signInLocalUser({});
        QVERIFY(session.ok());

        ApiClient client(nullptr);
        QSignalSpy events(&client, &ApiClient::eventReceived);
        client.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), session->accessToken, session->refreshToken,
                         session->expiresIn);
        QTRY_VERIFY_WITH_TIMEOUT(client.live(), 10000);
        host->hub()->broadcast(QStringLiteral("notification"), {{"text", "hi"}});
        QTRY_VERIFY(std::any_of(events.cbegin(), events.cend(),
                                [](const QList<QVariant> &e) { return e.at(0).toString() == QLatin1String("notification"); }));

        QSignalSpy stopped(host.get(), &BackendHost::stopped);
        host->shutdown();
        QTRY_COMPARE(stopped.count(), 1);
        host.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!client.live(), 5000);

        host = std::make_unique<BackendHost>(config(port));
        QVERIFY(host->openDatabase().ok());
        QVERIFY(host->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.live(), 15000);

        // A wrong token is refused (4401) and never reported as live.
        ApiClient stranger(nullptr);
        stranger.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("wrong"), QString(), 0);
        QTest::qWait(1500);
        QVERIFY(!stranger.live());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
