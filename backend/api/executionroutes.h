#pragma once

#include "api/http.h"

namespace synapscale {

class ExecutionService;
class HttpResponder;
class Router;
class WorkflowTriggers;

// Running workflows: POST /workflows/{id}/execute (async or ?wait), activate/deactivate, the
// editor's test-webhook listener, and /executions (list, get, cancel, retry, delete).
class ExecutionRoutes {
public:
    ExecutionRoutes(ExecutionService &executions, WorkflowTriggers &triggers) : m_executions(executions), m_triggers(triggers) {}
    static void addTo(Router &router, ExecutionService &executions, WorkflowTriggers &triggers, const QString &apiPrefix);

    void execute(const HttpRequest &r, HttpResponder responder);
    HttpResponse activate(const HttpRequest &r);
    HttpResponse deactivate(const HttpRequest &r);
    HttpResponse listenForTest(const HttpRequest &r);
    HttpResponse list(const HttpRequest &r);
    HttpResponse get(const HttpRequest &r);
    HttpResponse cancel(const HttpRequest &r);
    void retry(const HttpRequest &r, HttpResponder responder);
    HttpResponse remove(const HttpRequest &r);

private:
    ExecutionService &m_executions;
    WorkflowTriggers &m_triggers;
};

} // namespace synapscale
