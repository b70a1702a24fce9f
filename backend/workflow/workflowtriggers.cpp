#include "workflowtriggers.h"

#include "core/logger.h"
#include "workflow/executionservice.h"
#include "workflow/scheduler.h"
#include "workflow/workflowrepository.h"

namespace synapscale {

WorkflowTriggers::WorkflowTriggers(Database &db, ExecutionService &executions, Scheduler &scheduler)
    : m_db(db)
    , m_executions(executions)
    , m_scheduler(scheduler)
{
}

Result<void> WorkflowTriggers::registerWorkflow(const WorkflowRecord &w)
{
    auto graph = m_executions.graphOf(w.id, w.name, w.version, w.definition);
    if (!graph)
        return graph.error();
    auto hooks = WebhookRegistry::targetsOf(*graph, w.ownerId);
    if (!hooks)
        return hooks.error();
    auto schedules = Scheduler::entriesOf(*graph, w.ownerId);
    if (!schedules)
        return schedules.error();
    if (hooks->empty() && schedules->empty())
        return Error::make(QStringLiteral("no_trigger"),
                           QStringLiteral("Only a workflow with an enabled Webhook or Schedule trigger can be activated"));
    if (auto set = m_webhooks.set(w.id, std::move(*hooks), false); !set)
        return set.error();
    m_scheduler.set(w.id, std::move(*schedules));
    return {};
}

Result<WorkflowRecord> WorkflowTriggers::activate(const Principal &who, const QString &id)
{
    WorkflowRepository workflows(m_db);
    auto w = workflows.find(id, who.userId);
    if (!w)
        return w.error();
    if (!*w)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow not found"));
    if (auto registered = registerWorkflow(**w); !registered)
        return registered.error();
    auto set = workflows.setActive(id, who.userId, true);
    if (!set) {
        m_webhooks.remove(id, false);
        m_scheduler.remove(id);
        return set.error();
    }
    (*w)->active = true;
    return **w;
}

Result<WorkflowRecord> WorkflowTriggers::deactivate(const Principal &who, const QString &id)
{
    WorkflowRepository workflows(m_db);
    auto w = workflows.find(id, who.userId);
    if (!w)
        return w.error();
    if (!*w)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow not found"));
    auto set = workflows.setActive(id, who.userId, false);
    if (!set)
        return set.error();
    m_webhooks.remove(id, false);
    m_scheduler.remove(id);
    (*w)->active = false;
    return **w;
}

Result<nlohmann::json> WorkflowTriggers::listenForTest(const Principal &who, const QString &id, int seconds)
{
    WorkflowRepository workflows(m_db);
    auto w = workflows.find(id, who.userId);
    if (!w)
        return w.error();
    if (!*w)
        return Error::make(QStringLiteral("not_found"), QStringLiteral("Workflow not found"));
    auto graph = m_executions.graphOf((*w)->id, (*w)->name, (*w)->version, (*w)->definition);
    if (!graph)
        return graph.error();
    auto hooks = WebhookRegistry::targetsOf(*graph, who.userId);
    if (!hooks)
        return hooks.error();
    if (hooks->empty())
        return Error::make(QStringLiteral("no_trigger"), QStringLiteral("The workflow has no enabled Webhook trigger"));
    nlohmann::json paths = nlohmann::json::array();
    for (const auto &h : *hooks)
        paths.push_back({{"method", h.method.toStdString()}, {"path", ("/webhook-test/" + h.path()).toStdString()}, {"node_id", h.nodeId}});
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(seconds);
    if (auto set = m_webhooks.set(id, std::move(*hooks), true, expires); !set)
        return set.error();
    return nlohmann::json{{"webhooks", paths}, {"expires_at", expires.toString(Qt::ISODateWithMs).toStdString()}};
}

int WorkflowTriggers::loadActive()
{
    auto active = WorkflowRepository(m_db).listActive();
    if (!active) {
        Log::warning(QStringLiteral("could not load active workflows: %1").arg(active.error().message));
        return 0;
    }
    int count = 0;
    for (const auto &w : *active) {
        if (auto r = registerWorkflow(w); !r)
            Log::warning(QStringLiteral("active workflow %1 could not be registered: %2").arg(w.id, r.error().message));
        else
            ++count;
    }
    return count;
}

void WorkflowTriggers::workflowSaved(const WorkflowRecord &w)
{
    if (m_webhooks.has(w.id, true)) {
        // A test listener follows the edits: re-register with the new definition.
        auto graph = m_executions.graphOf(w.id, w.name, w.version, w.definition);
        if (graph) {
            if (auto hooks = WebhookRegistry::targetsOf(*graph, w.ownerId); hooks && !hooks->empty())
                (void)m_webhooks.set(w.id, std::move(*hooks), true, QDateTime::currentDateTimeUtc().addSecs(120));
        }
    }
    if (!w.active)
        return;
    if (auto r = registerWorkflow(w); !r) {
        Log::warning(QStringLiteral("workflow %1 was saved but its triggers no longer register (%2); it is now inactive").arg(w.id, r.error().message));
        m_webhooks.remove(w.id, false);
        m_scheduler.remove(w.id);
        (void)WorkflowRepository(m_db).setActive(w.id, w.ownerId, false);
    }
}

void WorkflowTriggers::workflowRemoved(const QString &workflowId)
{
    m_webhooks.remove(workflowId, false);
    m_webhooks.remove(workflowId, true);
    m_scheduler.remove(workflowId);
}

} // namespace synapscale
