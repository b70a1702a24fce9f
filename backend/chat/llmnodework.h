#pragma once

#include "nodes/nodetype.h"

namespace synapscale {

class LlmService;
class AgentService;
struct ExecutionRequest;

// The engine's hook for AI nodes: runs an LlmBatch for the execution's owner on the AI thread
// (four items at a time, each a bounded agent run when the node has tools), records usage
// against the workflow and execution, and reports the node's output through `batch.finish`.
std::shared_ptr<AsyncWork> makeLlmNodeWork(LlmService &llm, AgentService &agents, const ExecutionRequest &request, LlmBatch batch);

} // namespace synapscale
