#include "tokenrepository.h"

#include "core/clock.h"
#include "storage/database.h"
#include "storage/rows.h"

namespace synapscale {

namespace {
constexpr auto kInsertRefresh = "INSERT INTO refresh_tokens (token_hash, session_id, created_at, rotated_at) VALUES (?, ?, ?, NULL)";
constexpr auto kSelectRefresh = "SELECT token_hash, session_id, created_at, rotated_at FROM refresh_tokens WHERE token_hash = ?";
constexpr auto kRotateRefresh = "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL";

constexpr auto kInsertOneTime = "INSERT INTO auth_tokens (token_hash, user_id, purpose, created_at, expires_at, used_at) "
                                "VALUES (?, ?, ?, ?, ?, NULL)";
constexpr auto kSelectOneTime = "SELECT token_hash, user_id, purpose, created_at, expires_at, used_at FROM auth_tokens "
                                "WHERE token_hash = ? AND purpose = ?";
constexpr auto kConsumeOneTime = "UPDATE auth_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL";
constexpr auto kExpireOneTime = "UPDATE auth_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL";

constexpr auto kApiKeyColumns = "id, user_id, name, prefix, key_hash, created_at, last_used_at, revoked_at";
constexpr auto kInsertApiKey = "INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at, last_used_at, revoked_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)";
constexpr auto kSelectApiKeyByHash = "SELECT %1 FROM api_keys WHERE key_hash = ?";
constexpr auto kListApiKeys = "SELECT %1 FROM api_keys WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC";
constexpr auto kRevokeApiKey = "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL";
constexpr auto kTouchApiKey = "UPDATE api_keys SET last_used_at = ? WHERE id = ?";

RefreshTokenRecord refreshFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
}

OneTimeTokenRecord oneTimeFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
}

ApiKeyRecord apiKeyFrom(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()};
}
} // namespace

Result<void> TokenRepository::addRefreshToken(const QString &hash, const QString &sessionId)
{
    return rows::done(m_db.exec(QString::fromLatin1(kInsertRefresh), {hash, sessionId, nowIso()}));
}

Result<std::optional<RefreshTokenRecord>> TokenRepository::findRefreshToken(const QString &hash)
{
    return rows::one<RefreshTokenRecord>(m_db.exec(QString::fromLatin1(kSelectRefresh), {hash}), refreshFrom);
}

Result<bool> TokenRepository::markRotated(const QString &hash)
{
    return rows::affected(m_db.exec(QString::fromLatin1(kRotateRefresh), {nowIso(), hash}));
}

Result<void> TokenRepository::addOneTimeToken(const OneTimeTokenRecord &t)
{
    return rows::done(m_db.exec(QString::fromLatin1(kInsertOneTime), {t.tokenHash, t.userId, t.purpose, nowIso(), t.expiresAt}));
}

Result<std::optional<OneTimeTokenRecord>> TokenRepository::findOneTimeToken(const QString &hash, const QString &purpose)
{
    return rows::one<OneTimeTokenRecord>(m_db.exec(QString::fromLatin1(kSelectOneTime), {hash, purpose}), oneTimeFrom);
}

Result<bool> TokenRepository::consumeOneTimeToken(const QString &hash)
{
    return rows::affected(m_db.exec(QString::fromLatin1(kConsumeOneTime), {nowIso(), hash}));
}

Result<void> TokenRepository::expireOneTimeTokens(const QString &userId, const QString &purpose)
{
    return rows::done(m_db.exec(QString::fromLatin1(kExpireOneTime), {nowIso(), userId, purpose}));
}

Result<void> TokenRepository::addApiKey(const ApiKeyRecord &k)
{
    return rows::done(m_db.exec(QString::fromLatin1(kInsertApiKey), {k.id, k.userId, k.name, k.prefix, k.keyHash, k.createdAt}));
}

Result<std::optional<ApiKeyRecord>> TokenRepository::findApiKeyByHash(const QString &hash)
{
    return rows::one<ApiKeyRecord>(m_db.exec(rows::sql(kSelectApiKeyByHash, kApiKeyColumns), {hash}), apiKeyFrom);
}

Result<QList<ApiKeyRecord>> TokenRepository::listApiKeys(const QString &userId)
{
    return rows::all<ApiKeyRecord>(m_db.exec(rows::sql(kListApiKeys, kApiKeyColumns), {userId}), apiKeyFrom);
}

Result<bool> TokenRepository::revokeApiKey(const QString &id, const QString &userId)
{
    return rows::affected(m_db.exec(QString::fromLatin1(kRevokeApiKey), {nowIso(), id, userId}));
}

Result<void> TokenRepository::touchApiKey(const QString &id)
{
    return rows::done(m_db.exec(QString::fromLatin1(kTouchApiKey), {nowIso(), id}));
}

} // namespace synapscale
