#include "conversationlist.h"

#include "apiclient.h"

#include <QDateTime>
#include <QUrlQuery>

namespace synapscale {

namespace {
const QString kConversations = QStringLiteral("/api/v1/conversations");
} // namespace

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &ConversationListModel::refresh);
    connect(ApiClient::create(nullptr, nullptr), &ApiClient::eventReceived, this, &ConversationListModel::onEvent);
    ApiClient::keepFresh(this, [this] { refresh(); });
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"}, {TitleRole, "title"}, {AgentIdRole, "agentId"},
            {ProviderRole, "provider"},  {ModelRole, "model"}, {UpdatedAtRole, "updatedAt"}};
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QVariantMap &c = m_items.at(index.row());
    switch (role) {
    case IdRole: return c.value(QStringLiteral("id"));
    case TitleRole: return c.value(QStringLiteral("title"));
    case AgentIdRole: return c.value(QStringLiteral("agent_id"));
    case ProviderRole: return c.value(QStringLiteral("provider"));
    case ModelRole: return c.value(QStringLiteral("model"));
    case UpdatedAtRole: return c.value(QStringLiteral("updated_at"));
    default: return {};
    }
}

void ConversationListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    m_searchDelay.start();
}

int ConversationListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).value(QStringLiteral("id")).toString() == id)
            return i;
    return -1;
}

void ConversationListModel::refresh()
{
    auto *api = ApiClient::create(nullptr, nullptr);
    if (!api->baseUrl().isValid())
        return;
    const int generation = ++m_generation;
    m_loading = true;
    Q_EMIT stateChanged();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    if (!m_search.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("search"), m_search.trimmed());
    api->get(kConversations + QLatin1Char('?') + query.toString(QUrl::FullyEncoded), this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return; // a newer search is on its way
        m_loading = false;
        if (!reply.ok()) {
            setError(reply.error);
            Q_EMIT stateChanged();
            return;
        }
        beginResetModel();
        m_items.clear();
        for (const QVariant &item : reply.data.toMap().value(QStringLiteral("items")).toList())
            m_items << item.toMap();
        endResetModel();
        m_error.clear();
        Q_EMIT stateChanged();
    });
}

void ConversationListModel::create(const QString &agentId, const QString &provider, const QString &model, const QString &workflowId)
{
    QVariantMap body;
    if (!workflowId.isEmpty())
        body.insert(QStringLiteral("workflow_id"), workflowId);
    if (!agentId.isEmpty())
        body.insert(QStringLiteral("agent_id"), agentId);
    if (!provider.isEmpty())
        body.insert(QStringLiteral("provider"), provider);
    if (!model.isEmpty())
        body.insert(QStringLiteral("model"), model);
    ApiClient::create(nullptr, nullptr)->send("POST", kConversations, body, this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            setError(reply.error);
            return;
        }
        const QVariantMap c = reply.data.toMap();
        if (m_search.isEmpty() && indexOf(c.value(QStringLiteral("id")).toString()) < 0) {
            beginInsertRows({}, 0, 0);
            m_items.prepend(c);
            endInsertRows();
            Q_EMIT stateChanged();
        }
        Q_EMIT created(c.value(QStringLiteral("id")).toString());
    });
}

void ConversationListModel::rename(const QString &id, const QString &title)
{
    const QString name = title.trimmed();
    if (name.isEmpty())
        return;
    ApiClient::create(nullptr, nullptr)->send("PUT", kConversations + QLatin1Char('/') + id, QVariantMap{{QStringLiteral("title"), name}}, this,
                                              [this, id](const ApiReply &reply) {
        if (!reply.ok()) {
            setError(reply.error);
            return;
        }
        if (const int row = indexOf(id); row >= 0) {
            m_items[row] = reply.data.toMap();
            Q_EMIT dataChanged(index(row), index(row));
        }
    });
}

void ConversationListModel::remove(const QString &id)
{
    ApiClient::create(nullptr, nullptr)->send("DELETE", kConversations + QLatin1Char('/') + id, {}, this, [this, id](const ApiReply &reply) {
        if (!reply.ok() && reply.status != 404) {
            setError(reply.error);
            return;
        }
        if (const int row = indexOf(id); row >= 0) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            Q_EMIT stateChanged();
        }
        Q_EMIT removed(id);
    });
}

void ConversationListModel::onEvent(const QString &type, const QVariantMap &data)
{
    if (type != QLatin1String("message.completed") && type != QLatin1String("message.created"))
        return;
    const QString id = data.value(QStringLiteral("conversation_id")).toString();
    const int row = indexOf(id);
    if (row < 0) {
        if (m_search.isEmpty())
            refresh(); // a conversation started elsewhere (another window, the API)
        return;
    }
    QVariantMap c = m_items.at(row);
    if (const QString title = data.value(QStringLiteral("title")).toString(); !title.isEmpty())
        c.insert(QStringLiteral("title"), title);
    c.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    // The conversation that just spoke goes to the top, as the server orders them.
    if (row > 0) {
        beginMoveRows({}, row, row, {}, 0);
        m_items.move(row, 0);
        endMoveRows();
    }
    m_items[0] = c;
    Q_EMIT dataChanged(index(0), index(0));
}

void ConversationListModel::setError(const QString &error)
{
    m_error = error;
    Q_EMIT stateChanged();
}

} // namespace synapscale
