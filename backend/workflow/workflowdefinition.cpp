#include "workflowdefinition.h"

#include "nodes/noderegistry.h"

#include <functional>
#include <map>

#include <set>
#include <string>

namespace synapscale::WorkflowDefinition {

namespace {
void addError(nlohmann::json &errors, nlohmann::json loc, const std::string &msg, const char *type)
{
    errors.push_back({{"loc", std::move(loc)}, {"msg", msg}, {"type", type}});
}

nlohmann::json at(const nlohmann::json &prefix, std::initializer_list<nlohmann::json> more)
{
    nlohmann::json loc = prefix;
    for (const auto &m : more)
        loc.push_back(m);
    return loc;
}
const nlohmann::json *findNode(const nlohmann::json &nodes, const nlohmann::json &id)
{
    for (const auto &n : nodes) {
        if (n.value("id", nlohmann::json()) == id)
            return &n;
    }
    return nullptr;
}

// An edge must leave from an output the source has and arrive at an input the target has.
void checkPorts(const nlohmann::json &nodes, const nlohmann::json &edge, const nlohmann::json &loc, nlohmann::json &errors)
{
    const auto *from = findNode(nodes, edge["from"]);
    const auto *to = findNode(nodes, edge["to"]);
    if (!from || !to)
        return;
    const NodeType *source = NodeRegistry::builtin().find(from->value("type", std::string()));
    const NodeType *target = NodeRegistry::builtin().find(to->value("type", std::string()));
    if (source && from->value("parameters", nlohmann::json::object()).is_object()) {
        std::size_t outputs = source->outputCount(from->value("parameters", nlohmann::json::object()));
        const std::string onError = from->value("onError", std::string("stop"));
        if (onError == "output")
            ++outputs;
        else if (onError == "continue")
            outputs = std::max<std::size_t>(outputs, 1);
        if (edge["fromPort"].get<std::size_t>() >= outputs)
            addError(errors, loc, "Node '" + from->value("name", std::string()) + "' has no output " + edge["fromPort"].dump(), "value_error");
    }
    if (target) {
        const std::size_t inputs = target->descriptor().inputs.size();
        if (edge["toPort"].get<std::size_t>() >= inputs)
            addError(errors, loc,
                     inputs == 0 ? "Node '" + to->value("name", std::string()) + "' is a trigger and takes no input"
                                 : "Node '" + to->value("name", std::string()) + "' has no input " + edge["toPort"].dump(),
                     "value_error");
    }
}

// Cycles are allowed only through a Loop Over Items node: without those nodes the graph must
// be acyclic. Reports one cycle, by node names.
void checkCycles(const nlohmann::json &nodes, const nlohmann::json &edges, const nlohmann::json &loc, nlohmann::json &errors)
{
    std::map<std::string, std::vector<std::string>> next;
    std::map<std::string, std::string> names;
    std::map<std::string, bool> loop;
    for (const auto &n : nodes) {
        const auto id = n.value("id", nlohmann::json());
        if (!id.is_string())
            continue;
        names[id.get<std::string>()] = n.value("name", id.get<std::string>());
        loop[id.get<std::string>()] = n.value("type", std::string()) == "core.loop";
    }
    for (const auto &e : edges) {
        if (!e["from"].is_string() || !e["to"].is_string())
            continue;
        const auto from = e["from"].get<std::string>();
        const auto to = e["to"].get<std::string>();
        if (loop[from] || loop[to] || !names.count(from) || !names.count(to))
            continue;
        next[from].push_back(to);
    }
    std::map<std::string, int> state; // 0 new, 1 on stack, 2 done
    std::vector<std::string> stack;
    std::function<bool(const std::string &)> visit = [&](const std::string &id) {
        state[id] = 1;
        stack.push_back(id);
        for (const auto &to : next[id]) {
            if (state[to] == 1) {
                std::string path;
                auto start = std::find(stack.begin(), stack.end(), to);
                for (auto it = start; it != stack.end(); ++it)
                    path += names[*it] + " -> ";
                path += names[to];
                addError(errors, loc, "The workflow has a cycle (" + path + "); a cycle must pass through a Loop Over Items node",
                         "cycle");
                return true;
            }
            if (state[to] == 0 && visit(to))
                return true;
        }
        stack.pop_back();
        state[id] = 2;
        return false;
    };
    for (const auto &[id, name] : names) {
        if (state[id] == 0 && visit(id))
            return;
    }
}
} // namespace

nlohmann::json normalize(const nlohmann::json &definition, const nlohmann::json &locPrefix, nlohmann::json &errors)
{
    if (!definition.is_object()) {
        addError(errors, locPrefix, "Input should be an object with nodes, edges and settings", "model_type");
        return {};
    }
    nlohmann::json out = {{"schemaVersion", 1}, {"nodes", nlohmann::json::array()}, {"edges", nlohmann::json::array()},
                          {"settings", nlohmann::json::object()}};
    if (definition.contains("schemaVersion") && definition["schemaVersion"] != 1)
        addError(errors, at(locPrefix, {"schemaVersion"}), "Only schemaVersion 1 is supported", "value_error");
    const auto nodes = definition.value("nodes", nlohmann::json::array());
    const auto edges = definition.value("edges", nlohmann::json::array());
    if (!nodes.is_array())
        addError(errors, at(locPrefix, {"nodes"}), "Input should be a valid list", "list_type");
    if (!edges.is_array())
        addError(errors, at(locPrefix, {"edges"}), "Input should be a valid list", "list_type");
    if (definition.contains("settings")) {
        if (definition["settings"].is_object())
            out["settings"] = definition["settings"];
        else
            addError(errors, at(locPrefix, {"settings"}), "Input should be an object", "dict_type");
    }
    std::set<std::string> ids;
    std::set<std::string> names;
    if (nodes.is_array()) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const auto &node = nodes[i];
            const auto loc = [&](const char *field) { return at(locPrefix, {"nodes", i, field}); };
            if (!node.is_object()) {
                addError(errors, at(locPrefix, {"nodes", i}), "Input should be an object", "dict_type");
                continue;
            }
            nlohmann::json n = node;
            const auto id = node.value("id", nlohmann::json());
            if (!id.is_string() || id.get<std::string>().empty())
                addError(errors, loc("id"), "Node id must be a non-empty string", "string_type");
            else if (!ids.insert(id.get<std::string>()).second)
                addError(errors, loc("id"), "Duplicate node id '" + id.get<std::string>() + "'", "value_error");
            const auto type = node.value("type", nlohmann::json());
            if (!type.is_string() || type.get<std::string>().empty())
                addError(errors, loc("type"), "Node type must be a non-empty string", "string_type");
            const auto name = node.value("name", id.is_string() ? id : nlohmann::json(""));
            if (!name.is_string() || name.get<std::string>().empty())
                addError(errors, loc("name"), "Node name must be a non-empty string", "string_type");
            else if (!names.insert(name.get<std::string>()).second)
                addError(errors, loc("name"), "Duplicate node name '" + name.get<std::string>() + "'", "value_error");
            n["name"] = name;
            const auto position = node.value("position", nlohmann::json::array({0, 0}));
            if (!position.is_array() || position.size() != 2 || !position[0].is_number() || !position[1].is_number())
                addError(errors, loc("position"), "Position must be [x, y]", "value_error");
            n["position"] = position;
            if (node.contains("parameters") && !node["parameters"].is_object())
                addError(errors, loc("parameters"), "Parameters must be an object", "dict_type");
            if (!node.contains("parameters"))
                n["parameters"] = nlohmann::json::object();
            if (node.contains("disabled") && !node["disabled"].is_boolean())
                addError(errors, loc("disabled"), "Input should be a valid boolean", "bool_type");
            if (node.contains("alwaysOutputData") && !node["alwaysOutputData"].is_boolean())
                addError(errors, loc("alwaysOutputData"), "Input should be a valid boolean", "bool_type");
            if (type.is_string() && !type.get<std::string>().empty()) {
                const NodeType *impl = NodeRegistry::builtin().find(type.get<std::string>());
                if (!impl)
                    addError(errors, loc("type"), "Unknown node type '" + type.get<std::string>() + "'", "value_error");
                else if (n["parameters"].is_object())
                    NodeRegistry::validate(impl->descriptor().parameters, n["parameters"], loc("parameters"), errors);
            }
            if (node.contains("onError")) {
                const auto &onError = node["onError"];
                if (!onError.is_string() || (onError != "stop" && onError != "continue" && onError != "output"))
                    addError(errors, loc("onError"), "onError must be 'stop', 'continue' or 'output'", "enum");
            }
            if (node.contains("retry")) {
                const auto &retry = node["retry"];
                const auto maxTries = retry.is_object() ? retry.value("maxTries", nlohmann::json(1)) : nlohmann::json();
                const auto waitMs = retry.is_object() ? retry.value("waitMs", nlohmann::json(0)) : nlohmann::json();
                if (!maxTries.is_number_integer() || maxTries.get<long long>() < 1 || maxTries.get<long long>() > 10
                    || !waitMs.is_number_integer() || waitMs.get<long long>() < 0 || waitMs.get<long long>() > 300000)
                    addError(errors, loc("retry"), "retry must be {maxTries: 1..10, waitMs: 0..300000}", "value_error");
            }
            out["nodes"].push_back(std::move(n));
        }
    }
    if (edges.is_array()) {
        for (std::size_t i = 0; i < edges.size(); ++i) {
            const auto &edge = edges[i];
            const auto loc = at(locPrefix, {"edges", i});
            if (!edge.is_object()) {
                addError(errors, loc, "Input should be an object", "dict_type");
                continue;
            }
            nlohmann::json e = {{"from", edge.value("from", nlohmann::json())},
                                {"fromPort", edge.value("fromPort", nlohmann::json(0))},
                                {"to", edge.value("to", nlohmann::json())},
                                {"toPort", edge.value("toPort", nlohmann::json(0))}};
            for (const char *end : {"from", "to"}) {
                if (!e[end].is_string() || !ids.count(e[end].get<std::string>()))
                    addError(errors, loc, std::string("Edge '") + end + "' must name an existing node", "value_error");
            }
            bool portsOk = true;
            for (const char *port : {"fromPort", "toPort"}) {
                if (!e[port].is_number_integer() || e[port].get<long long>() < 0) {
                    addError(errors, loc, std::string("Edge '") + port + "' must be a non-negative integer", "value_error");
                    portsOk = false;
                }
            }
            if (portsOk)
                checkPorts(out["nodes"], e, loc, errors);
            out["edges"].push_back(std::move(e));
        }
        checkCycles(out["nodes"], out["edges"], at(locPrefix, {"edges"}), errors);
    }
    return out;
}

} // namespace synapscale::WorkflowDefinition
