#include "scriptengine.h"

#include <QJSEngine>
#include <QThreadStorage>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace synapscale {

// One thread for the whole process that interrupts scripts whose deadline passed. Arming and
// disarming are a map insert/erase under a mutex; the thread sleeps until the nearest deadline.
class ScriptWatchdog {
public:
    static ScriptWatchdog &instance()
    {
        // Never destroyed: its thread waits on the condition variable until the process ends.
        static ScriptWatchdog *watchdog = new ScriptWatchdog;
        return *watchdog;
    }

    quint64 arm(ScriptEngine *engine, std::chrono::steady_clock::time_point deadline, const void *key)
    {
        std::lock_guard lock(m_mutex);
        const quint64 ticket = ++m_next;
        m_armed.emplace(ticket, Entry{engine, deadline, key});
        // Wake the thread only when this deadline comes before the one it sleeps until: a wake
        // per arm cost several microseconds per node run.
        if (deadline < m_sleepUntil) {
            m_sleepUntil = deadline;
            m_wake.notify_one();
        }
        return ticket;
    }

    void disarm(quint64 ticket)
    {
        std::lock_guard lock(m_mutex);
        m_armed.erase(ticket);
    }

    void interrupt(const void *key)
    {
        std::lock_guard lock(m_mutex);
        for (auto &[ticket, entry] : m_armed) {
            if (entry.key == key)
                fire(entry);
        }
    }

private:
    struct Entry {
        ScriptEngine *engine;
        std::chrono::steady_clock::time_point deadline;
        const void *key;
    };

    ScriptWatchdog()
        : m_thread([this] { run(); })
    {
        m_thread.detach(); // lives as long as the process; never joined at exit
    }

    static void fire(Entry &entry)
    {
        entry.engine->m_timedOut = true;
        entry.engine->m_engine->setInterrupted(true);
        entry.deadline = std::chrono::steady_clock::time_point::max();
    }

    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            auto next = std::chrono::steady_clock::time_point::max();
            const auto now = std::chrono::steady_clock::now();
            for (auto &[ticket, entry] : m_armed) {
                if (entry.deadline <= now)
                    fire(entry);
                else
                    next = std::min(next, entry.deadline);
            }
            m_sleepUntil = next;
            if (next == std::chrono::steady_clock::time_point::max())
                m_wake.wait(lock);
            else
                m_wake.wait_until(lock, next);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<quint64, Entry> m_armed;
    quint64 m_next = 0;
    std::chrono::steady_clock::time_point m_sleepUntil = std::chrono::steady_clock::time_point::max();
    std::thread m_thread;
};

namespace {
// Defined once per engine: what scripts may use beyond the language itself.
constexpr auto kPrelude = R"JS(
(function (g) {
    g.console = { log: function () {}, warn: function () {}, error: function () {}, info: function () {} };
    if (!Date.prototype.toISO)
        Date.prototype.toISO = function () { return this.toISOString(); };
    Object.defineProperty(g, "$now", { get: function () { return new Date(); } });
    Object.defineProperty(g, "$today", { get: function () { var d = new Date(); d.setUTCHours(0, 0, 0, 0); return d; } });
})(this)
)JS";
} // namespace

ScriptEngine &ScriptEngine::forThisThread()
{
    // QThreadStorage, not thread_local: its values die while the QThread finishes, before
    // QThread::wait() returns. A thread_local QJSEngine died after that, so at process exit a
    // pool thread could still be destroying it while the main thread unloaded Qt Qml (SIGSEGV).
    static QThreadStorage<ScriptEngine *> engines;
    if (!engines.hasLocalData())
        engines.setLocalData(new ScriptEngine);
    return *engines.localData();
}

ScriptEngine::ScriptEngine()
    : m_engine(new QJSEngine)
{
    m_engine->evaluate(QString::fromLatin1(kPrelude));
    const QJSValue json = m_engine->globalObject().property(QStringLiteral("JSON"));
    m_parse = json.property(QStringLiteral("parse"));
    m_stringify = json.property(QStringLiteral("stringify"));
}

ScriptEngine::~ScriptEngine()
{
    m_compiled.clear();
    m_parse = QJSValue();
    m_stringify = QJSValue();
    delete m_engine;
}

QJSValue ScriptEngine::toJs(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return QJSValue(QJSValue::NullValue);
    case nlohmann::json::value_t::boolean:
        return QJSValue(value.get<bool>());
    case nlohmann::json::value_t::string:
        return QJSValue(QString::fromStdString(value.get_ref<const std::string &>()));
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return QJSValue(value.get<double>());
    default:
        // JSON.parse builds large structures far faster than property-by-property construction.
        return m_parse.call({QJSValue(QString::fromStdString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)))});
    }
}

nlohmann::json ScriptEngine::fromJs(const QJSValue &value)
{
    if (value.isUndefined() || value.isNull())
        return nullptr;
    if (value.isBool())
        return value.toBool();
    if (value.isString())
        return value.toString().toStdString();
    if (value.isNumber()) {
        const double d = value.toNumber();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9007199254740992.0)
            return static_cast<long long>(d);
        if (!std::isfinite(d))
            return nullptr;
        return d;
    }
    const QJSValue text = m_stringify.call({value});
    if (!text.isString())
        return nullptr;
    auto parsed = nlohmann::json::parse(text.toString().toStdString(), nullptr, false);
    return parsed.is_discarded() ? nlohmann::json() : parsed;
}

Result<QJSValue> ScriptEngine::compiled(const QString &source)
{
    auto it = m_compiled.constFind(source);
    if (it != m_compiled.constEnd())
        return *it;
    QJSValue fn = m_engine->evaluate(source);
    if (fn.isError())
        return Error::make(QStringLiteral("script_error"), errorText(fn));
    if (m_compiled.size() > 2000)
        m_compiled.clear();
    m_compiled.insert(source, fn);
    return fn;
}

QString ScriptEngine::errorText(const QJSValue &error, int lineOffset)
{
    QString text = error.toString();
    const int line = error.property(QStringLiteral("lineNumber")).toInt() - lineOffset;
    if (line > 0)
        text += QStringLiteral(" (line %1)").arg(line);
    return text;
}

bool ScriptEngine::wasInterrupted() const
{
    return m_engine->isInterrupted() || m_timedOut.load();
}

ScriptEngine::Deadline::Deadline(ScriptEngine &engine, std::chrono::milliseconds limit, const void *key)
    : m_engine(engine)
{
    m_engine.m_timedOut = false;
    m_engine.m_engine->setInterrupted(false);
    m_ticket = ScriptWatchdog::instance().arm(&engine, std::chrono::steady_clock::now() + limit, key);
}

ScriptEngine::Deadline::~Deadline()
{
    ScriptWatchdog::instance().disarm(m_ticket);
    // Reset so the engine can be reused by the next script on this worker.
    m_engine.m_engine->setInterrupted(false);
}

void ScriptEngine::interrupt(const void *key)
{
    ScriptWatchdog::instance().interrupt(key);
}

} // namespace synapscale
