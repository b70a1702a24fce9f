#pragma once

#include "auth/user.h"
#include "core/result.h"
#include "storage/page.h"

#include <optional>

namespace synapscale {

class Database;

// Users table. Emails are unique case-insensitively (email_normalized holds the lower-case form).
class UserRepository {
public:
    explicit UserRepository(Database &db) : m_db(db) {}

    Result<User> create(User user);
    Result<std::optional<User>> findById(const QString &id);
    Result<std::optional<User>> findByEmail(const QString &email);
    Result<void> update(const User &user);
    Result<bool> remove(const QString &id);
    Result<qint64> count();
    Result<Page<User>> list(int skip, int limit);

private:
    Database &m_db;
};

// Login sessions: one per login, holding the hash of its current refresh token.
class SessionRepository {
public:
    explicit SessionRepository(Database &db) : m_db(db) {}

    Result<Session> create(Session session);
    Result<std::optional<Session>> findById(const QString &id);
    Result<std::optional<Session>> findByRefreshHash(const QString &hash);
    Result<QList<Session>> listActive(const QString &userId);
    // Swaps the refresh token hash only if it is still `oldHash`: two racing refreshes cannot both win.
    Result<bool> rotate(const QString &id, const QString &oldHash, const QString &newHash, const QString &usedAt);
    Result<bool> revoke(const QString &id, const QString &userId);
    Result<int> revokeAllForUser(const QString &userId, const QString &exceptId = {});

private:
    Database &m_db;
};

} // namespace synapscale
