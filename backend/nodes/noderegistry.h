#pragma once

#include "nodes/nodetype.h"

#include <map>
#include <memory>

namespace synapscale {

// The catalog of node types. Built once (builtin()), immutable afterwards, shared by threads.
class NodeRegistry {
public:
    static const NodeRegistry &builtin();

    void add(std::unique_ptr<NodeType> type);
    const NodeType *find(const std::string &type) const;
    // Sorted by category, then display name.
    std::vector<const NodeType *> all() const;

    // Checks `parameters` against a JSON-Schema-like `schema` (types, enum, minimum/maximum,
    // required, nested objects and arrays). Strings holding {{ }} pass wherever expressions are
    // allowed; they are checked when they run. Problems are appended as 422 entries at `loc`.
    static void validate(const Json &schema, const Json &value, const Json &loc, Json &errors);

private:
    std::map<std::string, std::unique_ptr<NodeType>> m_types;
};

// A node type made of a descriptor and a function: most built-in nodes are one of these.
class FunctionNode : public NodeType {
public:
    using Execute = std::function<NodeResult(NodeContext &)>;
    using OutputCount = std::function<std::size_t(const Json &parameters)>;
    FunctionNode(NodeDescriptor descriptor, Execute execute, OutputCount outputs = {})
        : m_descriptor(std::move(descriptor)), m_execute(std::move(execute)), m_outputs(std::move(outputs))
    {
    }
    const NodeDescriptor &descriptor() const override { return m_descriptor; }
    std::size_t outputCount(const Json &parameters) const override
    {
        return m_outputs ? m_outputs(parameters) : m_descriptor.outputs.size();
    }
    NodeResult execute(NodeContext &context) const override { return m_execute(context); }

private:
    NodeDescriptor m_descriptor;
    Execute m_execute;
    OutputCount m_outputs;
};

// Schema builders that keep descriptors short.
namespace schema {
// Properties in the order the editor shows them: JSON objects sort their keys, so the order is
// also given as "x-order".
using Fields = std::vector<std::pair<std::string, Json>>;
Json object(const Fields &properties, std::vector<std::string> required = {});
Json string(const std::string &title, Json defaultValue = "", const std::string &description = {});
Json text(const std::string &title, const std::string &format, Json defaultValue = "");   // code, json, multi-line
Json number(const std::string &title, Json defaultValue, std::optional<double> minimum = std::nullopt,
            std::optional<double> maximum = std::nullopt);
Json integer(const std::string &title, Json defaultValue, std::optional<double> minimum = std::nullopt,
             std::optional<double> maximum = std::nullopt);
Json boolean(const std::string &title, bool defaultValue);
Json options(const std::string &title, std::vector<std::string> values, const std::string &defaultValue);
Json list(const std::string &title, Json items);
Json conditions(const std::string &title);
} // namespace schema

// Registration of the built-in node families (one file each).
void addTriggerNodes(NodeRegistry &registry);
void addFlowNodes(NodeRegistry &registry);
void addDataNodes(NodeRegistry &registry);
void addCodeNode(NodeRegistry &registry);
void addHttpRequestNode(NodeRegistry &registry);
void addDateTimeNode(NodeRegistry &registry);
void addCryptoNode(NodeRegistry &registry);
void addAiNodes(NodeRegistry &registry);

} // namespace synapscale
