#include "canvasnodes.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace synapscale {

qreal CanvasNode::height() const
{
    const auto ports = std::max(inputs.size(), outputs.size());
    return std::max(CanvasNodeModel::kMinHeight, 16 + CanvasNodeModel::kPortSpacing * qreal(ports));
}

QRectF CanvasNode::rect() const
{
    return {pos, QSizeF(CanvasNodeModel::kWidth, height())};
}

namespace {
qreal portY(int index, qsizetype count, qreal height)
{
    return height * qreal(index + 1) / qreal(std::max<qsizetype>(count, 1) + 1);
}
} // namespace

QPointF CanvasNode::inputPoint(int index) const
{
    return pos + QPointF(0, portY(index, inputs.size(), height()));
}

QPointF CanvasNode::outputPoint(int index) const
{
    return pos + QPointF(CanvasNodeModel::kWidth, portY(index, outputs.size(), height()));
}

CanvasNodeModel::CanvasNodeModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CanvasNodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

QHash<int, QByteArray> CanvasNodeModel::roleNames() const
{
    return {{NodeIdRole, "nodeId"},       {TypeRole, "type"},          {NameRole, "name"},
            {XRole, "posX"},              {YRole, "posY"},             {HeightRole, "nodeHeight"},
            {DisabledRole, "disabled"},   {SelectedRole, "selected"},  {InputsRole, "inputs"},
            {OutputsRole, "outputs"},     {TypeNameRole, "typeName"},  {CategoryRole, "category"},
            {GlyphRole, "glyph"},         {RunStatusRole, "runStatus"}, {ItemsInRole, "itemsIn"},
            {ItemsOutRole, "itemsOut"},   {RunErrorRole, "runError"},  {ProblemRole, "problem"},
            {InViewRole, "inView"}};
}

QVariant CanvasNodeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_nodes.size())
        return {};
    const CanvasNode &n = m_nodes.at(index.row());
    switch (role) {
    case NodeIdRole: return n.id();
    case TypeRole: return n.type();
    case NameRole: return n.name();
    case XRole: return n.pos.x();
    case YRole: return n.pos.y();
    case HeightRole: return n.height();
    case DisabledRole: return n.json.value(QStringLiteral("disabled")).toBool();
    case SelectedRole: return n.selected;
    case InputsRole: return n.inputs;
    case OutputsRole: return n.outputs;
    case TypeNameRole: return n.typeName.isEmpty() ? n.type() : n.typeName;
    case CategoryRole: return n.category;
    case GlyphRole: return n.glyph;
    case RunStatusRole: return n.runStatus;
    case ItemsInRole: return n.itemsIn;
    case ItemsOutRole: return n.itemsOut;
    case RunErrorRole: return n.runError;
    case ProblemRole: return n.problem;
    case InViewRole: return n.inView;
    default: return {};
    }
}

int CanvasNodeModel::indexOf(const QString &id) const
{
    return m_rows.value(id, -1);
}

void CanvasNodeModel::reset(QList<CanvasNode> nodes)
{
    beginResetModel();
    m_nodes = std::move(nodes);
    m_rows.clear();
    for (int i = 0; i < m_nodes.size(); ++i) {
        m_rows.insert(m_nodes.at(i).id(), i);
        m_nodes[i].inView = inView(m_nodes.at(i));
    }
    endResetModel();
    Q_EMIT countChanged();
}

void CanvasNodeModel::insert(int row, CanvasNode node)
{
    row = std::clamp(row, 0, int(m_nodes.size()));
    beginInsertRows({}, row, row);
    node.inView = inView(node);
    m_nodes.insert(row, std::move(node));
    for (int i = row; i < m_nodes.size(); ++i)
        m_rows.insert(m_nodes.at(i).id(), i);
    endInsertRows();
    Q_EMIT countChanged();
}

CanvasNode CanvasNodeModel::take(int row)
{
    beginRemoveRows({}, row, row);
    CanvasNode node = m_nodes.takeAt(row);
    m_rows.remove(node.id());
    for (int i = row; i < m_nodes.size(); ++i)
        m_rows.insert(m_nodes.at(i).id(), i);
    endRemoveRows();
    Q_EMIT countChanged();
    return node;
}

void CanvasNodeModel::setField(int row, const QString &field, const QVariant &value)
{
    CanvasNode &n = m_nodes[row];
    if (value.isValid())
        n.json.insert(field, value);
    else
        n.json.remove(field);
    if (field == QLatin1String("position")) {
        const QVariantList p = value.toList();
        n.pos = p.size() == 2 ? QPointF(p.at(0).toDouble(), p.at(1).toDouble()) : QPointF();
        const bool wasInView = std::exchange(n.inView, inView(n));
        if (wasInView != n.inView)
            changed(row, {XRole, YRole, InViewRole});
        else
            changed(row, {XRole, YRole});
        Q_EMIT nodeMoved(n.id());
    } else if (field == QLatin1String("name")) {
        changed(row, {NameRole});
    } else if (field == QLatin1String("disabled")) {
        changed(row, {DisabledRole});
    }
}

void CanvasNodeModel::setSelected(int row, bool selected)
{
    if (m_nodes.at(row).selected == selected)
        return;
    m_nodes[row].selected = selected;
    changed(row, {SelectedRole});
}

void CanvasNodeModel::setRunState(int row, const QString &status, int itemsIn, int itemsOut, const QString &error)
{
    CanvasNode &n = m_nodes[row];
    n.runStatus = status;
    n.itemsIn = itemsIn;
    n.itemsOut = itemsOut;
    n.runError = error;
    changed(row, {RunStatusRole, ItemsInRole, ItemsOutRole, RunErrorRole});
}

void CanvasNodeModel::clearRunState()
{
    for (int row = 0; row < m_nodes.size(); ++row)
        if (!m_nodes.at(row).runStatus.isEmpty() || m_nodes.at(row).itemsOut >= 0)
            setRunState(row, {}, -1, -1, {});
}

void CanvasNodeModel::setProblem(int row, const QString &problem)
{
    if (m_nodes.at(row).problem == problem)
        return;
    m_nodes[row].problem = problem;
    changed(row, {ProblemRole});
}

void CanvasNodeModel::clearProblems()
{
    for (int row = 0; row < m_nodes.size(); ++row)
        setProblem(row, {});
}

void CanvasNodeModel::setView(const QRectF &view)
{
    constexpr qreal kGrid = 256;
    const QRectF drawn(QPointF(std::floor(view.left() / kGrid) * kGrid, std::floor(view.top() / kGrid) * kGrid),
                       QPointF(std::ceil(view.right() / kGrid) * kGrid, std::ceil(view.bottom() / kGrid) * kGrid));
    if (drawn == m_drawn)
        return;
    m_drawn = drawn;
    for (int row = 0; row < m_nodes.size(); ++row) {
        CanvasNode &n = m_nodes[row];
        if (std::exchange(n.inView, inView(n)) != n.inView)
            changed(row, {InViewRole});
    }
}

bool CanvasNodeModel::inView(const CanvasNode &node) const
{
    return m_drawn.isEmpty() || m_drawn.intersects(node.rect());
}

void CanvasNodeModel::changed(int row, const QList<int> &roles)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, roles);
}

} // namespace synapscale
