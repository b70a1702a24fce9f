#include "ai/protocols.h"
#include "ai/sseparser.h"

#include <QUrlQuery>

#include <map>

namespace synapscale::protocols {

namespace {
using nlohmann::json;

// Gemini streamGenerateContent with alt=sse: each event is a whole GenerateContentResponse
// (candidates[0].content.parts, finishReason, usageMetadata). There is no end marker: the
// reply is complete once a candidate carries a finishReason.
class GeminiDecoder : public StreamDecoder {
public:
    GeminiDecoder(const LlmProvider &provider, ChatSink &sink)
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
        if (m_failed)
            return;
        if (m_finishReason.empty()) {
            m_sink.failed(incompleteStream(m_provider));
            return;
        }
        m_sink.finished(m_finishReason);
    }

private:
    void event(const SseParser::Event &e)
    {
        if (m_failed)
            return;
        const json data = parseStreamJson(e.data, m_provider, m_sink);
        if (data.is_null()) {
            m_failed = true;
            return;
        }
        if (data.contains("error")) {
            m_failed = true;
            m_sink.failed(m_provider.httpError(data["error"].value("code", 500), e.data));
            return;
        }
        if (data.contains("usageMetadata") && data["usageMetadata"].is_object()) {
            const json &u = data["usageMetadata"];
            m_sink.usage(u.value("promptTokenCount", -1), u.value("candidatesTokenCount", -1));
        }
        const json candidates = data.value("candidates", json::array());
        if (!candidates.is_array() || candidates.empty())
            return;
        const json &candidate = candidates[0];
        for (const json &part : candidate.value("content", json::object()).value("parts", json::array())) {
            if (part.contains("text") && part["text"].is_string() && !part.value("thought", false)) {
                m_sink.delta(part["text"].get<std::string>());
            } else if (part.contains("functionCall")) {
                const json &call = part["functionCall"];
                const int index = m_tools++;
                // Gemini names calls but gives them no id: make one the tool result can refer to.
                const std::string id = call.value("id", "call_" + std::to_string(index + 1));
                m_sink.toolCallPiece(index, id, call.value("name", std::string()), argumentsText(call.value("args", json::object())));
            }
        }
        if (candidate.contains("finishReason") && candidate["finishReason"].is_string()) {
            const std::string reason = candidate["finishReason"].get<std::string>();
            m_finishReason = m_tools > 0                                              ? "tool_calls"
                             : reason == "MAX_TOKENS"                                 ? "length"
                             : reason == "SAFETY" || reason == "RECITATION" || reason == "PROHIBITED_CONTENT" ? "content_filter"
                                                                                      : "stop";
        }
    }

    const LlmProvider &m_provider;
    ChatSink &m_sink;
    SseParser m_parser;
    int m_tools = 0;
    std::string m_finishReason;
    bool m_failed = false;
};

// Gemini: roles user|model, the system prompt apart, tool results as functionResponse parts
// naming the function (looked up from the call they answer).
json geminiContents(const json &messages, std::string &system)
{
    std::map<std::string, std::string> callNames;
    json out = json::array();
    for (const json &m : messages) {
        const std::string role = m.value("role", std::string("user"));
        const std::string content = m.contains("content") && m["content"].is_string() ? m["content"].get<std::string>() : std::string();
        if (role == "system") {
            system += (system.empty() ? "" : "\n\n") + content;
            continue;
        }
        json parts = json::array();
        std::string geminiRole = role == "assistant" ? "model" : "user";
        if (role == "tool") {
            const std::string id = m.value("tool_call_id", std::string());
            json response = json::parse(content, nullptr, false);
            if (!response.is_object())
                response = {{"result", content}};
            parts.push_back({{"functionResponse", {{"name", callNames[id]}, {"response", response}}}});
        } else {
            if (!content.empty())
                parts.push_back({{"text", content}});
            for (const json &c : m.value("tool_calls", json::array())) {
                callNames[c.value("id", std::string())] = c.value("name", std::string());
                parts.push_back({{"functionCall", {{"name", c.value("name", std::string())}, {"args", argumentsObject(c.value("arguments", json()))}}}});
            }
        }
        if (parts.empty())
            parts.push_back({{"text", ""}});
        if (!out.empty() && out.back()["role"] == geminiRole && role == "tool")
            out.back()["parts"].insert(out.back()["parts"].end(), parts.begin(), parts.end());
        else
            out.push_back({{"role", geminiRole}, {"parts", parts}});
    }
    return out;
}

class GeminiProvider : public LlmProvider {
public:
    using LlmProvider::LlmProvider;

    Result<OutgoingRequest> chatRequest(const ChatRequest &r) const override
    {
        std::string system;
        json body = {{"contents", geminiContents(r.messages, system)}};
        if (!system.empty())
            body["systemInstruction"] = {{"parts", json::array({{{"text", system}}})}};
        json generation = json::object();
        if (r.temperature)
            generation["temperature"] = *r.temperature;
        if (r.maxTokens)
            generation["maxOutputTokens"] = *r.maxTokens;
        if (!r.responseSchema.is_null()) {
            generation["responseMimeType"] = "application/json";
            generation["responseJsonSchema"] = r.responseSchema;
        } else if (r.jsonObject) {
            generation["responseMimeType"] = "application/json";
        }
        if (!generation.empty())
            body["generationConfig"] = generation;
        if (!r.tools.empty()) {
            json declarations = json::array();
            for (const json &t : r.tools)
                declarations.push_back({{"name", t.value("name", std::string())},
                                        {"description", t.value("description", std::string())},
                                        {"parameters", t.value("parameters", json{{"type", "object"}})}});
            body["tools"] = json::array({{{"functionDeclarations", declarations}}});
        }
        const QString model = r.model.startsWith(QLatin1String("models/")) ? r.model.mid(7) : r.model;
        OutgoingRequest request = baseRequest(
            "POST", config().baseUrl + QStringLiteral("/v1beta/models/%1:streamGenerateContent?alt=sse").arg(QString::fromLatin1(QUrl::toPercentEncoding(model))));
        request.body = QByteArray::fromStdString(body.dump());
        request.addHeader("x-goog-api-key", config().apiKey);
        return request;
    }

    std::unique_ptr<StreamDecoder> decoder(const ChatRequest &, ChatSink &sink) const override
    {
        return std::make_unique<GeminiDecoder>(*this, sink);
    }

    OutgoingRequest modelsRequest() const override
    {
        OutgoingRequest request = baseRequest("GET", config().baseUrl + QStringLiteral("/v1beta/models?pageSize=1000"));
        request.addHeader("x-goog-api-key", config().apiKey);
        return request;
    }

    QStringList parseModels(const json &body) const override
    {
        QStringList models;
        for (const json &m : body.value("models", json::array())) {
            if (!m.is_object() || !m.contains("name") || !m["name"].is_string())
                continue;
            const json methods = m.value("supportedGenerationMethods", json::array());
            if (!methods.empty() && std::find(methods.begin(), methods.end(), "generateContent") == methods.end())
                continue;
            QString name = QString::fromStdString(m["name"].get<std::string>());
            if (name.startsWith(QLatin1String("models/")))
                name = name.mid(7);
            models.append(name);
        }
        return models;
    }
};
} // namespace

std::unique_ptr<LlmProvider> gemini(ProviderConfig config)
{
    return std::make_unique<GeminiProvider>(std::move(config));
}

} // namespace synapscale::protocols
