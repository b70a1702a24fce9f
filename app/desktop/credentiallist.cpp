#include "credentiallist.h"

#include "apiclient.h"

namespace synapscale {

namespace {
const QString kCredentials = QStringLiteral("/api/v1/credentials");
}

CredentialListModel::CredentialListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    ApiClient::keepFresh(this, [this] { refresh(); });
}

int CredentialListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QHash<int, QByteArray> CredentialListModel::roleNames() const
{
    return {{IdRole, "credentialId"}, {NameRole, "name"}, {TypeRole, "type"}, {TypeNameRole, "typeName"}};
}

QVariant CredentialListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QVariantMap &c = m_items.at(index.row());
    switch (role) {
    case IdRole: return c.value(QStringLiteral("id"));
    case NameRole: return c.value(QStringLiteral("name"));
    case TypeRole: return c.value(QStringLiteral("type"));
    case TypeNameRole: return typeName(c.value(QStringLiteral("type")).toString());
    default: return {};
    }
}

void CredentialListModel::setTypes(const QStringList &types)
{
    if (types == m_types)
        return;
    m_types = types;
    Q_EMIT typesChanged();
    fetchCredentials();
}

void CredentialListModel::refresh()
{
    if (m_typeInfo.isEmpty())
        fetchTypes();
    fetchCredentials();
}

void CredentialListModel::fetchTypes()
{
    ApiClient::create(nullptr, nullptr)->get(kCredentials + QStringLiteral("/types"), this, [this](const ApiReply &reply) {
        if (!reply.ok())
            return; // the list says why (same server); names then fall back to the type ids
        m_typeInfo = reply.data.toList();
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {TypeNameRole});
        Q_EMIT stateChanged();
    });
}

void CredentialListModel::fetchCredentials()
{
    const int generation = ++m_generation;
    // A user has a handful of credentials; 200 is the API's largest page.
    ApiClient::create(nullptr, nullptr)->get(kCredentials + QStringLiteral("?limit=200"), this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            m_error = tr("Could not load your credentials: %1").arg(reply.error);
            Q_EMIT stateChanged();
            return;
        }
        QList<QVariantMap> items;
        for (const QVariant &v : reply.data.toMap().value(QStringLiteral("items")).toList()) {
            const QVariantMap c = v.toMap();
            if (m_types.isEmpty() || m_types.contains(c.value(QStringLiteral("type")).toString()))
                items << c;
        }
        beginResetModel();
        m_items = std::move(items);
        endResetModel();
        m_error.clear();
        m_ready = true;
        Q_EMIT stateChanged();
    });
}

int CredentialListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).value(QStringLiteral("id")).toString() == id)
            return i;
    return -1;
}

QString CredentialListModel::typeName(const QString &type) const
{
    for (const QVariant &t : m_typeInfo)
        if (t.toMap().value(QStringLiteral("type")).toString() == type)
            return t.toMap().value(QStringLiteral("display_name")).toString();
    return type;
}

QVariantList CredentialListModel::fieldsOf(const QString &type) const
{
    QVariantList fields;
    for (const QVariant &t : m_typeInfo) {
        const QVariantMap info = t.toMap();
        if (info.value(QStringLiteral("type")).toString() != type)
            continue;
        const QStringList secret = info.value(QStringLiteral("secret")).toStringList();
        for (const char *kind : {"required", "optional"})
            for (const QString &name : info.value(QString::fromLatin1(kind)).toStringList())
                fields << QVariantMap{{QStringLiteral("name"), name},
                                      {QStringLiteral("required"), qstrcmp(kind, "required") == 0},
                                      {QStringLiteral("secret"), secret.contains(name)}};
    }
    return fields;
}

void CredentialListModel::create(const QString &name, const QString &type, const QVariantMap &fields)
{
    QVariantMap data;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        if (!it.value().toString().isEmpty())
            data.insert(it.key(), it.value().toString());
    const QVariantMap body{{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("type"), type}, {QStringLiteral("data"), data}};
    ApiClient::create(nullptr, nullptr)->send("POST", kCredentials, body, this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            Q_EMIT createFailed(reply.status == 503 ? tr("Credentials cannot be stored yet: set up the encryption key in Settings first.")
                                                    : tr("Could not store the credential: %1").arg(reply.error));
            return;
        }
        const QVariantMap c = reply.data.toMap();
        if (m_types.isEmpty() || m_types.contains(c.value(QStringLiteral("type")).toString())) {
            beginInsertRows({}, int(m_items.size()), int(m_items.size()));
            m_items << c;
            endInsertRows();
            Q_EMIT stateChanged();
        }
        Q_EMIT created(c.value(QStringLiteral("id")).toString());
    });
}

void CredentialListModel::remove(const QString &id)
{
    ApiClient::create(nullptr, nullptr)->send("DELETE", kCredentials + QLatin1Char('/') + id, QVariant(), this, [this, id](const ApiReply &reply) {
        if (!reply.ok() && reply.status != 404) { // already gone is what was asked
            Q_EMIT removeFailed(tr("Could not delete the credential: %1").arg(reply.error));
            return;
        }
        const int row = indexOf(id);
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            Q_EMIT stateChanged();
        }
    });
}

} // namespace synapscale
