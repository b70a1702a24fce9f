#pragma once

#include "core/result.h"
#include "nodes/nodetype.h"

#include <memory>
#include <unordered_map>

namespace synapscale {

// A node ready to run: its type resolved, its edges indexed by output port.
struct GraphNode {
    std::string id;
    std::string name;
    std::string type;
    Json parameters = Json::object();
    bool disabled = false;
    bool alwaysOutputData = false;        // an empty output becomes one empty item
    const NodeType *impl = nullptr;
    int maxTries = 1;
    int waitBetweenTriesMs = 0;
    std::string onError = "stop";             // stop | continue | output (extra last output port)
    std::size_t inputCount = 1;
    std::size_t outputCount = 1;              // including the error output when onError == "output"
    struct Target {
        int node;
        int port;
    };
    std::vector<std::vector<Target>> outgoing;  // per output port
    std::vector<int> incomingEdges;             // per input port: how many edges arrive there
    bool trigger() const { return impl && impl->descriptor().trigger; }
};

// A workflow definition compiled for the engine: immutable, shared by its executions.
struct WorkflowGraph {
    std::string workflowId;
    std::string name;
    int version = 1;
    std::vector<GraphNode> nodes;
    std::unordered_map<std::string, int> byId;
    std::unordered_map<std::string, int> byName;
    Json settings = Json::object();
    std::string timezone;          // settings.timezone
    int timeoutSeconds = 0;        // settings.executionTimeout; 0 = none
    std::string saveData = "all";  // settings.saveData: all | errors | none
    int concurrency = 0;           // settings.concurrency: running executions of this workflow at once; 0 = no limit
    std::string errorWorkflow;     // settings.errorWorkflow: workflow id run when an execution fails
    bool requeueOnCrash = false;   // settings.requeueInterrupted
    int pruneDays = 0;             // settings.pruneDays: ended executions older than this are deleted
    int pruneMaxCount = 0;         // settings.pruneMaxCount: only the newest this many are kept
    // Whether a node can read another node's output ($node["X"], $("X"), $items(), or any Code
    // node's script). When none can, a node's items move on without a copy kept for $node.
    bool readsNodeOutputs = false;

    // The trigger an execution starts at: `nodeId` if given, else the first trigger of type
    // `preferredType`, else the first trigger. -1 when the workflow has none.
    int startNode(const std::string &nodeId, const std::string &preferredType) const;

    // Compiles a normalized definition (WorkflowDefinition::normalize); fails on unknown types.
    static Result<std::shared_ptr<const WorkflowGraph>> compile(const Json &definition, std::string workflowId = {},
                                                                 std::string name = {}, int version = 1);
};

} // namespace synapscale
