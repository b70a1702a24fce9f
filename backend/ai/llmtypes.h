#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace synapscale {

// What a caller asks of a chat model, in one provider-neutral shape.
// messages: [{role: system|user|assistant|tool, content: string,
//             tool_calls?: [{id, name, arguments: object}], tool_call_id?: string}]
// tools:    [{name, description, parameters: JSON Schema}]
struct ChatRequest {
    QString model;
    nlohmann::json messages = nlohmann::json::array();
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    nlohmann::json tools = nlohmann::json::array();
    // Structured output: a JSON Schema the reply must follow (null: free text), and its name.
    nlohmann::json responseSchema;
    std::string responseSchemaName = "response";
    bool jsonObject = false; // any JSON object, no schema
};

struct ToolCall {
    std::string id;
    std::string name;
    std::string arguments; // JSON text as streamed; parse once whole
};

// A reply as far as it got: complete, or cut short (then ChatOutcome::error says why).
struct ChatResult {
    std::string text;
    std::vector<ToolCall> toolCalls;
    int inputTokens = 0;
    int outputTokens = 0;
    std::string finishReason; // stop | length | tool_calls | content_filter | "" (unfinished)
};

struct ChatOutcome {
    ChatResult result;
    std::optional<Error> error;
    bool ok() const { return !error.has_value(); }
};

// What a wire protocol's stream decoder reports as bytes turn into meaning. ChatCall
// accumulates these into a ChatResult.
class ChatSink {
public:
    virtual ~ChatSink() = default;
    virtual void delta(const std::string &text) = 0;
    // A piece of tool call `index`: the id and name arrive once, arguments possibly in fragments.
    virtual void toolCallPiece(int index, const std::string &id, const std::string &name, const std::string &arguments) = 0;
    virtual void usage(int inputTokens, int outputTokens) = 0; // -1 leaves a count as it was
    virtual void finished(const std::string &reason) = 0;
    virtual void failed(Error error) = 0;
};

} // namespace synapscale
