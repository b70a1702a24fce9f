#pragma once

#include "core/result.h"

#include <QString>

#include <optional>

namespace synapscale {

class Database;

// Every refresh token a session has had, by hash. The current one has no rotated_at; presenting
// a rotated one again means it was stolen or replayed.
struct RefreshTokenRecord {
    QString tokenHash;
    QString sessionId;
    QString createdAt;
    QString rotatedAt;
};

// Single-use tokens sent by email (verify_email, reset_password).
struct OneTimeTokenRecord {
    QString tokenHash;
    QString userId;
    QString purpose;
    QString createdAt;
    QString expiresAt;
    QString usedAt;
};

struct ApiKeyRecord {
    QString id;
    QString userId;
    QString name;
    QString prefix;
    QString keyHash;
    QString createdAt;
    QString lastUsedAt;
    QString revokedAt;
};

class TokenRepository {
public:
    explicit TokenRepository(Database &db) : m_db(db) {}

    Result<void> addRefreshToken(const QString &hash, const QString &sessionId);
    Result<std::optional<RefreshTokenRecord>> findRefreshToken(const QString &hash);
    // Marks it rotated if it was not yet; false when another request rotated it first.
    Result<bool> markRotated(const QString &hash);

    Result<void> addOneTimeToken(const OneTimeTokenRecord &token);
    Result<std::optional<OneTimeTokenRecord>> findOneTimeToken(const QString &hash, const QString &purpose);
    // Consumes it if still unused; false when it was used already.
    Result<bool> consumeOneTimeToken(const QString &hash);
    Result<void> expireOneTimeTokens(const QString &userId, const QString &purpose);

    Result<void> addApiKey(const ApiKeyRecord &key);
    Result<std::optional<ApiKeyRecord>> findApiKeyByHash(const QString &hash);
    Result<QList<ApiKeyRecord>> listApiKeys(const QString &userId);
    Result<bool> revokeApiKey(const QString &id, const QString &userId);
    Result<void> touchApiKey(const QString &id);

private:
    Database &m_db;
};

} // namespace synapscale
