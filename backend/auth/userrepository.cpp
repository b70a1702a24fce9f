#include "userrepository.h"

#include "core/clock.h"
#include "storage/database.h"
#include "storage/rows.h"

#include <QSqlQuery>
#include <QVariant>

namespace synapscale {

namespace {
using rows::one;
using rows::all;
using rows::affected;
using rows::sql;
const auto countOf = rows::scalar;
constexpr auto kUserColumns = "id, email, password_hash, full_name, role, is_active, is_verified, created_at, updated_at";
constexpr auto kInsertUser = "INSERT INTO users (id, email, email_normalized, password_hash, full_name, role, is_active, "
                             "is_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kSelectUserById = "SELECT %1 FROM users WHERE id = ?";
constexpr auto kSelectUserByEmail = "SELECT %1 FROM users WHERE email_normalized = ?";
constexpr auto kUpdateUser = "UPDATE users SET email = ?, email_normalized = ?, password_hash = ?, full_name = ?, role = ?, "
                             "is_active = ?, is_verified = ?, updated_at = ? WHERE id = ?";
constexpr auto kDeleteUser = "DELETE FROM users WHERE id = ?";
constexpr auto kCountUsers = "SELECT COUNT(*) FROM users";
constexpr auto kListUsers = "SELECT %1 FROM users ORDER BY created_at, id LIMIT ? OFFSET ?";

constexpr auto kSessionColumns = "id, user_id, refresh_token_hash, user_agent, ip, created_at, last_used_at, expires_at, revoked_at";
constexpr auto kInsertSession = "INSERT INTO sessions (id, user_id, refresh_token_hash, user_agent, ip, created_at, last_used_at, "
                                "expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)";
constexpr auto kSelectSessionById = "SELECT %1 FROM sessions WHERE id = ?";
constexpr auto kSelectSessionByHash = "SELECT %1 FROM sessions WHERE refresh_token_hash = ?";
constexpr auto kSelectActiveSessions = "SELECT %1 FROM sessions WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC";
constexpr auto kRotateSession = "UPDATE sessions SET refresh_token_hash = ?, last_used_at = ? "
                                "WHERE id = ? AND refresh_token_hash = ? AND revoked_at IS NULL";
constexpr auto kRevokeSession = "UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL";
constexpr auto kRevokeUserSessions = "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL";


User userFrom(const QSqlQuery &q)
{
    return User{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                q.value(4).toString(), q.value(5).toBool(), q.value(6).toBool(), q.value(7).toString(), q.value(8).toString()};
}

Session sessionFrom(const QSqlQuery &q)
{
    return Session{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                   q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                   q.value(8).toString()};
}

} // namespace

Result<User> UserRepository::create(User u)
{
    if (u.id.isEmpty())
        u.id = newId();
    if (u.createdAt.isEmpty())
        u.createdAt = nowIso();
    u.updatedAt = u.createdAt;
    auto q = m_db.exec(QString::fromLatin1(kInsertUser), {u.id, u.email, u.email.trimmed().toLower(), u.passwordHash, u.fullName,
                                                          u.role, u.isActive, u.isVerified, u.createdAt, u.updatedAt});
    if (!q)
        return q.error();
    return u;
}

Result<std::optional<User>> UserRepository::findById(const QString &id)
{
    return one<User>(m_db.exec(sql(kSelectUserById, kUserColumns), {id}), userFrom);
}

Result<std::optional<User>> UserRepository::findByEmail(const QString &email)
{
    return one<User>(m_db.exec(sql(kSelectUserByEmail, kUserColumns), {email.trimmed().toLower()}), userFrom);
}

Result<void> UserRepository::update(const User &u)
{
    auto q = m_db.exec(QString::fromLatin1(kUpdateUser), {u.email, u.email.trimmed().toLower(), u.passwordHash, u.fullName, u.role,
                                                          u.isActive, u.isVerified, nowIso(), u.id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("user not found"));
    return {};
}

Result<bool> UserRepository::remove(const QString &id)
{
    auto q = m_db.exec(QString::fromLatin1(kDeleteUser), {id});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

Result<qint64> UserRepository::count()
{
    auto q = m_db.exec(QString::fromLatin1(kCountUsers));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<Page<User>> UserRepository::list(int skip, int limit)
{
    auto total = count();
    if (!total)
        return total.error();
    auto items = all<User>(m_db.exec(sql(kListUsers, kUserColumns), {limit, skip}), userFrom);
    if (!items)
        return items.error();
    return Page<User>{std::move(items).value(), *total, skip, limit};
}

Result<Session> SessionRepository::create(Session s)
{
    if (s.id.isEmpty())
        s.id = newId();
    if (s.createdAt.isEmpty())
        s.createdAt = nowIso();
    if (s.lastUsedAt.isEmpty())
        s.lastUsedAt = s.createdAt;
    auto q = m_db.exec(QString::fromLatin1(kInsertSession),
                       {s.id, s.userId, s.refreshTokenHash, s.userAgent, s.ip, s.createdAt, s.lastUsedAt, s.expiresAt});
    if (!q)
        return q.error();
    return s;
}

Result<std::optional<Session>> SessionRepository::findById(const QString &id)
{
    return one<Session>(m_db.exec(sql(kSelectSessionById, kSessionColumns), {id}), sessionFrom);
}

Result<std::optional<Session>> SessionRepository::findByRefreshHash(const QString &hash)
{
    return one<Session>(m_db.exec(sql(kSelectSessionByHash, kSessionColumns), {hash}), sessionFrom);
}

Result<QList<Session>> SessionRepository::listActive(const QString &userId)
{
    auto q = m_db.exec(sql(kSelectActiveSessions, kSessionColumns), {userId});
    if (!q)
        return q.error();
    QList<Session> out;
    while (q->next())
        out << sessionFrom(*q);
    return out;
}

Result<bool> SessionRepository::rotate(const QString &id, const QString &oldHash, const QString &newHash, const QString &usedAt)
{
    auto q = m_db.exec(QString::fromLatin1(kRotateSession), {newHash, usedAt, id, oldHash});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<bool> SessionRepository::revoke(const QString &id, const QString &userId)
{
    auto q = m_db.exec(QString::fromLatin1(kRevokeSession), {nowIso(), id, userId});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<int> SessionRepository::revokeAllForUser(const QString &userId, const QString &exceptId)
{
    auto q = m_db.exec(QString::fromLatin1(kRevokeUserSessions), {nowIso(), userId, exceptId.isEmpty() ? QStringLiteral("-") : exceptId});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

} // namespace synapscale
