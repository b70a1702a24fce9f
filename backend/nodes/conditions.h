#pragma once

#include "nodes/nodetype.h"

namespace synapscale {

// The condition language shared by IF, Filter and Switch — n8n's filter shape, so imported
// IF v2 / Filter v2 / Switch v3 parameters work unchanged:
// {"conditions":[{"leftValue":…,"rightValue":…,"operator":{"type":"number","operation":"gt"}}],
//  "combinator":"and"|"or","options":{"caseSensitive":true,"typeValidation":"strict"|"loose"}}
// `conditions` must already have its expressions evaluated for the item at hand.
Result<bool> evaluateConditions(const Json &conditions, bool looseTypes = false);

} // namespace synapscale
