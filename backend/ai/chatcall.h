#pragma once

#include "ai/llmprovider.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>

namespace synapscale {

// One streamed chat reply from one provider: sends the request (retried by HttpCall), decodes
// the stream, reports text as it arrives and the whole reply at the end — complete, or as far
// as it got with the error that cut it. Lives on the thread that started it (which must run an
// event loop) and deletes itself after `done`.
class ChatCall : public QObject, private ChatSink {
    Q_OBJECT
public:
    struct Handlers {
        std::function<void(const std::string &text)> delta;
        std::function<void(const ChatOutcome &outcome)> done;
    };

    // The provider must outlive the call.
    static QPointer<ChatCall> start(std::shared_ptr<const LlmProvider> provider, ChatRequest request, Handlers handlers);
    // Closes the connection to the provider; `done` reports the partial reply as "cancelled".
    void cancel();

private:
    ChatCall(std::shared_ptr<const LlmProvider> provider, ChatRequest request, Handlers handlers);
    void begin();
    void finish(std::optional<Error> error);

    void delta(const std::string &text) override;
    void toolCallPiece(int index, const std::string &id, const std::string &name, const std::string &arguments) override;
    void usage(int inputTokens, int outputTokens) override;
    void finished(const std::string &reason) override;
    void failed(Error error) override;

    std::shared_ptr<const LlmProvider> m_provider;
    ChatRequest m_request;
    Handlers m_handlers;
    std::unique_ptr<StreamDecoder> m_decoder;
    QPointer<HttpCall> m_http;
    int m_status = 0;
    QByteArray m_errorBody;
    ChatResult m_result;
    std::map<int, ToolCall> m_toolCalls;
    std::optional<Error> m_streamError;
    bool m_ended = false;
};

} // namespace synapscale
