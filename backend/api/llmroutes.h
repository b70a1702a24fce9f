#pragma once

#include <QString>

namespace synapscale {

class Router;
class LlmService;

// /api/v1/llm: providers and their models, one-shot chat (streamed as SSE or whole), usage.
namespace LlmRoutes {
void addTo(Router &router, LlmService &llm, const QString &apiPrefix);
} // namespace LlmRoutes

} // namespace synapscale
