#include "ai/protocols.h"
#include "ai/sseparser.h"

namespace synapscale::protocols {

namespace {
using nlohmann::json;

// OpenAI Chat Completions, streamed: `data: {choices:[{delta, finish_reason}], usage}` events
// ending with `data: [DONE]`. Every OpenAI-compatible server (LM Studio, vLLM, llama.cpp,
// OpenRouter, Ollama's /v1) speaks it.
class OpenAiDecoder : public StreamDecoder {
public:
    OpenAiDecoder(const LlmProvider &provider, ChatSink &sink)
        : m_provider(provider)
        , m_sink(sink)
        , m_parser([this](const SseParser::Event &e) { event(e); })
    {
    }

    void feed(const QByteArray &bytes) override { m_parser.feed(bytes); }
    qsizetype pending() const override { return m_parser.pending(); }

    void end() override
    {
        m_parser.finish();
        if (!m_done)
            m_sink.failed(incompleteStream(m_provider));
    }

private:
    void event(const SseParser::Event &e)
    {
        if (m_done)
            return;
        if (e.data.trimmed() == "[DONE]") {
            m_done = true;
            if (!m_finishReason.empty())
                m_sink.finished(m_finishReason);
            else
                m_sink.finished("stop");
            return;
        }
        const json chunk = parseStreamJson(e.data, m_provider, m_sink);
        if (chunk.is_null()) {
            m_done = true;
            return;
        }
        if (chunk.contains("error")) {
            m_done = true;
            m_sink.failed(m_provider.httpError(500, e.data));
            return;
        }
        if (chunk.contains("usage") && chunk["usage"].is_object()) {
            const json &u = chunk["usage"];
            m_sink.usage(u.value("prompt_tokens", -1), u.value("completion_tokens", -1));
        }
        if (!chunk.contains("choices") || !chunk["choices"].is_array())
            return;
        for (const json &choice : chunk["choices"]) {
            if (choice.value("index", 0) != 0)
                continue;
            if (choice.contains("delta") && choice["delta"].is_object()) {
                const json &delta = choice["delta"];
                if (delta.contains("content") && delta["content"].is_string())
                    m_sink.delta(delta["content"].get<std::string>());
                if (delta.contains("tool_calls") && delta["tool_calls"].is_array()) {
                    for (const json &call : delta["tool_calls"]) {
                        const json fn = call.value("function", json::object());
                        m_sink.toolCallPiece(call.value("index", 0), call.value("id", std::string()), fn.value("name", std::string()),
                                             fn.value("arguments", std::string()));
                    }
                }
            }
            if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
                m_finishReason = choice["finish_reason"].get<std::string>();
        }
    }

    const LlmProvider &m_provider;
    ChatSink &m_sink;
    SseParser m_parser;
    std::string m_finishReason;
    bool m_done = false;
};

json openAiMessages(const json &messages)
{
    json out = json::array();
    for (const json &m : messages) {
        json message = {{"role", m.value("role", std::string("user"))}};
        if (m.contains("content"))
            message["content"] = m["content"];
        if (m.contains("tool_calls") && m["tool_calls"].is_array() && !m["tool_calls"].empty()) {
            json calls = json::array();
            for (const json &c : m["tool_calls"])
                calls.push_back({{"id", c.value("id", std::string())},
                                 {"type", "function"},
                                 {"function", {{"name", c.value("name", std::string())}, {"arguments", argumentsText(c.value("arguments", json()))}}}});
            message["tool_calls"] = calls;
            if (!message.contains("content") || message["content"].is_null())
                message["content"] = nullptr;
        }
        if (m.contains("tool_call_id"))
            message["tool_call_id"] = m["tool_call_id"];
        out.push_back(std::move(message));
    }
    return out;
}

class OpenAiProvider : public LlmProvider {
public:
    using LlmProvider::LlmProvider;

    Result<OutgoingRequest> chatRequest(const ChatRequest &r) const override
    {
        json body = {{"model", r.model.toStdString()}, {"messages", openAiMessages(r.messages)}, {"stream", true},
                     {"stream_options", {{"include_usage", true}}}};
        if (r.temperature)
            body["temperature"] = *r.temperature;
        if (r.maxTokens)
            body["max_tokens"] = *r.maxTokens;
        if (!r.tools.empty()) {
            json tools = json::array();
            for (const json &t : r.tools)
                tools.push_back({{"type", "function"}, {"function", t}});
            body["tools"] = tools;
        }
        if (!r.responseSchema.is_null())
            body["response_format"] = {{"type", "json_schema"},
                                       {"json_schema", {{"name", r.responseSchemaName}, {"schema", r.responseSchema}, {"strict", false}}}};
        else if (r.jsonObject)
            body["response_format"] = {{"type", "json_object"}};
        OutgoingRequest request = baseRequest("POST", config().baseUrl + QStringLiteral("/chat/completions"));
        request.body = QByteArray::fromStdString(body.dump());
        if (!config().apiKey.isEmpty())
            request.addHeader("Authorization", "Bearer " + config().apiKey);
        return request;
    }

    std::unique_ptr<StreamDecoder> decoder(const ChatRequest &, ChatSink &sink) const override
    {
        return std::make_unique<OpenAiDecoder>(*this, sink);
    }

    OutgoingRequest modelsRequest() const override
    {
        OutgoingRequest request = baseRequest("GET", config().baseUrl + QStringLiteral("/models"));
        if (!config().apiKey.isEmpty())
            request.addHeader("Authorization", "Bearer " + config().apiKey);
        return request;
    }

    QStringList parseModels(const json &body) const override { return modelIdsFromData(body); }
};
} // namespace

std::unique_ptr<LlmProvider> openAi(ProviderConfig config)
{
    return std::make_unique<OpenAiProvider>(std::move(config));
}

} // namespace synapscale::protocols
