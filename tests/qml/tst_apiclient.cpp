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
        (void)QTest::qWaitFor([&] { return done; }, 10000);
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

    void expiredAccessTokenIsRefreshedAndTheCallRetried()
    {
        auto host = std::make_unique<BackendHost>(config(0));
        QVERIFY(host->openDatabase().ok());
        auto port = host->start();
        QVERIFY(port.ok());
        auto session = host->auth().signInLocalUser({});
        QVERIFY(session.ok());
        ApiClient client(nullptr);
        // A stale access token with a good refresh token: the first call gets a 401, the client
        // refreshes once and retries, and the caller only sees the success.
        client.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(*port)), QStringLiteral("stale.token.value"),
                         session->refreshToken, 0);
        auto me = call(client, QStringLiteral("/api/v1/auth/me"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data.toMap().value(QStringLiteral("email")).toString(), QStringLiteral("local@synapscale.localhost"));
        // The old refresh token was rotated away: a second client holding it is told to sign in again.
        ApiClient replay(nullptr);
        replay.configure(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(*port)), QStringLiteral("stale"), session->refreshToken, 0);
        auto refused = call(replay, QStringLiteral("/api/v1/auth/me"));
        QCOMPARE(refused.status, 401);
        QVERIFY(!replay.connectionError().isEmpty());
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
