#pragma once

#include <QAbstractListModel>
#include <QPointF>
#include <QQmlEngine>
#include <QRectF>

namespace synapscale {

// One node on the editor's canvas: the node as the workflow definition holds it (`json`: id,
// type, name, position, parameters and whatever else the server keeps, e.g. retry/onError), what
// the catalog says about its type, and the state the last run left it in.
struct CanvasNode {
    QVariantMap json;
    QPointF pos;
    QStringList inputs{QStringLiteral("main")};
    QStringList outputs{QStringLiteral("main")};
    QString typeName;   // the type's display name
    QString category;
    QString glyph;
    bool selected = false;
    QString runStatus;  // "", running, succeeded, failed, waiting
    int itemsIn = -1;
    int itemsOut = -1;
    QString runError;
    QString problem;    // why the server refused this node on save
    bool inView = true; // near enough to the canvas's view to be drawn

    QString id() const { return json.value(QStringLiteral("id")).toString(); }
    QString name() const { return json.value(QStringLiteral("name")).toString(); }
    QString type() const { return json.value(QStringLiteral("type")).toString(); }
    qreal height() const;
    QRectF rect() const;
    // Where port `index` sits, in canvas coordinates.
    QPointF inputPoint(int index) const;
    QPointF outputPoint(int index) const;
};

// The nodes of the open workflow, for the canvas. Edits go through WorkflowDocument (which
// records them for undo); this model only holds and publishes them.
class CanvasNodeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Comes from WorkflowDocument.nodes")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(qreal nodeWidth READ nodeWidth CONSTANT)
public:
    enum Role {
        NodeIdRole = Qt::UserRole + 1,
        TypeRole,
        NameRole,
        XRole,
        YRole,
        HeightRole,
        DisabledRole,
        SelectedRole,
        InputsRole,     // input port names
        OutputsRole,    // output port names
        TypeNameRole,   // the type's display name
        CategoryRole,
        GlyphRole,
        RunStatusRole,  // "" until a run reaches the node
        ItemsInRole,    // -1 when unknown
        ItemsOutRole,
        RunErrorRole,
        ProblemRole,    // the server's validation message for this node
        InViewRole,     // whether the canvas draws it (see setView)
    };
    Q_ENUM(Role)
    static constexpr qreal kWidth = 200;
    static constexpr qreal kMinHeight = 64;
    static constexpr qreal kPortSpacing = 24;

    explicit CanvasNodeModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    qreal nodeWidth() const { return kWidth; }

    Q_INVOKABLE int indexOf(const QString &id) const;
    const CanvasNode &at(int row) const { return m_nodes.at(row); }
    const QList<CanvasNode> &nodes() const { return m_nodes; }
    void reset(QList<CanvasNode> nodes);
    void insert(int row, CanvasNode node);
    CanvasNode take(int row);
    // Sets one field of the node's JSON (position updates `pos` and announces the move).
    void setField(int row, const QString &field, const QVariant &value);
    void setSelected(int row, bool selected);
    void setRunState(int row, const QString &status, int itemsIn, int itemsOut, const QString &error);
    void clearRunState();
    void setProblem(int row, const QString &problem);
    void clearProblems();
    // The part of the canvas on screen, in canvas coordinates. Nodes outside it are not drawn.
    // It is widened to a 256-unit grid so that panning changes what is drawn only every few
    // hundred units, not with every frame: each change rebuilds the scene graph's batches, and
    // re-evaluating 500 nodes' visibility per frame cost the GUI thread milliseconds.
    Q_INVOKABLE void setView(const QRectF &view);

Q_SIGNALS:
    void countChanged();
    void nodeMoved(const QString &id);

private:
    void changed(int row, const QList<int> &roles);
    bool inView(const CanvasNode &node) const;

    QList<CanvasNode> m_nodes;
    QRectF m_drawn; // empty until the canvas says where it looks: everything is drawn
    QHash<QString, int> m_rows; // id -> row
};

} // namespace synapscale
