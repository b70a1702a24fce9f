#pragma once

#include "core/result.h"

#include <QString>

namespace synapscale {

// DATABASE_URL in SQLAlchemy's form: sqlite:///relative.db, sqlite:////absolute/path.db,
// postgresql://user:pass@host:port/db (also postgres:// and postgresql+driver://).
struct DatabaseUrl {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path;      // SQLite file (absolute after parse) or ":memory:"
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options;   // QPSQL connect options taken from the query string, ';'-separated

    static Result<DatabaseUrl> parse(const QString &url);
    // For logs and /health: never contains the password.
    QString redacted() const;
    bool isSqlite() const { return kind == Kind::Sqlite; }
};

} // namespace synapscale
