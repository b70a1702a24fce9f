#include "database.h"

#include "core/logger.h"

#include <QDir>
#include <QSqlDriver>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QHash>
#include <QUuid>

#include <sqlite3.h>

namespace synapscale {

int &Database::transactionDepth()
{
    thread_local QHash<const Database *, int> depths;
    return depths[this];
}

Database::Database(DatabaseUrl url, QString schema)
    : m_url(std::move(url))
    , m_schema(std::move(schema))
    , m_prefix(QStringLiteral("synapscale-") + QUuid::createUuid().toString(QUuid::Id128).left(8))
{
}

Database::~Database()
{
    closeThisThread();
    // Connections of threads that are still alive are removed when those threads finish.
}

QString Database::connectionName() const
{
    return m_prefix + QLatin1Char('-') + QString::number(quintptr(QThread::currentThreadId()), 16);
}

namespace {
// Prepared statements of Database::run(), per thread, keyed by connection name and SQL text.
QHash<QString, QSqlQuery> &preparedStatements()
{
    thread_local QHash<QString, QSqlQuery> statements;
    return statements;
}

// Statements of Database::insertRows() on SQLite, per thread, keyed like preparedStatements().
QHash<QString, sqlite3_stmt *> &rawStatements()
{
    thread_local QHash<QString, sqlite3_stmt *> statements;
    return statements;
}

// Finalized before their connection closes: SQLite refuses to close a connection that still
// has statements.
void finalizeRawStatements(const QString &connection)
{
    auto &statements = rawStatements();
    const QString prefix = connection + QLatin1Char('\n');
    for (auto it = statements.begin(); it != statements.end();) {
        if (it.key().startsWith(prefix)) {
            sqlite3_finalize(it.value());
            it = statements.erase(it);
        } else {
            ++it;
        }
    }
}

// `utf8`: where a QString's UTF-8 form is kept until the sqlite3_step that reads it.
int bindRaw(sqlite3_stmt *stmt, int index, const QVariant &p, QByteArray &utf8)
{
    if (!p.isValid())
        return sqlite3_bind_null(stmt, index);
    switch (p.typeId()) {
    case QMetaType::QString: {
        const QString &text = *static_cast<const QString *>(p.constData());
        if (text.isEmpty())
            return sqlite3_bind_text(stmt, index, "", 0, SQLITE_STATIC);
        // Bound as UTF-8, the database's encoding: UTF-16 made SQLite translate every value
        // (with utf16() it was a tenth of the execution writer's time).
        utf8 = text.toUtf8();
        return sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(stmt, index, p.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(stmt, index, p.toDouble());
    case QMetaType::QByteArray: {
        // UTF-8 text (see insertRows), which is how SQLite stores text: no conversion.
        const QByteArray &bytes = *static_cast<const QByteArray *>(p.constData());
        return sqlite3_bind_text(stmt, index, bytes.isEmpty() ? "" : bytes.constData(), int(bytes.size()), SQLITE_STATIC);
    }
    default: {
        const QString text = p.toString();
        return sqlite3_bind_text16(stmt, index, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
    }
    }
}

QVariant bindable(const QVariant &p)
{
    // A null QString would bind as SQL NULL; text columns mean "" by it. NULL is QVariant().
    if (p.typeId() == QMetaType::QString && p.toString().isNull()) {
        QString empty(QStringLiteral("-"));
        empty.truncate(0);
        return empty;
    }
    return p;
}
} // namespace

void Database::forgetStatements(const QString &connection)
{
    finalizeRawStatements(connection);
    auto &statements = preparedStatements();
    const QString prefix = connection + QLatin1Char('\n');
    for (auto it = statements.begin(); it != statements.end();) {
        if (it.key().startsWith(prefix))
            it = statements.erase(it);
        else
            ++it;
    }
}

Result<void> Database::run(const QString &sql, const QVariantList &params)
{
    auto db = connection();
    if (!db)
        return db.error();
    auto &statements = preparedStatements();
    const QString key = connectionName() + QLatin1Char('\n') + sql;
    auto it = statements.find(key);
    if (it == statements.end()) {
        QSqlQuery q(*db);
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            auto err = failed(q.lastError(), QStringLiteral("cannot prepare statement"));
            dropIfBroken();
            return err;
        }
        if (statements.size() > 64)
            forgetStatements(connectionName());
        it = statements.insert(key, q);
    }
    QSqlQuery &q = *it;
    for (qsizetype i = 0; i < params.size(); ++i)
        q.bindValue(int(i), bindable(params[i]));
    if (!q.exec()) {
        auto err = failed(q.lastError(), QStringLiteral("statement failed"));
        if (q.lastError().nativeErrorCode() == QLatin1String("23505") || err.message.contains(QLatin1String("UNIQUE constraint")))
            err.code = QStringLiteral("conflict");
        statements.erase(it);
        dropIfBroken();
        return err;
    }
    q.finish();
    return {};
}

Result<void> Database::insertRows(const char *head, int columns, const QVariantList &params)
{
    if (params.isEmpty())
        return {};
    auto db = connection();
    if (!db)
        return db.error();
    if (isSqlite())
        return insertRowsSqlite(*db, head, columns, params);
    const qsizetype rows = params.size() / columns;
    const qsizetype perStatement = std::max(1, 128 / columns);
    const QString one = QStringLiteral("(") + QStringLiteral("?, ").repeated(columns - 1) + QStringLiteral("?)");
    for (qsizetype start = 0; start < rows; start += perStatement) {
        const qsizetype end = std::min(rows, start + perStatement);
        QString sql = QString::fromLatin1(head);
        for (qsizetype i = start; i < end; ++i)
            sql += (i == start ? QStringLiteral(" ") : QStringLiteral(", ")) + one;
        QVariantList chunk = params.mid(start * columns, (end - start) * columns);
        for (QVariant &value : chunk) {
            if (value.typeId() == QMetaType::QByteArray)
                value = QString::fromUtf8(value.toByteArray());
        }
        if (auto r = run(sql, chunk); !r)
            return r;
    }
    return {};
}

Result<void> Database::insertRowsSqlite(QSqlDatabase &db, const char *head, int columns, const QVariantList &params)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Error::make(QStringLiteral("database_error"), QStringLiteral("the SQLite driver exposes no handle"));
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    auto &statements = rawStatements();
    const QString key = connectionName() + QLatin1Char('\n') + QLatin1String(head);
    sqlite3_stmt *stmt = statements.value(key);
    if (!stmt) {
        QByteArray sql(head);
        sql += " (";
        for (int c = 0; c < columns; ++c)
            sql += c == 0 ? "?" : ", ?";
        sql += ")";
        if (sqlite3_prepare_v3(connection, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
            const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
            return Error::make(QStringLiteral("database_error"), QStringLiteral("cannot prepare statement: ") + message);
        }
        statements.insert(key, stmt);
    }
    std::vector<QByteArray> utf8(static_cast<std::size_t>(columns));
    for (qsizetype row = 0; row + columns <= params.size(); row += columns) {
        int rc = SQLITE_OK;
        for (int c = 0; c < columns && rc == SQLITE_OK; ++c)
            rc = bindRaw(stmt, c + 1, params[row + c], utf8[std::size_t(c)]);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        if (rc != SQLITE_DONE) {
            // Read before the reset, which leaves the statement ready for the next call.
            const int extended = sqlite3_extended_errcode(connection);
            const QString message = QString::fromUtf8(sqlite3_errmsg(connection));
            sqlite3_reset(stmt);
            const bool unique = extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY;
            return Error::make(unique ? QStringLiteral("conflict") : QStringLiteral("database_error"),
                               QStringLiteral("statement failed: ") + message);
        }
        sqlite3_reset(stmt);
    }
    return {};
}

void Database::closeThisThread()
{
    const QString name = connectionName();
    forgetStatements(name);
    {
        QMutexLocker lock(&m_mutex);
        if (!m_names.remove(name))
            return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Error Database::failed(const QSqlError &error, const QString &what)
{
    QString text = error.text().trimmed();
    if (!m_url.password.isEmpty())
        text.replace(m_url.password, QStringLiteral("***"));
    return Error::make(QStringLiteral("database_error"), what + QStringLiteral(": ") + text);
}

Result<void> Database::open(QSqlDatabase &db)
{
    if (m_url.isSqlite()) {
        if (m_url.path != QLatin1String(":memory:"))
            QDir().mkpath(QFileInfo(m_url.path).absolutePath());
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.database);
        QString options = m_url.options;
        if (!options.contains(QLatin1String("connect_timeout")))
            options += (options.isEmpty() ? QString() : QStringLiteral(";")) + QStringLiteral("connect_timeout=3");
        db.setConnectOptions(options);
    }
    if (!db.open())
        return failed(db.lastError(), QStringLiteral("cannot open %1 database %2").arg(dialect(), m_url.redacted()));

    QStringList setup;
    if (m_url.isSqlite()) {
        // WAL lets readers run beside the writer; busy_timeout makes writers wait instead of failing.
        setup << QStringLiteral("PRAGMA journal_mode=WAL") << QStringLiteral("PRAGMA busy_timeout=5000")
              << QStringLiteral("PRAGMA foreign_keys=ON") << QStringLiteral("PRAGMA synchronous=NORMAL")
              // Index pages read through the OS page cache with a pread each were most of the
              // execution writer's time: map the file and keep a larger page cache per connection.
              << QStringLiteral("PRAGMA mmap_size=268435456") << QStringLiteral("PRAGMA cache_size=-16384");
    } else {
        setup << QStringLiteral("SET client_min_messages TO WARNING") << QStringLiteral("SET TIME ZONE 'UTC'");
        if (!m_schema.isEmpty())
            setup << QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"%1\"").arg(m_schema)
                  << QStringLiteral("SET search_path TO \"%1\"").arg(m_schema);
    }
    for (const auto &sql : setup) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            const auto err = failed(q.lastError(), QStringLiteral("cannot prepare the connection (%1)").arg(sql));
            db.close();
            return err;
        }
    }
    return {};
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = connectionName();
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isValid()) {
        const char *driver = m_url.isSqlite() ? "QSQLITE" : "QPSQL";
        if (!QSqlDatabase::isDriverAvailable(QString::fromLatin1(driver)))
            return Error::make(QStringLiteral("database_error"),
                               QStringLiteral("the Qt SQL driver %1 is not installed").arg(QString::fromLatin1(driver)));
        db = QSqlDatabase::addDatabase(QString::fromLatin1(driver), name);
        {
            QMutexLocker lock(&m_mutex);
            m_names.insert(name);
        }
        if (QThread *thread = QThread::currentThread(); thread != nullptr) {
            QObject::connect(thread, &QThread::finished, thread, [name] {
                finalizeRawStatements(name);
                { QSqlDatabase::database(name, false).close(); }
                QSqlDatabase::removeDatabase(name);
            }, Qt::DirectConnection);
        }
    }
    if (!db.isOpen()) {
        if (auto r = open(db); !r)
            return r.error();
    }
    return db;
}

void Database::dropIfBroken()
{
    if (transactionDepth() > 0)
        return;
    QSqlDatabase db = QSqlDatabase::database(connectionName(), false);
    if (!db.isValid() || !db.isOpen())
        return;
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT 1"))) {
        forgetStatements(connectionName());
        db.close();
    }
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &params)
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (params.isEmpty()) {
        // Unprepared: PostgreSQL cannot PREPARE DDL, and one-off statements gain nothing from it.
        if (!q.exec(sql)) {
            auto err = failed(q.lastError(), QStringLiteral("statement failed"));
            dropIfBroken();
            return err;
        }
        return q;
    }
    if (!q.prepare(sql)) {
        auto err = failed(q.lastError(), QStringLiteral("cannot prepare statement"));
        dropIfBroken();
        return err;
    }
    for (const auto &p : params) {
        // A null QString would bind as SQL NULL; text columns mean "" by it. NULL is QVariant().
        if (p.typeId() == QMetaType::QString && p.toString().isNull()) {
            QString empty(QStringLiteral("-"));
            empty.truncate(0);
            q.addBindValue(empty);
        } else {
            q.addBindValue(p);
        }
    }
    if (!q.exec()) {
        auto err = failed(q.lastError(), QStringLiteral("statement failed"));
        if (q.lastError().nativeErrorCode() == QLatin1String("23505") || err.message.contains(QLatin1String("UNIQUE constraint")))
            err.code = QStringLiteral("conflict");
        dropIfBroken();
        return err;
    }
    return q;
}

Result<void> Database::transaction(const std::function<Result<void>()> &work)
{
    if (transactionDepth() > 0)
        return work();
    auto db = connection();
    if (!db)
        return db.error();
    if (!db->transaction()) {
        auto err = failed(db->lastError(), QStringLiteral("cannot begin a transaction"));
        dropIfBroken();
        return err;
    }
    ++transactionDepth();
    Result<void> result = work();
    --transactionDepth();
    if (!result) {
        db->rollback();
        return result;
    }
    if (!db->commit()) {
        auto err = failed(db->lastError(), QStringLiteral("cannot commit"));
        db->rollback();
        return err;
    }
    return {};
}

Result<void> Database::ping()
{
    auto q = exec(QStringLiteral("SELECT 1"));
    if (!q)
        return q.error();
    return {};
}

} // namespace synapscale
