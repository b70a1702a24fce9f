#include "router.h"

namespace synapscale {

QString Router::normalize(const QString &path)
{
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        return path.chopped(1);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

Router::CompiledPattern Router::compile(const QString &pattern)
{
    CompiledPattern c;
    for (const auto &segment : pattern.split(QLatin1Char('/'))) {
        const bool param = segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
        QString name = param ? segment.mid(1, segment.size() - 2) : segment;
        if (param && name.endsWith(QLatin1Char('*'))) {
            name.chop(1);
            c.tail = true;
        }
        c.segments << name;
        c.isParam << param;
    }
    return c;
}

void Router::add(Route route)
{
    route.pattern = normalize(route.pattern);
    m_compiled.append(compile(route.pattern));
    m_routes.append(std::move(route));
}

void Router::addWebSocket(const QString &pattern, const QString &)
{
    m_wsPatterns << normalize(pattern);
    m_wsCompiled << compile(m_wsPatterns.constLast());
}

bool Router::matches(const CompiledPattern &pattern, const QString &full, const QList<QStringView> &path, QHash<QString, QString> *params)
{
    if (pattern.tail) {
        const qsizetype fixed = pattern.segments.size() - 1;
        if (path.size() < pattern.segments.size())
            return false;
        qsizetype restStart = 0; // where segment `fixed` begins in `full`
        for (qsizetype i = 0; i < fixed; ++i) {
            if (!pattern.isParam[i] && pattern.segments[i] != path[i])
                return false;
            if (pattern.isParam[i] && path[i].isEmpty())
                return false;
            restStart += path[i].size() + 1;
        }
        // The remaining segments as they stand in the path, slashes included.
        const QStringView rest = QStringView(full).mid(restStart);
        if (rest.isEmpty())
            return false;
        if (params) {
            for (qsizetype i = 0; i < fixed; ++i)
                if (pattern.isParam[i])
                    params->insert(pattern.segments[i], path[i].toString());
            params->insert(pattern.segments[fixed], rest.toString());
        }
        return true;
    }
    if (pattern.segments.size() != path.size())
        return false;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (pattern.isParam[i]) {
            if (path[i].isEmpty())
                return false;
        } else if (pattern.segments[i] != path[i]) {
            return false;
        }
    }
    if (params) {
        for (qsizetype i = 0; i < path.size(); ++i)
            if (pattern.isParam[i])
                params->insert(pattern.segments[i], path[i].toString());
    }
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &rawPath) const
{
    const QString path = normalize(rawPath);
    const QList<QStringView> segments = QStringView(path).split(QLatin1Char('/'));
    Match m;
    const QByteArray wanted = method == "HEAD" ? QByteArray("GET") : method;
    for (qsizetype r = 0; r < m_routes.size() && !m.route; ++r) {
        if (m_routes[r].method == wanted && matches(m_compiled[r], path, segments, &m.params))
            m.route = &m_routes[r];
    }
    // The methods the path exists under matter only to an OPTIONS request or a 404/405 answer.
    if (m.route && method != "OPTIONS")
        return m;
    for (qsizetype r = 0; r < m_routes.size(); ++r) {
        const QString name = QString::fromLatin1(m_routes[r].method);
        if (!m.allowedMethods.contains(name) && matches(m_compiled[r], path, segments, nullptr))
            m.allowedMethods << name;
    }
    if (m.allowedMethods.contains(QStringLiteral("GET")))
        m.allowedMethods << QStringLiteral("HEAD");
    if (!m.allowedMethods.isEmpty())
        m.allowedMethods << QStringLiteral("OPTIONS");
    return m;
}

bool Router::isWebSocketPath(const QString &path) const
{
    const QString p = normalize(path);
    const QList<QStringView> segments = QStringView(p).split(QLatin1Char('/'));
    for (const auto &pattern : m_wsCompiled)
        if (matches(pattern, p, segments, nullptr))
            return true;
    return false;
}

} // namespace synapscale
