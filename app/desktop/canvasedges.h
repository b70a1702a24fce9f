#pragma once

#include <QAbstractListModel>
#include <QPolygonF>
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
    // Every edge as one SVG path (unselected, selected): the canvas strokes all of them with two
    // Shape paths instead of one Shape item per edge, which cost ~0.2 MB and a draw call each.
    Q_PROPERTY(QString path READ path NOTIFY pathsChanged)
    Q_PROPERTY(QString selectedPath READ selectedPath NOTIFY pathsChanged)
    // The centres of the unselected edges' handles (a small circle at each edge's middle, drawn
    // by one DiscField); selected edges' handles, which show a delete mark, as [{row, x, y}].
    Q_PROPERTY(QPolygonF handlePoints READ handlePoints NOTIFY pathsChanged)
    Q_PROPERTY(QVariantList selectedHandles READ selectedHandles NOTIFY pathsChanged)
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
    QString path() const;
    QString selectedPath() const;
    QPolygonF handlePoints() const;
    QVariantList selectedHandles() const;
    // The edge whose handle is within `radius` of a canvas point (the nearest), or -1.
    Q_INVOKABLE int edgeAt(qreal x, qreal y, qreal radius) const;
    static constexpr qreal kHandleRadius = 6;

Q_SIGNALS:
    void countChanged();
    // Once per event-loop turn however many edges changed (a 50-node move is one rebuild).
    void pathsChanged();

private:
    void nodeMoved(const QString &id);
    void pathsDirty();
    void buildPaths() const;

    const CanvasNodeModel &m_nodes;
    QList<CanvasEdge> m_edges;
    mutable QString m_path;
    mutable QString m_selectedPath;
    mutable QPolygonF m_handlePoints;
    mutable QVariantList m_selectedHandles;
    mutable bool m_pathsBuilt = false;
    bool m_pathsQueued = false;
};

} // namespace synapscale
