#include "noderegistry.h"

#include "engine/expressions.h"

#include <algorithm>

namespace synapscale {

Json NodeDescriptor::toJson() const
{
    Json in = Json::array();
    for (const auto &name : inputs)
        in.push_back({{"name", name}});
    Json out = Json::array();
    for (const auto &name : outputs)
        out.push_back({{"name", name}});
    return {{"type", type},       {"version", version},       {"display_name", displayName}, {"category", category},
            {"description", description}, {"inputs", in}, {"outputs", out},   {"parameters", parameters},
            {"credentials", credentials}, {"trigger", trigger}};
}

const NodeRegistry &NodeRegistry::builtin()
{
    static const NodeRegistry registry = [] {
        NodeRegistry r;
        addTriggerNodes(r);
        addFlowNodes(r);
        addDataNodes(r);
        addCodeNode(r);
        addHttpRequestNode(r);
        addDateTimeNode(r);
        addCryptoNode(r);
        addAiNodes(r);
        return r;
    }();
    return registry;
}

void NodeRegistry::add(std::unique_ptr<NodeType> type)
{
    const std::string id = type->descriptor().type;
    m_types[id] = std::move(type);
}

const NodeType *NodeRegistry::find(const std::string &type) const
{
    auto it = m_types.find(type);
    return it == m_types.end() ? nullptr : it->second.get();
}

std::vector<const NodeType *> NodeRegistry::all() const
{
    std::vector<const NodeType *> out;
    for (const auto &[id, type] : m_types)
        out.push_back(type.get());
    std::sort(out.begin(), out.end(), [](const NodeType *a, const NodeType *b) {
        return std::tie(a->descriptor().category, a->descriptor().displayName)
               < std::tie(b->descriptor().category, b->descriptor().displayName);
    });
    return out;
}

namespace {
void addError(Json &errors, const Json &loc, const std::string &msg, const char *type)
{
    errors.push_back({{"loc", loc}, {"msg", msg}, {"type", type}});
}

Json child(const Json &loc, const Json &key)
{
    Json l = loc;
    l.push_back(key);
    return l;
}

bool typeMatches(const std::string &type, const Json &value)
{
    if (type == "string")
        return value.is_string();
    if (type == "number")
        return value.is_number();
    if (type == "integer")
        return value.is_number_integer() || (value.is_number_float() && value.get<double>() == std::floor(value.get<double>()));
    if (type == "boolean")
        return value.is_boolean();
    if (type == "array")
        return value.is_array();
    if (type == "object")
        return value.is_object();
    return true;
}
} // namespace

void NodeRegistry::validate(const Json &schema, const Json &value, const Json &loc, Json &errors)
{
    if (!schema.is_object())
        return;
    const bool expressionsAllowed = schema.value("x-expression", true);
    if (value.is_string() && expressionsAllowed && ExpressionSession::containsExpression(value.get_ref<const std::string &>()))
        return;
    const std::string type = schema.value("type", std::string());
    if (!type.empty() && !typeMatches(type, value)) {
        if (!(value.is_null() && schema.value("nullable", false)))
            addError(errors, loc, "Input should be a valid " + type, (type + "_type").c_str());
        return;
    }
    if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
        std::string allowed;
        for (const auto &e : schema["enum"])
            allowed += (allowed.empty() ? "" : ", ") + e.dump();
        addError(errors, loc, "Input should be one of " + allowed, "enum");
        return;
    }
    if (value.is_number()) {
        if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>())
            addError(errors, loc, "Input should be greater than or equal to " + schema["minimum"].dump(), "greater_than_equal");
        if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>())
            addError(errors, loc, "Input should be less than or equal to " + schema["maximum"].dump(), "less_than_equal");
    }
    if (value.is_object() && schema.contains("properties")) {
        for (const auto &req : schema.value("required", Json::array())) {
            if (!value.contains(req.get<std::string>()))
                addError(errors, child(loc, req), "Field required", "missing");
        }
        for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
            if (value.contains(it.key()))
                validate(it.value(), value[it.key()], child(loc, it.key()), errors);
        }
    }
    if (value.is_array() && schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i)
            validate(schema["items"], value[i], child(loc, i), errors);
    }
}

namespace schema {
Json object(const Fields &properties, std::vector<std::string> required)
{
    Json props = Json::object();
    Json order = Json::array();
    for (const auto &[key, schema] : properties) {
        props[key] = schema;
        order.push_back(key);
    }
    Json o = {{"type", "object"}, {"properties", std::move(props)}, {"x-order", std::move(order)}};
    if (!required.empty())
        o["required"] = required;
    return o;
}

Json string(const std::string &title, Json defaultValue, const std::string &description)
{
    Json s = {{"type", "string"}, {"title", title}, {"default", std::move(defaultValue)}};
    if (!description.empty())
        s["description"] = description;
    return s;
}

Json text(const std::string &title, const std::string &format, Json defaultValue)
{
    return {{"type", "string"}, {"title", title}, {"format", format}, {"default", std::move(defaultValue)}};
}

Json number(const std::string &title, Json defaultValue, std::optional<double> minimum, std::optional<double> maximum)
{
    Json s = {{"type", "number"}, {"title", title}, {"default", std::move(defaultValue)}};
    if (minimum)
        s["minimum"] = *minimum;
    if (maximum)
        s["maximum"] = *maximum;
    return s;
}

Json integer(const std::string &title, Json defaultValue, std::optional<double> minimum, std::optional<double> maximum)
{
    Json s = number(title, std::move(defaultValue), minimum, maximum);
    s["type"] = "integer";
    return s;
}

Json boolean(const std::string &title, bool defaultValue)
{
    return {{"type", "boolean"}, {"title", title}, {"default", defaultValue}};
}

Json options(const std::string &title, std::vector<std::string> values, const std::string &defaultValue)
{
    return {{"type", "string"}, {"title", title}, {"enum", values}, {"default", defaultValue}};
}

Json list(const std::string &title, Json items)
{
    return {{"type", "array"}, {"title", title}, {"items", std::move(items)}, {"default", Json::array()}};
}

Json conditions(const std::string &title)
{
    const Json op = object({{"type", options("Type", {"string", "number", "boolean", "dateTime", "array", "object", "any"}, "string")},
                            {"operation", string("Operation", "equals")}},
                           {"operation"});
    const Json condition = object({{"leftValue", {{"title", "Value 1"}}}, {"rightValue", {{"title", "Value 2"}}}, {"operator", op}},
                                  {"operator"});
    Json s = object({{"conditions", list("Conditions", condition)},
                     {"combinator", options("Combine", {"and", "or"}, "and")},
                     {"options", object({{"caseSensitive", boolean("Case sensitive", true)},
                                         {"typeValidation", options("Type validation", {"strict", "loose"}, "strict")}})}});
    s["title"] = title;
    s["format"] = "conditions";
    s["default"] = {{"conditions", Json::array()}, {"combinator", "and"}};
    return s;
}
} // namespace schema

} // namespace synapscale
