#pragma once

#include "nodecatalog.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QRectF>
#include <QTimer>
#include <QUndoStack>

#include <functional>

namespace synapscale {

class CanvasEdgeModel;
class CanvasNodeModel;
struct CanvasEdge;
struct CanvasNode;
struct EditStep;

// The workflow open in the editor: its nodes and edges as canvas models, the selection, every
// edit recorded on an undo stack, and saving: autosave shortly after edits stop, with the
// version the edit started from, so a save over someone else's newer version is refused (409)
// and offered as "reload" or "overwrite". Validation errors from the server land on the nodes
// they are about. The definition keeps every field it was loaded with (settings, retry, notes).
class WorkflowDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(NodeCatalog *catalog READ catalog WRITE setCatalog NOTIFY catalogChanged)
    Q_PROPERTY(CanvasNodeModel *nodes READ nodes CONSTANT)
    Q_PROPERTY(CanvasEdgeModel *edges READ edges CONSTANT)
    Q_PROPERTY(QString workflowId READ workflowId NOTIFY loadedChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY metaChanged)
    Q_PROPERTY(int version READ version NOTIFY metaChanged)
    Q_PROPERTY(bool active READ active NOTIFY metaChanged)
    Q_PROPERTY(bool readOnly READ readOnly WRITE setReadOnly NOTIFY readOnlyChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool saving READ saving NOTIFY stateChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY stateChanged)
    Q_PROPERTY(bool conflict READ conflict NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoChanged)
    Q_PROPERTY(int selectionCount READ selectionCount NOTIFY selectionChanged)
    // The one selected node (for the inspector), empty when none or several are selected.
    Q_PROPERTY(QString selectedNodeId READ selectedNodeId NOTIFY selectionChanged)
    Q_PROPERTY(int autosaveDelay READ autosaveDelay WRITE setAutosaveDelay NOTIFY metaChanged)
    // Webhook triggers of the workflow, as {name, method, path, url} (for the "copy URL" row).
    Q_PROPERTY(QVariantList webhooks READ webhooks NOTIFY webhooksChanged)
    // Has a webhook or schedule trigger, i.e. something activation switches on.
    Q_PROPERTY(bool activatable READ activatable NOTIFY webhooksChanged)
    // Bumped on every change of the definition (edits, undo, load): bindings that read
    // contentRect() or definition() depend on it.
    Q_PROPERTY(int revision READ revision NOTIFY definitionChanged)
public:
    static constexpr qreal kGrid = 20;

    explicit WorkflowDocument(QObject *parent = nullptr);
    ~WorkflowDocument() override;

    NodeCatalog *catalog() const { return m_catalog; }
    void setCatalog(NodeCatalog *catalog);
    CanvasNodeModel *nodes() const { return m_nodes; }
    CanvasEdgeModel *edges() const { return m_edges; }
    QString workflowId() const { return m_id; }
    QString name() const { return m_name; }
    void setName(const QString &name);
    int version() const { return m_version; }
    bool active() const { return m_active; }
    bool readOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    bool loading() const { return m_loading; }
    bool saving() const { return m_saving; }
    bool dirty() const { return !m_undo.isClean() || m_metaDirty; }
    bool conflict() const { return m_conflict; }
    QString error() const { return m_error; }
    bool canUndo() const { return m_undo.canUndo(); }
    bool canRedo() const { return m_undo.canRedo(); }
    QString undoText() const { return m_undo.undoText(); }
    QString redoText() const { return m_undo.redoText(); }
    int selectionCount() const;
    QString selectedNodeId() const;
    int autosaveDelay() const { return m_autosave.interval(); }
    void setAutosaveDelay(int ms);
    QVariantList webhooks() const;
    bool activatable() const;
    // Puts a webhook's URL on the clipboard: the production one when active, else the test one.
    Q_INVOKABLE void copyWebhookUrl(int index) const;
    int revision() const { return m_revision; }

    // Loading and saving
    Q_INVOKABLE void load(const QString &workflowId);
    // Shows a definition without a stored workflow behind it (a past execution's version).
    void loadDefinition(const QString &workflowId, const QString &name, const QVariantMap &definition, int version);
    Q_INVOKABLE void save();
    // After a conflict: drop the local edits and take the server's version...
    Q_INVOKABLE void reload();
    // ...or save the local edits on top of the server's version.
    Q_INVOKABLE void overwrite();
    Q_INVOKABLE QVariantMap definition() const;
    // Runs `next` once the edits are stored (at once when there are none), or `failed` with the
    // reason when the save is refused. For work that reads the stored definition (run, activate).
    void saveThen(QObject *context, std::function<void()> next, std::function<void(const QString &why)> failed);
    Q_INVOKABLE void setActive(bool active);

    // Editing (each call is one undo step; all refuse in read-only mode)
    Q_INVOKABLE QString addNode(const QString &type, qreal x, qreal y);
    // Adds a node and connects an existing node's output to it, as one step (quick-add).
    Q_INVOKABLE QString addNodeAfter(const QString &type, qreal x, qreal y, const QString &fromId, int fromPort);
    // Empty when the link is fine, else why it is refused, in words.
    Q_INVOKABLE QString connectionProblem(const QString &fromId, int fromPort, const QString &toId, int toPort) const;
    Q_INVOKABLE QString connectPorts(const QString &fromId, int fromPort, const QString &toId, int toPort);
    Q_INVOKABLE void removeEdge(int row);
    Q_INVOKABLE void removeSelection();
    // Dragging: positions follow the mouse live; endMove() records one undo step (snapped to the grid).
    Q_INVOKABLE void beginMove();
    Q_INVOKABLE void moveSelectionBy(qreal dx, qreal dy);
    Q_INVOKABLE void endMove();
    // Arrow keys: one grid step; consecutive nudges of the same nodes merge into one undo step.
    Q_INVOKABLE void nudgeSelection(int dx, int dy);
    Q_INVOKABLE QString rename(const QString &nodeId, const QString &name);
    Q_INVOKABLE void toggleDisabled();
    Q_INVOKABLE QVariant parameter(const QString &nodeId, const QString &key) const;
    Q_INVOKABLE QVariantMap parameters(const QString &nodeId) const;
    // `typing`: consecutive changes of this parameter merge into one undo step (text fields).
    Q_INVOKABLE void setParameter(const QString &nodeId, const QString &key, const QVariant &value, bool typing = true);
    Q_INVOKABLE QVariantMap nodeJson(const QString &nodeId) const;
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    // Selection
    Q_INVOKABLE void select(const QString &nodeId, bool additive);
    Q_INVOKABLE void selectEdge(int row, bool additive);
    Q_INVOKABLE void selectRect(qreal x, qreal y, qreal width, qreal height, bool additive);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    Q_INVOKABLE bool isSelected(const QString &nodeId) const;

    // Clipboard: the selection as workflow JSON; pasting takes native or n8n JSON.
    Q_INVOKABLE QString copySelection();
    Q_INVOKABLE QString cutSelection();
    // Pastes the clipboard with its top-left corner at (x, y); returns how many nodes were added,
    // or -1 with error() saying why.
    Q_INVOKABLE int paste(qreal x, qreal y);
    Q_INVOKABLE int pasteText(const QString &text, qreal x, qreal y);
    Q_INVOKABLE int duplicateSelection();

    // Geometry for the view: the nodes' bounding box (fit to view, minimap).
    Q_INVOKABLE QRectF contentRect() const;
    Q_INVOKABLE QString nodeIdAt(qreal x, qreal y) const;
    // The input port nearest to (x, y) within `radius`: {nodeId, port}, empty when none (dropping a link).
    Q_INVOKABLE QVariantMap inputPortNear(qreal x, qreal y, qreal radius) const;
    static qreal snap(qreal v);

    // For WorkflowEdit only.
    void applyStep(const EditStep &step, bool forward);

Q_SIGNALS:
    void catalogChanged();
    void loadedChanged();
    void metaChanged();
    void readOnlyChanged();
    void stateChanged();
    void undoChanged();
    void selectionChanged();
    void webhooksChanged();
    void saved();
    // The workflow's definition changed (an edit, an undo, a load) — for whoever previews it.
    void definitionChanged();

private:
    CanvasNode nodeFrom(const QVariantMap &json) const;
    void describe(CanvasNode &node) const;
    void fill(const QVariantMap &workflow);
    void push(const QString &text, QList<EditStep> steps, int merge = -1, const QString &mergeKey = {});
    QList<EditStep> addNodes(const QList<QVariantMap> &nodes, const QList<CanvasEdge> &edges);
    // Adds an edge at the end and returns the step that records it.
    EditStep appendEdge(const CanvasEdge &edge);
    QString uniqueName(const QString &base, const QSet<QString> &taken) const;
    QSet<QString> nodeNames() const;
    bool reaches(const QString &from, const QString &to, QSet<QString> &seen, bool *throughLoop) const;
    void setError(const QString &error);
    void sendSave(int expectedVersion);
    void scheduleAutosave();
    QString clipboardJson(bool selectionOnly) const;
    bool editable();

    CanvasNodeModel *m_nodes;
    CanvasEdgeModel *m_edges;
    QPointer<NodeCatalog> m_catalog;
    QUndoStack m_undo;
    QTimer m_autosave;
    QString m_id;
    QString m_name;
    QVariantMap m_meta;        // the workflow's other fields (description, tags)
    QVariantMap m_extra;       // the definition's other fields (settings, schemaVersion, ...)
    int m_version = 0;
    bool m_active = false;
    bool m_readOnly = false;
    bool m_loading = false;
    bool m_saving = false;
    bool m_saveAgain = false;
    bool m_metaDirty = false;
    bool m_conflict = false;
    QString m_error;
    int m_revision = 0;
    QHash<QString, QPointF> m_moveStart;  // node id -> position when the drag began
};

} // namespace synapscale
