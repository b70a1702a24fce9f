#include "workflowedit.h"

#include "workflowdocument.h"

namespace synapscale {

WorkflowEdit::WorkflowEdit(WorkflowDocument &document, const QString &text, QList<EditStep> steps, Merge merge, QString mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_steps(std::move(steps))
    , m_merge(merge)
    , m_mergeKey(std::move(mergeKey))
{
}

void WorkflowEdit::redo()
{
    if (m_done) {
        m_done = false; // the push: the document has made these changes already
        return;
    }
    for (const EditStep &step : std::as_const(m_steps))
        m_document.applyStep(step, true);
}

void WorkflowEdit::undo()
{
    for (auto it = m_steps.crbegin(); it != m_steps.crend(); ++it)
        m_document.applyStep(*it, false);
}

bool WorkflowEdit::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const WorkflowEdit *>(other);
    if (edit->m_merge != m_merge || edit->m_mergeKey != m_mergeKey || edit->m_steps.size() != m_steps.size())
        return false;
    for (int i = 0; i < m_steps.size(); ++i) {
        const EditStep &mine = m_steps.at(i);
        const EditStep &theirs = edit->m_steps.at(i);
        if (mine.kind != EditStep::ChangeNode || theirs.kind != EditStep::ChangeNode || mine.nodeId != theirs.nodeId
            || mine.field != theirs.field)
            return false;
    }
    for (int i = 0; i < m_steps.size(); ++i)
        m_steps[i].after = edit->m_steps.at(i).after;
    return true;
}

} // namespace synapscale
