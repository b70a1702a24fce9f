#pragma once

#include "core/result.h"

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

inline QString sql(const char *pattern, const char *columns)
{
    return QString::fromLatin1(pattern).arg(QString::fromLatin1(columns));
}

} // namespace synapscale::rows
