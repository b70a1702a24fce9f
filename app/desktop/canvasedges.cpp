#include "canvasedges.h"

#include "canvasnodes.h"

namespace synapscale {

CanvasEdgeModel::CanvasEdgeModel(const CanvasNodeModel &nodes, QObject *parent)
    : QAbstractListModel(parent)
    , m_nodes(nodes)
{
    connect(&nodes, &CanvasNodeModel::nodeMoved, this, &CanvasEdgeModel::nodeMoved);
}

int CanvasEdgeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_edges.size());
}

QHash<int, QByteArray> CanvasEdgeModel::roleNames() const
{
    return {{FromRole, "from"}, {FromPortRole, "fromPort"}, {ToRole, "to"},   {ToPortRole, "toPort"},
            {X1Role, "x1"},     {Y1Role, "y1"},             {X2Role, "x2"},   {Y2Role, "y2"},
            {SelectedRole, "selected"}, {LabelRole, "label"}};
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
    case LabelRole: {
        if (fromRow < 0)
            return QString();
        const QStringList &outs = m_nodes.at(fromRow).outputs;
        return outs.size() > 1 ? outs.value(e.fromPort) : QString();
    }
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
}

void CanvasEdgeModel::insert(int row, CanvasEdge edge)
{
    row = std::clamp(row, 0, int(m_edges.size()));
    beginInsertRows({}, row, row);
    m_edges.insert(row, std::move(edge));
    endInsertRows();
    Q_EMIT countChanged();
}

CanvasEdge CanvasEdgeModel::take(int row)
{
    beginRemoveRows({}, row, row);
    CanvasEdge edge = m_edges.takeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    return edge;
}

void CanvasEdgeModel::setSelected(int row, bool selected)
{
    if (m_edges.at(row).selected == selected)
        return;
    m_edges[row].selected = selected;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {SelectedRole});
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
    }
}

} // namespace synapscale
