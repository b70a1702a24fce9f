#pragma once

#include <nlohmann/json.hpp>

namespace synapscale {

// The stored form of a workflow graph (DESIGN.md): {"schemaVersion":1, "nodes":[…], "edges":[…],
// "settings":{…}}. normalize() checks the structure and fills defaults; it reports every problem
// as a FastAPI 422 entry whose loc starts with `locPrefix` (e.g. ["body","definition"]).
//
// Checked here: node ids present and unique, names unique (expressions address nodes by name),
// types non-empty strings, positions [x,y], parameters objects, edges between existing nodes with
// non-negative integer ports; node types exist in the registry and parameters fit their schema;
// ports exist on their nodes; cycles only through Loop Over Items.
namespace WorkflowDefinition {
nlohmann::json normalize(const nlohmann::json &definition, const nlohmann::json &locPrefix, nlohmann::json &errors);
} // namespace WorkflowDefinition

} // namespace synapscale
