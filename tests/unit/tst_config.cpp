// Configuration: precedence (flag > environment > .env > default), parsing and validation.
#include "core/config.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace synapscale;

class TestConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ConfigSources sources(QStringList flags = {}, QHash<QString, QString> env = {}, const QByteArray &envFile = {})
    {
        ConfigSources s;
        s.flags = std::move(flags);
        s.environment = QProcessEnvironment();
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            s.environment.insert(it.key(), it.value());
        s.envFile = m_dir.filePath(QStringLiteral("test.env"));
        QFile f(s.envFile);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(envFile);
        return s;
    }

private Q_SLOTS:
    void defaultsAreUsable()
    {
        auto c = Config::load(sources());
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QCOMPARE(c->port, 8000);
        QCOMPARE(c->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->apiV1Str, QStringLiteral("/api/v1"));
        QCOMPARE(c->logLevel, QStringLiteral("info"));
        QCOMPARE(c->maxBodySize, 5 * 1024 * 1024);
        QVERIFY(c->database.isSqlite());
        QVERIFY(c->database.path.endsWith(QLatin1String("/synapscale.db")));
        QVERIFY(c->workers >= 1);
        QVERIFY(!c->debug);
        QVERIFY(c->corsOrigins.isEmpty());
    }

    void precedenceIsFlagThenEnvironmentThenFileThenDefault()
    {
        const QByteArray file = "# comment\nPORT=7001\nLOG_LEVEL=debug\nexport PROJECT_NAME=\"From File\"\nWORKERS=3 # inline comment\n";
        auto fromFile = Config::load(sources({}, {}, file));
        QVERIFY(fromFile.ok());
        QCOMPARE(fromFile->port, 7001);
        QCOMPARE(fromFile->logLevel, QStringLiteral("debug"));
        QCOMPARE(fromFile->projectName, QStringLiteral("From File"));
        QCOMPARE(fromFile->workers, 3);

        auto fromEnv = Config::load(sources({}, {{QStringLiteral("PORT"), QStringLiteral("7002")}}, file));
        QCOMPARE(fromEnv->port, 7002);
        QCOMPARE(fromEnv->logLevel, QStringLiteral("debug"));

        auto fromFlag = Config::load(sources({QStringLiteral("--port"), QStringLiteral("7003"), QStringLiteral("--log-level=error")},
                                             {{QStringLiteral("PORT"), QStringLiteral("7002")}}, file));
        QVERIFY(fromFlag.ok());
        QCOMPARE(fromFlag->port, 7003);
        QCOMPARE(fromFlag->logLevel, QStringLiteral("error"));
    }

    void badValuesNameTheVariable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("port not numeric") << "PORT" << "eighty";
        QTest::newRow("port out of range") << "PORT" << "70000";
        QTest::newRow("unknown log level") << "LOG_LEVEL" << "loud";
        QTest::newRow("unknown log format") << "LOG_FORMAT" << "xml";
        QTest::newRow("unknown db scheme") << "DATABASE_URL" << "mysql://u:p@h/db";
        QTest::newRow("not a url") << "DATABASE_URL" << "just words";
        QTest::newRow("sqlite two slashes") << "DATABASE_URL" << "sqlite://x.db";
        QTest::newRow("postgres bad port") << "DATABASE_URL" << "postgresql://u:p@host:notaport/db";
        QTest::newRow("postgres no db") << "DATABASE_URL" << "postgresql://u:p@host:5432/";
        QTest::newRow("postgres unknown option") << "DATABASE_URL" << "postgresql://u@h/db?evil=1";
        QTest::newRow("debug not bool") << "DEBUG" << "maybe";
        QTest::newRow("workers negative") << "WORKERS" << "-1";
        QTest::newRow("cors bad json") << "BACKEND_CORS_ORIGINS" << "[\"http://a\",";
        QTest::newRow("cors not origin") << "BACKEND_CORS_ORIGINS" << "not an origin";
        QTest::newRow("encryption key short") << "ENCRYPTION_KEY" << "c2hvcnQ=";
        QTest::newRow("encryption key not base64") << "ENCRYPTION_KEY" << "!!!notbase64!!!";
        QTest::newRow("max file size text") << "MAX_FILE_SIZE" << "10MB";
        QTest::newRow("host not address") << "HOST" << "my host";
        QTest::newRow("schema injection") << "DATABASE_SCHEMA" << "x\"; DROP TABLE users; --";
        QTest::newRow("api prefix") << "API_V1_STR" << "api/v1/";
        QTest::newRow("redis url") << "REDIS_URL" << "http://localhost";
        QTest::newRow("public url") << "PUBLIC_URL" << "ftp://x";
    }
    void badValuesNameTheVariable()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        auto c = Config::load(sources({}, {{name, value}}));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, QStringLiteral("invalid_config"));
        QVERIFY2(c.error().message.startsWith(name + QLatin1Char(':')), qPrintable(c.error().message));
        QVERIFY(!c.error().message.contains(QLatin1Char('\n')));
    }

    void unknownFlagAndMissingValueAreRefused()
    {
        auto unknown = Config::load(sources({QStringLiteral("--no-such-thing"), QStringLiteral("1")}));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message.contains(QLatin1String("--no-such-thing")));
        auto missing = Config::load(sources({QStringLiteral("--port")}));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.startsWith(QLatin1String("PORT:")));
    }

    void databaseUrlForms()
    {
        auto rel = DatabaseUrl::parse(QStringLiteral("sqlite:///data/app.db"));
        QVERIFY(rel.ok());
        QCOMPARE(rel->path, QDir::current().absoluteFilePath(QStringLiteral("data/app.db")));
        auto abs = DatabaseUrl::parse(QStringLiteral("sqlite:////var/lib/app.db"));
        QCOMPARE(abs->path, QStringLiteral("/var/lib/app.db"));
        auto pg = DatabaseUrl::parse(QStringLiteral("postgresql+psycopg2://user:p%40ss@db.local:5433/synapscale?sslmode=require"));
        QVERIFY(pg.ok());
        QVERIFY(!pg->isSqlite());
        QCOMPARE(pg->host, QStringLiteral("db.local"));
        QCOMPARE(pg->port, 5433);
        QCOMPARE(pg->user, QStringLiteral("user"));
        QCOMPARE(pg->password, QStringLiteral("p@ss"));
        QCOMPARE(pg->database, QStringLiteral("synapscale"));
        QCOMPARE(pg->options, QStringLiteral("sslmode=require"));
        QVERIFY(!pg->redacted().contains(QLatin1String("p@ss")));
        QCOMPARE(DatabaseUrl::parse(QStringLiteral("postgres://u@h/d"))->port, 5432);
    }

    void corsOriginsAcceptJsonAndCommaLists()
    {
        auto json = Config::load(sources({}, {{QStringLiteral("BACKEND_CORS_ORIGINS"),
                                               QStringLiteral("[\"http://localhost:3000\",\"https://app.synapscale.com/\"]")}}));
        QVERIFY(json.ok());
        QCOMPARE(json->corsOrigins, (QStringList{QStringLiteral("http://localhost:3000"), QStringLiteral("https://app.synapscale.com")}));
        auto comma = Config::load(sources({}, {{QStringLiteral("BACKEND_CORS_ORIGINS"), QStringLiteral("http://a.test, http://b.test")}}));
        QCOMPARE(comma->corsOrigins, (QStringList{QStringLiteral("http://a.test"), QStringLiteral("http://b.test")}));
    }

    void productionRequiresStrongSecrets()
    {
        const QString strong = QStringLiteral("k3J9x!fPz0qL7mW2vB8nR4tY6uH1sD5gA0cE");
        auto missing = Config::load(sources());
        QVERIFY(!missing->checkProductionSecrets().ok());
        QVERIFY(missing->checkProductionSecrets().error().message.startsWith(QLatin1String("SECRET_KEY:")));
        auto placeholder = Config::load(sources({}, {{QStringLiteral("SECRET_KEY"), QStringLiteral("sua_chave_secreta_super_forte_32_chars")},
                                                     {QStringLiteral("JWT_SECRET_KEY"), strong}}));
        QVERIFY(!placeholder->checkProductionSecrets().ok());
        auto weakJwt = Config::load(sources({}, {{QStringLiteral("SECRET_KEY"), strong}, {QStringLiteral("JWT_SECRET_KEY"), QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")}}));
        QVERIFY(weakJwt->checkProductionSecrets().error().message.startsWith(QLatin1String("JWT_SECRET_KEY:")));
        auto good = Config::load(sources({}, {{QStringLiteral("SECRET_KEY"), strong}, {QStringLiteral("JWT_SECRET_KEY"), strong + QLatin1Char('x')}}));
        QVERIFY(good->checkProductionSecrets().ok());
        auto debug = Config::load(sources({}, {{QStringLiteral("DEBUG"), QStringLiteral("true")}}));
        QVERIFY(debug->checkProductionSecrets().ok());
        QVERIFY(!isWeakSecret(generateSecret()));
        QVERIFY(generateSecret() != generateSecret());
    }

    void secretsAreListedForRedaction()
    {
        auto c = Config::load(sources({}, {{QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-test-123456")},
                                           {QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://u:hunter2pw@h/db")}}));
        QVERIFY(c->secretValues().contains("sk-test-123456"));
        QVERIFY(c->secretValues().contains("hunter2pw"));
    }

    void everySettingIsDocumentedInEnvExample()
    {
        QFile example(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/.env.example"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        const QByteArray text = example.readAll();
        QFile readme(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QByteArray readmeText = readme.readAll();
        for (const auto &s : allSettings()) {
            QVERIFY2(text.contains(QByteArray(s.name) + '='), s.name);
            QVERIFY2(readmeText.contains(QByteArray("`") + s.name + '`'), s.name);
        }
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
