#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "workflow/webhookregistry.h"
#include "workflow/workflowrecords.h"

#include <nlohmann/json.hpp>

namespace synapscale {

class Database;
class ExecutionService;
class Scheduler;

// Activation: an active workflow's webhook triggers are served at /webhook/{path} and its
// schedule triggers fire. Also the editor's test webhooks (/webhook-test/{path}, for a while
// after "listen"). Registrations follow saves and deletes of active workflows.
class WorkflowTriggers {
public:
    WorkflowTriggers(Database &db, ExecutionService &executions, Scheduler &scheduler);

    Result<WorkflowRecord> activate(const Principal &who, const QString &id);
    Result<WorkflowRecord> deactivate(const Principal &who, const QString &id);
    // Serves the workflow's webhooks under /webhook-test/ for `seconds`; returns the paths.
    Result<nlohmann::json> listenForTest(const Principal &who, const QString &id, int seconds);

    // Registers every active workflow (start-up). Returns how many.
    int loadActive();
    void workflowSaved(const WorkflowRecord &workflow);
    void workflowRemoved(const QString &workflowId);

    WebhookRegistry &webhooks() { return m_webhooks; }

private:
    Result<void> registerWorkflow(const WorkflowRecord &workflow);

    Database &m_db;
    ExecutionService &m_executions;
    Scheduler &m_scheduler;
    WebhookRegistry m_webhooks;
};

} // namespace synapscale
