#pragma once

#include <QString>

namespace synapscale {

// Who is acting: every service call that touches a user's data takes one.
struct Principal {
    QString userId;
    QString role;       // "admin" | "user"
    QString sessionId;  // empty when authenticated by API key
    QString apiKeyId;   // set when authenticated by API key

    bool isAdmin() const { return role == QLatin1String("admin"); }
};

} // namespace synapscale
