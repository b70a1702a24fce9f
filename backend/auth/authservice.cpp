#include "authservice.h"

#include "auth/passwords.h"
#include "auth/tokenrepository.h"
#include "auth/userrepository.h"
#include "core/clock.h"
#include "core/logger.h"
#include "mail/mailer.h"
#include "storage/database.h"

#include <QDateTime>
#include <QRegularExpression>

namespace synapscale {

namespace {
constexpr auto kVerifyPurpose = "verify_email";
constexpr auto kResetPurpose = "reset_password";
constexpr int kVerifyTtlHours = 48;
constexpr int kResetTtlMinutes = 60;
const QString kLocalEmail = QStringLiteral("local@synapscale.localhost");

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

bool expired(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return !at.isValid() || at < QDateTime::currentDateTimeUtc();
}

QString inFuture(qint64 seconds)
{
    return toIso(QDateTime::currentMSecsSinceEpoch() + seconds * 1000);
}

Error unauthenticated(const QString &why = QStringLiteral("Not authenticated."))
{
    return Error::make(QStringLiteral("not_authenticated"), why);
}

Error notFound(const QString &what)
{
    return Error::make(QStringLiteral("not_found"), what + QStringLiteral(" not found."));
}
} // namespace

AuthService::AuthService(Database &db, AuthSettings settings, Mailer *mailer)
    : m_db(db)
    , m_settings(std::move(settings))
    , m_mailer(mailer)
    , m_jwt(m_settings.jwtKey, m_settings.issuer)
    , m_limiter(m_settings.rateLimitWindowS)
{
}

bool AuthService::isValidEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s\"<>(),;:\\[\\]\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"));
    return email.size() <= 254 && pattern.match(email).hasMatch();
}

Error AuthService::rateLimited(int seconds) const
{
    return Error::make(QStringLiteral("rate_limited"), QString::number(seconds));
}

QString AuthService::accessTokenFor(const User &user, const QString &sessionId) const
{
    const qint64 now = nowSeconds();
    return m_jwt.sign(AccessClaims{user.id, sessionId, user.role, newId(), now, now + m_settings.accessTtlSeconds});
}

Result<TokenPair> AuthService::openSession(const User &user, const ClientInfo &client)
{
    const QString refresh = Tokens::random("rt_");
    const QString hash = Tokens::sha256Hex(refresh);
    Session session;
    session.userId = user.id;
    session.refreshTokenHash = hash;
    session.userAgent = client.userAgent.left(512);
    session.ip = client.ip.left(64);
    session.expiresAt = inFuture(qint64(m_settings.refreshTtlDays) * 24 * 3600);
    std::optional<Session> created;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto s = SessionRepository(m_db).create(session);
        if (!s)
            return s.error();
        created = *s;
        return TokenRepository(m_db).addRefreshToken(hash, s->id);
    });
    if (!r)
        return r.error();
    return TokenPair{accessTokenFor(user, created->id), refresh, m_settings.accessTtlSeconds, created->id, user};
}

Result<User> AuthService::registerUser(const QString &rawEmail, const QString &password, const QString &fullName,
                                       const ClientInfo &client)
{
    const QString email = rawEmail.trimmed();
    const QString ipKey = QStringLiteral("register:ip:") + client.ip;
    if (int wait = m_limiter.retryAfter(ipKey, m_settings.rateLimitPerIp))
        return rateLimited(wait);
    m_limiter.record(ipKey);
    if (!isValidEmail(email))
        return Error::invalid(QStringLiteral("email"), QStringLiteral("Enter a valid email address."));
    if (auto policy = Passwords::checkPolicy(password, email); !policy)
        return policy.error();
    if (fullName.size() > 200)
        return Error::invalid(QStringLiteral("full_name"), QStringLiteral("Full name must have at most 200 characters."));
    UserRepository users(m_db);
    auto existing = users.findByEmail(email);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::make(QStringLiteral("conflict"), QStringLiteral("An account with this email already exists."));
    User user;
    user.email = email;
    user.fullName = fullName.trimmed();
    user.passwordHash = Passwords::hash(password);
    std::optional<User> created;
    auto r = m_db.transaction([&]() -> Result<void> {
        // The first account of an instance administers it.
        auto count = users.count();
        if (!count)
            return count.error();
        user.role = *count == 0 ? QStringLiteral("admin") : QStringLiteral("user");
        auto u = users.create(user);
        if (!u)
            return u.error().code == QLatin1String("conflict")
                ? Error::make(QStringLiteral("conflict"), QStringLiteral("An account with this email already exists."))
                : u.error();
        created = *u;
        return {};
    });
    if (!r)
        return r.error();
    if (auto sent = sendTokenEmail(*created, QString::fromLatin1(kVerifyPurpose)); !sent)
        Log::warning(QStringLiteral("verification email not queued: %1").arg(sent.error().message));
    return *created;
}

Result<TokenPair> AuthService::login(const QString &rawEmail, const QString &password, const ClientInfo &client)
{
    const QString email = rawEmail.trimmed().toLower();
    const QString accountKey = QStringLiteral("login:acct:") + email;
    const QString ipKey = QStringLiteral("login:ip:") + client.ip;
    const int wait = qMax(m_limiter.retryAfter(accountKey, m_settings.rateLimitPerAccount),
                          m_limiter.retryAfter(ipKey, m_settings.rateLimitPerIp));
    if (wait > 0)
        return rateLimited(wait);
    auto found = UserRepository(m_db).findByEmail(email);
    if (!found)
        return found.error();
    const bool ok = found->has_value() ? Passwords::verify((*found)->passwordHash, password)
                                       : (Passwords::burnVerificationTime(password), false);
    if (!ok || !(*found)->isActive) {
        m_limiter.record(accountKey);
        m_limiter.record(ipKey);
        return Error::make(QStringLiteral("invalid_credentials"), QStringLiteral("Incorrect email or password."));
    }
    const User &user = **found;
    if (m_settings.requireEmailVerification && !user.isVerified)
        return Error::make(QStringLiteral("email_not_verified"), QStringLiteral("Verify your email address before signing in."));
    m_limiter.reset(accountKey);
    return openSession(user, client);
}

Result<TokenPair> AuthService::refresh(const QString &refreshToken, const ClientInfo &client)
{
    const QString hash = Tokens::sha256Hex(refreshToken);
    std::optional<TokenPair> pair;
    bool reused = false;
    auto r = m_db.transaction([&]() -> Result<void> {
        TokenRepository tokens(m_db);
        auto record = tokens.findRefreshToken(hash);
        if (!record)
            return record.error();
        if (!record->has_value())
            return Error::make(QStringLiteral("invalid_credentials"), QStringLiteral("Invalid refresh token."));
        SessionRepository sessions(m_db);
        auto session = sessions.findById((*record)->sessionId);
        if (!session)
            return session.error();
        if (!session->has_value() || !(*session)->revokedAt.isEmpty() || expired((*session)->expiresAt))
            return Error::make(QStringLiteral("invalid_credentials"), QStringLiteral("This session has ended; sign in again."));
        const Session s = **session;
        auto rotated = tokens.markRotated(hash);
        if (!rotated)
            return rotated.error();
        if (!*rotated) {
            // An already-used token came back: someone holds a copy. End the whole session.
            reused = true;
            return {};
        }
        auto user = UserRepository(m_db).findById(s.userId);
        if (!user)
            return user.error();
        if (!user->has_value() || !(*user)->isActive)
            return Error::make(QStringLiteral("invalid_credentials"), QStringLiteral("This account no longer exists."));
        const QString next = Tokens::random("rt_");
        const QString nextHash = Tokens::sha256Hex(next);
        if (auto add = tokens.addRefreshToken(nextHash, s.id); !add)
            return add.error();
        auto swapped = sessions.rotate(s.id, s.refreshTokenHash, nextHash, nowIso());
        if (!swapped)
            return swapped.error();
        Q_UNUSED(client);
        pair = TokenPair{accessTokenFor(**user, s.id), next, m_settings.accessTtlSeconds, s.id, **user};
        return {};
    });
    if (!r)
        return r.error();
    if (reused) {
        auto record = TokenRepository(m_db).findRefreshToken(hash);
        if (record && record->has_value()) {
            auto session = SessionRepository(m_db).findById((*record)->sessionId);
            if (session && session->has_value()) {
                (void)SessionRepository(m_db).revoke((*session)->id, (*session)->userId);
                forgetSession((*session)->id);
            }
        }
        Log::warning(QStringLiteral("refresh token reuse detected: session revoked"));
        return Error::make(QStringLiteral("invalid_credentials"), QStringLiteral("This refresh token was already used; the session has been ended."));
    }
    return *pair;
}

Result<void> AuthService::logout(const Principal &who)
{
    if (who.sessionId.isEmpty())
        return Error::make(QStringLiteral("bad_request"), QStringLiteral("API keys have no session to log out of; revoke the key instead."));
    forgetSession(who.sessionId);
    auto revoked = SessionRepository(m_db).revoke(who.sessionId, who.userId);
    if (!revoked)
        return revoked.error();
    return {};
}

std::optional<AccessClaims> AuthService::cachedClaims(const QByteArray &token, qint64 now)
{
    {
        QMutexLocker lock(&m_cacheMutex);
        auto it = m_verifiedTokens.constFind(token);
        if (it != m_verifiedTokens.cend())
            return it->expiresAt > now ? std::optional<AccessClaims>(*it) : std::nullopt;
    }
    auto claims = m_jwt.verify(token, now);
    if (!claims)
        return std::nullopt;
    QMutexLocker lock(&m_cacheMutex);
    if (m_verifiedTokens.size() > 20000)
        m_verifiedTokens.clear(); // bounded; rebuilt from the tokens still in use
    m_verifiedTokens.insert(token, *claims);
    return *claims;
}

Result<Principal> AuthService::authenticateAccessToken(const QByteArray &token)
{
    const qint64 now = nowSeconds();
    auto claims = cachedClaims(token, now);
    if (!claims) {
        auto checked = m_jwt.verify(token, now);
        if (!checked && checked.error().code == QLatin1String("token_expired"))
            return Error::make(QStringLiteral("token_expired"), checked.error().message);
        return unauthenticated(QStringLiteral("Invalid access token."));
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_settings.sessionCacheSeconds > 0) {
        QMutexLocker lock(&m_cacheMutex);
        auto it = m_sessions.constFind(claims->sessionId);
        if (it != m_sessions.cend() && it->validUntilMs > nowMs && it->principal.userId == claims->subject)
            return it->principal;
    }
    auto session = SessionRepository(m_db).findById(claims->sessionId);
    if (!session)
        return session.error();
    if (!session->has_value() || !(*session)->revokedAt.isEmpty() || (*session)->userId != claims->subject)
        return unauthenticated(QStringLiteral("This session has ended; sign in again."));
    auto user = UserRepository(m_db).findById(claims->subject);
    if (!user)
        return user.error();
    if (!user->has_value() || !(*user)->isActive)
        return unauthenticated(QStringLiteral("This account no longer exists."));
    const Principal principal{(*user)->id, (*user)->role, claims->sessionId, {}};
    if (m_settings.sessionCacheSeconds > 0) {
        QMutexLocker lock(&m_cacheMutex);
        if (m_sessions.size() > 20000)
            m_sessions.clear();
        m_sessions.insert(claims->sessionId, CachedSession{principal, **user, nowMs + qint64(m_settings.sessionCacheSeconds) * 1000});
    }
    return principal;
}

void AuthService::forgetSession(const QString &sessionId)
{
    QMutexLocker lock(&m_cacheMutex);
    m_sessions.remove(sessionId);
}

void AuthService::forgetUser(const QString &userId)
{
    QMutexLocker lock(&m_cacheMutex);
    m_sessions.removeIf([&](const auto &entry) { return entry.value().principal.userId == userId; });
}

Result<Principal> AuthService::authenticateApiKey(const QByteArray &key)
{
    if (key.size() > 256)
        return unauthenticated(QStringLiteral("Invalid API key."));
    TokenRepository tokens(m_db);
    auto record = tokens.findApiKeyByHash(Tokens::sha256Hex(QString::fromLatin1(key)));
    if (!record)
        return record.error();
    if (!record->has_value() || !(*record)->revokedAt.isEmpty())
        return unauthenticated(QStringLiteral("Invalid API key."));
    auto user = UserRepository(m_db).findById((*record)->userId);
    if (!user)
        return user.error();
    if (!user->has_value() || !(*user)->isActive)
        return unauthenticated(QStringLiteral("Invalid API key."));
    (void)tokens.touchApiKey((*record)->id);
    return Principal{(*user)->id, (*user)->role, {}, (*record)->id};
}

Result<Principal> AuthService::authenticate(const QByteArray &authorization, const QByteArray &apiKey)
{
    if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return authenticateAccessToken(authorization.mid(7).trimmed());
    if (!apiKey.isEmpty())
        return authenticateApiKey(apiKey.trimmed());
    return unauthenticated();
}

Result<User> AuthService::me(const Principal &who)
{
    if (!who.sessionId.isEmpty() && m_settings.sessionCacheSeconds > 0) {
        QMutexLocker lock(&m_cacheMutex);
        auto it = m_sessions.constFind(who.sessionId);
        if (it != m_sessions.cend() && it->validUntilMs > QDateTime::currentMSecsSinceEpoch())
            return it->user;
    }
    auto user = UserRepository(m_db).findById(who.userId);
    if (!user)
        return user.error();
    if (!user->has_value())
        return notFound(QStringLiteral("User"));
    return **user;
}

Result<User> AuthService::updateMe(const Principal &who, const std::optional<QString> &fullName, const std::optional<QString> &email)
{
    auto current = me(who);
    if (!current)
        return current.error();
    User user = *current;
    if (fullName) {
        if (fullName->size() > 200)
            return Error::invalid(QStringLiteral("full_name"), QStringLiteral("Full name must have at most 200 characters."));
        user.fullName = fullName->trimmed();
    }
    if (email && email->trimmed().compare(user.email, Qt::CaseInsensitive) != 0) {
        const QString next = email->trimmed();
        if (!isValidEmail(next))
            return Error::invalid(QStringLiteral("email"), QStringLiteral("Enter a valid email address."));
        auto taken = UserRepository(m_db).findByEmail(next);
        if (!taken)
            return taken.error();
        if (taken->has_value())
            return Error::make(QStringLiteral("conflict"), QStringLiteral("An account with this email already exists."));
        user.email = next;
        user.isVerified = false;
    } else if (email) {
        user.email = email->trimmed();
    }
    auto saved = UserRepository(m_db).update(user);
    forgetUser(user.id);
    if (!saved)
        return saved.error().code == QLatin1String("conflict")
            ? Error::make(QStringLiteral("conflict"), QStringLiteral("An account with this email already exists."))
            : saved.error();
    if (!user.isVerified && current->isVerified)
        (void)sendTokenEmail(user, QString::fromLatin1(kVerifyPurpose));
    return me(who);
}

Result<void> AuthService::changePassword(const Principal &who, const QString &currentPassword, const QString &next)
{
    auto user = me(who);
    if (!user)
        return user.error();
    if (!Passwords::verify(user->passwordHash, currentPassword))
        return Error::make(QStringLiteral("wrong_password"), QStringLiteral("The current password is not correct."));
    if (auto policy = Passwords::checkPolicy(next, user->email, QStringLiteral("new_password")); !policy)
        return policy.error();
    User changed = *user;
    changed.passwordHash = Passwords::hash(next);
    forgetUser(who.userId);
    return m_db.transaction([&]() -> Result<void> {
        if (auto saved = UserRepository(m_db).update(changed); !saved)
            return saved.error();
        auto revoked = SessionRepository(m_db).revokeAllForUser(who.userId, who.sessionId);
        if (!revoked)
            return revoked.error();
        return {};
    });
}

Result<void> AuthService::sendTokenEmail(const User &user, const QString &purpose)
{
    if (!m_mailer)
        return {};
    const bool reset = purpose == QLatin1String(kResetPurpose);
    TokenRepository tokens(m_db);
    if (auto expired = tokens.expireOneTimeTokens(user.id, purpose); !expired)
        return expired.error();
    const QString token = Tokens::random("", 32);
    const qint64 ttl = reset ? kResetTtlMinutes * 60 : kVerifyTtlHours * 3600;
    if (auto added = tokens.addOneTimeToken(OneTimeTokenRecord{Tokens::sha256Hex(token), user.id, purpose, {}, inFuture(ttl), {}}); !added)
        return added.error();
    const QString link = m_settings.publicUrl + (reset ? QStringLiteral("/reset-password?token=") : QStringLiteral("/verify-email?token="))
                         + token;
    MailMessage message;
    message.to = user.email;
    if (reset) {
        message.subject = QStringLiteral("Reset your SynapScale password");
        message.body = QStringLiteral("Hello%1,\n\nSomeone asked to reset the password of your SynapScale account. If it was you, "
                                      "open this link within %2 minutes:\n\n%3\n\nIf it was not you, ignore this email; your "
                                      "password stays as it is.\n")
                           .arg(user.fullName.isEmpty() ? QString() : QLatin1Char(' ') + user.fullName)
                           .arg(kResetTtlMinutes)
                           .arg(link);
    } else {
        message.subject = QStringLiteral("Confirm your email for SynapScale");
        message.body = QStringLiteral("Hello%1,\n\nConfirm your email address by opening this link within %2 hours:\n\n%3\n")
                           .arg(user.fullName.isEmpty() ? QString() : QLatin1Char(' ') + user.fullName)
                           .arg(kVerifyTtlHours)
                           .arg(link);
    }
    if (!m_mailer->enqueue(message))
        return Error::make(QStringLiteral("mail_error"), QStringLiteral("cannot queue the email"));
    return {};
}

Result<void> AuthService::forgotPassword(const QString &rawEmail, const ClientInfo &client)
{
    const QString email = rawEmail.trimmed().toLower();
    const QString accountKey = QStringLiteral("forgot:acct:") + email;
    const QString ipKey = QStringLiteral("forgot:ip:") + client.ip;
    const int wait = qMax(m_limiter.retryAfter(accountKey, m_settings.rateLimitPerAccount),
                          m_limiter.retryAfter(ipKey, m_settings.rateLimitPerIp));
    if (wait > 0)
        return rateLimited(wait);
    m_limiter.record(accountKey);
    m_limiter.record(ipKey);
    auto user = UserRepository(m_db).findByEmail(email);
    if (!user)
        return user.error();
    if (user->has_value() && (*user)->isActive)
        return sendTokenEmail(**user, QString::fromLatin1(kResetPurpose));
    return {};
}

Result<void> AuthService::resetPassword(const QString &token, const QString &newPassword)
{
    const QString hash = Tokens::sha256Hex(token);
    TokenRepository tokens(m_db);
    auto record = tokens.findOneTimeToken(hash, QString::fromLatin1(kResetPurpose));
    if (!record)
        return record.error();
    if (!record->has_value() || !(*record)->usedAt.isEmpty() || expired((*record)->expiresAt))
        return Error::make(QStringLiteral("invalid_token"), QStringLiteral("This reset link is invalid, already used or expired."));
    auto user = UserRepository(m_db).findById((*record)->userId);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error::make(QStringLiteral("invalid_token"), QStringLiteral("This reset link is invalid, already used or expired."));
    if (auto policy = Passwords::checkPolicy(newPassword, (*user)->email, QStringLiteral("new_password")); !policy)
        return policy.error();
    User changed = **user;
    changed.passwordHash = Passwords::hash(newPassword);
    changed.isVerified = true; // the link proves the address
    forgetUser(changed.id);
    return m_db.transaction([&]() -> Result<void> {
        auto consumed = tokens.consumeOneTimeToken(hash);
        if (!consumed)
            return consumed.error();
        if (!*consumed)
            return Error::make(QStringLiteral("invalid_token"), QStringLiteral("This reset link is invalid, already used or expired."));
        if (auto saved = UserRepository(m_db).update(changed); !saved)
            return saved.error();
        auto revoked = SessionRepository(m_db).revokeAllForUser(changed.id);
        if (!revoked)
            return revoked.error();
        return {};
    });
}

Result<void> AuthService::verifyEmail(const QString &token)
{
    const QString hash = Tokens::sha256Hex(token);
    TokenRepository tokens(m_db);
    auto record = tokens.findOneTimeToken(hash, QString::fromLatin1(kVerifyPurpose));
    if (!record)
        return record.error();
    if (!record->has_value() || !(*record)->usedAt.isEmpty() || expired((*record)->expiresAt))
        return Error::make(QStringLiteral("invalid_token"), QStringLiteral("This verification link is invalid, already used or expired."));
    return m_db.transaction([&]() -> Result<void> {
        auto consumed = tokens.consumeOneTimeToken(hash);
        if (!consumed)
            return consumed.error();
        if (!*consumed)
            return Error::make(QStringLiteral("invalid_token"), QStringLiteral("This verification link is invalid, already used or expired."));
        auto user = UserRepository(m_db).findById((*record)->userId);
        if (!user)
            return user.error();
        if (!user->has_value())
            return Error::make(QStringLiteral("invalid_token"), QStringLiteral("This verification link is invalid, already used or expired."));
        User verified = **user;
        verified.isVerified = true;
        forgetUser(verified.id);
        return UserRepository(m_db).update(verified);
    });
}

Result<void> AuthService::resendVerification(const Principal &who)
{
    auto user = me(who);
    if (!user)
        return user.error();
    if (user->isVerified)
        return Error::make(QStringLiteral("conflict"), QStringLiteral("This email address is already verified."));
    const QString key = QStringLiteral("resend:acct:") + user->id;
    if (int wait = m_limiter.retryAfter(key, m_settings.rateLimitPerAccount))
        return rateLimited(wait);
    m_limiter.record(key);
    return sendTokenEmail(*user, QString::fromLatin1(kVerifyPurpose));
}

Result<QList<Session>> AuthService::sessions(const Principal &who)
{
    return SessionRepository(m_db).listActive(who.userId);
}

Result<void> AuthService::revokeSession(const Principal &who, const QString &sessionId)
{
    forgetSession(sessionId);
    auto revoked = SessionRepository(m_db).revoke(sessionId, who.userId);
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return notFound(QStringLiteral("Session"));
    return {};
}

Result<int> AuthService::revokeOtherSessions(const Principal &who)
{
    forgetUser(who.userId);
    return SessionRepository(m_db).revokeAllForUser(who.userId, who.sessionId);
}

Result<CreatedApiKey> AuthService::createApiKey(const Principal &who, const QString &rawName)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty() || name.size() > 100)
        return Error::invalid(QStringLiteral("name"), QStringLiteral("Name must have 1 to 100 characters."));
    const QString prefix = Tokens::random("", 6).left(8).replace(QLatin1Char('-'), QLatin1Char('x')).replace(QLatin1Char('_'), QLatin1Char('y'));
    const QString key = QStringLiteral("ssk_") + prefix + QLatin1Char('_') + Tokens::random("", 32);
    ApiKeyRecord record{newId(), who.userId, name, QStringLiteral("ssk_") + prefix, Tokens::sha256Hex(key), nowIso(), {}, {}};
    if (auto added = TokenRepository(m_db).addApiKey(record); !added)
        return added.error();
    return CreatedApiKey{record.id, record.name, record.prefix, key, record.createdAt};
}

Result<QList<ApiKeyRecord>> AuthService::apiKeys(const Principal &who)
{
    return TokenRepository(m_db).listApiKeys(who.userId);
}

Result<void> AuthService::revokeApiKey(const Principal &who, const QString &id)
{
    auto revoked = TokenRepository(m_db).revokeApiKey(id, who.userId);
    if (!revoked)
        return revoked.error();
    if (!*revoked)
        return notFound(QStringLiteral("API key"));
    return {};
}

Result<Page<User>> AuthService::listUsers(const Principal &who, int skip, int limit)
{
    if (!who.isAdmin())
        return Error::make(QStringLiteral("forbidden"), QStringLiteral("Only administrators can do this."));
    return UserRepository(m_db).list(skip, limit);
}

Result<TokenPair> AuthService::signInLocalUser(const ClientInfo &client)
{
    UserRepository users(m_db);
    auto existing = users.findByEmail(kLocalEmail);
    if (!existing)
        return existing.error();
    User user;
    if (existing->has_value()) {
        user = **existing;
    } else {
        User local;
        local.email = kLocalEmail;
        local.fullName = QStringLiteral("Local user");
        local.isVerified = true;
        local.passwordHash = Passwords::hash(Tokens::random("", 32)); // never used to sign in
        auto count = users.count();
        if (!count)
            return count.error();
        local.role = *count == 0 ? QStringLiteral("admin") : QStringLiteral("user");
        auto created = users.create(local);
        if (!created)
            return created.error();
        user = *created;
    }
    return openSession(user, client);
}

} // namespace synapscale
