#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace synapscale {

class Database;

// One numbered schema change: resources/migrations/NNNN_name.sql, portable across SQLite and
// PostgreSQL.
struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

// Applies pending migrations in order, each in its own transaction, and records them in
// schema_migrations. A failing migration leaves the database as it was before that migration;
// a database migrated by a newer build is refused rather than touched.
class Migrator {
public:
    explicit Migrator(Database &db, QList<Migration> migrations = builtIn());

    static QList<Migration> builtIn();
    static QStringList splitStatements(const QString &sql);

    int latestKnown() const;
    Result<int> currentVersion();
    // Returns the versions it applied (empty when up to date).
    Result<QList<int>> migrate();

private:
    Result<void> ensureTable();
    Database &m_db;
    QList<Migration> m_migrations;
};

} // namespace synapscale
