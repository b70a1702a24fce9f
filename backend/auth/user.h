#pragma once

#include <QString>

namespace synapscale {

struct User {
    QString id;
    QString email;          // as the user typed it
    QString passwordHash;   // argon2id string from libsodium
    QString fullName;
    QString role = QStringLiteral("user");
    bool isActive = true;
    bool isVerified = false;
    QString createdAt;
    QString updatedAt;
};

struct Session {
    QString id;
    QString userId;
    QString refreshTokenHash;
    QString userAgent;
    QString ip;
    QString createdAt;
    QString lastUsedAt;
    QString expiresAt;
    QString revokedAt;      // empty while the session is live
};

} // namespace synapscale
