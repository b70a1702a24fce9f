#include "config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <sodium.h>

#include <array>

namespace synapscale {

namespace {

// libsodium must be initialised before any of its randomness or crypto is used; this runs at
// start-up of every program that links the backend (sodium_init is idempotent and thread-safe).
[[maybe_unused]] const int kSodiumReady = sodium_init();

constexpr std::array kSettings{
    SettingInfo{"DATABASE_URL", "", "Database: sqlite:///relative.db, sqlite:////absolute/path.db or postgresql://user:pass@host:5432/db. Default: synapscale.db in the user's data folder.", true},
    SettingInfo{"DATABASE_SCHEMA", "", "PostgreSQL schema for SynapScale's tables (created if missing; default: public). Ignored on SQLite.", false},
    SettingInfo{"SECRET_KEY", "", "General signing key, at least 32 characters. Required by the server unless DEBUG=true.", true},
    SettingInfo{"JWT_SECRET_KEY", "", "HS256 key for access tokens, at least 32 characters. Required by the server unless DEBUG=true.", true},
    SettingInfo{"ENCRYPTION_KEY", "", "Base64 of 32 random bytes; encrypts stored credentials.", true},
    SettingInfo{"API_V1_STR", "/api/v1", "Prefix of the versioned API.", false},
    SettingInfo{"PROJECT_NAME", "SynapScale", "Name shown in the API docs.", false},
    SettingInfo{"VERSION", SYNAPSCALE_VERSION, "Version reported by /health and /openapi.json.", false},
    SettingInfo{"DESCRIPTION", "Native AI-automation platform", "Description shown in the API docs.", false},
    SettingInfo{"DEBUG", "false", "true enables development conveniences (weak keys allowed, emails logged).", false},
    SettingInfo{"BACKEND_CORS_ORIGINS", "", "Origins allowed by CORS: a JSON list or comma-separated list; empty allows none.", false},
    SettingInfo{"SMTP_HOST", "", "SMTP server for outgoing email.", false},
    SettingInfo{"SMTP_PORT", "587", "SMTP port.", false},
    SettingInfo{"SMTP_USER", "", "SMTP login user (no login when empty).", false},
    SettingInfo{"SMTP_PASSWORD", "", "SMTP password.", true},
    SettingInfo{"SMTP_TLS", "true", "Use STARTTLS.", false},
    SettingInfo{"EMAILS_FROM_EMAIL", "noreply@localhost", "Sender address of outgoing email.", false},
    SettingInfo{"PUBLIC_URL", "", "Public base URL used in links sent by email.", false},
    SettingInfo{"UPLOAD_DIR", "", "Folder for uploaded files. Default: uploads/ in the user's data folder.", false},
    SettingInfo{"MAX_FILE_SIZE", "10485760", "Largest accepted upload in bytes.", false},
    SettingInfo{"MAX_BODY_SIZE", "5242880", "Largest accepted JSON request body in bytes (413 above it).", false},
    SettingInfo{"ALLOWED_EXTENSIONS", ".pdf,.doc,.docx,.txt,.csv,.xlsx,.png,.jpg,.jpeg", "Comma-separated upload extensions.", false},
    SettingInfo{"REDIS_URL", "", "Accepted for compatibility with the seed; SynapScale caches in process and does not connect to Redis.", true},
    SettingInfo{"CACHE_TTL", "3600", "Cache lifetime in seconds.", false},
    SettingInfo{"OPENAI_API_KEY", "", "OpenAI API key.", true},
    SettingInfo{"ANTHROPIC_API_KEY", "", "Anthropic API key.", true},
    SettingInfo{"GOOGLE_API_KEY", "", "Google Gemini API key.", true},
    SettingInfo{"OPENAI_BASE_URL", "https://api.openai.com/v1", "OpenAI endpoint, including /v1 (any OpenAI-compatible server works).", false},
    SettingInfo{"ANTHROPIC_BASE_URL", "https://api.anthropic.com", "Anthropic endpoint, without the version.", false},
    SettingInfo{"GOOGLE_BASE_URL", "https://generativelanguage.googleapis.com", "Google Gemini endpoint, without the version.", false},
    SettingInfo{"OLLAMA_BASE_URL", "http://127.0.0.1:11434", "Ollama server root; a running Ollama is detected and offered without a key.", false},
    SettingInfo{"LLM_TIMEOUT_SECONDS", "120", "A language-model call fails when its provider sends nothing for this long.", false},
    SettingInfo{"LLM_MAX_ATTEMPTS", "3", "Attempts per language-model call when the provider answers 429 or 5xx (Retry-After is honoured).", false},
    SettingInfo{"LLM_PRICES_FILE", "", "JSON price table replacing the built-in one (resources/ai/prices.json) for usage costs.", false},
    SettingInfo{"HOST", "127.0.0.1", "Address the API listens on; 0.0.0.0 exposes it to the network.", false},
    SettingInfo{"PORT", "8000", "TCP port of the API (0 = any free port).", false},
    SettingInfo{"LOG_LEVEL", "info", "debug, info, warning, error or critical.", false},
    SettingInfo{"LOG_FORMAT", "json", "json (one JSON object per line) or text.", false},
    SettingInfo{"WORKERS", "0", "Workflow worker threads (0 = one per CPU core).", false},
    SettingInfo{"QUEUE_SIZE", "10000", "Executions that may wait in the queue; beyond it webhooks answer 503 with Retry-After.", false},
    SettingInfo{"CODE_TIMEOUT_SECONDS", "30", "Time limit of a Code node run (and of a node's expressions), in seconds.", false},
    SettingInfo{"KEEPALIVE_TIMEOUT", "15", "Seconds an idle keep-alive connection stays open.", false},
    SettingInfo{"SHUTDOWN_TIMEOUT", "10", "Seconds to let in-flight requests finish on SIGTERM.", false},
    SettingInfo{"METRICS_TOKEN", "", "When set, /metrics requires 'Authorization: Bearer <token>'.", true},
    SettingInfo{"ACCESS_TOKEN_EXPIRE_MINUTES", "15", "Lifetime of access tokens (JWT) in minutes.", false},
    SettingInfo{"REFRESH_TOKEN_EXPIRE_DAYS", "30", "Lifetime of a login session's refresh token in days.", false},
    SettingInfo{"REQUIRE_EMAIL_VERIFICATION", "false", "true refuses login to users who have not verified their email.", false},
    SettingInfo{"RATE_LIMIT_WINDOW_SECONDS", "900", "Window of the login, register and forgot-password rate limits.", false},
    SettingInfo{"RATE_LIMIT_PER_ACCOUNT", "10", "Failed logins (and reset requests) allowed per account per window.", false},
    SettingInfo{"RATE_LIMIT_PER_IP", "50", "Failed logins, registrations and reset requests allowed per client IP per window.", false},
    SettingInfo{"AUTH_CACHE_SECONDS", "5", "Seconds a checked session is trusted before the database is asked again (changes through this instance apply at once; 0 disables).", false},
};

Error invalid(const char *name, const QString &why)
{
    return Error::make(QStringLiteral("invalid_config"), QString::fromLatin1(name) + QStringLiteral(": ") + why);
}

QString flagName(const char *setting)
{
    return QStringLiteral("--") + QString::fromLatin1(setting).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
}

Result<bool> parseBool(const char *name, const QString &v)
{
    const QString s = v.trimmed().toLower();
    if (s == QLatin1String("true") || s == QLatin1String("1") || s == QLatin1String("yes") || s == QLatin1String("on"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("0") || s == QLatin1String("no") || s == QLatin1String("off") || s.isEmpty())
        return false;
    return invalid(name, QStringLiteral("'%1' is not a boolean (use true or false)").arg(v));
}

Result<qint64> parseInt(const char *name, const QString &v, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = v.trimmed().toLongLong(&ok);
    if (!ok)
        return invalid(name, QStringLiteral("'%1' is not a whole number").arg(v));
    if (n < min || n > max)
        return invalid(name, QStringLiteral("%1 is out of range (%2..%3)").arg(n).arg(min).arg(max));
    return n;
}

Result<QStringList> parseList(const char *name, const QString &v)
{
    const QString s = v.trimmed();
    QStringList out;
    if (s.startsWith(QLatin1Char('['))) {
        QJsonParseError err;
        const auto doc = QJsonDocument::fromJson(s.toUtf8(), &err);
        if (err.error != QJsonParseError::NoError || !doc.isArray())
            return invalid(name, QStringLiteral("not a valid JSON list"));
        for (const auto &item : doc.array()) {
            if (!item.isString())
                return invalid(name, QStringLiteral("the JSON list must hold strings"));
            out << item.toString().trimmed();
        }
    } else {
        for (const auto &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                out << part.trimmed();
    }
    return out;
}

} // namespace

std::span<const SettingInfo> allSettings()
{
    return kSettings;
}

QHash<QString, QString> readEnvFile(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return values;
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1String("export ")))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))
            && value.back() == value.front()) {
            value = value.mid(1, value.size() - 2);
        } else {
            const qsizetype hash = value.indexOf(QLatin1String(" #"));
            if (hash >= 0)
                value = value.left(hash).trimmed();
        }
        values.insert(key, value);
    }
    return values;
}

bool isWeakSecret(const QByteArray &value)
{
    if (value.size() < 32)
        return true;
    // The seed's example values, which people copy as they are.
    static const QList<QByteArray> placeholders{"sua_chave_secreta_super_forte_32_chars", "sua_chave_jwt_super_forte_32_chars",
                                                "sua_chave_criptografia_base64_32_bytes"};
    for (const auto &p : placeholders)
        if (value.trimmed().toLower() == p)
            return true;
    QSet<char> distinct;
    for (char c : value)
        distinct.insert(c);
    return distinct.size() < 8;
}

QByteArray generateSecret()
{
    QByteArray raw(48, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<Config> Config::load(const ConfigSources &sources)
{
    // Resolve raw strings by precedence.
    QHash<QString, QString> raw;
    for (const auto &s : kSettings)
        raw.insert(QString::fromLatin1(s.name), QString::fromLatin1(s.defaultValue));
    for (auto it = sources.defaults.cbegin(); it != sources.defaults.cend(); ++it)
        raw.insert(it.key(), it.value());
    const auto fileValues = readEnvFile(sources.envFile);
    const auto known = [&](const QString &key) { return raw.contains(key); };
    for (auto it = fileValues.cbegin(); it != fileValues.cend(); ++it)
        if (known(it.key()))
            raw.insert(it.key(), it.value());
    for (const auto &s : kSettings) {
        const QString key = QString::fromLatin1(s.name);
        if (sources.environment.contains(key))
            raw.insert(key, sources.environment.value(key));
    }
    for (qsizetype i = 0; i < sources.flags.size(); ++i) {
        QString flag = sources.flags.at(i);
        QString value;
        const qsizetype eq = flag.indexOf(QLatin1Char('='));
        if (eq > 0) {
            value = flag.mid(eq + 1);
            flag = flag.left(eq);
        }
        const SettingInfo *match = nullptr;
        for (const auto &s : kSettings)
            if (flagName(s.name) == flag)
                match = &s;
        if (!match)
            return Error::make(QStringLiteral("invalid_config"), QStringLiteral("unknown option %1").arg(flag));
        if (eq <= 0) {
            if (i + 1 >= sources.flags.size())
                return invalid(match->name, QStringLiteral("option %1 needs a value").arg(flag));
            value = sources.flags.at(++i);
        }
        raw.insert(QString::fromLatin1(match->name), value);
    }
    const auto get = [&](const char *name) { return raw.value(QString::fromLatin1(name)); };

    Config c;
    c.databaseUrlText = get("DATABASE_URL").trimmed();
    if (c.databaseUrlText.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        c.databaseUrlText = QStringLiteral("sqlite:///") + dir + QStringLiteral("/synapscale.db");
    }
    auto db = DatabaseUrl::parse(c.databaseUrlText);
    if (!db)
        return Error::make(QStringLiteral("invalid_config"), db.error().message);
    c.database = db.value();
    c.databaseSchema = get("DATABASE_SCHEMA").trimmed();
    if (!c.databaseSchema.isEmpty()) {
        static const QRegularExpression ident(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
        if (!ident.match(c.databaseSchema).hasMatch())
            return invalid("DATABASE_SCHEMA", QStringLiteral("'%1' is not a plain SQL identifier").arg(c.databaseSchema));
    }
    c.secretKey = get("SECRET_KEY").toUtf8();
    c.jwtSecretKey = get("JWT_SECRET_KEY").toUtf8();
    if (const QString key = get("ENCRYPTION_KEY").trimmed(); !key.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(key.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 32)
            return invalid("ENCRYPTION_KEY", QStringLiteral("must be base64 of exactly 32 bytes (generate one with: head -c32 /dev/urandom | base64)"));
        c.encryptionKey = decoded.decoded;
    }
    c.apiV1Str = get("API_V1_STR").trimmed();
    if (!c.apiV1Str.startsWith(QLatin1Char('/')) || c.apiV1Str.endsWith(QLatin1Char('/')) || c.apiV1Str.contains(QLatin1Char(' ')))
        return invalid("API_V1_STR", QStringLiteral("must start with '/' and not end with one, as in /api/v1"));
    c.projectName = get("PROJECT_NAME");
    c.version = get("VERSION");
    c.description = get("DESCRIPTION");
    auto debug = parseBool("DEBUG", get("DEBUG"));
    if (!debug)
        return debug.error();
    c.debug = *debug;
    auto cors = parseList("BACKEND_CORS_ORIGINS", get("BACKEND_CORS_ORIGINS"));
    if (!cors)
        return cors.error();
    for (const auto &origin : *cors) {
        const QUrl u(origin);
        if (origin != QLatin1String("*") && (!u.isValid() || u.scheme().isEmpty() || u.host().isEmpty()))
            return invalid("BACKEND_CORS_ORIGINS", QStringLiteral("'%1' is not an origin like https://app.example.com").arg(origin));
    }
    for (const auto &origin : *cors)
        c.corsOrigins << (origin.endsWith(QLatin1Char('/')) ? origin.chopped(1) : origin);
    c.smtpHost = get("SMTP_HOST").trimmed();
    auto smtpPort = parseInt("SMTP_PORT", get("SMTP_PORT"), 1, 65535);
    if (!smtpPort)
        return smtpPort.error();
    c.smtpPort = int(*smtpPort);
    c.smtpUser = get("SMTP_USER");
    c.smtpPassword = get("SMTP_PASSWORD");
    auto smtpTls = parseBool("SMTP_TLS", get("SMTP_TLS"));
    if (!smtpTls)
        return smtpTls.error();
    c.smtpTls = *smtpTls;
    c.emailsFromEmail = get("EMAILS_FROM_EMAIL").trimmed();
    c.publicUrl = get("PUBLIC_URL").trimmed();
    if (!c.publicUrl.isEmpty()) {
        const QUrl u(c.publicUrl, QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty())
            return invalid("PUBLIC_URL", QStringLiteral("'%1' is not an http(s) URL").arg(c.publicUrl));
    }
    c.uploadDir = get("UPLOAD_DIR").trimmed();
    if (c.uploadDir.isEmpty())
        c.uploadDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/uploads");
    auto maxFile = parseInt("MAX_FILE_SIZE", get("MAX_FILE_SIZE"), 1, qint64(1) << 40);
    if (!maxFile)
        return maxFile.error();
    c.maxFileSize = *maxFile;
    auto maxBody = parseInt("MAX_BODY_SIZE", get("MAX_BODY_SIZE"), 1024, qint64(1) << 32);
    if (!maxBody)
        return maxBody.error();
    c.maxBodySize = *maxBody;
    auto exts = parseList("ALLOWED_EXTENSIONS", get("ALLOWED_EXTENSIONS"));
    if (!exts)
        return exts.error();
    for (auto ext : *exts)
        c.allowedExtensions << (ext.startsWith(QLatin1Char('.')) ? ext : QLatin1Char('.') + ext).toLower();
    c.redisUrl = get("REDIS_URL").trimmed();
    if (!c.redisUrl.isEmpty()) {
        const QUrl u(c.redisUrl, QUrl::StrictMode);
        if (!u.isValid() || !u.scheme().startsWith(QLatin1String("redis")))
            return invalid("REDIS_URL", QStringLiteral("not a redis:// URL"));
    }
    auto ttl = parseInt("CACHE_TTL", get("CACHE_TTL"), 0, 365LL * 24 * 3600);
    if (!ttl)
        return ttl.error();
    c.cacheTtl = int(*ttl);
    c.openaiApiKey = get("OPENAI_API_KEY");
    c.anthropicApiKey = get("ANTHROPIC_API_KEY");
    c.googleApiKey = get("GOOGLE_API_KEY");
    for (auto [name, target] : {std::pair{"OPENAI_BASE_URL", &c.openaiBaseUrl}, std::pair{"ANTHROPIC_BASE_URL", &c.anthropicBaseUrl},
                                std::pair{"GOOGLE_BASE_URL", &c.googleBaseUrl}, std::pair{"OLLAMA_BASE_URL", &c.ollamaBaseUrl}}) {
        QString value = get(name).trimmed();
        while (value.endsWith(QLatin1Char('/')))
            value.chop(1);
        const QUrl u(value, QUrl::StrictMode);
        if (!u.isValid() || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) || u.host().isEmpty())
            return invalid(name, QStringLiteral("'%1' is not an http(s) URL").arg(value));
        *target = value;
    }
    auto llmTimeout = parseInt("LLM_TIMEOUT_SECONDS", get("LLM_TIMEOUT_SECONDS"), 1, 3600);
    if (!llmTimeout)
        return llmTimeout.error();
    c.llmTimeoutS = int(*llmTimeout);
    auto llmAttempts = parseInt("LLM_MAX_ATTEMPTS", get("LLM_MAX_ATTEMPTS"), 1, 10);
    if (!llmAttempts)
        return llmAttempts.error();
    c.llmMaxAttempts = int(*llmAttempts);
    c.llmPricesFile = get("LLM_PRICES_FILE").trimmed();
    c.host = get("HOST").trimmed();
    if (QHostAddress(c.host).isNull() && c.host != QLatin1String("localhost"))
        return invalid("HOST", QStringLiteral("'%1' is not an IP address (use 127.0.0.1, 0.0.0.0 or ::)").arg(c.host));
    auto port = parseInt("PORT", get("PORT"), 0, 65535);
    if (!port)
        return port.error();
    c.port = int(*port);
    c.logLevel = get("LOG_LEVEL").trimmed().toLower();
    static const QStringList levels{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                                    QStringLiteral("error"), QStringLiteral("critical")};
    if (c.logLevel == QLatin1String("warn"))
        c.logLevel = QStringLiteral("warning");
    if (!levels.contains(c.logLevel))
        return invalid("LOG_LEVEL", QStringLiteral("unknown level '%1' (use %2)").arg(get("LOG_LEVEL"), levels.join(QStringLiteral(", "))));
    const QString format = get("LOG_FORMAT").trimmed().toLower();
    if (format == QLatin1String("json"))
        c.logFormat = LogFormat::Json;
    else if (format == QLatin1String("text"))
        c.logFormat = LogFormat::Text;
    else
        return invalid("LOG_FORMAT", QStringLiteral("unknown format '%1' (use json or text)").arg(format));
    auto workers = parseInt("WORKERS", get("WORKERS"), 0, 1024);
    if (!workers)
        return workers.error();
    c.workers = *workers == 0 ? qMax(1, QThread::idealThreadCount()) : int(*workers);
    auto keepAlive = parseInt("KEEPALIVE_TIMEOUT", get("KEEPALIVE_TIMEOUT"), 1, 3600);
    if (!keepAlive)
        return keepAlive.error();
    c.keepAliveTimeoutS = int(*keepAlive);
    auto shutdown = parseInt("SHUTDOWN_TIMEOUT", get("SHUTDOWN_TIMEOUT"), 0, 3600);
    if (!shutdown)
        return shutdown.error();
    c.shutdownTimeoutS = int(*shutdown);
    c.metricsToken = get("METRICS_TOKEN");
    const struct {
        const char *name;
        qint64 min, max;
        int *target;
    } ints[] = {{"ACCESS_TOKEN_EXPIRE_MINUTES", 1, 24 * 60, &c.accessTokenMinutes},
                {"REFRESH_TOKEN_EXPIRE_DAYS", 1, 365, &c.refreshTokenDays},
                {"RATE_LIMIT_WINDOW_SECONDS", 1, 24 * 3600, &c.rateLimitWindowS},
                {"RATE_LIMIT_PER_ACCOUNT", 1, 1000000, &c.rateLimitPerAccount},
                {"RATE_LIMIT_PER_IP", 1, 1000000, &c.rateLimitPerIp},
                {"AUTH_CACHE_SECONDS", 0, 3600, &c.authCacheSeconds},
                {"QUEUE_SIZE", 1, 10000000, &c.queueSize},
                {"CODE_TIMEOUT_SECONDS", 1, 3600, &c.codeTimeoutS}};
    for (const auto &setting : ints) {
        auto value = parseInt(setting.name, get(setting.name), setting.min, setting.max);
        if (!value)
            return value.error();
        *setting.target = int(*value);
    }
    auto requireVerification = parseBool("REQUIRE_EMAIL_VERIFICATION", get("REQUIRE_EMAIL_VERIFICATION"));
    if (!requireVerification)
        return requireVerification.error();
    c.requireEmailVerification = *requireVerification;
    return c;
}

Result<void> Config::checkProductionSecrets() const
{
    if (debug)
        return {};
    if (isWeakSecret(secretKey))
        return invalid("SECRET_KEY", QStringLiteral("missing or weak (need 32+ random characters; set DEBUG=true only for development). Generate one with: openssl rand -base64 48"));
    if (isWeakSecret(jwtSecretKey))
        return invalid("JWT_SECRET_KEY", QStringLiteral("missing or weak (need 32+ random characters; set DEBUG=true only for development). Generate one with: openssl rand -base64 48"));
    return {};
}

QList<QByteArray> Config::secretValues() const
{
    QList<QByteArray> out;
    for (const QByteArray &v : {secretKey, jwtSecretKey, encryptionKey.toBase64(), smtpPassword.toUtf8(), openaiApiKey.toUtf8(),
                                anthropicApiKey.toUtf8(), googleApiKey.toUtf8(), metricsToken.toUtf8(), database.password.toUtf8()})
        if (v.size() >= 4)
            out << v;
    return out;
}

} // namespace synapscale
