#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "credentials/secretbox.h"
#include "storage/page.h"

#include <nlohmann/json.hpp>

#include <QMutex>
#include <QString>
#include <QStringList>

namespace synapscale {

class Database;

// A credential as anyone may see it: never its secret values, only their field names.
struct CredentialInfo {
    QString id;
    QString ownerId;
    QString name;
    QString type;
    QStringList fields;
    QString createdAt;
    QString updatedAt;
};

// One kind of credential and the fields its data holds.
struct CredentialType {
    QString type;
    QString displayName;
    QStringList required;
    QStringList optional;
    QStringList secret; // fields shown masked in the editor; all data is encrypted regardless
};

// The acting user's credentials: CRUD with the data encrypted at rest. Another user's
// credential is "not_found". Decrypted data leaves this class only through `secret()`, for
// the code that signs requests with it (providers, HTTP Request) — never into responses.
class CredentialService {
public:
    CredentialService(Database &db, SecretBox box) : m_db(db), m_box(std::move(box)) {}

    static const QList<CredentialType> &types();
    static const CredentialType *type(const QString &name);

    Result<Page<CredentialInfo>> list(const Principal &who, const QString &type, int skip, int limit);
    Result<CredentialInfo> get(const Principal &who, const QString &id);
    // data: an object of string fields; validated against the type (422 via Error::field).
    Result<CredentialInfo> create(const Principal &who, const QString &name, const QString &type, const nlohmann::json &data);
    // Fields present in `data` replace the stored ones (null removes an optional one).
    Result<CredentialInfo> update(const Principal &who, const QString &id, const std::optional<QString> &name,
                                  const nlohmann::json &data);
    Result<void> remove(const Principal &who, const QString &id);
    // A credential the user owns, decrypted: {"type", "name", "data"}, for a node that takes one
    // of `types` (empty: any). Any thread (each has its own connection). Errors say which
    // credential and why in words for the node's failure message, never any of its data.
    Result<nlohmann::json> secret(const QString &ownerId, const QString &id, const std::vector<std::string> &types = {});
    // The user's credentials of one type, newest first, decrypted (for provider keys).
    Result<QList<QPair<CredentialInfo, nlohmann::json>>> secretsOfType(const QString &ownerId, const QString &type);
    bool encryptionAvailable() const { return box().available(); }
    // The desktop learns its key after start-up (from the OS keychain or a passphrase).
    void setEncryptionKey(const QByteArray &key);

private:
    Result<void> check(const QString &type, const nlohmann::json &data) const;
    SecretBox box() const;

    Database &m_db;
    mutable QMutex m_boxMutex; // the key may change while the AI thread decrypts
    SecretBox m_box;
};

} // namespace synapscale
