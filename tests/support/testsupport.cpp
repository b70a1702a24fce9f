#include "testsupport.h"

#include "storage/database.h"

#include <QUuid>

#include <cstdio>

namespace synapscale::test {

bool postgresRequired()
{
    return qEnvironmentVariable("SYNAPSCALE_REQUIRE_POSTGRES") == QLatin1String("1");
}

QString postgresUrl()
{
    return qEnvironmentVariable("SYNAPSCALE_TEST_PG_URL");
}

TestDatabase freshDatabase(const QString &kind, const QString &sqliteDir)
{
    const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(12);
    if (kind == QLatin1String("sqlite")) {
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite:///%1/t_%2.db").arg(sqliteDir, unique));
        return TestDatabase{kind, url.value(), {}};
    }
    auto url = DatabaseUrl::parse(postgresUrl());
    return TestDatabase{kind, url.value(), QStringLiteral("t_") + unique};
}

QList<TestDatabase> testDatabases(const QString &sqliteDir)
{
    QList<TestDatabase> out{freshDatabase(QStringLiteral("sqlite"), sqliteDir)};
    if (!postgresUrl().isEmpty())
        out << freshDatabase(QStringLiteral("postgres"), sqliteDir);
    else if (postgresRequired())
        qFatal("SYNAPSCALE_REQUIRE_POSTGRES=1 but SYNAPSCALE_TEST_PG_URL is not set");
    return out;
}

void dropSchema(const TestDatabase &db)
{
    if (db.schema.isEmpty())
        return;
    Database admin(db.url);
    (void)admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(db.schema));
}

int runOnEveryDatabase(int argc, char **argv, QString &backend, const std::function<int(int, char **)> &makeAndRun)
{
    QStringList backends{QStringLiteral("sqlite")};
    if (!postgresUrl().isEmpty())
        backends << QStringLiteral("postgres");
    else if (postgresRequired())
        qFatal("SYNAPSCALE_REQUIRE_POSTGRES=1 but SYNAPSCALE_TEST_PG_URL is not set");
    int failures = 0;
    for (const auto &name : backends) {
        backend = name;
        std::printf("=== %s ===\n", qPrintable(name));
        failures += makeAndRun(argc, argv);
    }
    return failures;
}

} // namespace synapscale::test
