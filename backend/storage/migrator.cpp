#include "migrator.h"

#include "core/clock.h"
#include "core/logger.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace synapscale {

namespace {
constexpr auto kCreateTable = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                              "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr auto kMaxVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr auto kRecord = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";
// Several server instances may start at once against one Postgres: one migrates, the others wait.
constexpr auto kPgLock = "SELECT pg_advisory_xact_lock(7270117)";
} // namespace

Migrator::Migrator(Database &db, QList<Migration> migrations)
    : m_db(db)
    , m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(), [](const auto &a, const auto &b) { return a.version < b.version; });
}

QList<Migration> Migrator::builtIn()
{
    QList<Migration> out;
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    for (const auto &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append(Migration{m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll())});
    }
    return out;
}

QStringList Migrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    for (const auto &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            statements << current;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

int Migrator::latestKnown() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

Result<void> Migrator::ensureTable()
{
    auto q = m_db.exec(QString::fromLatin1(kCreateTable));
    if (!q)
        return q.error();
    return {};
}

Result<int> Migrator::currentVersion()
{
    if (auto r = ensureTable(); !r)
        return r.error();
    auto q = m_db.exec(QString::fromLatin1(kMaxVersion));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<QList<int>> Migrator::migrate()
{
    auto current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestKnown())
        return Error::make(QStringLiteral("schema_too_new"),
                           QStringLiteral("the database schema is at version %1 but this build of SynapScale knows only up to %2: "
                                          "it was upgraded by a newer SynapScale; upgrade this one instead of downgrading the database")
                               .arg(*current)
                               .arg(latestKnown()));
    QList<int> applied;
    for (const auto &migration : std::as_const(m_migrations)) {
        if (migration.version <= *current)
            continue;
        bool skipped = false;
        auto result = m_db.transaction([&]() -> Result<void> {
            if (!m_db.isSqlite()) {
                if (auto lock = m_db.exec(QString::fromLatin1(kPgLock)); !lock)
                    return lock.error();
                // Another instance may have applied it while we waited for the lock.
                auto now = m_db.exec(QString::fromLatin1(kMaxVersion));
                if (!now)
                    return now.error();
                if (now->next() && now->value(0).toInt() >= migration.version) {
                    skipped = true;
                    return {};
                }
            }
            for (const auto &statement : splitStatements(migration.sql)) {
                auto q = m_db.exec(statement);
                if (!q)
                    return Error::make(QStringLiteral("migration_failed"),
                                       QStringLiteral("migration %1 (%2) failed: %3")
                                           .arg(migration.version, 4, 10, QLatin1Char('0'))
                                           .arg(migration.name, q.error().message));
            }
            auto rec = m_db.exec(QString::fromLatin1(kRecord), {migration.version, migration.name, nowIso()});
            if (!rec)
                return rec.error();
            return {};
        });
        if (!result)
            return result.error();
        if (!skipped) {
            applied << migration.version;
            Log::info(QStringLiteral("applied migration %1_%2").arg(migration.version, 4, 10, QLatin1Char('0')).arg(migration.name));
        }
    }
    return applied;
}

} // namespace synapscale
