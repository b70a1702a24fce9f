#include "logger.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QMutex>

#include <cstdio>

namespace synapscale::Log {

namespace {
struct State {
    QMutex mutex;
    bool json = true;
    LogLevel min = LogLevel::Info;
    QByteArrayList secrets;
};
State &state()
{
    static State s;
    return s;
}

const char *levelName(LogLevel l)
{
    switch (l) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    case LogLevel::Critical: return "critical";
    }
    return "info";
}

LogLevel parseLevel(const QString &s)
{
    if (s == QLatin1String("debug")) return LogLevel::Debug;
    if (s == QLatin1String("warning")) return LogLevel::Warning;
    if (s == QLatin1String("error")) return LogLevel::Error;
    if (s == QLatin1String("critical")) return LogLevel::Critical;
    return LogLevel::Info;
}

void qtHandler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    LogLevel level = LogLevel::Info;
    switch (type) {
    case QtDebugMsg: level = LogLevel::Debug; break;
    case QtInfoMsg: level = LogLevel::Info; break;
    case QtWarningMsg: level = LogLevel::Warning; break;
    case QtCriticalMsg: level = LogLevel::Error; break;
    case QtFatalMsg: level = LogLevel::Critical; break;
    }
    nlohmann::json fields = nlohmann::json::object();
    if (ctx.category && qstrcmp(ctx.category, "default") != 0)
        fields["category"] = ctx.category;
    write(level, msg, fields);
}
} // namespace

void configure(bool json, const QString &level, QByteArrayList secrets)
{
    auto &s = state();
    QMutexLocker lock(&s.mutex);
    s.json = json;
    s.min = parseLevel(level);
    s.secrets = std::move(secrets);
}

void addSecret(const QByteArray &secret)
{
    if (secret.size() < 4)
        return;
    auto &s = state();
    QMutexLocker lock(&s.mutex);
    s.secrets << secret;
}

bool enabled(LogLevel level)
{
    return int(level) >= int(state().min);
}

void write(LogLevel level, const QString &message, const nlohmann::json &fields)
{
    if (!enabled(level))
        return;
    auto &s = state();
    const QString ts = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    std::string line;
    if (s.json) {
        nlohmann::json j = {{"ts", ts.toStdString()}, {"level", levelName(level)}, {"msg", message.toStdString()}};
        if (fields.is_object())
            for (auto it = fields.begin(); it != fields.end(); ++it)
                j[it.key()] = it.value();
        line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
        line = ts.toStdString() + ' ' + levelName(level) + ' ' + message.toStdString();
        if (fields.is_object())
            for (auto it = fields.begin(); it != fields.end(); ++it)
                line += ' ' + it.key() + '=' + (it->is_string() ? it->get<std::string>() : it->dump());
    }
    QMutexLocker lock(&s.mutex);
    for (const auto &secret : std::as_const(s.secrets)) {
        const std::string needle = secret.toStdString();
        for (std::size_t pos = line.find(needle); pos != std::string::npos; pos = line.find(needle, pos))
            line.replace(pos, needle.size(), "***");
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

void debug(const QString &message) { write(LogLevel::Debug, message, nlohmann::json::object()); }
void info(const QString &message) { write(LogLevel::Info, message, nlohmann::json::object()); }
void warning(const QString &message) { write(LogLevel::Warning, message, nlohmann::json::object()); }
void error(const QString &message) { write(LogLevel::Error, message, nlohmann::json::object()); }

void installQtHandler()
{
    qInstallMessageHandler(qtHandler);
}

} // namespace synapscale::Log
