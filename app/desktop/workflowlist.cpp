#include "workflowlist.h"

#include "apiclient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

namespace synapscale {

namespace {
const QString kWorkflows = QStringLiteral("/api/v1/workflows");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
} // namespace

WorkflowListModel::WorkflowListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &WorkflowListModel::refresh);
    m_removeTimer.setSingleShot(true);
    m_removeTimer.setInterval(6000);
    connect(&m_removeTimer, &QTimer::timeout, this, &WorkflowListModel::flushRemovals);
    // Runs finish in bursts (a busy webhook): one refresh for a burst.
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(400);
    connect(&m_refreshSoon, &QTimer::timeout, this, &WorkflowListModel::refresh);
    connect(ApiClient::create(nullptr, nullptr), &ApiClient::eventReceived, this, &WorkflowListModel::onEvent);
    ApiClient::keepFresh(this, [this] { refresh(); });
}

WorkflowListModel::~WorkflowListModel()
{
    flushRemovals();
}

int WorkflowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QHash<int, QByteArray> WorkflowListModel::roleNames() const
{
    return {{IdRole, "workflowId"},  {NameRole, "name"},           {DescriptionRole, "description"},
            {TagsRole, "tags"},      {ActiveRole, "active"},       {VersionRole, "version"},
            {UpdatedAtRole, "updatedAt"}, {LastStatusRole, "lastStatus"}, {LastRunAtRole, "lastRunAt"}};
}

QVariant WorkflowListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QVariantMap &w = m_items.at(index.row());
    const QVariantMap last = w.value(QStringLiteral("last_execution")).toMap();
    switch (role) {
    case IdRole: return w.value(kId);
    case NameRole: return w.value(kName);
    case DescriptionRole: return w.value(QStringLiteral("description"));
    case TagsRole: return w.value(QStringLiteral("tags")).toStringList();
    case ActiveRole: return w.value(QStringLiteral("active")).toBool();
    case VersionRole: return w.value(QStringLiteral("version"));
    case UpdatedAtRole: return QDateTime::fromString(w.value(QStringLiteral("updated_at")).toString(), Qt::ISODateWithMs);
    case LastStatusRole: return last.value(QStringLiteral("status")).toString();
    case LastRunAtRole: return QDateTime::fromString(last.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    default: return {};
    }
}

void WorkflowListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    m_searchDelay.start();
}

void WorkflowListModel::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    Q_EMIT searchChanged();
    refresh();
}

QStringList WorkflowListModel::pendingRemovals() const
{
    QStringList names;
    for (const auto &[row, item] : m_pending)
        names << item.value(kName).toString();
    return names;
}

void WorkflowListModel::setUndoWindow(int ms)
{
    m_removeTimer.setInterval(ms);
    Q_EMIT pendingChanged();
}

int WorkflowListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).value(kId).toString() == id)
            return i;
    return -1;
}

QString WorkflowListModel::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).value(kId).toString() : QString();
}

void WorkflowListModel::refresh()
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
    if (!m_tag.isEmpty())
        query.addQueryItem(QStringLiteral("tag"), m_tag);
    api->get(kWorkflows + QLatin1Char('?') + query.toString(QUrl::FullyEncoded), this, [this, generation](const ApiReply &reply) {
        if (generation != m_generation)
            return; // a newer search is on its way
        m_loading = false;
        if (!reply.ok()) {
            m_error = reply.error;
            Q_EMIT stateChanged();
            return;
        }
        QSet<QString> hidden;
        for (const auto &[row, item] : m_pending)
            hidden.insert(item.value(kId).toString());
        beginResetModel();
        m_items.clear();
        for (const QVariant &item : reply.data.toMap().value(QStringLiteral("items")).toList())
            if (!hidden.contains(item.toMap().value(kId).toString()))
                m_items << item.toMap();
        endResetModel();
        m_error.clear();
        updateTags();
        Q_EMIT stateChanged();
    });
}

void WorkflowListModel::updateTags()
{
    if (!m_tag.isEmpty() || !m_search.isEmpty())
        return; // a filtered list does not show every tag
    QStringList tags;
    for (const QVariantMap &w : std::as_const(m_items))
        for (const QString &t : w.value(QStringLiteral("tags")).toStringList())
            if (!tags.contains(t))
                tags << t;
    tags.sort(Qt::CaseInsensitive);
    m_tags = tags;
}

void WorkflowListModel::create(const QString &name)
{
    const QString title = name.trimmed().isEmpty() ? tr("My workflow") : name.trimmed();
    const QVariantMap definition{
        {QStringLiteral("nodes"),
         QVariantList{QVariantMap{{kId, QStringLiteral("manual")},
                                  {QStringLiteral("type"), QStringLiteral("trigger.manual")},
                                  {kName, tr("When clicking Run")},
                                  {QStringLiteral("position"), QVariantList{100, 200}}}}},
        {QStringLiteral("edges"), QVariantList()}};
    ApiClient::create(nullptr, nullptr)->send("POST", kWorkflows, QVariantMap{{kName, title}, {QStringLiteral("definition"), definition}}, this,
                                              [this](const ApiReply &reply) {
                                                  if (!reply.ok()) {
                                                      Q_EMIT failed(tr("Could not create the workflow: %1").arg(reply.error));
                                                      return;
                                                  }
                                                  refresh();
                                                  Q_EMIT created(reply.data.toMap().value(kId).toString());
                                              });
}

void WorkflowListModel::update(const QString &id, const QString &failure, std::function<void(QVariantMap &)> change)
{
    auto *api = ApiClient::create(nullptr, nullptr);
    api->get(kWorkflows + QLatin1Char('/') + id, this, [this, id, failure, change, api](const ApiReply &reply) {
        if (!reply.ok()) {
            Q_EMIT failed(failure.arg(reply.error));
            return;
        }
        const QVariantMap w = reply.data.toMap();
        QVariantMap body;
        for (const char *field : {"name", "description", "tags", "definition", "version"})
            body.insert(QLatin1String(field), w.value(QLatin1String(field)));
        change(body);
        api->send("PUT", kWorkflows + QLatin1Char('/') + id, body, this, [this, failure](const ApiReply &put) {
            if (!put.ok())
                Q_EMIT failed(failure.arg(put.error));
            refresh();
        });
    });
}

void WorkflowListModel::rename(const QString &id, const QString &name)
{
    const QString title = name.trimmed();
    if (title.isEmpty())
        return;
    update(id, tr("Could not rename the workflow: %1"), [title](QVariantMap &w) { w.insert(kName, title); });
}

void WorkflowListModel::setTags(const QString &id, const QString &tags)
{
    QStringList list;
    for (const QString &tag : tags.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty() && !list.contains(tag.trimmed()))
            list << tag.trimmed();
    update(id, tr("Could not change the tags: %1"), [list](QVariantMap &w) { w.insert(QStringLiteral("tags"), list); });
}

void WorkflowListModel::duplicate(const QString &id)
{
    auto *api = ApiClient::create(nullptr, nullptr);
    api->get(kWorkflows + QLatin1Char('/') + id, this, [this, api](const ApiReply &reply) {
        if (!reply.ok()) {
            Q_EMIT failed(tr("Could not duplicate the workflow: %1").arg(reply.error));
            return;
        }
        const QVariantMap w = reply.data.toMap();
        const QVariantMap copy{{kName, tr("%1 (copy)").arg(w.value(kName).toString())},
                               {QStringLiteral("description"), w.value(QStringLiteral("description"))},
                               {QStringLiteral("tags"), w.value(QStringLiteral("tags"))},
                               {QStringLiteral("definition"), w.value(QStringLiteral("definition"))}};
        api->send("POST", kWorkflows, copy, this, [this](const ApiReply &created) {
            if (!created.ok()) {
                Q_EMIT failed(tr("Could not duplicate the workflow: %1").arg(created.error));
                return;
            }
            refresh();
            Q_EMIT this->created(created.data.toMap().value(kId).toString());
        });
    });
}

void WorkflowListModel::remove(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_pending.append({row, m_items.takeAt(row)});
    endRemoveRows();
    m_removeTimer.start();
    Q_EMIT stateChanged();
    Q_EMIT pendingChanged();
}

void WorkflowListModel::undoRemove()
{
    if (m_pending.isEmpty())
        return;
    // Put back everything deleted within the window, newest first, at the rows they left.
    while (!m_pending.isEmpty()) {
        auto [row, item] = m_pending.takeLast();
        row = std::clamp(row, 0, int(m_items.size()));
        beginInsertRows({}, row, row);
        m_items.insert(row, item);
        endInsertRows();
    }
    m_removeTimer.stop();
    Q_EMIT stateChanged();
    Q_EMIT pendingChanged();
}

void WorkflowListModel::flushRemovals()
{
    m_removeTimer.stop();
    const auto pending = std::exchange(m_pending, {});
    if (pending.isEmpty())
        return;
    auto *api = ApiClient::create(nullptr, nullptr);
    for (const auto &[row, item] : pending) {
        const QString name = item.value(kName).toString();
        api->send("DELETE", kWorkflows + QLatin1Char('/') + item.value(kId).toString(), QVariant(), api,
                  [self = QPointer<WorkflowListModel>(this), name](const ApiReply &reply) {
                      if (!reply.ok() && reply.status != 404 && self) {
                          Q_EMIT self->failed(tr("Could not delete “%1”: %2").arg(name, reply.error));
                          self->refresh();
                      }
                  });
    }
    Q_EMIT pendingChanged();
}

void WorkflowListModel::setActive(const QString &id, bool active)
{
    const QString path = kWorkflows + QLatin1Char('/') + id + (active ? QStringLiteral("/activate") : QStringLiteral("/deactivate"));
    ApiClient::create(nullptr, nullptr)->send("POST", path, QVariantMap(), this, [this, id](const ApiReply &reply) {
        const int row = indexOf(id);
        if (!reply.ok()) {
            Q_EMIT failed(reply.error);
        } else if (row >= 0) {
            m_items[row].insert(QStringLiteral("active"), reply.data.toMap().value(QStringLiteral("active")).toBool());
        }
        if (row >= 0) {
            const QModelIndex i = index(row); // also undoes the switch's own flip when refused
            Q_EMIT dataChanged(i, i, {ActiveRole});
        }
    });
}

void WorkflowListModel::importFile(const QUrl &file)
{
    QFile f(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT failed(tr("Could not read %1: %2").arg(file.fileName(), f.errorString()));
        return;
    }
    if (f.size() > 20 * 1024 * 1024) {
        Q_EMIT failed(tr("%1 is too large to be a workflow.").arg(file.fileName()));
        return;
    }
    importText(QString::fromUtf8(f.readAll()));
}

void WorkflowListModel::importText(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (doc.isNull()) {
        Q_EMIT failed(tr("This file is not JSON: %1 (at character %2).").arg(error.errorString()).arg(error.offset));
        return;
    }
    ApiClient::create(nullptr, nullptr)->send("POST", kWorkflows + QStringLiteral("/import"), doc.toVariant(), this, [this](const ApiReply &reply) {
        if (!reply.ok()) {
            Q_EMIT failed(tr("Could not import the workflow: %1").arg(reply.error));
            return;
        }
        const QVariantMap answer = reply.data.toMap();
        const QVariantMap w = answer.value(QStringLiteral("workflow")).toMap();
        QStringList warnings;
        for (const QVariant &v : answer.value(QStringLiteral("warnings")).toList()) {
            const QVariantMap warning = v.toMap();
            const QString node = warning.value(QStringLiteral("node")).toString();
            const QString message = warning.value(QStringLiteral("message")).toString();
            warnings << (node.isEmpty() ? message : QStringLiteral("%1: %2").arg(node, message));
        }
        refresh();
        Q_EMIT imported(w.value(kId).toString(), w.value(kName).toString(), warnings);
    });
}

void WorkflowListModel::exportTo(const QString &id, const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    ApiClient::create(nullptr, nullptr)->get(kWorkflows + QLatin1Char('/') + id + QStringLiteral("/export"), this, [this, path](const ApiReply &reply) {
        if (!reply.ok()) {
            Q_EMIT failed(tr("Could not export the workflow: %1").arg(reply.error));
            return;
        }
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || f.write(QJsonDocument::fromVariant(reply.data).toJson(QJsonDocument::Indented)) < 0) {
            Q_EMIT failed(tr("Could not write %1: %2").arg(path, f.errorString()));
            return;
        }
        Q_EMIT exported(path);
    });
}

void WorkflowListModel::onEvent(const QString &type, const QVariantMap &data)
{
    const bool ended = type == QLatin1String("execution.finished") || type == QLatin1String("execution.failed")
                       || type == QLatin1String("execution.cancelled");
    if ((ended && indexOf(data.value(QStringLiteral("workflow_id")).toString()) >= 0) || type == QLatin1String("workflow.updated"))
        m_refreshSoon.start();
}

} // namespace synapscale
