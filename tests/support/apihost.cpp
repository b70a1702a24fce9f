#include "apihost.h"

#include "api/backendhost.h"
#include "auth/authservice.h"
#include "core/config.h"

#include <QProcessEnvironment>

namespace synapscale::test {

std::unique_ptr<BackendHost> startHost(const TestDatabase &db, const QHash<QString, QString> &extraEnv, quint16 *port)
{
    ConfigSources s;
    s.environment = QProcessEnvironment();
    s.environment.insert(QStringLiteral("DATABASE_URL"), db.url.isSqlite() ? QStringLiteral("sqlite:///") + db.url.path : postgresUrl());
    s.environment.insert(QStringLiteral("DATABASE_SCHEMA"), db.schema);
    s.environment.insert(QStringLiteral("JWT_SECRET_KEY"), QStringLiteral("api-test-signing-key-0123456789abcdef0123456789"));
    s.environment.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    s.environment.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("critical"));
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        s.environment.insert(it.key(), it.value());
    s.envFile = QStringLiteral("/nonexistent");
    auto config = Config::load(s);
    if (!config) {
        qWarning("config: %s", qPrintable(config.error().message));
        return nullptr;
    }
    auto host = std::make_unique<BackendHost>(config.value());
    if (auto opened = host->openDatabase(); !opened) {
        qWarning("database: %s", qPrintable(opened.error().message));
        return nullptr;
    }
    auto bound = host->start();
    if (!bound) {
        qWarning("start: %s", qPrintable(bound.error().message));
        return nullptr;
    }
    *port = *bound;
    return host;
}

QString signUp(BackendHost &host, const QString &email, const QString &password)
{
    (void)host.auth().registerUser(email, password, {}, {QString(), QStringLiteral("127.0.0.1")});
    auto pair = host.auth().login(email, password, {QString(), QStringLiteral("127.0.0.1")});
    return pair ? pair->accessToken : QString();
}

RawResponse callApi(quint16 port, const QByteArray &method, const QString &path, const QString &token, const nlohmann::json &body)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token.toUtf8()}};
    return RawHttp::once(port, method, path.toUtf8(), body.is_null() ? QByteArray() : QByteArray::fromStdString(body.dump()), headers);
}

} // namespace synapscale::test
