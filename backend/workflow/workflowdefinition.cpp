#include "workflowdefinition.h"

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
            for (const char *port : {"fromPort", "toPort"}) {
                if (!e[port].is_number_integer() || e[port].get<long long>() < 0)
                    addError(errors, loc, std::string("Edge '") + port + "' must be a non-negative integer", "value_error");
            }
            out["edges"].push_back(std::move(e));
        }
    }
    return out;
}

} // namespace synapscale::WorkflowDefinition
