#pragma once

#include "ai/agentrunner.h"
#include "nodes/nodetype.h"

namespace synapscale {

// The tools an agent can be given. Built-ins answer at once; the others go out to the network
// or run a workflow and answer when that ends.
namespace AgentTools {

// Evaluates arithmetic: + - * / % ^, parentheses, and sqrt abs round floor ceil min max pow log
// ln exp sin cos tan, pi, e. No variables, no side effects; errors say where the problem is.
Result<double> calculate(const std::string &expression);

AgentTool currentTime();
AgentTool calculator();
// {name, description, method, url, headers?, parameters?}: the arguments go to the query (GET,
// DELETE) or as the JSON body; `{name}` in the URL is replaced by that argument.
Result<AgentTool> http(const nlohmann::json &spec);
// Runs one of the owner's workflows with the arguments as its input item; its last node's items
// are the result. `start` begins the sub-workflow (the engine's hook).
using WorkflowStarter = std::function<Result<std::shared_ptr<AsyncWork>>(const QString &ownerId, const QString &workflowId, Items input)>;
AgentTool workflow(QObject *io, const WorkflowStarter &start, const QString &ownerId, const QString &workflowId, const std::string &name,
                   const std::string &description, const nlohmann::json &parameters);

// A tool name providers accept: [A-Za-z0-9_-]{1,64}.
std::string toolName(const QString &text);

} // namespace AgentTools

} // namespace synapscale
