#include "router.h"

namespace synapscale {

QString Router::normalize(const QString &path)
{
    if (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        return path.chopped(1);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

void Router::add(Route route)
{
    route.pattern = normalize(route.pattern);
    m_routes.append(std::move(route));
}

void Router::addWebSocket(const QString &pattern, const QString &)
{
    m_wsPatterns << normalize(pattern);
}

bool Router::matches(const QString &pattern, const QString &path, QHash<QString, QString> *params)
{
    const auto want = QStringView(pattern).split(QLatin1Char('/'));
    const auto have = QStringView(path).split(QLatin1Char('/'));
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        const auto w = want.at(i);
        if (w.startsWith(QLatin1Char('{')) && w.endsWith(QLatin1Char('}'))) {
            if (have.at(i).isEmpty())
                return false;
            found.insert(w.mid(1, w.size() - 2).toString(), have.at(i).toString());
        } else if (w != have.at(i)) {
            return false;
        }
    }
    if (params)
        *params = std::move(found);
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &rawPath) const
{
    const QString path = normalize(rawPath);
    Match m;
    const QByteArray wanted = method == "HEAD" ? QByteArray("GET") : method;
    for (const auto &route : m_routes) {
        QHash<QString, QString> params;
        if (!matches(route.pattern, path, &params))
            continue;
        if (route.method == wanted && !m.route) {
            m.route = &route;
            m.params = std::move(params);
        }
        if (!m.allowedMethods.contains(QString::fromLatin1(route.method)))
            m.allowedMethods << QString::fromLatin1(route.method);
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
    for (const auto &pattern : m_wsPatterns)
        if (matches(pattern, p, nullptr))
            return true;
    return false;
}

} // namespace synapscale
