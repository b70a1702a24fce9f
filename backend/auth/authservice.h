#pragma once

#include "auth/jwt.h"
#include "auth/ratelimiter.h"
#include "auth/user.h"
#include "core/principal.h"
#include "core/result.h"
#include "storage/page.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace synapscale {

class Database;
class Mailer;
struct ApiKeyRecord;

struct AuthSettings {
    QByteArray jwtKey;
    QString issuer = QStringLiteral("synapscale");
    int accessTtlSeconds = 15 * 60;
    int refreshTtlDays = 30;
    bool requireEmailVerification = false;
    QString publicUrl;              // base of links in emails
    int rateLimitWindowS = 900;
    int rateLimitPerAccount = 10;
    int rateLimitPerIp = 50;
    // How long a checked session (and its user) is trusted without asking the database again.
    // Changes made through this service take effect at once; changes made by another instance
    // sharing the database take effect within this many seconds. 0 disables the cache.
    int sessionCacheSeconds = 5;
};

struct ClientInfo {
    QString userAgent;
    QString ip;
};

struct TokenPair {
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0;
    QString sessionId;
    User user;
};

struct CreatedApiKey {
    QString id;
    QString name;
    QString prefix;
    QString key;       // shown once
    QString createdAt;
};

// Accounts, sessions and credentials. Every call that acts for someone takes the acting
// Principal, and reaches only that user's data. Errors carry codes the API maps to statuses:
// invalid_credentials/not_authenticated/token_expired 401, email_not_verified/forbidden 403,
// not_found 404, conflict 409, validation_error 422, invalid_token/wrong_password 400,
// rate_limited 429 (the message holds the Retry-After seconds).
// Thread-safe: handlers call it from worker threads, each with its own database connection.
class AuthService {
public:
    AuthService(Database &db, AuthSettings settings, Mailer *mailer);

    Result<User> registerUser(const QString &email, const QString &password, const QString &fullName, const ClientInfo &client);
    Result<TokenPair> login(const QString &email, const QString &password, const ClientInfo &client);
    Result<TokenPair> refresh(const QString &refreshToken, const ClientInfo &client);
    Result<void> logout(const Principal &who);

    Result<Principal> authenticateAccessToken(const QByteArray &token);
    Result<Principal> authenticateApiKey(const QByteArray &key);
    // From the Authorization header ("Bearer <jwt>") or the X-API-Key header.
    Result<Principal> authenticate(const QByteArray &authorization, const QByteArray &apiKey);

    Result<User> me(const Principal &who);
    Result<User> updateMe(const Principal &who, const std::optional<QString> &fullName, const std::optional<QString> &email);
    Result<void> changePassword(const Principal &who, const QString &current, const QString &next);
    Result<void> forgotPassword(const QString &email, const ClientInfo &client);
    Result<void> resetPassword(const QString &token, const QString &newPassword);
    Result<void> verifyEmail(const QString &token);
    Result<void> resendVerification(const Principal &who);

    Result<QList<Session>> sessions(const Principal &who);
    Result<void> revokeSession(const Principal &who, const QString &sessionId);
    Result<int> revokeOtherSessions(const Principal &who);

    Result<CreatedApiKey> createApiKey(const Principal &who, const QString &name);
    Result<QList<ApiKeyRecord>> apiKeys(const Principal &who);
    Result<void> revokeApiKey(const Principal &who, const QString &id);

    Result<Page<User>> listUsers(const Principal &who, int skip, int limit);

    // The desktop app's own user: created on first start (the first user is the admin), then
    // signed in automatically at every launch with a fresh session.
    Result<TokenPair> signInLocalUser(const ClientInfo &client);

    const AuthSettings &settings() const { return m_settings; }
    RateLimiter &limiter() { return m_limiter; }
    static bool isValidEmail(const QString &email);

private:
    Result<TokenPair> openSession(const User &user, const ClientInfo &client);
    QString accessTokenFor(const User &user, const QString &sessionId) const;
    Result<void> sendTokenEmail(const User &user, const QString &purpose);
    Error rateLimited(int seconds) const;
    std::optional<AccessClaims> cachedClaims(const QByteArray &token, qint64 now);
    void forgetSession(const QString &sessionId);
    void forgetUser(const QString &userId);

    struct CachedSession {
        Principal principal;
        User user;
        qint64 validUntilMs = 0;
    };

    Database &m_db;
    AuthSettings m_settings;
    Mailer *m_mailer;
    JwtSigner m_jwt;
    RateLimiter m_limiter;
    QMutex m_cacheMutex;
    QHash<QByteArray, AccessClaims> m_verifiedTokens; // signature already checked; expiry still checked per use
    QHash<QString, CachedSession> m_sessions;          // by session id
};

} // namespace synapscale
