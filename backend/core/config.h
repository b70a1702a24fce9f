#pragma once

#include "core/databaseurl.h"
#include "core/result.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>

#include <span>

namespace synapscale {

// One documented setting. The table of them drives the loader, `.env.example` and the README.
struct SettingInfo {
    const char *name;
    const char *defaultValue;
    const char *description;
    bool secret;
};
std::span<const SettingInfo> allSettings();

// Where setting values come from, highest precedence first: flags, environment, .env, defaults.
struct ConfigSources {
    QStringList flags;                       // e.g. {"--port", "9000", "--log-level=debug"}
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString envFile = QStringLiteral(".env"); // missing file = no values from it
    QHash<QString, QString> defaults;        // per-executable defaults over the table's
};

enum class LogFormat { Json, Text };

// Typed, validated configuration. Built only by Config::load, so an instance is always valid.
struct Config {
    DatabaseUrl database;
    QString databaseUrlText;
    QString databaseSchema;
    QByteArray secretKey;
    QByteArray jwtSecretKey;
    QByteArray encryptionKey; // 32 raw bytes, or empty when not configured
    QString apiV1Str;
    QString projectName;
    QString version;
    QString description;
    bool debug = false;
    QStringList corsOrigins;
    QString smtpHost;
    int smtpPort = 587;
    QString smtpUser;
    QString smtpPassword;
    bool smtpTls = true;
    QString emailsFromEmail;
    QString publicUrl;
    QString uploadDir;
    qint64 maxFileSize = 0;
    qint64 maxBodySize = 0;
    QStringList allowedExtensions;
    QString redisUrl;
    int cacheTtl = 0;
    QString openaiApiKey;
    QString anthropicApiKey;
    QString googleApiKey;
    QString openaiBaseUrl;
    QString anthropicBaseUrl;
    QString googleBaseUrl;
    QString ollamaBaseUrl;
    int llmTimeoutS = 120;
    int llmMaxAttempts = 3;
    QString llmPricesFile;
    QString host;
    int port = 0;
    QString logLevel;
    LogFormat logFormat = LogFormat::Json;
    int workers = 1;
    int queueSize = 10000;
    int codeTimeoutS = 30;
    int keepAliveTimeoutS = 15;
    int shutdownTimeoutS = 10;
    QString metricsToken;
    int accessTokenMinutes = 15;
    int refreshTokenDays = 30;
    bool requireEmailVerification = false;
    int rateLimitWindowS = 900;
    int rateLimitPerAccount = 10;
    int rateLimitPerIp = 50;
    int authCacheSeconds = 5;

    static Result<Config> load(const ConfigSources &sources);
    // Server mode refuses to start on missing or weak signing keys unless DEBUG is on.
    Result<void> checkProductionSecrets() const;
    // Every configured secret value, so the logger can make sure none is ever printed.
    QList<QByteArray> secretValues() const;
};

// Parses a .env file: KEY=VALUE lines, '#' comments, optional `export`, single or double quotes.
QHash<QString, QString> readEnvFile(const QString &path);
bool isWeakSecret(const QByteArray &value);
QByteArray generateSecret(); // 48 random bytes, base64url: for the desktop's own keys

} // namespace synapscale
