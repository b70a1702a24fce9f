#pragma once

#include "ai/llmtypes.h"
#include "core/httpclient.h"

#include <QStringList>

#include <memory>

namespace synapscale {

// Where a provider lives and how to sign in to it.
struct ProviderConfig {
    QString id;       // openai | anthropic | google | ollama | a custom OpenAI-compatible id
    QString name;     // shown to people
    QString protocol; // openai | anthropic | google | ollama: the wire protocol spoken
    QString baseUrl;  // each official SDK's convention (API.md)
    QByteArray apiKey;
    QString keySource; // "environment" | "credential" | "detected" | "" — where the configuration came from
    QString defaultModel;
    bool configured = false; // has what it needs to be called (a key, or a local server that answered)
    int timeoutMs = 120000; // no byte for this long fails the call
    int maxAttempts = 3;
};

// Turns the bytes of one streamed reply into calls on the sink it was made for.
class StreamDecoder {
public:
    virtual ~StreamDecoder() = default;
    virtual void feed(const QByteArray &bytes) = 0;
    // The body ended: a stream cut before the protocol's end marker fails here.
    virtual void end() = 0;
    // Bytes held that do not yet form a whole event: bounds a stream that never delimits one.
    virtual qsizetype pending() const = 0;
};

// One wire protocol: how to ask for a streamed chat reply and the model list, and how to
// read the answers. Stateless and shared; a decoder holds the state of one reply.
class LlmProvider {
public:
    explicit LlmProvider(ProviderConfig config) : m_config(std::move(config)) {}
    virtual ~LlmProvider() = default;
    const ProviderConfig &config() const { return m_config; }

    virtual Result<OutgoingRequest> chatRequest(const ChatRequest &request) const = 0;
    virtual std::unique_ptr<StreamDecoder> decoder(const ChatRequest &request, ChatSink &sink) const = 0;
    virtual OutgoingRequest modelsRequest() const = 0;
    virtual QStringList parseModels(const nlohmann::json &body) const = 0;

    // An error answer (status ≥ 400) as an Error a person understands.
    Error httpError(int status, const QByteArray &body) const;

    static std::unique_ptr<LlmProvider> make(ProviderConfig config);

protected:
    OutgoingRequest baseRequest(QByteArray method, const QString &url) const;

private:
    ProviderConfig m_config;
};

// The error of a stream that ended before the protocol's end marker.
Error incompleteStream(const LlmProvider &provider);
// Model ids from a {"data":[{"id"}]} list (OpenAI and Anthropic).
QStringList modelIdsFromData(const nlohmann::json &body);

// Parses a streamed JSON payload; reports a malformed one to the sink and returns null.
nlohmann::json parseStreamJson(const QByteArray &text, const LlmProvider &provider, ChatSink &sink);

} // namespace synapscale
