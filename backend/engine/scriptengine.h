#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <QJSValue>
#include <QString>

#include <atomic>
#include <chrono>

class QJSEngine;

namespace synapscale {

// The JavaScript engine of the calling thread (QJSEngine is a per-thread object: one per
// worker, created on first use) with the helpers every script user needs: JSON in and out,
// compiled-function caching, and time limits enforced by a watchdog thread that interrupts
// the engine (QJSEngine::setInterrupted works from another thread).
class ScriptEngine {
public:
    static ScriptEngine &forThisThread();

    QJSEngine &js() { return *m_engine; }
    QJSValue toJs(const nlohmann::json &value);
    // JSON.stringify semantics: functions and undefined properties vanish, dates become ISO text.
    nlohmann::json fromJs(const QJSValue &value);
    // Compiles `source` (a function expression) once per thread.
    Result<QJSValue> compiled(const QString &source);
    // A readable message for a thrown value: "TypeError: x is undefined (line 3)".
    static QString errorText(const QJSValue &error, int lineOffset = 0);

    // While a Deadline lives, scripts on this thread stop at `limit` or when interrupt(key) is
    // called for its key; interrupted() then says why.
    class Deadline {
    public:
        Deadline(ScriptEngine &engine, std::chrono::milliseconds limit, const void *key);
        ~Deadline();
        Deadline(const Deadline &) = delete;
        Deadline &operator=(const Deadline &) = delete;
    private:
        ScriptEngine &m_engine;
        quint64 m_ticket;
    };
    // Interrupts the scripts running under Deadlines armed with `key` (cancellation).
    static void interrupt(const void *key);
    // True after a Deadline expired or interrupt() hit this engine; cleared by the next Deadline.
    bool timedOut() const { return m_timedOut.load(); }
    bool wasInterrupted() const;

    ~ScriptEngine();

private:
    ScriptEngine();
    QJSEngine *m_engine;
    QJSValue m_parse;
    QJSValue m_stringify;
    QHash<QString, QJSValue> m_compiled;
    std::atomic<bool> m_timedOut{false};
    friend class ScriptWatchdog;
};

} // namespace synapscale
