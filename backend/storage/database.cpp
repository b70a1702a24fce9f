#include "database.h"

#include "core/logger.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QHash>
#include <QUuid>

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
              << QStringLiteral("PRAGMA foreign_keys=ON") << QStringLiteral("PRAGMA synchronous=NORMAL");
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
