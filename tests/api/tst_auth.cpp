// The account system over real HTTP on 127.0.0.1, with a real SMTP sink, on SQLite and on
// PostgreSQL: every flow of the auth API and the bad input around it.
#include "api/backendhost.h"
#include "api/websockethub.h"
#include "auth/authservice.h"
#include "auth/jwt.h"
#include "auth/passwords.h"
#include "mail/mailer.h"
#include "storage/database.h"
#include "support/rawhttp.h"
#include "support/smtpsink.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace synapscale;
using nlohmann::json;
using test::RawHttp;
using test::RawResponse;

namespace {
const QByteArray kJwtKey = "test-jwt-key-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const QString kPrefix = QStringLiteral("/api/v1/auth/auth");
const QString kStrong = QStringLiteral("Correct-Horse-Battery-9");
QString g_backend = QStringLiteral("sqlite");
} // namespace

class TestAuth : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::TestDatabase m_db;
    std::unique_ptr<test::SmtpSink> m_sink;
    std::unique_ptr<BackendHost> m_host;
    quint16 m_port = 0;

    void startHost(QHash<QString, QString> extra = {})
    {
        m_host.reset();
        ConfigSources s;
        s.environment = QProcessEnvironment();
        const QString url = m_db.url.isSqlite() ? QStringLiteral("sqlite:///") + m_db.url.path : test::postgresUrl();
        QHash<QString, QString> env{{QStringLiteral("DATABASE_URL"), url},
                                    {QStringLiteral("DATABASE_SCHEMA"), m_db.schema},
                                    {QStringLiteral("JWT_SECRET_KEY"), QString::fromLatin1(kJwtKey)},
                                    {QStringLiteral("SECRET_KEY"), QString::fromLatin1(kJwtKey) + QStringLiteral("x")},
                                    {QStringLiteral("PORT"), QStringLiteral("0")},
                                    {QStringLiteral("LOG_LEVEL"), QStringLiteral("critical")},
                                    {QStringLiteral("SMTP_HOST"), QStringLiteral("127.0.0.1")},
                                    {QStringLiteral("SMTP_PORT"), QString::number(m_sink->port())},
                                    {QStringLiteral("SMTP_TLS"), QStringLiteral("false")},
                                    {QStringLiteral("SMTP_USER"), QStringLiteral("mailer")},
                                    {QStringLiteral("SMTP_PASSWORD"), QStringLiteral("mail-secret")},
                                    {QStringLiteral("EMAILS_FROM_EMAIL"), QStringLiteral("noreply@synapscale.test")},
                                    {QStringLiteral("PUBLIC_URL"), QStringLiteral("http://app.test")},
                                    {QStringLiteral("RATE_LIMIT_PER_IP"), QStringLiteral("1000")}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            s.environment.insert(it.key(), it.value());
        s.envFile = QStringLiteral("/nonexistent");
        auto config = Config::load(s);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        m_host = std::make_unique<BackendHost>(config.value());
        auto opened = m_host->openDatabase();
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        auto port = m_host->start();
        QVERIFY(port.ok());
        m_port = *port;
        m_host->mailer().setPollInterval(100);
    }

    RawResponse call(const QByteArray &method, const QString &path, const json &body = nullptr, const QString &token = {},
                     QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token.toUtf8()});
        const QByteArray payload = body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump());
        return RawHttp::once(m_port, method, path.toUtf8(), payload, headers);
    }

    json registerUser(const QString &email, const QString &password = kStrong)
    {
        auto r = call("POST", kPrefix + QStringLiteral("/register"), {{"email", email.toStdString()}, {"password", password.toStdString()}});
        if (r.status != 201)
            qWarning("register %s: %d %s", qPrintable(email), r.status, r.body.constData());
        return r.json();
    }

    json login(const QString &email, const QString &password = kStrong)
    {
        auto r = call("POST", kPrefix + QStringLiteral("/login"), {{"email", email.toStdString()}, {"password", password.toStdString()}});
        return r.status == 200 ? r.json() : json();
    }

    static QString str(const json &j, const char *key) { return j.contains(key) ? QString::fromStdString(j[key].get<std::string>()) : QString(); }

    qint64 count(const QString &sql)
    {
        auto q = m_host->database().exec(sql);
        return q && q->next() ? q->value(0).toLongLong() : -1;
    }

    static void verifyError(const RawResponse &r, int status, const char *code)
    {
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("expected %1, got %2: %3").arg(status).arg(r.status).arg(QString::fromUtf8(r.body))));
        const auto j = r.json();
        QVERIFY2(j.contains("detail"), r.body.constData());
        if (code)
            QVERIFY2(j["code"] == code, r.body.constData());
    }

private Q_SLOTS:
    void init()
    {
        m_db = test::freshDatabase(g_backend, m_dir.path());
        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY(m_sink->start());
        startHost();
    }

    void cleanup()
    {
        m_host.reset();
        m_sink.reset();
        test::dropSchema(m_db);
    }

    void registerLoginMeRefreshLogout()
    {
        const json admin = registerUser(QStringLiteral("Admin@Example.com"));
        QVERIFY(admin["role"] == "admin");
        QVERIFY(admin["email"] == "Admin@Example.com");
        QVERIFY(admin["is_verified"] == false);
        QVERIFY(!admin.contains("password_hash") && admin.dump().find("argon2") == std::string::npos);
        QVERIFY(registerUser(QStringLiteral("second@example.com"))["role"] == "user");

        const json tokens = login(QStringLiteral("admin@EXAMPLE.com"));
        QVERIFY(tokens["token_type"] == "bearer");
        QVERIFY(tokens["expires_in"] == 900);
        QVERIFY(tokens["user"]["id"] == admin["id"]);
        const QString access = str(tokens, "access_token");
        auto me = call("GET", kPrefix + QStringLiteral("/me"), nullptr, access);
        QCOMPARE(me.status, 200);
        QVERIFY(me.json()["email"] == "Admin@Example.com");
        for (const char *field : {"id", "email", "full_name", "role", "is_verified", "created_at"})
            QVERIFY2(me.json().contains(field), field);

        auto updated = call("PUT", kPrefix + QStringLiteral("/me"), {{"full_name", "Ada Lovelace"}}, access);
        QCOMPARE(updated.status, 200);
        QVERIFY(updated.json()["full_name"] == "Ada Lovelace");

        auto refreshed = call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", tokens["refresh_token"]}});
        QCOMPARE(refreshed.status, 200);
        QVERIFY(refreshed.json()["refresh_token"] != tokens["refresh_token"]);
        const QString access2 = str(refreshed.json(), "access_token");
        QCOMPARE(call("GET", QStringLiteral("/api/v1/auth/me"), nullptr, access2).status, 200); // alias path

        QCOMPARE(call("POST", kPrefix + QStringLiteral("/logout"), nullptr, access2).status, 204);
        // The session is over: its access tokens (old and new) and its refresh token stop at once.
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, access2), 401, "not_authenticated");
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, access), 401, "not_authenticated");
        verifyError(call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", refreshed.json()["refresh_token"]}}), 401,
                    "invalid_credentials");
    }

    void loginAcceptsTheOAuth2Form()
    {
        registerUser(QStringLiteral("form@example.com"));
        auto r = RawHttp::once(m_port, "POST", "/api/v1/auth/login",
                               "grant_type=password&username=form%40example.com&password=" + QUrl::toPercentEncoding(kStrong),
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().contains("access_token"));
        auto wrong = RawHttp::once(m_port, "POST", "/api/v1/auth/login", "username=form%40example.com&password=nope",
                                   {{"Content-Type", "application/x-www-form-urlencoded"}});
        verifyError(wrong, 401, "invalid_credentials");
        QCOMPARE(wrong.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void badRegistrationsAreRefusedAndStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QByteArray pw = kStrong.toUtf8();
        QTest::newRow("missing password") << QByteArray(R"({"email":"a@example.com"})") << 422 << "password";
        QTest::newRow("missing email") << QByteArray(R"({"password":")" + pw + R"("})") << 422 << "email";
        QTest::newRow("extra field") << QByteArray(R"({"email":"a@example.com","password":")" + pw + R"(","role":"admin"})") << 422 << "role";
        QTest::newRow("email is a number") << QByteArray(R"({"email":42,"password":")" + pw + R"("})") << 422 << "email";
        QTest::newRow("password is null") << QByteArray(R"({"email":"a@example.com","password":null})") << 422 << "password";
        QTest::newRow("body is an array") << QByteArray(R"(["a@example.com"])") << 422 << "";
        QTest::newRow("not an email") << QByteArray(R"({"email":"not-an-email","password":")" + pw + R"("})") << 422 << "email";
        QTest::newRow("sql in email") << QByteArray("{\"email\":\"x' OR '1'='1\",\"password\":\"") + pw + "\"}" << 422 << "email";
        QTest::newRow("short password") << QByteArray(R"({"email":"a@example.com","password":"Ab1!"})") << 422 << "password";
        QTest::newRow("common password") << QByteArray(R"({"email":"a@example.com","password":"Password123"})") << 422 << "password";
        QTest::newRow("password is the email") << QByteArray(R"({"email":"longname@example.com","password":"LongName@Example.com"})") << 422 << "password";
        QTest::newRow("1 MB password") << QByteArray(R"({"email":"a@example.com","password":")" + QByteArray(1024 * 1024, 'x') + R"("})") << 422 << "password";
        QTest::newRow("1 MB name") << QByteArray(R"({"email":"a@example.com","password":")" + pw + R"(","full_name":")" + QByteArray(1024 * 1024, 'n') + R"("})") << 422 << "full_name";
        QTest::newRow("malformed json") << QByteArray(R"({"email":)") << 400 << "";
    }
    void badRegistrationsAreRefusedAndStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        registerUser(QStringLiteral("existing@example.com"));
        const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM users"));
        auto r = RawHttp::once(m_port, "POST", (kPrefix + QStringLiteral("/register")).toUtf8(), body);
        QCOMPARE(r.status, status);
        if (!field.isEmpty()) {
            bool found = false;
            const json reply = r.json();
            for (const auto &e : reply["detail"])
                found = found || (e["loc"].size() == 2 && e["loc"][1] == field.toStdString());
            QVERIFY2(found, r.body.left(300).constData());
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users")), before);
    }

    void duplicateEmailIgnoringCaseIs409()
    {
        registerUser(QStringLiteral("dup@example.com"));
        auto r = call("POST", kPrefix + QStringLiteral("/register"), {{"email", "DUP@Example.COM"}, {"password", kStrong.toStdString()}});
        verifyError(r, 409, "conflict");
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users")), 1);
    }

    void wrongPasswordAndUnknownEmailGetTheSameAnswer()
    {
        registerUser(QStringLiteral("known@example.com"));
        auto wrong = call("POST", kPrefix + QStringLiteral("/login"), {{"email", "known@example.com"}, {"password", "Wrong-Password-1"}});
        auto unknown = call("POST", kPrefix + QStringLiteral("/login"), {{"email", "nobody@example.com"}, {"password", "Wrong-Password-1"}});
        verifyError(wrong, 401, "invalid_credentials");
        verifyError(unknown, 401, "invalid_credentials");
        QVERIFY(wrong.json()["detail"] == unknown.json()["detail"]);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), 0);
    }

    void forgedAndExpiredAccessTokensAreRefused()
    {
        const json user = registerUser(QStringLiteral("tok@example.com"));
        const json tokens = login(QStringLiteral("tok@example.com"));
        const QString access = str(tokens, "access_token");
        const auto parts = access.toUtf8().split('.');
        const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QString sid = QString::fromStdString(json::parse(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding).toStdString())["sid"].get<std::string>());

        JwtSigner signer(kJwtKey, QStringLiteral("synapscale"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString expired = signer.sign({str(user, "id"), sid, QStringLiteral("user"), QStringLiteral("j1"), now - 1000, now - 10});
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, expired), 401, "token_expired");

        QByteArray tampered = parts[2];
        tampered[5] = tampered[5] == 'A' ? 'B' : 'A';
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, QString::fromLatin1(parts[0] + '.' + parts[1] + '.' + tampered)), 401,
                    "not_authenticated");
        // alg "none", with and without a signature, and another HMAC algorithm.
        const QByteArray none = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(b64);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, QString::fromLatin1(none + '.' + parts[1] + '.')), 401, nullptr);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, QString::fromLatin1(none + '.' + parts[1] + '.' + parts[2])), 401, nullptr);
        const QByteArray hs512 = QByteArray(R"({"alg":"HS512","typ":"JWT"})").toBase64(b64);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, QString::fromLatin1(hs512 + '.' + parts[1] + '.' + parts[2])), 401, nullptr);
        // A token signed with another key.
        JwtSigner other("another-key-of-sufficient-length-0123456789", QStringLiteral("synapscale"));
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr,
                         other.sign({str(user, "id"), sid, QStringLiteral("admin"), QStringLiteral("j2"), now, now + 600})), 401, nullptr);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, QStringLiteral("garbage")), 401, nullptr);
        verifyError(call("GET", kPrefix + QStringLiteral("/me")), 401, "not_authenticated");
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, access).status, 200);

        // A token whose user was deleted (behind the service's back, so no cache is told).
        startHost({{QStringLiteral("AUTH_CACHE_SECONDS"), QStringLiteral("0")}});
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, access).status, 200);
        QVERIFY(m_host->database().exec(QStringLiteral("DELETE FROM users WHERE id = ?"), {str(user, "id")}).ok());
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, access), 401, "not_authenticated");
    }

    void reusedRefreshTokenEndsTheSession()
    {
        registerUser(QStringLiteral("reuse@example.com"));
        const json first = login(QStringLiteral("reuse@example.com"));
        const json other = login(QStringLiteral("reuse@example.com")); // a second, unrelated session
        auto second = call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", first["refresh_token"]}});
        QCOMPARE(second.status, 200);
        // The old token comes back (stolen copy): refused, and the whole session ends.
        verifyError(call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", first["refresh_token"]}}), 401, "invalid_credentials");
        verifyError(call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", second.json()["refresh_token"]}}), 401,
                    "invalid_credentials");
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(second.json(), "access_token")), 401, nullptr);
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(other, "access_token")).status, 200);
        verifyError(call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", "rt_made-up"}}), 401, nullptr);
        verifyError(call("POST", kPrefix + QStringLiteral("/refresh"), {{"refresh_token", 12}}), 422, nullptr);
    }

    void sessionsAreListedAndRevokedPerUser()
    {
        registerUser(QStringLiteral("s1@example.com"));
        registerUser(QStringLiteral("s2@example.com"));
        const json a1 = login(QStringLiteral("s1@example.com"));
        const json a2 = login(QStringLiteral("s1@example.com"));
        const json a3 = login(QStringLiteral("s1@example.com"));
        const json b = login(QStringLiteral("s2@example.com"));
        auto list = call("GET", kPrefix + QStringLiteral("/sessions"), nullptr, str(a1, "access_token"));
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().is_array());
        QCOMPARE(int(list.json().size()), 3);
        int current = 0;
        QString a2Id;
        for (const auto &s : list.json()) {
            current += s["current"].get<bool>() ? 1 : 0;
            for (const char *f : {"id", "created_at", "last_used_at", "user_agent", "ip", "current"})
                QVERIFY2(s.contains(f), f);
        }
        QCOMPARE(current, 1);
        // Find a2's session id from its token.
        const auto payload = json::parse(QByteArray::fromBase64(str(a2, "access_token").toUtf8().split('.')[1], QByteArray::Base64UrlEncoding).toStdString());
        a2Id = QString::fromStdString(payload["sid"].get<std::string>());

        // Another user cannot touch it: 404, and it keeps working.
        verifyError(call("DELETE", kPrefix + QStringLiteral("/sessions/") + a2Id, nullptr, str(b, "access_token")), 404, "not_found");
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(a2, "access_token")).status, 200);

        QCOMPARE(call("DELETE", kPrefix + QStringLiteral("/sessions/") + a2Id, nullptr, str(a1, "access_token")).status, 204);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(a2, "access_token")), 401, nullptr);
        verifyError(call("DELETE", kPrefix + QStringLiteral("/sessions/") + a2Id, nullptr, str(a1, "access_token")), 404, nullptr);

        QCOMPARE(call("DELETE", kPrefix + QStringLiteral("/sessions"), nullptr, str(a1, "access_token")).status, 204);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(a3, "access_token")), 401, nullptr);
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(a1, "access_token")).status, 200);
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(b, "access_token")).status, 200);
    }

    void changingThePasswordEndsOtherSessions()
    {
        registerUser(QStringLiteral("cp@example.com"));
        const json here = login(QStringLiteral("cp@example.com"));
        const json elsewhere = login(QStringLiteral("cp@example.com"));
        const QString token = str(here, "access_token");
        verifyError(call("POST", kPrefix + QStringLiteral("/change-password"),
                         {{"current_password", "not-it-at-all"}, {"new_password", "Brand-New-Secret-42"}}, token),
                    400, "wrong_password");
        verifyError(call("POST", kPrefix + QStringLiteral("/change-password"), {{"current_password", kStrong.toStdString()}, {"new_password", "short"}},
                         token),
                    422, nullptr);
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(elsewhere, "access_token")).status, 200);
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/change-password"),
                      {{"current_password", kStrong.toStdString()}, {"new_password", "Brand-New-Secret-42"}}, token)
                     .status,
                 204);
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, token).status, 200);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(elsewhere, "access_token")), 401, nullptr);
        QVERIFY(login(QStringLiteral("cp@example.com")).is_null());
        QVERIFY(!login(QStringLiteral("cp@example.com"), QStringLiteral("Brand-New-Secret-42")).is_null());
    }

    void emailVerificationIsSingleUse()
    {
        registerUser(QStringLiteral("verify@example.com"));
        QTRY_COMPARE(m_sink->messages().size(), 1);
        const auto &mail = m_sink->messages().constFirst();
        QCOMPARE(mail.to, QByteArray("verify@example.com"));
        QCOMPARE(mail.from, QByteArray("noreply@synapscale.test"));
        QCOMPARE(mail.authPlain, QByteArray("\0mailer\0mail-secret", 19));
        QVERIFY(mail.data.contains("http://app.test/verify-email?token="));
        const QString token = m_sink->lastTokenFor("verify@example.com");
        QVERIFY(!token.isEmpty());
        // Sent messages do not keep the link in the outbox.
        QTRY_COMPARE(count(QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NOT NULL AND body = ''")), 1);

        verifyError(call("POST", kPrefix + QStringLiteral("/verify-email"), {{"token", "wrong-token"}}), 400, "invalid_token");
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/verify-email"), {{"token", token.toStdString()}}).status, 204);
        verifyError(call("POST", kPrefix + QStringLiteral("/verify-email"), {{"token", token.toStdString()}}), 400, "invalid_token");
        const json tokens = login(QStringLiteral("verify@example.com"));
        auto me = call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(tokens, "access_token"));
        QVERIFY(me.json()["is_verified"] == true);
        verifyError(call("POST", kPrefix + QStringLiteral("/resend-verification"), nullptr, str(tokens, "access_token")), 409, "conflict");
    }

    void unverifiedUsersCannotLogInWhenVerificationIsRequired()
    {
        startHost({{QStringLiteral("REQUIRE_EMAIL_VERIFICATION"), QStringLiteral("true")}});
        registerUser(QStringLiteral("strict@example.com"));
        verifyError(call("POST", kPrefix + QStringLiteral("/login"), {{"email", "strict@example.com"}, {"password", kStrong.toStdString()}}),
                    403, "email_not_verified");
        QTRY_VERIFY(!m_sink->lastTokenFor("strict@example.com").isEmpty());
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/verify-email"), {{"token", m_sink->lastTokenFor("strict@example.com").toStdString()}}).status,
                 204);
        QVERIFY(!login(QStringLiteral("strict@example.com")).is_null());
    }

    void passwordResetIsSingleUseExpiresAndEndsSessions()
    {
        registerUser(QStringLiteral("reset@example.com"));
        const json session = login(QStringLiteral("reset@example.com"));
        QTRY_COMPARE(m_sink->messages().size(), 1); // the verification email
        auto unknown = call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "ghost@example.com"}});
        auto known = call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "RESET@example.com"}});
        QCOMPARE(unknown.status, 202);
        QCOMPARE(known.status, 202);
        QCOMPARE(unknown.body, known.body);
        QTRY_COMPARE(m_sink->messages().size(), 2);
        QVERIFY(m_sink->messages().last().data.contains("http://app.test/reset-password?token="));
        const QString token = m_sink->lastTokenFor("reset@example.com");

        verifyError(call("POST", kPrefix + QStringLiteral("/reset-password"), {{"token", token.toStdString()}, {"new_password", "12345678"}}), 422,
                    nullptr);
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/reset-password"), {{"token", token.toStdString()}, {"new_password", "Reset-And-Renewed-7"}})
                     .status,
                 204);
        verifyError(call("POST", kPrefix + QStringLiteral("/reset-password"), {{"token", token.toStdString()}, {"new_password", "Another-Fresh-One-8"}}),
                    400, "invalid_token");
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, str(session, "access_token")), 401, nullptr);
        QVERIFY(!login(QStringLiteral("reset@example.com"), QStringLiteral("Reset-And-Renewed-7")).is_null());

        // An expired link is refused.
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "reset@example.com"}}).status, 202);
        QTRY_COMPARE(m_sink->messages().size(), 3);
        const QString late = m_sink->lastTokenFor("reset@example.com");
        QVERIFY(m_host->database().exec(QStringLiteral("UPDATE auth_tokens SET expires_at = '2000-01-01T00:00:00.000Z'")).ok());
        verifyError(call("POST", kPrefix + QStringLiteral("/reset-password"), {{"token", late.toStdString()}, {"new_password", "Too-Late-For-This-9"}}),
                    400, "invalid_token");
        QVERIFY(!login(QStringLiteral("reset@example.com"), QStringLiteral("Reset-And-Renewed-7")).is_null());
    }

    void loginIsRateLimitedPerAccount()
    {
        registerUser(QStringLiteral("limited@example.com"));
        for (int i = 0; i < 10; ++i)
            verifyError(call("POST", kPrefix + QStringLiteral("/login"), {{"email", "limited@example.com"}, {"password", "Wrong-Guess-000"}}), 401,
                        nullptr);
        auto limited = call("POST", kPrefix + QStringLiteral("/login"), {{"email", "LIMITED@example.com"}, {"password", kStrong.toStdString()}});
        verifyError(limited, 429, "rate_limited");
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY(retryAfter > 0 && retryAfter <= 900);
        // Other accounts are unaffected.
        registerUser(QStringLiteral("free@example.com"));
        QVERIFY(!login(QStringLiteral("free@example.com")).is_null());
    }

    void registerAndForgotAreRateLimitedPerIp()
    {
        startHost({{QStringLiteral("RATE_LIMIT_PER_IP"), QStringLiteral("3")}});
        for (int i = 0; i < 3; ++i)
            registerUser(QStringLiteral("ip%1@example.com").arg(i));
        auto fourth = call("POST", kPrefix + QStringLiteral("/register"), {{"email", "ip9@example.com"}, {"password", kStrong.toStdString()}});
        verifyError(fourth, 429, "rate_limited");
        QVERIFY(!fourth.header("Retry-After").isEmpty());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "ip0@example.com"}}).status, 202);
        verifyError(call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "ip0@example.com"}}), 429, "rate_limited");
    }

    void apiKeysAreShownOnceUsableAndRevocable()
    {
        registerUser(QStringLiteral("keys@example.com"));
        registerUser(QStringLiteral("thief@example.com"));
        const QString token = str(login(QStringLiteral("keys@example.com")), "access_token");
        const QString thief = str(login(QStringLiteral("thief@example.com")), "access_token");
        auto created = call("POST", kPrefix + QStringLiteral("/api-keys"), {{"name", "CI pipeline"}}, token);
        QCOMPARE(created.status, 201);
        const QString key = str(created.json(), "key");
        const QString id = str(created.json(), "id");
        QVERIFY(key.startsWith(str(created.json(), "prefix") + QLatin1Char('_')));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM api_keys WHERE key_hash = '%1'").arg(key)), 0); // stored hashed

        auto list = call("GET", kPrefix + QStringLiteral("/api-keys"), nullptr, token);
        QCOMPARE(int(list.json().size()), 1);
        QVERIFY(!list.json()[0].contains("key"));
        QVERIFY(list.json()[0]["last_used_at"].is_null());

        auto viaKey = call("GET", kPrefix + QStringLiteral("/me"), nullptr, {}, {{"X-API-Key", key.toUtf8()}});
        QCOMPARE(viaKey.status, 200);
        QVERIFY(viaKey.json()["email"] == "keys@example.com");
        QVERIFY(!call("GET", kPrefix + QStringLiteral("/api-keys"), nullptr, token).json()[0]["last_used_at"].is_null());
        QCOMPARE(int(call("GET", kPrefix + QStringLiteral("/api-keys"), nullptr, thief).json().size()), 0);

        verifyError(call("DELETE", kPrefix + QStringLiteral("/api-keys/") + id, nullptr, thief), 404, "not_found");
        QCOMPARE(call("GET", kPrefix + QStringLiteral("/me"), nullptr, {}, {{"X-API-Key", key.toUtf8()}}).status, 200);
        QCOMPARE(call("DELETE", kPrefix + QStringLiteral("/api-keys/") + id, nullptr, token).status, 204);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, {}, {{"X-API-Key", key.toUtf8()}}), 401, nullptr);
        verifyError(call("GET", kPrefix + QStringLiteral("/me"), nullptr, {}, {{"X-API-Key", "ssk_nonsense_value"}}), 401, nullptr);
        verifyError(call("POST", kPrefix + QStringLiteral("/api-keys"), {{"name", ""}}, token), 422, nullptr);
    }

    void adminRoutesAreForAdminsOnly()
    {
        registerUser(QStringLiteral("root@example.com"));
        registerUser(QStringLiteral("pleb@example.com"));
        const QString admin = str(login(QStringLiteral("root@example.com")), "access_token");
        const QString user = str(login(QStringLiteral("pleb@example.com")), "access_token");
        auto list = call("GET", QStringLiteral("/api/v1/admin/users?limit=1"), nullptr, admin);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json()["total"] == 2);
        QCOMPARE(int(list.json()["items"].size()), 1);
        verifyError(call("GET", QStringLiteral("/api/v1/admin/users"), nullptr, user), 403, "forbidden");
        verifyError(call("GET", QStringLiteral("/api/v1/admin/users?limit=500"), nullptr, admin), 422, nullptr);
        verifyError(call("GET", QStringLiteral("/api/v1/admin/users")), 401, nullptr);
    }

    void emailSurvivesAMailServerOutage()
    {
        registerUser(QStringLiteral("outage@example.com"));
        QTRY_COMPARE(m_sink->messages().size(), 1);
        // The verification email recorded as sent before the server goes away (else its
        // retry, not the reset email, would be the first to arrive afterwards).
        QTRY_COMPARE(count(QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL")), 0);
        const quint16 port = m_sink->port();
        m_sink->stop();
        QSignalSpy failed(&m_host->mailer(), &Mailer::failedAttempt);
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "outage@example.com"}}).status, 202);
        QTRY_VERIFY(failed.count() >= 1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL AND attempts >= 1")), 1);

        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY(m_sink->start(port));
        // Make the retry due now instead of waiting out the backoff.
        QVERIFY(m_host->database().exec(QStringLiteral("UPDATE email_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE sent_at IS NULL")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 5000);
        QVERIFY(m_sink->messages().first().data.contains("reset-password?token="));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL")), 0);
    }

    // Once the server has answered 250 to the message, it is delivered: a server that hangs up
    // on QUIT does not make the mailer count a failure or send the email twice.
    void emailAcceptedIsNotResentWhenTheServerHangsUpOnQuit()
    {
        m_sink->hangUpOnQuit(true);
        QSignalSpy failed(&m_host->mailer(), &Mailer::failedAttempt);
        registerUser(QStringLiteral("hangup@example.com"));
        QTRY_COMPARE(m_sink->messages().size(), 1);
        QTRY_COMPARE(count(QStringLiteral("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL")), 0);
        QVERIFY(m_host->database().exec(QStringLiteral("UPDATE email_outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'")).ok());
        QTest::qWait(1500);
        QCOMPARE(m_sink->messages().size(), 1);
        QCOMPARE(failed.count(), 0);
        m_sink->hangUpOnQuit(false);
    }

    void webSocketsNeedAValidAccessToken()
    {
        registerUser(QStringLiteral("ws@example.com"));
        const json tokens = login(QStringLiteral("ws@example.com"));
        const QString base = QStringLiteral("ws://127.0.0.1:%1/api/v1/ws/global").arg(m_port);
        QWebSocket good;
        QStringList frames;
        connect(&good, &QWebSocket::textMessageReceived, this, [&](const QString &m) { frames << m; });
        good.open(QUrl(base + QStringLiteral("?token=") + str(tokens, "access_token")));
        QTRY_VERIFY(!frames.isEmpty());
        QVERIFY(frames.first().contains(QLatin1String("auth.ok")));

        QCOMPARE(call("POST", kPrefix + QStringLiteral("/logout"), nullptr, str(tokens, "access_token")).status, 204);
        QWebSocket revoked;
        QSignalSpy closed(&revoked, &QWebSocket::disconnected);
        revoked.open(QUrl(base + QStringLiteral("?token=") + str(tokens, "access_token")));
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(int(revoked.closeCode()), 4401);
    }

    void emailGoesOverStartTlsWhenAsked()
    {
        // A throwaway certificate for 127.0.0.1, trusted by this process only.
        QProcess openssl;
        openssl.setWorkingDirectory(m_dir.path());
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                                  QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                                                  QStringLiteral("-keyout"), QStringLiteral("smtp.key"), QStringLiteral("-out"), QStringLiteral("smtp.crt")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile certFile(m_dir.filePath(QStringLiteral("smtp.crt")));
        QFile keyFile(m_dir.filePath(QStringLiteral("smtp.key")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        QVERIFY(!cert.isNull() && !key.isNull());
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        const QSslConfiguration original = trusting;
        trusting.addCaCertificate(cert);
        QSslConfiguration::setDefaultConfiguration(trusting);

        m_sink->enableStartTls(cert, key);
        startHost({{QStringLiteral("SMTP_TLS"), QStringLiteral("true")}});
        registerUser(QStringLiteral("tls@example.com"));
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 10000);
        QVERIFY(m_sink->messages().first().encrypted);
        QCOMPARE(m_sink->messages().first().authPlain, QByteArray("\0mailer\0mail-secret", 19));
        QSslConfiguration::setDefaultConfiguration(original);

        // A server that offers no STARTTLS is not sent the message in clear.
        m_sink = std::make_unique<test::SmtpSink>();
        QVERIFY(m_sink->start());
        startHost({{QStringLiteral("SMTP_TLS"), QStringLiteral("true")}});
        QSignalSpy failed(&m_host->mailer(), &Mailer::failedAttempt);
        QCOMPARE(call("POST", kPrefix + QStringLiteral("/forgot-password"), {{"email", "tls@example.com"}}).status, 202);
        QTRY_VERIFY(failed.count() >= 1);
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("STARTTLS")));
        QVERIFY(m_sink->messages().isEmpty());
    }

    void passwordsAreArgon2idAndPolicyIsApplied()
    {
        const QString hash = Passwords::hash(kStrong);
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(Passwords::verify(hash, kStrong));
        QVERIFY(!Passwords::verify(hash, kStrong + QLatin1Char('x')));
        QVERIFY(!Passwords::verify(QStringLiteral("not-a-hash"), kStrong));
        QVERIFY(Passwords::isCommon(QStringLiteral("PASSWORD1")));
        QVERIFY(Passwords::isCommon(QStringLiteral("qwertyuiop")));
        QVERIFY(!Passwords::isCommon(kStrong));
        QVERIFY(Passwords::checkPolicy(kStrong, QStringLiteral("a@b.test")).ok());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return test::runOnEveryDatabase(argc, argv, g_backend, [](int c, char **v) {
        TestAuth test;
        return QTest::qExec(&test, c, v);
    });
}

#include "tst_auth.moc"
