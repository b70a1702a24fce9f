#include "canvasedges.h"

#include "canvasnodes.h"

#include <QLineF>
#include <QMetaObject>

#include <algorithm>
#include <cmath>
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

namespace {
// From p to the segment a-b (not the infinite line: control points beyond an end, as a backward
// edge's are, do not count as flat).
qreal distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF d = b - a;
    const qreal lengthSquared = d.x() * d.x() + d.y() * d.y();
    const qreal t = lengthSquared > 0 ? std::clamp(((p - a).x() * d.x() + (p - a).y() * d.y()) / lengthSquared, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

// The cubic p0..p3 as line segments (their end points appended to `out`), split until its
// control points are within half a canvas unit of the chord: a curve is then 8-25 segments, where
// the Shape's own flattening made ~38 (~75 triangles, each costly for a software rasterizer), and
// an edge between ports level with each other, left to right, is one segment.
void flattenCubic(const QPointF &p0, const QPointF &p1, const QPointF &p2, const QPointF &p3, int depth, QList<QPointF> &out)
{
    constexpr qreal kTolerance = 0.5;
    if (depth == 0 || std::max(distanceToSegment(p1, p0, p3), distanceToSegment(p2, p0, p3)) <= kTolerance) {
        out.append(p3);
        return;
    }
    const QPointF a = (p0 + p1) / 2, b = (p1 + p2) / 2, c = (p2 + p3) / 2;
    const QPointF d = (a + b) / 2, e = (b + c) / 2, m = (d + e) / 2;
    flattenCubic(p0, a, d, m, depth - 1, out);
    flattenCubic(m, e, c, p3, depth - 1, out);
}
} // namespace

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
    QList<QPointF> points;
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
        points.clear();
        flattenCubic(a, a + QPointF(bend, 0), b - QPointF(bend, 0), b, 6, points);
        for (const QPointF &p : std::as_const(points))
            out += QLatin1String(" L ") + num(p.x()) + QLatin1Char(' ') + num(p.y());
        out += QLatin1Char(' ');
        const QPointF h = line->center();
        if (e.selected) {
            m_selectedHandles.append(QVariantMap{{QStringLiteral("row"), row}, {QStringLiteral("x"), h.x()}, {QStringLiteral("y"), h.y()}});
            continue;
        }
        m_handlePoints.append(h);
    }
}

} // namespace synapscale
