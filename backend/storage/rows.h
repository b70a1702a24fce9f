#pragma once

#include "core/result.h"
#include "storage/page.h"

#include <QList>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

// Small adapters from an executed query to repository results, shared by every repository.
namespace synapscale::rows {

template <typename T, typename Map>
Result<std::optional<T>> one(Result<QSqlQuery> q, Map map)
{
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<T>{};
    return std::optional<T>{map(*q)};
}

template <typename T, typename Map>
Result<QList<T>> all(Result<QSqlQuery> q, Map map)
{
    if (!q)
        return q.error();
    QList<T> out;
    while (q->next())
        out << map(*q);
    return out;
}

// The one row a lookup must find; `missing` when there is none.
template <typename T, typename Map>
Result<T> required(Result<QSqlQuery> q, Map map, Error missing)
{
    auto found = one<T>(std::move(q), map);
    if (!found)
        return found.error();
    if (!*found)
        return missing;
    return std::move(**found);
}

inline Result<qint64> scalar(Result<QSqlQuery> q);

// A page of a list query: its rows and the COUNT(*) query's total.
template <typename T, typename Map>
Result<Page<T>> page(Result<QSqlQuery> items, Result<QSqlQuery> count, Map map, int skip, int limit)
{
    auto list = all<T>(std::move(items), map);
    if (!list)
        return list.error();
    auto total = scalar(std::move(count));
    if (!total)
        return total.error();
    Page<T> out;
    out.items = std::move(*list);
    out.total = *total;
    out.skip = skip;
    out.limit = limit;
    return out;
}

inline Result<qint64> scalar(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

inline Result<bool> affected(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

inline Result<void> done(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    return {};
}

// SQL NULL for an empty string. Database binds a null QString as "" (text columns mean "" by
// it), so NULL must be an invalid QVariant.
inline QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// A case-insensitive "contains" pattern for `LOWER(column) LIKE ? ESCAPE '!'`: what the person
// typed matches literally, LIKE's wildcards included.
inline QString containsPattern(const QString &text)
{
    QString literal = text.toLower();
    literal.replace(QLatin1Char('!'), QStringLiteral("!!")).replace(QLatin1Char('%'), QStringLiteral("!%")).replace(QLatin1Char('_'), QStringLiteral("!_"));
    return QLatin1Char('%') + literal + QLatin1Char('%');
}

inline QString sql(const char *pattern, const char *columns)
{
    return QString::fromLatin1(pattern).arg(QString::fromLatin1(columns));
}

} // namespace synapscale::rows
