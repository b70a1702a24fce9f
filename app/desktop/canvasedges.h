#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

namespace synapscale {

class CanvasNodeModel;

// One connection: output port `fromPort` of node `from` to input port `toPort` of node `to`.
struct CanvasEdge {
    QString from;
    int fromPort = 0;
    QString to;
    int toPort = 0;
    bool selected = false;

    bool sameLink(const CanvasEdge &o) const { return from == o.from && fromPort == o.fromPort && to == o.to && toPort == o.toPort; }
};

// The connections of the open workflow, with their end points in canvas coordinates (taken from
// the nodes' port positions and kept up to date as nodes move), for the canvas to draw.
class CanvasEdgeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Comes from WorkflowDocument.edges")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        FromRole = Qt::UserRole + 1,
        FromPortRole,
        ToRole,
        ToPortRole,
        X1Role,       // the output port's position
        Y1Role,
        X2Role,       // the input port's position
        Y2Role,
        SelectedRole,
        LabelRole,    // the output port's name when its node has several outputs
    };
    Q_ENUM(Role)
    explicit CanvasEdgeModel(const CanvasNodeModel &nodes, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const CanvasEdge &at(int row) const { return m_edges.at(row); }
    const QList<CanvasEdge> &edges() const { return m_edges; }
    int indexOf(const CanvasEdge &link) const;
    void reset(QList<CanvasEdge> edges);
    void insert(int row, CanvasEdge edge);
    CanvasEdge take(int row);
    void setSelected(int row, bool selected);
    // Rows of the edges that start or end at a node.
    QList<int> touching(const QString &nodeId) const;

Q_SIGNALS:
    void countChanged();

private:
    void nodeMoved(const QString &id);

    const CanvasNodeModel &m_nodes;
    QList<CanvasEdge> m_edges;
};

} // namespace synapscale
