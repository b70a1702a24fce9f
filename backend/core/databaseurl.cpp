#include "databaseurl.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace synapscale {

namespace {
Error bad(const QString &why)
{
    return Error::make(QStringLiteral("invalid_database_url"), QStringLiteral("DATABASE_URL: ") + why);
}
} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString url = text.trimmed();
    const qsizetype sep = url.indexOf(QLatin1String("://"));
    if (sep <= 0)
        return bad(QStringLiteral("not a URL (expected sqlite:///file.db or postgresql://user:pass@host:5432/db)"));
    QString scheme = url.left(sep).toLower();
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    if (plus > 0)
        scheme = scheme.left(plus); // SQLAlchemy driver suffix, e.g. postgresql+psycopg2

    DatabaseUrl out;
    if (scheme == QLatin1String("sqlite")) {
        out.kind = Kind::Sqlite;
        // sqlite:///x → "/x" after "://"; the first slash separates the (empty) host.
        QString rest = url.mid(sep + 3);
        if (!rest.startsWith(QLatin1Char('/')))
            return bad(QStringLiteral("SQLite URLs need three slashes: sqlite:///relative.db or sqlite:////absolute/path.db"));
        rest = rest.mid(1);
        const qsizetype q = rest.indexOf(QLatin1Char('?'));
        if (q >= 0)
            rest = rest.left(q);
        if (rest.isEmpty())
            return bad(QStringLiteral("the SQLite URL names no file"));
        if (rest == QLatin1String(":memory:"))
            out.path = rest;
        else
            out.path = QDir::cleanPath(QDir::current().absoluteFilePath(QUrl::fromPercentEncoding(rest.toUtf8())));
        return out;
    }
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")) {
        const QUrl parsed(QStringLiteral("postgresql") + url.mid(sep), QUrl::StrictMode);
        if (!parsed.isValid())
            return bad(QStringLiteral("cannot parse the PostgreSQL URL (%1)").arg(parsed.errorString().section(QLatin1Char(';'), 0, 0)));
        out.kind = Kind::Postgres;
        out.host = parsed.host();
        if (out.host.isEmpty())
            return bad(QStringLiteral("the PostgreSQL URL names no host"));
        out.port = parsed.port(5432);
        out.user = parsed.userName(QUrl::FullyDecoded);
        out.password = parsed.password(QUrl::FullyDecoded);
        out.database = parsed.path().mid(1);
        if (out.database.isEmpty() || out.database.contains(QLatin1Char('/')))
            return bad(QStringLiteral("the PostgreSQL URL must name one database, as in postgresql://user:pass@host:5432/dbname"));
        QStringList options;
        const auto items = QUrlQuery(parsed).queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items) {
            static const QStringList allowed{QStringLiteral("sslmode"), QStringLiteral("connect_timeout"),
                                             QStringLiteral("application_name"), QStringLiteral("sslrootcert"),
                                             QStringLiteral("sslcert"), QStringLiteral("sslkey")};
            if (!allowed.contains(key))
                return bad(QStringLiteral("unsupported option '%1' (supported: %2)").arg(key, allowed.join(QStringLiteral(", "))));
            options << key + QLatin1Char('=') + value;
        }
        out.options = options.join(QLatin1Char(';'));
        return out;
    }
    return bad(QStringLiteral("unsupported scheme '%1' (use sqlite:/// or postgresql://)").arg(scheme));
}

QString DatabaseUrl::redacted() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:///") + path;
    return QStringLiteral("postgresql://%1%2@%3:%4/%5")
        .arg(user, password.isEmpty() ? QString() : QStringLiteral(":***"), host, QString::number(port), database);
}

} // namespace synapscale
