#include "expressionpreview.h"

#include <QJSEngine>
#include <QJsonDocument>
#include <QRegularExpression>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace synapscale {

namespace {
const QRegularExpression &expressionPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{(.*?)\\}\\}"), QRegularExpression::DotMatchesEverythingOption);
    return pattern;
}

QString show(const QJSValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("undefined");
    if (value.isString())
        return value.toString();
    const QVariant v = value.toVariant();
    if (value.isObject() || value.isArray())
        return QString::fromUtf8(QJsonDocument::fromVariant(v).toJson(QJsonDocument::Compact));
    return value.toString();
}
} // namespace

ExpressionPreview::ExpressionPreview(QObject *parent)
    : QObject(parent)
{
}

ExpressionPreview::~ExpressionPreview() = default;

bool ExpressionPreview::hasExpression(const QString &text)
{
    return expressionPattern().match(text).hasMatch();
}

QVariantMap ExpressionPreview::evaluate(const QString &text, const QVariantList &input, const QVariantMap &nodes)
{
    if (!m_engine) {
        m_engine = std::make_unique<QJSEngine>();
        m_engine->installExtensions(QJSEngine::ConsoleExtension);
    }
    QJSEngine &js = *m_engine;
    QVariantList items;
    for (const QVariant &item : input)
        items << item.toMap().value(QStringLiteral("json"));
    QJSValue global = js.globalObject();
    global.setProperty(QStringLiteral("__items"), js.toScriptValue(items));
    global.setProperty(QStringLiteral("__nodes"), js.toScriptValue(nodes));
    js.evaluate(QStringLiteral(
        "var $json = __items.length ? __items[0] : {};"
        "var $input = { all: function() { return __items.map(function(j) { return { json: j }; }); },"
        "  first: function() { return { json: $json }; }, item: { json: $json } };"
        "var $node = {}; Object.keys(__nodes).forEach(function(k) { $node[k] = { json: __nodes[k] }; });"
        "var $now = new Date(); var $execution = { id: 'preview', mode: 'manual' }; var $vars = {};"));

    // Interrupt an endless loop: a watchdog thread flips the engine's interrupt flag.
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::thread watchdog([&] {
        std::unique_lock lock(mutex);
        if (!finished.wait_for(lock, std::chrono::milliseconds(m_limitMs), [&] { return done; }))
            js.setInterrupted(true);
    });
    QString result;
    QString error;
    QJSValue single;
    const auto &pattern = expressionPattern();
    const auto whole = pattern.match(text);
    const bool onlyOne = whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == text.size();
    qsizetype last = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext() && error.isEmpty();) {
        const auto m = it.next();
        result += text.mid(last, m.capturedStart() - last);
        const QJSValue value = js.evaluate(QStringLiteral("(function() { return (%1); })()").arg(m.captured(1)));
        if (value.isError() || js.isInterrupted())
            error = js.isInterrupted() ? tr("Stopped: the expression ran longer than %1 ms.").arg(m_limitMs) : value.toString();
        else if (onlyOne)
            single = value;
        else
            result += show(value);
        last = m.capturedEnd();
    }
    result += text.mid(last);
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    finished.notify_one();
    watchdog.join();
    js.setInterrupted(false);
    if (!error.isEmpty())
        return {{QStringLiteral("ok"), false}, {QStringLiteral("text"), error}};
    return {{QStringLiteral("ok"), true}, {QStringLiteral("text"), onlyOne ? show(single) : result}};
}

} // namespace synapscale
