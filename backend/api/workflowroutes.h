#pragma once

#include "api/http.h"

namespace synapscale {

class Router;
class WorkflowService;
struct WorkflowRecord;

// The API's JSON of a workflow (with its definition unless `summary`).
nlohmann::json workflowJson(const WorkflowRecord &workflow, bool summary = false);

// /api/v1/workflows: list (search, tag, active, paging), create, get, full update with the
// version it was read at (409 when it moved on), delete, version history, restore, export.
class WorkflowRoutes {
public:
    explicit WorkflowRoutes(WorkflowService &service) : m_service(service) {}
    static void addTo(Router &router, WorkflowService &service, const QString &apiPrefix);

    HttpResponse list(const HttpRequest &r);
    HttpResponse create(const HttpRequest &r);
    HttpResponse get(const HttpRequest &r);
    HttpResponse update(const HttpRequest &r);
    HttpResponse remove(const HttpRequest &r);
    HttpResponse versions(const HttpRequest &r);
    HttpResponse version(const HttpRequest &r);
    HttpResponse restore(const HttpRequest &r);
    HttpResponse exportWorkflow(const HttpRequest &r);
    HttpResponse importWorkflow(const HttpRequest &r);

private:
    WorkflowService &m_service;
};

} // namespace synapscale
