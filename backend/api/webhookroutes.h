#pragma once

#include "api/http.h"

namespace synapscale {

class ExecutionService;
class HttpResponder;
class Router;
class WorkflowTriggers;

// ANY /webhook/{path} (active workflows) and /webhook-test/{path} (the editor's listener): the
// request becomes an item {headers, params, query, body}, the workflow runs, and the answer
// comes at once (202), from the last node, or from a Respond to Webhook node. A full queue
// answers 503 with Retry-After rather than piling requests up in memory.
class WebhookRoutes {
public:
    WebhookRoutes(ExecutionService &executions, WorkflowTriggers &triggers) : m_executions(executions), m_triggers(triggers) {}
    static void addTo(Router &router, ExecutionService &executions, WorkflowTriggers &triggers);

    void handle(const HttpRequest &r, HttpResponder responder, bool test);

private:
    ExecutionService &m_executions;
    WorkflowTriggers &m_triggers;
};

} // namespace synapscale
