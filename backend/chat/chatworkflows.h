#pragma once

#include "ai/agentrunner.h"
#include "core/principal.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

namespace synapscale {

class ExecutionService;
class WorkflowService;

// Conversations answered by a workflow: each message runs the workflow from its Chat Trigger
// with {message, conversation_id, message_id, history}, and the last node's output is the reply
// (the field the trigger names, else `output`, `text`, `reply` or `response`, else the item as
// JSON). Stopping the reply cancels the execution.
class ChatWorkflows {
public:
    ChatWorkflows(WorkflowService &workflows, ExecutionService &executions) : m_workflows(workflows), m_executions(executions) {}

    // The user's workflow with a Chat Trigger, or a field error naming what is wrong.
    Result<void> check(const Principal &who, const QString &workflowId);
    // `done` runs once, on an engine worker thread, with the reply text or the failure.
    Result<std::shared_ptr<ChatHandle>> run(const QString &ownerId, const QString &workflowId, const nlohmann::json &input,
                                            std::function<void(AgentOutcome)> done);

private:
    WorkflowService &m_workflows;
    ExecutionService &m_executions;
};

} // namespace synapscale
