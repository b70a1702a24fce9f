#include "workflowdocument.h"

#include "apiclient.h"
#include "canvasedges.h"
#include "canvasnodes.h"
#include "nodecatalog.h"
#include "workflowedit.h"
#include "workflow/n8nimport.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJSValue>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace synapscale {

namespace {
const QString kWorkflows = QStringLiteral("/api/v1/workflows/");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kType = QStringLiteral("type");
const QString kPosition = QStringLiteral("position");
const QString kParameters = QStringLiteral("parameters");
const QString kDisabled = QStringLiteral("disabled");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariantList point(QPointF p)
{
    return {p.x(), p.y()};
}

CanvasEdge edgeFrom(const QVariantMap &e)
{
    return CanvasEdge{e.value(QStringLiteral("from")).toString(), e.value(QStringLiteral("fromPort")).toInt(),
                      e.value(QStringLiteral("to")).toString(), e.value(QStringLiteral("toPort")).toInt()};
}

QVariantMap edgeJson(const CanvasEdge &e)
{
    return {{QStringLiteral("from"), e.from}, {QStringLiteral("fromPort"), e.fromPort},
            {QStringLiteral("to"), e.to},     {QStringLiteral("toPort"), e.toPort}};
}
} // namespace

WorkflowDocument::WorkflowDocument(QObject *parent)
    : QObject(parent)
    , m_nodes(new CanvasNodeModel(this))
    , m_edges(new CanvasEdgeModel(*m_nodes, this))
{
    m_undo.setUndoLimit(500);
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(1200);
    connect(&m_autosave, &QTimer::timeout, this, &WorkflowDocument::save);
    connect(&m_undo, &QUndoStack::indexChanged, this, [this] {
        Q_EMIT undoChanged();
        Q_EMIT stateChanged();
        ++m_revision;
        Q_EMIT definitionChanged();
        Q_EMIT webhooksChanged();
        scheduleAutosave();
    });
    connect(&m_undo, &QUndoStack::cleanChanged, this, &WorkflowDocument::stateChanged);
}

WorkflowDocument::~WorkflowDocument()
{
    // The stack's commands refer to this document: drop them before the models go.
    m_undo.clear();
}

void WorkflowDocument::setCatalog(NodeCatalog *catalog)
{
    if (m_catalog == catalog)
        return;
    if (m_catalog)
        disconnect(m_catalog, nullptr, this, nullptr);
    m_catalog = catalog;
    if (m_catalog) {
        // Nodes loaded before the catalog arrived get their ports and names now.
        connect(m_catalog, &NodeCatalog::loaded, this, [this] {
            QList<CanvasNode> nodes = m_nodes->nodes();
            for (CanvasNode &n : nodes)
                describe(n);
            m_nodes->reset(std::move(nodes));
            m_edges->reset(m_edges->edges());
        });
    }
    Q_EMIT catalogChanged();
}

void WorkflowDocument::setName(const QString &name)
{
    if (name == m_name || m_readOnly || name.trimmed().isEmpty())
        return;
    m_name = name.trimmed();
    m_metaDirty = true;
    Q_EMIT metaChanged();
    Q_EMIT stateChanged();
    scheduleAutosave();
}

void WorkflowDocument::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    if (readOnly)
        m_autosave.stop();
    Q_EMIT readOnlyChanged();
}

void WorkflowDocument::setAutosaveDelay(int ms)
{
    m_autosave.setInterval(ms);
    Q_EMIT metaChanged();
}

int WorkflowDocument::selectionCount() const
{
    int n = 0;
    for (const CanvasNode &node : m_nodes->nodes())
        n += node.selected ? 1 : 0;
    for (const CanvasEdge &edge : m_edges->edges())
        n += edge.selected ? 1 : 0;
    return n;
}

QString WorkflowDocument::selectedNodeId() const
{
    QString id;
    for (const CanvasNode &node : m_nodes->nodes()) {
        if (!node.selected)
            continue;
        if (!id.isEmpty())
            return {};
        id = node.id();
    }
    return id;
}

QVariantList WorkflowDocument::webhooks() const
{
    QVariantList hooks;
    const QString base = ApiClient::create(nullptr, nullptr)->baseUrl().toString();
    for (const CanvasNode &n : m_nodes->nodes()) {
        if (n.type() != QLatin1String("trigger.webhook"))
            continue;
        const QVariantMap p = n.json.value(kParameters).toMap();
        const QString path = p.value(QStringLiteral("path")).toString();
        const QString method = p.value(QStringLiteral("httpMethod"), QStringLiteral("POST")).toString();
        hooks << QVariantMap{{kName, n.name()},
                             {QStringLiteral("method"), method},
                             {QStringLiteral("path"), path},
                             {QStringLiteral("url"), base + QStringLiteral("/webhook/") + path},
                             {QStringLiteral("testUrl"), base + QStringLiteral("/webhook-test/") + path}};
    }
    return hooks;
}

bool WorkflowDocument::activatable() const
{
    const auto &nodes = m_nodes->nodes();
    return std::any_of(nodes.begin(), nodes.end(), [](const CanvasNode &n) {
        return n.type() == QLatin1String("trigger.webhook") || n.type() == QLatin1String("trigger.schedule");
    });
}

void WorkflowDocument::copyWebhookUrl(int index) const
{
    const QVariantMap hook = webhooks().value(index).toMap();
    QGuiApplication::clipboard()->setText(hook.value(m_active ? QStringLiteral("url") : QStringLiteral("testUrl")).toString());
}

// ---- loading and saving ----

void WorkflowDocument::load(const QString &workflowId)
{
    m_loading = true;
    m_conflict = false;
    setError({});
    Q_EMIT stateChanged();
    ApiClient::create(nullptr, nullptr)->get(kWorkflows + workflowId, this, [this](const ApiReply &reply) {
        m_loading = false;
        if (!reply.ok()) {
            setError(reply.error);
            Q_EMIT stateChanged();
            return;
        }
        fill(reply.data.toMap());
    });
}

void WorkflowDocument::loadDefinition(const QString &workflowId, const QString &name, const QVariantMap &definition, int version)
{
    fill({{kId, workflowId}, {kName, name}, {QStringLiteral("definition"), definition}, {QStringLiteral("version"), version}});
}

void WorkflowDocument::fill(const QVariantMap &workflow)
{
    m_autosave.stop();
    m_id = workflow.value(kId).toString();
    m_name = workflow.value(kName).toString();
    m_version = workflow.value(QStringLiteral("version")).toInt();
    m_active = workflow.value(QStringLiteral("active")).toBool();
    m_meta = {{QStringLiteral("description"), workflow.value(QStringLiteral("description"), QString())},
              {QStringLiteral("tags"), workflow.value(QStringLiteral("tags"), QVariantList())}};
    QVariantMap definition = workflow.value(QStringLiteral("definition")).toMap();
    QList<CanvasNode> nodes;
    for (const QVariant &n : definition.take(QStringLiteral("nodes")).toList())
        nodes << nodeFrom(n.toMap());
    QList<CanvasEdge> edges;
    for (const QVariant &e : definition.take(QStringLiteral("edges")).toList())
        edges << edgeFrom(e.toMap());
    m_extra = definition;
    m_nodes->reset(std::move(nodes));
    m_edges->reset(std::move(edges));
    m_undo.clear();
    m_undo.setClean();
    m_metaDirty = false;
    m_conflict = false;
    m_saveAgain = false;
    m_error.clear();
    Q_EMIT loadedChanged();
    Q_EMIT metaChanged();
    Q_EMIT stateChanged();
    Q_EMIT undoChanged();
    Q_EMIT selectionChanged();
    Q_EMIT webhooksChanged();
    ++m_revision;
    Q_EMIT definitionChanged();
}

QVariantMap WorkflowDocument::definition() const
{
    QVariantMap d = m_extra;
    d.insert(QStringLiteral("schemaVersion"), d.value(QStringLiteral("schemaVersion"), 1));
    QVariantList nodes;
    for (const CanvasNode &n : m_nodes->nodes())
        nodes << n.json;
    QVariantList edges;
    for (const CanvasEdge &e : m_edges->edges())
        edges << edgeJson(e);
    d.insert(QStringLiteral("nodes"), nodes);
    d.insert(QStringLiteral("edges"), edges);
    return d;
}

void WorkflowDocument::save()
{
    m_autosave.stop();
    if (m_id.isEmpty() || m_readOnly || m_conflict)
        return;
    if (m_saving) {
        m_saveAgain = true;
        return;
    }
    if (!dirty())
        return;
    sendSave(m_version);
}

void WorkflowDocument::sendSave(int expectedVersion)
{
    m_saving = true;
    m_saveAgain = false;
    Q_EMIT stateChanged();
    const int index = m_undo.index();
    QVariantMap body = m_meta;
    body.insert(kName, m_name);
    body.insert(QStringLiteral("definition"), definition());
    body.insert(QStringLiteral("version"), expectedVersion);
    const QString id = m_id;
    ApiClient::create(nullptr, nullptr)->send("PUT", kWorkflows + id, body, this, [this, index, id](const ApiReply &reply) {
        if (id != m_id)
            return; // another workflow was opened meanwhile
        m_saving = false;
        if (reply.ok()) {
            m_version = reply.data.toMap().value(QStringLiteral("version")).toInt();
            if (m_undo.index() == index)
                m_undo.setClean();
            m_metaDirty = false;
            m_nodes->clearProblems();
            setError({});
            Q_EMIT metaChanged();
            Q_EMIT stateChanged();
            Q_EMIT saved();
            if (dirty() || m_saveAgain)
                scheduleAutosave();
            return;
        }
        if (reply.status == 409) {
            m_conflict = true;
            setError(tr("This workflow was changed elsewhere since you opened it. Reload it to see the newer version, "
                        "or overwrite it with yours."));
        } else if (reply.status == 422) {
            // Point at the nodes the server refused: loc ["body","definition","nodes",<index>,...].
            m_nodes->clearProblems();
            QStringList general;
            for (const QVariant &d : reply.data.toMap().value(QStringLiteral("detail")).toList()) {
                const QVariantMap entry = d.toMap();
                const QVariantList loc = entry.value(QStringLiteral("loc")).toList();
                const QString msg = entry.value(QStringLiteral("msg")).toString();
                if (loc.size() >= 4 && loc.at(2).toString() == QLatin1String("nodes") && loc.at(3).toInt() < m_nodes->rowCount())
                    m_nodes->setProblem(loc.at(3).toInt(), msg);
                else
                    general << msg;
            }
            setError(general.isEmpty() ? tr("Not saved: some nodes need attention (marked in red).")
                                       : tr("Not saved: %1").arg(general.join(QStringLiteral("; "))));
        } else {
            setError(tr("Not saved: %1").arg(reply.error));
        }
        Q_EMIT stateChanged();
    });
}

void WorkflowDocument::reload()
{
    if (!m_id.isEmpty())
        load(m_id);
}

void WorkflowDocument::overwrite()
{
    if (m_id.isEmpty() || m_readOnly)
        return;
    const QString id = m_id;
    ApiClient::create(nullptr, nullptr)->get(kWorkflows + id, this, [this, id](const ApiReply &reply) {
        if (id != m_id)
            return;
        if (!reply.ok()) {
            setError(reply.error);
            Q_EMIT stateChanged();
            return;
        }
        m_conflict = false;
        m_metaDirty = true; // the local edits are saved on top even if the stack looks clean
        sendSave(reply.data.toMap().value(QStringLiteral("version")).toInt());
    });
}

void WorkflowDocument::setActive(bool active)
{
    if (m_id.isEmpty() || m_readOnly || m_conflict)
        return;
    const QString id = m_id;
    auto send = [this, id, active] {
        ApiClient::create(nullptr, nullptr)->send("POST", kWorkflows + id + (active ? QStringLiteral("/activate") : QStringLiteral("/deactivate")),
                                                  QVariantMap(), this, [this, id](const ApiReply &reply) {
                                                      if (id != m_id)
                                                          return;
                                                      if (!reply.ok()) {
                                                          setError(reply.error);
                                                      } else {
                                                          m_active = reply.data.toMap().value(QStringLiteral("active")).toBool();
                                                          setError({});
                                                      }
                                                      Q_EMIT metaChanged();
                                                      Q_EMIT stateChanged();
                                                  });
    };
    // Activation reads the stored definition: save the edits first (and give up if that fails;
    // metaChanged puts the switch back to the stored state).
    saveThen(this, send, [this](const QString &) { Q_EMIT metaChanged(); });
}

void WorkflowDocument::saveThen(QObject *context, std::function<void()> next, std::function<void(const QString &why)> failed)
{
    if (!dirty()) {
        next();
        return;
    }
    auto ok = std::make_shared<QMetaObject::Connection>();
    auto refused = std::make_shared<QMetaObject::Connection>();
    *ok = connect(this, &WorkflowDocument::saved, context, [ok, refused, next] {
        QObject::disconnect(*ok);
        QObject::disconnect(*refused);
        next();
    });
    *refused = connect(this, &WorkflowDocument::stateChanged, context, [this, ok, refused, failed] {
        if (m_saving || (m_error.isEmpty() && !m_conflict))
            return;
        QObject::disconnect(*ok);
        QObject::disconnect(*refused);
        failed(m_error);
    });
    save();
}

void WorkflowDocument::scheduleAutosave()
{
    if (!m_id.isEmpty() && !m_readOnly && !m_conflict && dirty())
        m_autosave.start();
}

void WorkflowDocument::setError(const QString &error)
{
    m_error = error;
}

// ---- nodes ----

CanvasNode WorkflowDocument::nodeFrom(const QVariantMap &json) const
{
    CanvasNode node;
    node.json = json;
    const QVariantList p = json.value(kPosition).toList();
    node.pos = p.size() == 2 ? QPointF(p.at(0).toDouble(), p.at(1).toDouble()) : QPointF();
    describe(node);
    return node;
}

void WorkflowDocument::describe(CanvasNode &node) const
{
    if (!m_catalog)
        return;
    const QVariantMap d = m_catalog->descriptor(node.type());
    if (d.isEmpty()) {
        node.typeName = node.type();
        node.glyph = QStringLiteral("?");
        return;
    }
    node.inputs = m_catalog->inputsOf(node.type());
    node.outputs = m_catalog->outputsOf(node.type());
    node.typeName = d.value(QStringLiteral("display_name")).toString();
    node.category = d.value(QStringLiteral("category")).toString();
    node.glyph = m_catalog->glyphOf(node.type());
}

bool WorkflowDocument::editable()
{
    if (!m_readOnly)
        return true;
    setError(tr("This is a past run, shown read-only."));
    Q_EMIT stateChanged();
    return false;
}

void WorkflowDocument::push(const QString &text, QList<EditStep> steps, int merge, const QString &mergeKey)
{
    if (steps.isEmpty())
        return;
    m_undo.push(new WorkflowEdit(*this, text, std::move(steps), WorkflowEdit::Merge(merge), mergeKey));
    Q_EMIT selectionChanged();
}

void WorkflowDocument::applyStep(const EditStep &step, bool forward)
{
    switch (step.kind) {
    case EditStep::AddNode:
    case EditStep::RemoveNode:
        if ((step.kind == EditStep::AddNode) == forward)
            m_nodes->insert(step.row, step.node);
        else
            m_nodes->take(step.row);
        break;
    case EditStep::AddEdge:
    case EditStep::RemoveEdge:
        if ((step.kind == EditStep::AddEdge) == forward)
            m_edges->insert(step.row, step.edge);
        else
            m_edges->take(step.row);
        break;
    case EditStep::ChangeNode: {
        const int row = m_nodes->indexOf(step.nodeId);
        if (row >= 0)
            m_nodes->setField(row, step.field, forward ? step.after : step.before);
        break;
    }
    }
    Q_EMIT selectionChanged();
}

qreal WorkflowDocument::snap(qreal v)
{
    return std::round(v / kGrid) * kGrid;
}

QSet<QString> WorkflowDocument::nodeNames() const
{
    QSet<QString> names;
    for (const CanvasNode &n : m_nodes->nodes())
        names.insert(n.name());
    return names;
}

QString WorkflowDocument::uniqueName(const QString &base, const QSet<QString> &taken) const
{
    if (!taken.contains(base))
        return base;
    // "Set" -> "Set 2"; "Set 2" -> "Set 3"
    QString stem = base;
    int n = 2;
    const int space = int(base.lastIndexOf(QLatin1Char(' ')));
    bool numbered = false;
    const int suffix = space > 0 ? base.mid(space + 1).toInt(&numbered) : 0;
    if (numbered && suffix > 0) {
        stem = base.left(space);
        n = suffix + 1;
    }
    while (taken.contains(QStringLiteral("%1 %2").arg(stem).arg(n)))
        ++n;
    return QStringLiteral("%1 %2").arg(stem).arg(n);
}

QList<EditStep> WorkflowDocument::addNodes(const QList<QVariantMap> &nodes, const QList<CanvasEdge> &edges)
{
    QList<EditStep> steps;
    for (int row = 0; row < m_nodes->rowCount(); ++row)
        m_nodes->setSelected(row, false);
    for (int row = 0; row < m_edges->rowCount(); ++row)
        m_edges->setSelected(row, false);
    for (const QVariantMap &json : nodes) {
        EditStep step;
        step.kind = EditStep::AddNode;
        step.row = m_nodes->rowCount();
        step.node = nodeFrom(json);
        step.node.selected = true;
        m_nodes->insert(step.row, step.node);
        steps << step;
    }
    for (const CanvasEdge &edge : edges)
        steps << appendEdge(edge);
    return steps;
}

QString WorkflowDocument::addNode(const QString &type, qreal x, qreal y)
{
    return addNodeAfter(type, x, y, {}, 0);
}

QString WorkflowDocument::addNodeAfter(const QString &type, qreal x, qreal y, const QString &fromId, int fromPort)
{
    if (!editable())
        return {};
    const QString base = m_catalog && !m_catalog->displayNameOf(type).isEmpty() ? m_catalog->displayNameOf(type) : type;
    const QString id = newId();
    // Required parameters start at their defaults (an empty URL): the server refuses a node
    // without them, so a just-added HTTP Request would otherwise block every save until filled.
    QVariantMap parameters;
    const QVariantMap schema = m_catalog ? m_catalog->descriptor(type).value(QStringLiteral("parameters")).toMap() : QVariantMap();
    const QVariantMap properties = schema.value(QStringLiteral("properties")).toMap();
    for (const QString &key : schema.value(QStringLiteral("required")).toStringList())
        if (properties.value(key).toMap().contains(QStringLiteral("default")))
            parameters.insert(key, properties.value(key).toMap().value(QStringLiteral("default")));
    const QVariantMap json{{kId, id},
                           {kType, type},
                           {kName, uniqueName(base, nodeNames())},
                           {kPosition, point({snap(x), snap(y)})},
                           {kParameters, parameters}};
    QList<EditStep> steps = addNodes({json}, {});
    // Linked after `fromId` when there is one and the link is valid (a trigger takes no input).
    if (m_nodes->indexOf(fromId) >= 0 && connectionProblem(fromId, fromPort, id, 0).isEmpty())
        steps << appendEdge(CanvasEdge{fromId, fromPort, id, 0});
    push(tr("Add %1").arg(base), std::move(steps));
    return id;
}

EditStep WorkflowDocument::appendEdge(const CanvasEdge &edge)
{
    EditStep step;
    step.kind = EditStep::AddEdge;
    step.row = m_edges->rowCount();
    step.edge = edge;
    m_edges->insert(step.row, edge);
    return step;
}

bool WorkflowDocument::reaches(const QString &from, const QString &to, QSet<QString> &seen, bool *throughLoop) const
{
    if (from == to)
        return true;
    if (seen.contains(from))
        return false;
    seen.insert(from);
    for (const CanvasEdge &e : m_edges->edges()) {
        if (e.from != from)
            continue;
        if (reaches(e.to, to, seen, throughLoop)) {
            const int row = m_nodes->indexOf(e.to);
            if (row >= 0 && m_nodes->at(row).type() == QLatin1String("core.loop"))
                *throughLoop = true;
            return true;
        }
    }
    return false;
}

QString WorkflowDocument::connectionProblem(const QString &fromId, int fromPort, const QString &toId, int toPort) const
{
    const int fromRow = m_nodes->indexOf(fromId);
    const int toRow = m_nodes->indexOf(toId);
    if (fromRow < 0 || toRow < 0)
        return tr("That node no longer exists.");
    if (fromId == toId)
        return tr("A node cannot feed itself.");
    const CanvasNode &from = m_nodes->at(fromRow);
    const CanvasNode &to = m_nodes->at(toRow);
    if (fromPort < 0 || fromPort >= std::max<qsizetype>(from.outputs.size(), 1))
        return tr("%1 has no such output.").arg(from.name());
    if (to.inputs.isEmpty())
        return tr("%1 is a trigger: it starts the workflow and takes no input.").arg(to.name());
    if (toPort < 0 || toPort >= to.inputs.size())
        return tr("%1 has no such input.").arg(to.name());
    if (m_edges->indexOf(CanvasEdge{fromId, fromPort, toId, toPort}) >= 0)
        return tr("These ports are already connected.");
    // The new link closes a cycle if `to` already reaches `from`; only a loop node may do that.
    QSet<QString> seen;
    bool throughLoop = from.type() == QLatin1String("core.loop") || to.type() == QLatin1String("core.loop");
    if (reaches(toId, fromId, seen, &throughLoop) && !throughLoop)
        return tr("This link would make a cycle. Use Loop Over Items to repeat steps.");
    return {};
}

QString WorkflowDocument::connectPorts(const QString &fromId, int fromPort, const QString &toId, int toPort)
{
    if (!editable())
        return m_error;
    const QString problem = connectionProblem(fromId, fromPort, toId, toPort);
    if (!problem.isEmpty())
        return problem;
    const EditStep step = appendEdge(CanvasEdge{fromId, fromPort, toId, toPort});
    push(tr("Connect %1 to %2").arg(m_nodes->at(m_nodes->indexOf(fromId)).name(), m_nodes->at(m_nodes->indexOf(toId)).name()), {step});
    return {};
}

void WorkflowDocument::removeEdge(int row)
{
    if (!editable() || row < 0 || row >= m_edges->rowCount())
        return;
    EditStep step;
    step.kind = EditStep::RemoveEdge;
    step.row = row;
    step.edge = m_edges->take(row);
    push(tr("Remove connection"), {step});
}

void WorkflowDocument::removeSelection()
{
    if (!editable())
        return;
    QSet<QString> doomed;
    for (const CanvasNode &n : m_nodes->nodes())
        if (n.selected)
            doomed.insert(n.id());
    QList<EditStep> steps;
    for (int row = m_edges->rowCount() - 1; row >= 0; --row) {
        const CanvasEdge &e = m_edges->at(row);
        if (e.selected || doomed.contains(e.from) || doomed.contains(e.to)) {
            EditStep step;
            step.kind = EditStep::RemoveEdge;
            step.row = row;
            step.edge = m_edges->take(row);
            step.edge.selected = false;
            steps << step;
        }
    }
    for (int row = m_nodes->rowCount() - 1; row >= 0; --row) {
        if (!m_nodes->at(row).selected)
            continue;
        EditStep step;
        step.kind = EditStep::RemoveNode;
        step.row = row;
        step.node = m_nodes->take(row);
        steps << step;
    }
    const int nodes = int(doomed.size());
    if (steps.isEmpty())
        return;
    // The text first: arguments are evaluated in no fixed order and `steps` is moved.
    const QString text = nodes == 1 ? tr("Delete %1").arg(steps.last().node.name())
                         : nodes > 1 ? tr("Delete %n nodes", nullptr, nodes)
                                     : tr("Delete connection");
    push(text, std::move(steps));
}

void WorkflowDocument::beginMove()
{
    m_moveStart.clear();
    for (const CanvasNode &n : m_nodes->nodes())
        if (n.selected)
            m_moveStart.insert(n.id(), n.pos);
}

void WorkflowDocument::moveSelectionBy(qreal dx, qreal dy)
{
    if (m_readOnly)
        return;
    for (auto it = m_moveStart.cbegin(); it != m_moveStart.cend(); ++it) {
        const int row = m_nodes->indexOf(it.key());
        if (row >= 0)
            m_nodes->setField(row, kPosition, point(it.value() + QPointF(dx, dy)));
    }
}

void WorkflowDocument::endMove()
{
    QList<EditStep> steps;
    for (auto it = m_moveStart.cbegin(); it != m_moveStart.cend(); ++it) {
        const int row = m_nodes->indexOf(it.key());
        if (row < 0)
            continue;
        const QPointF now = m_nodes->at(row).pos;
        const QPointF snapped(snap(now.x()), snap(now.y()));
        m_nodes->setField(row, kPosition, point(snapped));
        if (snapped == it.value())
            continue;
        EditStep step;
        step.nodeId = it.key();
        step.field = kPosition;
        step.before = point(it.value());
        step.after = point(snapped);
        steps << step;
    }
    m_moveStart.clear();
    if (steps.isEmpty())
        return;
    const QString text = steps.size() == 1 ? tr("Move %1").arg(m_nodes->at(m_nodes->indexOf(steps.first().nodeId)).name())
                                           : tr("Move %n nodes", nullptr, int(steps.size()));
    push(text, std::move(steps));
}

void WorkflowDocument::nudgeSelection(int dx, int dy)
{
    if (!editable())
        return;
    QList<EditStep> steps;
    QStringList ids;
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const CanvasNode &n = m_nodes->at(row);
        if (!n.selected)
            continue;
        EditStep step;
        step.nodeId = n.id();
        step.field = kPosition;
        step.before = point(n.pos);
        step.after = point(n.pos + QPointF(dx * kGrid, dy * kGrid));
        m_nodes->setField(row, kPosition, step.after);
        ids << n.id();
        steps << step;
    }
    const QString text = tr("Move %n nodes", nullptr, int(steps.size()));
    push(text, std::move(steps), WorkflowEdit::Nudge, ids.join(QLatin1Char(',')));
}

QString WorkflowDocument::rename(const QString &nodeId, const QString &name)
{
    if (!editable())
        return m_error;
    const int row = m_nodes->indexOf(nodeId);
    const QString wanted = name.trimmed();
    if (row < 0)
        return tr("That node no longer exists.");
    if (wanted.isEmpty())
        return tr("A node needs a name.");
    if (wanted == m_nodes->at(row).name())
        return {};
    if (nodeNames().contains(wanted))
        return tr("Another node is already called “%1”.").arg(wanted);
    EditStep step;
    step.nodeId = nodeId;
    step.field = kName;
    step.before = m_nodes->at(row).name();
    step.after = wanted;
    m_nodes->setField(row, kName, wanted);
    push(tr("Rename %1 to %2").arg(step.before.toString(), wanted), {step});
    return {};
}

void WorkflowDocument::toggleDisabled()
{
    if (!editable())
        return;
    // Like n8n: if any selected node is enabled, disable them all; otherwise enable them all.
    bool anyEnabled = false;
    for (const CanvasNode &n : m_nodes->nodes())
        anyEnabled = anyEnabled || (n.selected && !n.json.value(kDisabled).toBool());
    QList<EditStep> steps;
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const CanvasNode &n = m_nodes->at(row);
        if (!n.selected || n.json.value(kDisabled).toBool() == anyEnabled)
            continue;
        EditStep step;
        step.nodeId = n.id();
        step.field = kDisabled;
        step.before = n.json.value(kDisabled);
        step.after = anyEnabled ? QVariant(true) : QVariant();
        m_nodes->setField(row, kDisabled, step.after);
        steps << step;
    }
    const QString text = anyEnabled ? tr("Disable %n nodes", nullptr, int(steps.size())) : tr("Enable %n nodes", nullptr, int(steps.size()));
    push(text, std::move(steps));
}

QVariantMap WorkflowDocument::nodeJson(const QString &nodeId) const
{
    const int row = m_nodes->indexOf(nodeId);
    return row < 0 ? QVariantMap() : m_nodes->at(row).json;
}

QVariantMap WorkflowDocument::parameters(const QString &nodeId) const
{
    return nodeJson(nodeId).value(kParameters).toMap();
}

QVariant WorkflowDocument::parameter(const QString &nodeId, const QString &key) const
{
    return parameters(nodeId).value(key);
}

void WorkflowDocument::setParameter(const QString &nodeId, const QString &key, const QVariant &value, bool typing)
{
    if (!editable())
        return;
    const int row = m_nodes->indexOf(nodeId);
    if (row < 0)
        return;
    const QVariantMap before = m_nodes->at(row).json.value(kParameters).toMap();
    QVariantMap after = before;
    // QML hands JS arrays and objects over as QJSValue; keep plain variants in the model.
    const QVariant plain = value.canConvert<QJSValue>() ? value.value<QJSValue>().toVariant() : value;
    if (plain.isValid())
        after.insert(key, plain);
    else
        after.remove(key);
    if (after == before)
        return;
    EditStep step;
    step.nodeId = nodeId;
    step.field = kParameters;
    step.before = before;
    step.after = after;
    m_nodes->setField(row, kParameters, after);
    push(tr("Change %1 of %2").arg(key, m_nodes->at(row).name()), {step}, typing ? WorkflowEdit::ParameterTyping : WorkflowEdit::NoMerge,
         nodeId + QLatin1Char('/') + key);
    Q_EMIT webhooksChanged();
}

void WorkflowDocument::undo()
{
    m_undo.undo();
}

void WorkflowDocument::redo()
{
    m_undo.redo();
}

// ---- selection ----

void WorkflowDocument::select(const QString &nodeId, bool additive)
{
    const int target = m_nodes->indexOf(nodeId);
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        if (row == target)
            m_nodes->setSelected(row, additive ? !m_nodes->at(row).selected : true);
        else if (!additive)
            m_nodes->setSelected(row, false);
    }
    if (!additive)
        for (int row = 0; row < m_edges->rowCount(); ++row)
            m_edges->setSelected(row, false);
    Q_EMIT selectionChanged();
}

void WorkflowDocument::selectEdge(int row, bool additive)
{
    if (!additive) {
        for (int r = 0; r < m_nodes->rowCount(); ++r)
            m_nodes->setSelected(r, false);
    }
    for (int r = 0; r < m_edges->rowCount(); ++r) {
        if (r == row)
            m_edges->setSelected(r, additive ? !m_edges->at(r).selected : true);
        else if (!additive)
            m_edges->setSelected(r, false);
    }
    Q_EMIT selectionChanged();
}

void WorkflowDocument::selectRect(qreal x, qreal y, qreal width, qreal height, bool additive)
{
    const QRectF area = QRectF(x, y, width, height).normalized();
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const bool inside = area.intersects(m_nodes->at(row).rect());
        if (inside)
            m_nodes->setSelected(row, true);
        else if (!additive)
            m_nodes->setSelected(row, false);
    }
    if (!additive)
        for (int row = 0; row < m_edges->rowCount(); ++row)
            m_edges->setSelected(row, false);
    Q_EMIT selectionChanged();
}

void WorkflowDocument::selectAll()
{
    for (int row = 0; row < m_nodes->rowCount(); ++row)
        m_nodes->setSelected(row, true);
    Q_EMIT selectionChanged();
}

void WorkflowDocument::clearSelection()
{
    for (int row = 0; row < m_nodes->rowCount(); ++row)
        m_nodes->setSelected(row, false);
    for (int row = 0; row < m_edges->rowCount(); ++row)
        m_edges->setSelected(row, false);
    Q_EMIT selectionChanged();
}

bool WorkflowDocument::isSelected(const QString &nodeId) const
{
    const int row = m_nodes->indexOf(nodeId);
    return row >= 0 && m_nodes->at(row).selected;
}

// ---- clipboard ----

QString WorkflowDocument::clipboardJson(bool selectionOnly) const
{
    QSet<QString> ids;
    QVariantList nodes;
    for (const CanvasNode &n : m_nodes->nodes()) {
        if (selectionOnly && !n.selected)
            continue;
        ids.insert(n.id());
        nodes << n.json;
    }
    QVariantList edges;
    for (const CanvasEdge &e : m_edges->edges())
        if (ids.contains(e.from) && ids.contains(e.to))
            edges << edgeJson(e);
    const QVariantMap doc{{QStringLiteral("schemaVersion"), 1}, {QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(doc)).toJson(QJsonDocument::Indented));
}

QString WorkflowDocument::copySelection()
{
    const QString text = clipboardJson(true);
    QGuiApplication::clipboard()->setText(text);
    return text;
}

QString WorkflowDocument::cutSelection()
{
    const QString text = copySelection();
    removeSelection();
    return text;
}

int WorkflowDocument::paste(qreal x, qreal y)
{
    return pasteText(QGuiApplication::clipboard()->text(), x, y);
}

int WorkflowDocument::pasteText(const QString &text, qreal x, qreal y)
{
    if (!editable())
        return -1;
    const auto parsed = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        setError(tr("The clipboard holds no workflow nodes (it is not workflow JSON)."));
        Q_EMIT stateChanged();
        return -1;
    }
    nlohmann::json definition;
    if (WorkflowImport::looksLikeN8n(parsed)) {
        auto imported = WorkflowImport::read(parsed);
        if (!imported) {
            setError(tr("These n8n nodes cannot be pasted: %1").arg(imported.error().message));
            Q_EMIT stateChanged();
            return -1;
        }
        definition = imported->definition;
    } else {
        definition = parsed.contains("definition") ? parsed["definition"] : parsed;
    }
    if (!definition.is_object() || !definition.contains("nodes") || !definition["nodes"].is_array() || definition["nodes"].empty()) {
        setError(tr("The clipboard holds no workflow nodes."));
        Q_EMIT stateChanged();
        return -1;
    }
    const QVariantMap def = QJsonDocument::fromJson(QByteArray::fromStdString(definition.dump())).object().toVariantMap();
    // New ids and names that do not clash; the group keeps its shape, its top-left at (x, y).
    QHash<QString, QString> ids;
    QSet<QString> taken = nodeNames();
    QList<QVariantMap> nodes;
    QPointF topLeft(1e12, 1e12);
    for (const QVariant &v : def.value(QStringLiteral("nodes")).toList()) {
        const QVariantList p = v.toMap().value(kPosition).toList();
        if (p.size() == 2)
            topLeft = QPointF(std::min(topLeft.x(), p.at(0).toDouble()), std::min(topLeft.y(), p.at(1).toDouble()));
    }
    if (topLeft.x() > 1e11)
        topLeft = QPointF();
    for (const QVariant &v : def.value(QStringLiteral("nodes")).toList()) {
        QVariantMap node = v.toMap();
        if (node.value(kType).toString().isEmpty())
            continue;
        const QString id = newId();
        ids.insert(node.value(kId).toString(), id);
        node.insert(kId, id);
        const QString name = uniqueName(node.value(kName, node.value(kType)).toString(), taken);
        taken.insert(name);
        node.insert(kName, name);
        const QVariantList p = node.value(kPosition).toList();
        const QPointF at = (p.size() == 2 ? QPointF(p.at(0).toDouble(), p.at(1).toDouble()) : topLeft) - topLeft + QPointF(x, y);
        node.insert(kPosition, point({snap(at.x()), snap(at.y())}));
        nodes << node;
    }
    QList<CanvasEdge> edges;
    for (const QVariant &v : def.value(QStringLiteral("edges")).toList()) {
        CanvasEdge e = edgeFrom(v.toMap());
        if (!ids.contains(e.from) || !ids.contains(e.to))
            continue;
        e.from = ids.value(e.from);
        e.to = ids.value(e.to);
        edges << e;
    }
    if (nodes.isEmpty()) {
        setError(tr("The clipboard holds no workflow nodes."));
        Q_EMIT stateChanged();
        return -1;
    }
    setError({});
    push(tr("Paste %n nodes", nullptr, int(nodes.size())), addNodes(nodes, edges));
    Q_EMIT stateChanged();
    return int(nodes.size());
}

int WorkflowDocument::duplicateSelection()
{
    QRectF box;
    for (const CanvasNode &n : m_nodes->nodes())
        if (n.selected)
            box = box.isNull() ? n.rect() : box.united(n.rect());
    if (box.isNull())
        return 0;
    return pasteText(clipboardJson(true), box.x() + 2 * kGrid, box.y() + 2 * kGrid);
}

// ---- geometry ----

QRectF WorkflowDocument::contentRect() const
{
    QRectF box;
    for (const CanvasNode &n : m_nodes->nodes())
        box = box.isNull() ? n.rect() : box.united(n.rect());
    return box;
}

QString WorkflowDocument::nodeIdAt(qreal x, qreal y) const
{
    const auto &nodes = m_nodes->nodes();
    for (auto it = nodes.crbegin(); it != nodes.crend(); ++it)
        if (it->rect().contains(QPointF(x, y)))
            return it->id();
    return {};
}

QVariantMap WorkflowDocument::inputPortNear(qreal x, qreal y, qreal radius) const
{
    QVariantMap best;
    qreal bestDistance = radius * radius;
    for (const CanvasNode &n : m_nodes->nodes()) {
        // Dropping anywhere on a node with one input means that input.
        if (n.inputs.size() == 1 && n.rect().contains(QPointF(x, y)))
            return {{QStringLiteral("nodeId"), n.id()}, {QStringLiteral("port"), 0}};
        for (int i = 0; i < n.inputs.size(); ++i) {
            const QPointF d = n.inputPoint(i) - QPointF(x, y);
            const qreal distance = d.x() * d.x() + d.y() * d.y();
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = {{QStringLiteral("nodeId"), n.id()}, {QStringLiteral("port"), i}};
            }
        }
    }
    return best;
}

} // namespace synapscale
