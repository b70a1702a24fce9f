#pragma once

#include "ai/agentrunner.h"
#include "core/principal.h"
#include "storage/page.h"

#include <nlohmann/json.hpp>

namespace synapscale {

class Database;
class WorkflowService;
class ExecutionService;

// A saved agent: which model, how it behaves, what it may use.
struct AgentRecord {
    QString id;
    QString ownerId;
    QString name;
    QString description;
    QString provider;       // empty: the user's first configured provider
    QString model;          // empty: the provider's default model
    QString systemPrompt;
    std::optional<double> temperature;
    nlohmann::json tools = nlohmann::json::array(); // [{type: builtin|workflow|http, …}]
    int memoryWindow = 20;  // earlier messages sent along with a new one
    int maxIterations = 8;  // model turns per reply
    QString createdAt;
    QString updatedAt;

    nlohmann::json toJson() const;
};

// The user's agents: CRUD with validated tools, and the tools of one agent made callable.
// Another user's agent is "not_found".
class AgentService {
public:
    AgentService(Database &db, WorkflowService &workflows, ExecutionService &executions, LlmService &llm)
        : m_db(db), m_workflows(workflows), m_executions(executions), m_llm(llm) {}

    Result<Page<AgentRecord>> list(const Principal &who, int skip, int limit);
    Result<AgentRecord> get(const Principal &who, const QString &id);
    // `body` is the API's agent object; `existing` set for an update (fields not sent are kept).
    Result<AgentRecord> save(const Principal &who, const nlohmann::json &body, const std::optional<QString> &existingId);
    Result<void> remove(const Principal &who, const QString &id);

    // The agent's tools, ready for AgentRunner (workflows resolved now, for this owner).
    Result<std::vector<AgentTool>> tools(const Principal &who, const nlohmann::json &toolSpecs);

private:
    Result<void> validate(const Principal &who, AgentRecord &agent);

    Database &m_db;
    WorkflowService &m_workflows;
    ExecutionService &m_executions;
    LlmService &m_llm;
};

} // namespace synapscale
