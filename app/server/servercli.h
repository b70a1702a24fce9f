#pragma once

#include <QStringList>

namespace synapscale {

// `synapscale-server <command> [--setting value ...]`. Returns the process exit code:
// 0 success, 1 runtime failure (database unreachable, port in use), 2 bad configuration or usage.
int runServerCli(const QStringList &arguments);

} // namespace synapscale
