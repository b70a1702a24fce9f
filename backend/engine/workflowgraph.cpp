#include "workflowgraph.h"

#include "nodes/noderegistry.h"

namespace synapscale {

int WorkflowGraph::startNode(const std::string &nodeId, const std::string &preferredType) const
{
    if (!nodeId.empty()) {
        auto it = byId.find(nodeId);
        return it == byId.end() ? -1 : it->second;
    }
    int first = -1;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!nodes[i].trigger() || nodes[i].disabled)
            continue;
        if (!preferredType.empty() && nodes[i].type == preferredType)
            return int(i);
        if (first < 0)
            first = int(i);
    }
    return first;
}

Result<std::shared_ptr<const WorkflowGraph>> WorkflowGraph::compile(const Json &definition, std::string workflowId, std::string name,
                                                                   int version)
{
    auto graph = std::make_shared<WorkflowGraph>();
    graph->workflowId = std::move(workflowId);
    graph->name = std::move(name);
    graph->version = version;
    graph->settings = definition.value("settings", Json::object());
    const Json &s = graph->settings;
    graph->timezone = s.value("timezone", std::string());
    graph->timeoutSeconds = s.value("executionTimeout", 0);
    graph->saveData = s.value("saveData", std::string("all"));
    graph->concurrency = s.value("concurrency", 0);
    graph->errorWorkflow = s.value("errorWorkflow", std::string());
    graph->requeueOnCrash = s.value("requeueInterrupted", false);
    graph->pruneDays = std::max(0, s.value("pruneDays", 0));
    graph->pruneMaxCount = std::max(0, s.value("pruneMaxCount", 0));

    const auto &registry = NodeRegistry::builtin();
    for (const auto &n : definition.value("nodes", Json::array())) {
        GraphNode node;
        node.id = n.value("id", std::string());
        node.name = n.value("name", node.id);
        node.type = n.value("type", std::string());
        node.parameters = n.value("parameters", Json::object());
        node.disabled = n.value("disabled", false);
        node.alwaysOutputData = n.value("alwaysOutputData", false);
        node.impl = registry.find(node.type);
        if (!node.impl)
            return Error::make(QStringLiteral("unknown_node_type"),
                               QStringLiteral("Node '%1' has unknown type '%2'").arg(QString::fromStdString(node.name),
                                                                                    QString::fromStdString(node.type)));
        const Json retry = n.value("retry", Json::object());
        if (retry.is_object()) {
            node.maxTries = std::clamp(retry.value("maxTries", 1), 1, 10);
            node.waitBetweenTriesMs = std::clamp(retry.value("waitMs", 0), 0, 5 * 60 * 1000);
        }
        node.onError = n.value("onError", std::string("stop"));
        node.inputCount = std::max<std::size_t>(node.impl->descriptor().inputs.size(), 1);
        node.outputCount = node.impl->outputCount(node.parameters) + (node.onError == "output" ? 1 : 0);
        if (node.onError == "continue")
            node.outputCount = std::max<std::size_t>(node.outputCount, 1); // failed items go on port 0
        node.outgoing.resize(node.outputCount);
        node.incomingEdges.assign(node.inputCount, 0);
        if (!graph->readsNodeOutputs) {
            const std::string text = node.parameters.dump();
            graph->readsNodeOutputs = node.type == "core.code" || text.find("$node") != std::string::npos
                                      || text.find("$(") != std::string::npos || text.find("$items") != std::string::npos;
        }
        graph->byId[node.id] = int(graph->nodes.size());
        graph->byName[node.name] = int(graph->nodes.size());
        graph->nodes.push_back(std::move(node));
    }
    for (const auto &e : definition.value("edges", Json::array())) {
        auto from = graph->byId.find(e.value("from", std::string()));
        auto to = graph->byId.find(e.value("to", std::string()));
        if (from == graph->byId.end() || to == graph->byId.end())
            continue;
        const std::size_t fromPort = e.value("fromPort", 0);
        const std::size_t toPort = e.value("toPort", 0);
        GraphNode &source = graph->nodes[std::size_t(from->second)];
        GraphNode &target = graph->nodes[std::size_t(to->second)];
        if (fromPort >= source.outgoing.size() || toPort >= target.incomingEdges.size())
            continue; // validation reports these; a stale edge never runs
        source.outgoing[fromPort].push_back({to->second, int(toPort)});
        ++target.incomingEdges[toPort];
    }
    return std::shared_ptr<const WorkflowGraph>(std::move(graph));
}

} // namespace synapscale
