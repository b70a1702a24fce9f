#include "credentialservice.h"

#include "core/clock.h"
#include "storage/database.h"
#include "storage/rows.h"

namespace synapscale {

namespace {
using nlohmann::json;

constexpr auto kColumns = "id, owner_id, name, type, fields, created_at, updated_at";
constexpr auto kInsert = "INSERT INTO credentials (id, owner_id, name, type, fields, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kSelect = "SELECT %1 FROM credentials WHERE id = ? AND owner_id = ?";
constexpr auto kSelectSecret = "SELECT secret, type, name FROM credentials WHERE id = ? AND owner_id = ?";
constexpr auto kList = "SELECT %1 FROM credentials WHERE owner_id = ? AND (? = '' OR type = ?) ORDER BY name LIMIT ? OFFSET ?";
constexpr auto kCount = "SELECT COUNT(*) FROM credentials WHERE owner_id = ? AND (? = '' OR type = ?)";
constexpr auto kOfType = "SELECT %1, secret FROM credentials WHERE owner_id = ? AND type = ? ORDER BY updated_at DESC";
constexpr auto kUpdate = "UPDATE credentials SET name = ?, fields = ?, secret = ?, updated_at = ? WHERE id = ? AND owner_id = ?";
constexpr auto kDelete = "DELETE FROM credentials WHERE id = ? AND owner_id = ?";
constexpr auto kNameTaken = "SELECT COUNT(*) FROM credentials WHERE owner_id = ? AND name = ? AND id <> ?";
constexpr int kMaxFieldLength = 16 * 1024;

CredentialInfo infoFrom(const QSqlQuery &q)
{
    CredentialInfo c;
    c.id = q.value(0).toString();
    c.ownerId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.type = q.value(3).toString();
    const json fields = json::parse(q.value(4).toString().toStdString(), nullptr, false);
    if (fields.is_array())
        for (const auto &f : fields)
            if (f.is_string())
                c.fields << QString::fromStdString(f.get<std::string>());
    c.createdAt = q.value(5).toString();
    c.updatedAt = q.value(6).toString();
    return c;
}

QString fieldsText(const json &data)
{
    json names = json::array();
    for (auto it = data.begin(); it != data.end(); ++it)
        names.push_back(it.key());
    return QString::fromStdString(names.dump());
}

Error notFound()
{
    return Error::make(QStringLiteral("not_found"), QStringLiteral("No such credential"));
}
} // namespace

const QList<CredentialType> &CredentialService::types()
{
    static const QList<CredentialType> all{
        {QStringLiteral("openai"), QStringLiteral("OpenAI"), {QStringLiteral("api_key")}, {QStringLiteral("base_url"), QStringLiteral("default_model")}, {QStringLiteral("api_key")}},
        {QStringLiteral("anthropic"), QStringLiteral("Anthropic"), {QStringLiteral("api_key")}, {QStringLiteral("base_url"), QStringLiteral("default_model")}, {QStringLiteral("api_key")}},
        {QStringLiteral("google"), QStringLiteral("Google Gemini"), {QStringLiteral("api_key")}, {QStringLiteral("base_url"), QStringLiteral("default_model")}, {QStringLiteral("api_key")}},
        {QStringLiteral("ollama"), QStringLiteral("Ollama"), {}, {QStringLiteral("base_url"), QStringLiteral("api_key"), QStringLiteral("default_model")}, {QStringLiteral("api_key")}},
        {QStringLiteral("openai_compatible"), QStringLiteral("OpenAI-compatible server (LM Studio, vLLM, llama.cpp, OpenRouter)"),
         {QStringLiteral("base_url")}, {QStringLiteral("api_key"), QStringLiteral("default_model")}, {QStringLiteral("api_key")}},
        {QStringLiteral("http_bearer"), QStringLiteral("HTTP bearer token"), {QStringLiteral("token")}, {}, {QStringLiteral("token")}},
        {QStringLiteral("http_basic"), QStringLiteral("HTTP basic auth"), {QStringLiteral("username"), QStringLiteral("password")}, {}, {QStringLiteral("password")}},
        {QStringLiteral("http_header"), QStringLiteral("HTTP header"), {QStringLiteral("name"), QStringLiteral("value")}, {}, {QStringLiteral("value")}},
    };
    return all;
}

const CredentialType *CredentialService::type(const QString &name)
{
    for (const auto &t : types())
        if (t.type == name)
            return &t;
    return nullptr;
}

Result<void> CredentialService::check(const QString &typeName, const json &data) const
{
    const CredentialType *t = type(typeName);
    if (!t)
        return Error::invalid(QStringLiteral("type"), QStringLiteral("Unknown credential type '%1'").arg(typeName));
    if (!data.is_object())
        return Error::invalid(QStringLiteral("data"), QStringLiteral("Data must be an object of text fields"));
    for (auto it = data.begin(); it != data.end(); ++it) {
        const QString key = QString::fromStdString(it.key());
        if (!t->required.contains(key) && !t->optional.contains(key))
            return Error::invalid(QStringLiteral("data"), QStringLiteral("'%1' is not a field of a %2 credential").arg(key, t->displayName));
        if (!it->is_string())
            return Error::invalid(QStringLiteral("data"), QStringLiteral("Field '%1' must be text").arg(key));
        if (it->get<std::string>().size() > kMaxFieldLength)
            return Error::invalid(QStringLiteral("data"), QStringLiteral("Field '%1' is longer than 16 KB").arg(key));
    }
    for (const QString &field : t->required) {
        const std::string k = field.toStdString();
        if (!data.contains(k) || data[k].get<std::string>().empty())
            return Error::invalid(QStringLiteral("data"), QStringLiteral("Field '%1' is required for a %2 credential").arg(field, t->displayName));
    }
    if (data.contains("base_url")) {
        const QUrl url(QString::fromStdString(data["base_url"].get<std::string>()));
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
            return Error::invalid(QStringLiteral("data"), QStringLiteral("base_url must be an http(s) URL"));
    }
    return {};
}

Result<Page<CredentialInfo>> CredentialService::list(const Principal &who, const QString &typeName, int skip, int limit)
{
    return rows::page<CredentialInfo>(m_db.exec(rows::sql(kList, kColumns), {who.userId, typeName, typeName, limit, skip}),
                                      m_db.exec(QString::fromLatin1(kCount), {who.userId, typeName, typeName}), infoFrom, skip, limit);
}

Result<CredentialInfo> CredentialService::get(const Principal &who, const QString &id)
{
    return rows::required<CredentialInfo>(m_db.exec(rows::sql(kSelect, kColumns), {id, who.userId}), infoFrom, notFound());
}

SecretBox CredentialService::box() const
{
    QMutexLocker lock(&m_boxMutex);
    return m_box;
}

void CredentialService::setEncryptionKey(const QByteArray &key)
{
    QMutexLocker lock(&m_boxMutex);
    m_box = SecretBox(key);
}

Result<CredentialInfo> CredentialService::create(const Principal &who, const QString &name, const QString &typeName, const json &data)
{
    if (auto ok = check(typeName, data); !ok)
        return ok.error();
    auto sealed = box().seal(QByteArray::fromStdString(data.dump()));
    if (!sealed)
        return sealed.error();
    auto taken = rows::scalar(m_db.exec(QString::fromLatin1(kNameTaken), {who.userId, name, QString()}));
    if (!taken)
        return taken.error();
    if (*taken > 0)
        return Error::make(QStringLiteral("conflict"), QStringLiteral("You already have a credential named '%1'").arg(name));
    const QString id = newId();
    const QString now = nowIso();
    if (auto done = rows::done(m_db.exec(QString::fromLatin1(kInsert), {id, who.userId, name, typeName, fieldsText(data), QString::fromLatin1(*sealed), now, now})); !done)
        return done.error();
    return get(who, id);
}

Result<CredentialInfo> CredentialService::update(const Principal &who, const QString &id, const std::optional<QString> &name, const json &data)
{
    auto current = get(who, id);
    if (!current)
        return current.error();
    auto stored = secret(who.userId, id);
    if (!stored)
        return stored.error();
    json merged = std::move((*stored)["data"]);
    if (data.is_object()) {
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (it->is_null())
                merged.erase(it.key());
            else
                merged[it.key()] = *it;
        }
    } else if (!data.is_null()) {
        return Error::invalid(QStringLiteral("data"), QStringLiteral("Data must be an object of text fields"));
    }
    if (auto ok = check(current->type, merged); !ok)
        return ok.error();
    const QString newName = name.value_or(current->name);
    auto taken = rows::scalar(m_db.exec(QString::fromLatin1(kNameTaken), {who.userId, newName, id}));
    if (!taken)
        return taken.error();
    if (*taken > 0)
        return Error::make(QStringLiteral("conflict"), QStringLiteral("You already have a credential named '%1'").arg(newName));
    auto sealed = box().seal(QByteArray::fromStdString(merged.dump()));
    if (!sealed)
        return sealed.error();
    if (auto done = rows::done(m_db.exec(QString::fromLatin1(kUpdate), {newName, fieldsText(merged), QString::fromLatin1(*sealed), nowIso(), id, who.userId})); !done)
        return done.error();
    return get(who, id);
}

Result<void> CredentialService::remove(const Principal &who, const QString &id)
{
    auto removed = rows::affected(m_db.exec(QString::fromLatin1(kDelete), {id, who.userId}));
    if (!removed)
        return removed.error();
    if (!*removed)
        return notFound();
    return {};
}

Result<json> CredentialService::secret(const QString &ownerId, const QString &id, const std::vector<std::string> &types)
{
    if (id.isEmpty())
        return Error::make(QStringLiteral("node_error"), QStringLiteral("No credential is chosen"));
    auto q = m_db.exec(QString::fromLatin1(kSelectSecret), {id, ownerId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(QStringLiteral("node_error"),
                           QStringLiteral("The credential %1 does not exist (deleted, or another user's)").arg(id.left(64)));
    const QString typeName = q->value(1).toString();
    const QString name = q->value(2).toString();
    if (!types.empty() && std::find(types.begin(), types.end(), typeName.toStdString()) == types.end()) {
        QStringList accepted;
        for (const std::string &t : types)
            if (const CredentialType *known = type(QString::fromStdString(t)))
                accepted << known->displayName;
        const CredentialType *actual = type(typeName);
        return Error::make(QStringLiteral("node_error"), QStringLiteral("The credential '%1' is a %2 credential; this node takes: %3")
                                                             .arg(name, actual ? actual->displayName : typeName, accepted.join(QStringLiteral(", "))));
    }
    auto plain = box().open(q->value(0).toString().toLatin1());
    if (!plain)
        return Error::make(plain.error().code, QStringLiteral("The credential '%1' cannot be decrypted: %2").arg(name, plain.error().message));
    json data = json::parse(plain->toStdString(), nullptr, false);
    if (!data.is_object())
        return Error::make(QStringLiteral("decryption_failed"), QStringLiteral("The stored credential '%1' is damaged").arg(name));
    return json{{"type", typeName.toStdString()}, {"name", name.toStdString()}, {"data", std::move(data)}};
}

Result<QList<QPair<CredentialInfo, json>>> CredentialService::secretsOfType(const QString &ownerId, const QString &typeName)
{
    auto q = m_db.exec(rows::sql(kOfType, kColumns), {ownerId, typeName});
    if (!q)
        return q.error();
    QList<QPair<CredentialInfo, json>> out;
    while (q->next()) {
        auto plain = box().open(q->value(7).toString().toLatin1());
        if (!plain)
            continue; // one undecryptable credential must not hide the others
        json data = json::parse(plain->toStdString(), nullptr, false);
        if (data.is_object())
            out.append({infoFrom(*q), std::move(data)});
    }
    return out;
}

} // namespace synapscale
