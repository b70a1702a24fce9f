#pragma once

#include "core/databaseurl.h"
#include "core/result.h"

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

namespace synapscale {

// The one database helper. QSqlDatabase is a per-thread object, so every thread that touches
// storage gets its own named connection, opened on first use and dropped when the thread ends.
// A connection that fails is closed so the next call reconnects (Postgres restarts, network blips).
class Database {
public:
    Database(DatabaseUrl url, QString schema = {});
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    bool isSqlite() const { return m_url.isSqlite(); }
    QString dialect() const { return isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql"); }

    // This thread's open connection.
    Result<QSqlDatabase> connection();
    // Runs one statement with positional '?' parameters; the returned query is positioned before
    // the first row. Strings bind as text (a null QString as ''); pass QVariant() for SQL NULL.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &params = {});
    // Runs a statement for its effect only, keeping it prepared on this thread's connection for
    // the next call with the same text (hot write paths: the execution writer).
    Result<void> run(const QString &sql, const QVariantList &params);
    // Inserts rows: `head` is "INSERT INTO t (a, b) VALUES", `params` holds `columns` values per
    // row, one row after another. On SQLite this steps one kept-prepared single-row statement
    // per row through the sqlite3 API on this thread's connection (QtSql's binding cost grows
    // with the placeholder count and dominated the execution writer); on PostgreSQL it sends
    // multi-row VALUES in chunks to save round trips. QByteArray values are UTF-8 text (SQLite
    // stores them without a conversion to UTF-16 and back), QVariant() is NULL.
    Result<void> insertRows(const char *head, int columns, const QVariantList &params);
    // Runs `work` in a transaction on this thread's connection: commits on success, rolls back on
    // an Error. Nested calls join the outer transaction.
    Result<void> transaction(const std::function<Result<void>()> &work);
    // Cheap liveness probe (SELECT 1) used by /health.
    Result<void> ping();
    // Closes and forgets this thread's connection.
    void closeThisThread();

private:
    QString connectionName() const;
    Result<void> open(QSqlDatabase &db);
    Error failed(const QSqlError &error, const QString &what);
    void dropIfBroken();
    void forgetStatements(const QString &connection);
    Result<void> insertRowsSqlite(QSqlDatabase &db, const char *head, int columns, const QVariantList &params);

    DatabaseUrl m_url;
    QString m_schema;
    QString m_prefix;
    QMutex m_mutex;
    QSet<QString> m_names;
    int &transactionDepth(); // per thread and per Database
};

} // namespace synapscale
