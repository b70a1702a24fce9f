#include "nodecatalog.h"

#include "apiclient.h"

#include <QTimer>

#include <algorithm>

namespace synapscale {

namespace {
// Where a category sits in the palette; unknown ones go last, alphabetically.
int categoryRank(const QString &category)
{
    static const QStringList order{QStringLiteral("Triggers"), QStringLiteral("Flow"), QStringLiteral("Data"),
                                   QStringLiteral("AI"),       QStringLiteral("Code"), QStringLiteral("Network"),
                                   QStringLiteral("Utility")};
    const int i = int(order.indexOf(category));
    return i < 0 ? int(order.size()) : i;
}

// A compact mark per type, drawn in the node's coloured badge: the initials of the display name
// ("Edit Fields (Set)" -> "EF", "IF" -> "IF", "HTTP Request" -> "HR").
QString glyphFor(const QString &displayName)
{
    QString glyph;
    const auto words = displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!word.at(0).isLetterOrNumber())
            continue;
        glyph += word.at(0).toUpper();
        if (glyph.size() == 2)
            break;
    }
    if (glyph.size() == 1 && displayName.size() > 1)
        glyph += displayName.at(1);
    return glyph;
}
} // namespace

NodeCatalog::NodeCatalog(QObject *parent)
    : QAbstractListModel(parent)
{
    auto *api = ApiClient::create(nullptr, nullptr);
    connect(api, &ApiClient::baseUrlChanged, this, &NodeCatalog::refresh);
    if (api->baseUrl().isValid())
        QTimer::singleShot(0, this, &NodeCatalog::refresh);
}

int NodeCatalog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QHash<int, QByteArray> NodeCatalog::roleNames() const
{
    return {{TypeRole, "type"},           {DisplayNameRole, "displayName"}, {CategoryRole, "category"},
            {DescriptionRole, "description"}, {TriggerRole, "trigger"},        {InputsRole, "inputs"},
            {OutputsRole, "outputs"},     {GlyphRole, "glyph"}};
}

QVariant NodeCatalog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const QVariantMap &d = m_all.at(m_visible.at(index.row()));
    switch (role) {
    case TypeRole: return d.value(QStringLiteral("type"));
    case DisplayNameRole: return d.value(QStringLiteral("display_name"));
    case CategoryRole: return d.value(QStringLiteral("category"));
    case DescriptionRole: return d.value(QStringLiteral("description"));
    case TriggerRole: return d.value(QStringLiteral("trigger"));
    case InputsRole: return portNames(d.value(QStringLiteral("inputs")));
    case OutputsRole: return portNames(d.value(QStringLiteral("outputs")));
    case GlyphRole: return glyphFor(d.value(QStringLiteral("display_name")).toString());
    default: return {};
    }
}

void NodeCatalog::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    Q_EMIT searchChanged();
    applyFilter();
}

void NodeCatalog::refresh()
{
    auto *api = ApiClient::create(nullptr, nullptr);
    if (!api->baseUrl().isValid())
        return;
    m_loading = true;
    Q_EMIT stateChanged();
    api->get(QStringLiteral("/api/v1/nodes"), this, [this](const ApiReply &reply) {
        m_loading = false;
        if (!reply.ok()) {
            m_error = reply.error;
            Q_EMIT stateChanged();
            return;
        }
        m_error.clear();
        setEntries(reply.data.toMap().value(QStringLiteral("items")).toList());
    });
}

void NodeCatalog::setEntries(const QVariantList &items)
{
    m_all.clear();
    for (const QVariant &item : items)
        m_all << item.toMap();
    std::stable_sort(m_all.begin(), m_all.end(), [](const QVariantMap &a, const QVariantMap &b) {
        const int ra = categoryRank(a.value(QStringLiteral("category")).toString());
        const int rb = categoryRank(b.value(QStringLiteral("category")).toString());
        if (ra != rb)
            return ra < rb;
        if (a.value(QStringLiteral("category")) != b.value(QStringLiteral("category")))
            return a.value(QStringLiteral("category")).toString() < b.value(QStringLiteral("category")).toString();
        return a.value(QStringLiteral("display_name")).toString().compare(b.value(QStringLiteral("display_name")).toString(),
                                                                        Qt::CaseInsensitive) < 0;
    });
    m_byType.clear();
    for (int i = 0; i < m_all.size(); ++i)
        m_byType.insert(m_all.at(i).value(QStringLiteral("type")).toString(), i);
    applyFilter();
    Q_EMIT loaded();
}

void NodeCatalog::applyFilter()
{
    beginResetModel();
    m_visible.clear();
    const QStringList words = m_search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Types whose name matches come first (Enter adds the first one), then those whose
    // description does; each group keeps the palette's category order.
    QList<int> byDescription;
    for (int i = 0; i < m_all.size(); ++i) {
        const QVariantMap &d = m_all.at(i);
        const QString haystack = d.value(QStringLiteral("display_name")).toString() + QLatin1Char(' ')
                                 + d.value(QStringLiteral("type")).toString() + QLatin1Char(' ')
                                 + d.value(QStringLiteral("category")).toString() + QLatin1Char(' ')
                                 + d.value(QStringLiteral("description")).toString();
        const QString name = d.value(QStringLiteral("display_name")).toString() + QLatin1Char(' ') + d.value(QStringLiteral("type")).toString();
        auto all = [&](const QString &text) {
            return std::all_of(words.begin(), words.end(), [&](const QString &w) { return text.contains(w, Qt::CaseInsensitive); });
        };
        if (all(name))
            m_visible << i;
        else if (all(haystack))
            byDescription << i;
    }
    m_visible << byDescription;
    endResetModel();
    Q_EMIT stateChanged();
}

QStringList NodeCatalog::portNames(const QVariant &ports)
{
    QStringList names;
    for (const QVariant &p : ports.toList())
        names << p.toMap().value(QStringLiteral("name")).toString();
    return names;
}

QVariantMap NodeCatalog::descriptor(const QString &type) const
{
    const auto it = m_byType.constFind(type);
    return it == m_byType.constEnd() ? QVariantMap() : m_all.at(*it);
}

QString NodeCatalog::typeAt(int row) const
{
    return row >= 0 && row < m_visible.size() ? m_all.at(m_visible.at(row)).value(QStringLiteral("type")).toString() : QString();
}

QString NodeCatalog::glyphOf(const QString &type) const
{
    const QVariantMap d = descriptor(type);
    return d.isEmpty() ? QStringLiteral("?") : glyphFor(d.value(QStringLiteral("display_name")).toString());
}

QStringList NodeCatalog::inputsOf(const QString &type) const
{
    return portNames(descriptor(type).value(QStringLiteral("inputs")));
}

QStringList NodeCatalog::outputsOf(const QString &type) const
{
    return portNames(descriptor(type).value(QStringLiteral("outputs")));
}

QString NodeCatalog::displayNameOf(const QString &type) const
{
    return descriptor(type).value(QStringLiteral("display_name")).toString();
}

bool NodeCatalog::isTrigger(const QString &type) const
{
    return descriptor(type).value(QStringLiteral("trigger")).toBool();
}

} // namespace synapscale
