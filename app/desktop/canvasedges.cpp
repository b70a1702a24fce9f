#include "canvasedges.h"

#include "canvasnodes.h"

#include <QLineF>
#include <QMetaObject>

#include <optional>

namespace synapscale {

CanvasEdgeModel::CanvasEdgeModel(const CanvasNodeModel &nodes, QObject *parent)
    : QAbstractListModel(parent)
    , m_nodes(nodes)
{
    connect(&nodes, &CanvasNodeModel::nodeMoved, this, &CanvasEdgeModel::nodeMoved);
    // An edge whose node is missing is not drawn until the node is back (undo of a delete).
    connect(&nodes, &QAbstractItemModel::rowsInserted, this, &CanvasEdgeModel::pathsDirty);
    connect(&nodes, &QAbstractItemModel::rowsRemoved, this, &CanvasEdgeModel::pathsDirty);
    connect(&nodes, &QAbstractItemModel::modelReset, this, &CanvasEdgeModel::pathsDirty);
}

int CanvasEdgeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_edges.size());
}

QHash<int, QByteArray> CanvasEdgeModel::roleNames() const
{
    return {{FromRole, "from"}, {FromPortRole, "fromPort"}, {ToRole, "to"},   {ToPortRole, "toPort"},
            {X1Role, "x1"},     {Y1Role, "y1"},             {X2Role, "x2"},   {Y2Role, "y2"},
            {SelectedRole, "selected"}};
}

QVariant CanvasEdgeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_edges.size())
        return {};
    const CanvasEdge &e = m_edges.at(index.row());
    const int fromRow = m_nodes.indexOf(e.from);
    const int toRow = m_nodes.indexOf(e.to);
    switch (role) {
    case FromRole: return e.from;
    case FromPortRole: return e.fromPort;
    case ToRole: return e.to;
    case ToPortRole: return e.toPort;
    case X1Role: return fromRow < 0 ? 0.0 : m_nodes.at(fromRow).outputPoint(e.fromPort).x();
    case Y1Role: return fromRow < 0 ? 0.0 : m_nodes.at(fromRow).outputPoint(e.fromPort).y();
    case X2Role: return toRow < 0 ? 0.0 : m_nodes.at(toRow).inputPoint(e.toPort).x();
    case Y2Role: return toRow < 0 ? 0.0 : m_nodes.at(toRow).inputPoint(e.toPort).y();
    case SelectedRole: return e.selected;
    default: return {};
    }
}

int CanvasEdgeModel::indexOf(const CanvasEdge &link) const
{
    for (int i = 0; i < m_edges.size(); ++i)
        if (m_edges.at(i).sameLink(link))
            return i;
    return -1;
}

void CanvasEdgeModel::reset(QList<CanvasEdge> edges)
{
    beginResetModel();
    m_edges = std::move(edges);
    endResetModel();
    Q_EMIT countChanged();
    pathsDirty();
}

void CanvasEdgeModel::insert(int row, CanvasEdge edge)
{
    row = std::clamp(row, 0, int(m_edges.size()));
    beginInsertRows({}, row, row);
    m_edges.insert(row, std::move(edge));
    endInsertRows();
    Q_EMIT countChanged();
    pathsDirty();
}

CanvasEdge CanvasEdgeModel::take(int row)
{
    beginRemoveRows({}, row, row);
    CanvasEdge edge = m_edges.takeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    pathsDirty();
    return edge;
}

void CanvasEdgeModel::setSelected(int row, bool selected)
{
    if (m_edges.at(row).selected == selected)
        return;
    m_edges[row].selected = selected;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {SelectedRole});
    pathsDirty();
}

QList<int> CanvasEdgeModel::touching(const QString &nodeId) const
{
    QList<int> rows;
    for (int i = 0; i < m_edges.size(); ++i)
        if (m_edges.at(i).from == nodeId || m_edges.at(i).to == nodeId)
            rows << i;
    return rows;
}

void CanvasEdgeModel::nodeMoved(const QString &id)
{
    for (int row : touching(id)) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, {X1Role, Y1Role, X2Role, Y2Role});
        pathsDirty();
    }
}

void CanvasEdgeModel::pathsDirty()
{
    m_pathsBuilt = false;
    if (m_pathsQueued)
        return;
    m_pathsQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_pathsQueued = false;
        Q_EMIT pathsChanged();
    }, Qt::QueuedConnection);
}

QString CanvasEdgeModel::path() const
{
    buildPaths();
    return m_path;
}

QString CanvasEdgeModel::selectedPath() const
{
    buildPaths();
    return m_selectedPath;
}

QPolygonF CanvasEdgeModel::handlePoints() const
{
    buildPaths();
    return m_handlePoints;
}

QVariantList CanvasEdgeModel::selectedHandles() const
{
    buildPaths();
    return m_selectedHandles;
}

// From the output port to the input port; none while either node is missing. The handle sits
// at the middle of this line, where the bezier passes.
static std::optional<QLineF> endsOf(const CanvasNodeModel &nodes, const CanvasEdge &e)
{
    const int fromRow = nodes.indexOf(e.from);
    const int toRow = nodes.indexOf(e.to);
    if (fromRow < 0 || toRow < 0)
        return std::nullopt;
    return QLineF(nodes.at(fromRow).outputPoint(e.fromPort), nodes.at(toRow).inputPoint(e.toPort));
}

int CanvasEdgeModel::edgeAt(qreal x, qreal y, qreal radius) const
{
    int best = -1;
    qreal bestDistance = radius * radius;
    for (int row = 0; row < m_edges.size(); ++row) {
        const auto line = endsOf(m_nodes, m_edges.at(row));
        if (!line)
            continue;
        const QPointF h = line->center();
        const qreal d = (h.x() - x) * (h.x() - x) + (h.y() - y) * (h.y() - y);
        if (d <= bestDistance) {
            bestDistance = d;
            best = row;
        }
    }
    return best;
}

// The same bezier the canvas draws while a link is being dragged: horizontal tangents at both
// ports, bent by half the horizontal distance (at least 50).
void CanvasEdgeModel::buildPaths() const
{
    if (m_pathsBuilt)
        return;
    m_pathsBuilt = true;
    m_path.clear();
    m_selectedPath.clear();
    m_handlePoints.clear();
    m_selectedHandles.clear();
    m_path.reserve(m_edges.size() * 64);
    m_handlePoints.reserve(m_edges.size());
    const auto num = [](qreal v) { return QString::number(v, 'f', 1); };
    for (int row = 0; row < m_edges.size(); ++row) {
        const CanvasEdge &e = m_edges.at(row);
        const auto line = endsOf(m_nodes, e);
        if (!line)
            continue;
        const QPointF a = line->p1();
        const QPointF b = line->p2();
        const qreal bend = std::max<qreal>(50, std::abs(b.x() - a.x()) / 2);
        QString &out = e.selected ? m_selectedPath : m_path;
        out += QLatin1Char('M') + num(a.x()) + QLatin1Char(' ') + num(a.y());
        // Ports level with each other, left to right: the bezier is a straight line, and drawn as
        // one it is 2 triangles instead of the ~75 the curve is flattened into (with software GL
        // each visible edge cost ~45 µs a frame).
        if (std::abs(b.y() - a.y()) < 0.05 && b.x() >= a.x())
            out += QLatin1String(" L") + num(b.x()) + QLatin1Char(' ') + num(b.y()) + QLatin1Char(' ');
        else
            out += QLatin1String(" C") + num(a.x() + bend) + QLatin1Char(' ') + num(a.y()) + QLatin1Char(' ')
                 + num(b.x() - bend) + QLatin1Char(' ') + num(b.y()) + QLatin1Char(' ') + num(b.x()) + QLatin1Char(' ')
                 + num(b.y()) + QLatin1Char(' ');
        const QPointF h = line->center();
        if (e.selected) {
            m_selectedHandles.append(QVariantMap{{QStringLiteral("row"), row}, {QStringLiteral("x"), h.x()}, {QStringLiteral("y"), h.y()}});
            continue;
        }
        m_handlePoints.append(h);
    }
}

} // namespace synapscale
