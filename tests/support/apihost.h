#pragma once

#include "support/rawhttp.h"
#include "support/testsupport.h"

#include <QHash>

#include <memory>

namespace synapscale {
class BackendHost;
}

namespace synapscale::test {

// A real backend on 127.0.0.1 (ephemeral port) over a test database, as the API tests use it.
// `extraEnv` adds or overrides settings. Returns null (with a warning) when it cannot start.
std::unique_ptr<BackendHost> startHost(const TestDatabase &db, const QHash<QString, QString> &extraEnv, quint16 *port);
// Registers an account on the host and returns an access token for it (empty on failure).
QString signUp(BackendHost &host, const QString &email, const QString &password);
// One request with `Authorization: Bearer token` and, when given, a JSON body.
RawResponse callApi(quint16 port, const QByteArray &method, const QString &path, const QString &token,
                    const nlohmann::json &body = nullptr);

} // namespace synapscale::test
