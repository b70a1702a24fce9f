#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace synapscale {

// A workflow read from a file or request: native or n8n JSON, as a native definition.
struct ImportedWorkflow {
    std::string name;
    std::string description;
    nlohmann::json tags = nlohmann::json::array();
    nlohmann::json definition;     // {schemaVersion, nodes, edges, settings}, not yet normalized
    nlohmann::json warnings = nlohmann::json::array(); // [{node, type, message}]
    bool fromN8n = false;
};

// Reads native JSON (an export {name, definition} or a bare definition) or n8n's workflow JSON
// (nodes + name-keyed connections, "=" expressions, settings). n8n nodes of supported types are
// mapped onto ours, keeping their output ordering (IF true/false, Switch rules then fallback,
// error outputs last); unsupported ones become disabled core.unsupported nodes holding the
// original JSON, each named in `warnings`. Sticky notes stay notes.
namespace WorkflowImport {
Result<ImportedWorkflow> read(const nlohmann::json &input);
// read() and WorkflowDefinition::normalize(): the definition checked, problems as 422 entries
// (loc ["body", …]) in `errors`; nullopt when there are any.
std::optional<ImportedWorkflow> prepare(const nlohmann::json &input, nlohmann::json &errors);
bool looksLikeN8n(const nlohmann::json &input);
} // namespace WorkflowImport

} // namespace synapscale
