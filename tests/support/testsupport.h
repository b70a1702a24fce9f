#pragma once

#include "core/databaseurl.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace synapscale::test {

// A database the storage tests run against: a fresh SQLite file, or a fresh schema in the
// throwaway Postgres that scripts/test.sh starts (SYNAPSCALE_TEST_PG_URL).
struct TestDatabase {
    QString name;      // "sqlite" | "postgres"
    DatabaseUrl url;
    QString schema;    // unique per test on Postgres
};

// Every backend available for this run. Postgres is required when SYNAPSCALE_REQUIRE_POSTGRES=1
// (the test script sets it), so CI cannot silently skip it.
QList<TestDatabase> testDatabases(const QString &sqliteDir);
TestDatabase freshDatabase(const QString &kind, const QString &sqliteDir);
bool postgresRequired();
QString postgresUrl();
// Drops a test schema from Postgres (no-op on SQLite).
void dropSchema(const TestDatabase &db);

// main() of a test that runs whole on each database: sets `backend` to "sqlite", then
// "postgres" when available (required when SYNAPSCALE_REQUIRE_POSTGRES=1), running
// makeAndRun(argc, argv) each time; returns the summed failures.
int runOnEveryDatabase(int argc, char **argv, QString &backend, const std::function<int(int, char **)> &makeAndRun);

} // namespace synapscale::test
