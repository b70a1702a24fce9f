#pragma once

#include "canvasedges.h"
#include "canvasnodes.h"

#include <QUndoCommand>

namespace synapscale {

class WorkflowDocument;

// One primitive change to the open workflow, reversible: a node or edge added at / removed from
// a row, or one field of a node's JSON changed from `before` to `after`.
struct EditStep {
    enum Kind { AddNode, RemoveNode, ChangeNode, AddEdge, RemoveEdge };
    Kind kind = ChangeNode;
    int row = -1;
    CanvasNode node;
    CanvasEdge edge;
    QString nodeId;
    QString field;
    QVariant before;
    QVariant after;
};

// One user edit on the undo stack: the steps it made, in order. The document applies the steps
// as the edit happens (so rows are exact) and pushes the edit already done; undo replays the
// inverses backwards. Consecutive edits of one parameter of one node (typing), or moves of the
// same nodes by the keyboard, merge into one undo step.
class WorkflowEdit : public QUndoCommand {
public:
    enum Merge { NoMerge = -1, ParameterTyping = 1, Nudge = 2 };
    WorkflowEdit(WorkflowDocument &document, const QString &text, QList<EditStep> steps, Merge merge = NoMerge,
                 QString mergeKey = {});

    void redo() override;
    void undo() override;
    int id() const override { return m_merge; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkflowDocument &m_document;
    QList<EditStep> m_steps;
    Merge m_merge;
    QString m_mergeKey;
    bool m_done = true; // applied by the document before the push
};

} // namespace synapscale
