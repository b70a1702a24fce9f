#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QByteArrayList>
#include <QString>

namespace synapscale {

enum class LogLevel { Debug, Info, Warning, Error, Critical };

// Process-wide structured logger: JSON lines (server) or readable text (desktop) on stderr.
// Qt's own qDebug/qWarning output is routed through it too. Known secret values are masked
// before anything is written, as a last line of defence behind "never log secrets".
namespace Log {
void configure(bool json, const QString &level, QByteArrayList secrets);
void addSecret(const QByteArray &secret);
bool enabled(LogLevel level);
void write(LogLevel level, const QString &message, const nlohmann::json &fields);
void debug(const QString &message);
void info(const QString &message);
void warning(const QString &message);
void error(const QString &message);
void installQtHandler();
} // namespace Log

} // namespace synapscale
