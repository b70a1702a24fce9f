#include "aiproviders.h"

#include "apiclient.h"

#include <QTimer>

namespace synapscale {

namespace {
const QStringList kBuiltIn{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("google"), QStringLiteral("ollama")};
} // namespace

AiProviders::AiProviders(QObject *parent)
    : QAbstractListModel(parent)
{
    ApiClient::keepFresh(this, [this] { refresh(); });
}

int AiProviders::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_providers.size());
}

QHash<int, QByteArray> AiProviders::roleNames() const
{
    return {{IdRole, "providerId"},     {NameRole, "name"},
            {ProtocolRole, "protocol"}, {ConfiguredRole, "configured"},
            {KeySourceRole, "keySource"}, {BaseUrlRole, "baseUrl"},
            {DefaultModelRole, "defaultModel"}, {ModelsRole, "models"},
            {ModelsErrorRole, "modelsError"}, {EditableRole, "editable"},
            {HasStoredKeyRole, "hasStoredKey"}, {BusyRole, "busy"},
            {MessageRole, "message"},   {MessageOkRole, "messageOk"}};
}

QVariant AiProviders::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_providers.size())
        return {};
    const Provider &p = m_providers.at(index.row());
    const QString id = p.info.value(QStringLiteral("id")).toString();
    switch (role) {
    case IdRole: return id;
    case NameRole: return p.info.value(QStringLiteral("name"));
    case ProtocolRole: return p.info.value(QStringLiteral("protocol"));
    case ConfiguredRole: return p.info.value(QStringLiteral("configured"));
    case KeySourceRole: return p.info.value(QStringLiteral("key_source")).toString();
    case BaseUrlRole: return p.info.value(QStringLiteral("base_url"));
    case DefaultModelRole: return p.info.value(QStringLiteral("default_model")).toString();
    case ModelsRole: return p.info.value(QStringLiteral("models")).toStringList();
    case ModelsErrorRole: return p.info.value(QStringLiteral("models_error")).toString();
    case EditableRole: return kBuiltIn.contains(id);
    case HasStoredKeyRole: return !p.credentialId.isEmpty();
    case BusyRole: return p.busy;
    case MessageRole: return p.message;
    case MessageOkRole: return p.messageOk;
    default: return {};
    }
}

bool AiProviders::anyConfigured() const
{
    return std::any_of(m_providers.cbegin(), m_providers.cend(),
                       [](const Provider &p) { return p.info.value(QStringLiteral("configured")).toBool(); });
}

int AiProviders::indexOf(const QString &providerId) const
{
    for (int i = 0; i < m_providers.size(); ++i)
        if (m_providers.at(i).info.value(QStringLiteral("id")).toString() == providerId)
            return i;
    return -1;
}

QStringList AiProviders::modelsOf(const QString &providerId) const
{
    const int row = indexOf(providerId);
    return row < 0 ? QStringList() : m_providers.at(row).info.value(QStringLiteral("models")).toStringList();
}

void AiProviders::refresh()
{
    auto *api = ApiClient::create(nullptr, nullptr);
    if (!api->baseUrl().isValid() || m_pending > 0)
        return;
    m_loading = true;
    m_pending = 4;
    Q_EMIT stateChanged();
    auto finished = [this] {
        if (--m_pending == 0) {
            m_loading = false;
            Q_EMIT stateChanged();
        }
    };
    api->get(QStringLiteral("/api/v1/llm/providers"), this, [this, finished](const ApiReply &reply) {
        if (!reply.ok()) {
            m_error = reply.error;
        } else {
            m_error.clear();
            beginResetModel();
            QHash<QString, Provider> before;
            for (const Provider &p : std::as_const(m_providers))
                before.insert(p.info.value(QStringLiteral("id")).toString(), p);
            m_providers.clear();
            for (const QVariant &item : reply.data.toMap().value(QStringLiteral("items")).toList()) {
                Provider p = before.value(item.toMap().value(QStringLiteral("id")).toString());
                p.info = item.toMap();
                p.credentialId = m_credentialByType.value(p.info.value(QStringLiteral("id")).toString());
                m_providers << p;
            }
            endResetModel();
        }
        finished();
    });
    api->get(QStringLiteral("/api/v1/credentials?limit=200"), this, [this, finished](const ApiReply &reply) {
        if (reply.ok()) {
            // The newest credential of a type is the one the server uses (updated_at, ISO 8601).
            QHash<QString, QString> newest;
            QHash<QString, QString> at;
            for (const QVariant &v : reply.data.toMap().value(QStringLiteral("items")).toList()) {
                const QVariantMap c = v.toMap();
                const QString type = c.value(QStringLiteral("type")).toString();
                const QString updated = c.value(QStringLiteral("updated_at")).toString();
                if (!newest.contains(type) || updated > at.value(type)) {
                    newest.insert(type, c.value(QStringLiteral("id")).toString());
                    at.insert(type, updated);
                }
            }
            m_credentialByType = newest;
            for (int i = 0; i < m_providers.size(); ++i) {
                m_providers[i].credentialId = newest.value(m_providers[i].info.value(QStringLiteral("id")).toString());
                Q_EMIT dataChanged(index(i), index(i));
            }
        }
        finished();
    });
    api->get(QStringLiteral("/api/v1/agents?limit=200"), this, [this, finished](const ApiReply &reply) {
        if (reply.ok())
            m_agents = reply.data.toMap().value(QStringLiteral("items")).toList();
        finished();
    });
    api->get(QStringLiteral("/api/v1/workflows?trigger=trigger.chat&limit=200"), this, [this, finished](const ApiReply &reply) {
        if (reply.ok())
            m_chatWorkflows = reply.data.toMap().value(QStringLiteral("items")).toList();
        finished();
    });
}

void AiProviders::setBusy(const QString &providerId, bool busy, const QString &message, bool ok)
{
    const int row = indexOf(providerId);
    if (row < 0)
        return;
    m_providers[row].busy = busy;
    m_providers[row].message = message;
    m_providers[row].messageOk = ok;
    Q_EMIT dataChanged(index(row), index(row));
}

void AiProviders::save(const QString &providerId, const QString &apiKey, const QString &baseUrl, const QString &defaultModel)
{
    const int row = indexOf(providerId);
    if (row < 0 || !kBuiltIn.contains(providerId))
        return;
    const Provider &p = m_providers.at(row);
    QVariantMap data;
    if (!apiKey.trimmed().isEmpty())
        data.insert(QStringLiteral("api_key"), apiKey.trimmed());
    const bool stored = !p.credentialId.isEmpty();
    // On an update an empty field removes the override (null); a new credential simply omits it.
    auto put = [&](const char *field, const QString &value) {
        if (!value.trimmed().isEmpty())
            data.insert(QString::fromLatin1(field), value.trimmed());
        else if (stored)
            data.insert(QString::fromLatin1(field), QVariant::fromValue(nullptr));
    };
    put("base_url", baseUrl);
    put("default_model", defaultModel);
    setBusy(providerId, true);
    auto done = [this, providerId](const ApiReply &reply) {
        if (!reply.ok()) {
            setBusy(providerId, false, reply.error, false);
            return;
        }
        setBusy(providerId, false, tr("Saved."), true);
        Q_EMIT saved(providerId);
        refresh();
    };
    auto *api = ApiClient::create(nullptr, nullptr);
    if (stored)
        api->send("PUT", QStringLiteral("/api/v1/credentials/") + p.credentialId, QVariantMap{{QStringLiteral("data"), data}}, this, done);
    else
        api->send("POST", QStringLiteral("/api/v1/credentials"),
                  QVariantMap{{QStringLiteral("name"), p.info.value(QStringLiteral("name"))}, {QStringLiteral("type"), providerId}, {QStringLiteral("data"), data}},
                  this, done);
}

void AiProviders::test(const QString &providerId)
{
    setBusy(providerId, true);
    ApiClient::create(nullptr, nullptr)->send("POST", QStringLiteral("/api/v1/llm/providers/%1/test").arg(providerId), {}, this,
                                              [this, providerId](const ApiReply &reply) {
        const QVariantMap r = reply.data.toMap();
        const bool ok = reply.ok() && r.value(QStringLiteral("ok")).toBool();
        QString message;
        if (!reply.ok())
            message = reply.error;
        else if (ok)
            message = tr("Connected: %n model(s) in %1 ms.", nullptr, int(r.value(QStringLiteral("models")).toList().size()))
                          .arg(r.value(QStringLiteral("latency_ms")).toLongLong());
        else
            message = r.value(QStringLiteral("error")).toString();
        const int row = indexOf(providerId);
        if (row >= 0 && ok) {
            m_providers[row].info.insert(QStringLiteral("models"), r.value(QStringLiteral("models")));
            m_providers[row].info.remove(QStringLiteral("models_error"));
        }
        setBusy(providerId, false, message, ok);
        Q_EMIT tested(providerId, ok);
    });
}

void AiProviders::forgetKey(const QString &providerId)
{
    const int row = indexOf(providerId);
    if (row < 0 || m_providers.at(row).credentialId.isEmpty())
        return;
    setBusy(providerId, true);
    ApiClient::create(nullptr, nullptr)->send("DELETE", QStringLiteral("/api/v1/credentials/") + m_providers.at(row).credentialId, {}, this,
                                              [this, providerId](const ApiReply &reply) {
        if (!reply.ok() && reply.status != 404) {
            setBusy(providerId, false, reply.error, false);
            return;
        }
        setBusy(providerId, false, tr("Key removed."), true);
        m_credentialByType.remove(providerId);
        refresh();
    });
}

} // namespace synapscale
