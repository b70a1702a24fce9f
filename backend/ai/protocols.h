#pragma once

#include "ai/llmprovider.h"

// The wire protocols (one file each); LlmProvider::make picks one by ProviderConfig::protocol.
namespace synapscale::protocols {
std::unique_ptr<LlmProvider> openAi(ProviderConfig config);
std::unique_ptr<LlmProvider> anthropic(ProviderConfig config);
std::unique_ptr<LlmProvider> gemini(ProviderConfig config);
std::unique_ptr<LlmProvider> ollama(ProviderConfig config);

// Tool call arguments as an object: they travel as JSON text in OpenAI's format.
nlohmann::json argumentsObject(const nlohmann::json &arguments);
std::string argumentsText(const nlohmann::json &arguments);
} // namespace synapscale::protocols
