#include "expressions.h"

#include "engine/scriptengine.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include <QJSEngine>
#include <QObject>
#include <QThreadStorage>

namespace synapscale {

namespace {

// A piece of a parameter text: literal text or the source of one {{ }} expression.
struct Segment {
    bool expression = false;
    std::string text;
    std::size_t start = 0; // offset of "{{" (or of the literal) in the original text
    std::size_t end = 0;   // one past "}}"
};

// Splits "a {{ x }} b" into segments. The closing "}}" is searched outside string literals and
// nested braces, so {{ {a: {b: 1}} }} and {{ "}}" }} work. An unclosed "{{" stays literal text.
std::vector<Segment> splitTemplate(const std::string &text)
{
    std::vector<Segment> out;
    std::size_t pos = 0;
    std::size_t literalStart = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("{{", pos);
        if (open == std::string::npos)
            break;
        std::size_t i = open + 2;
        int depth = 0;
        char quote = 0;
        std::size_t close = std::string::npos;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (quote) {
                if (c == '\\')
                    ++i;
                else if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`')
                quote = c;
            else if (c == '{')
                ++depth;
            else if (c == '}') {
                if (depth == 0 && i + 1 < text.size() && text[i + 1] == '}') {
                    close = i;
                    break;
                }
                if (depth > 0)
                    --depth;
            }
        }
        if (close == std::string::npos)
            break;
        if (open > literalStart)
            out.push_back({false, text.substr(literalStart, open - literalStart), literalStart, open});
        out.push_back({true, text.substr(open + 2, close - open - 2), open, close + 2});
        pos = literalStart = close + 2;
    }
    if (literalStart < text.size())
        out.push_back({false, text.substr(literalStart), literalStart, text.size()});
    return out;
}

std::string trimmed(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// `$json.a.b`, `$json["a"][0]`: resolved without JavaScript. Returns false when the expression
// is anything else. A missing key yields `undefined` (nullopt).
bool fastPath(const std::string &expr, const Json &item, std::optional<Json> &result)
{
    if (expr.rfind("$json", 0) != 0)
        return false;
    const Json *cur = &item;
    std::size_t i = 5;
    bool missing = false;
    while (i < expr.size()) {
        std::string key;
        std::optional<std::size_t> index;
        if (expr[i] == '.') {
            std::size_t j = i + 1;
            while (j < expr.size() && (std::isalnum(static_cast<unsigned char>(expr[j])) || expr[j] == '_' || expr[j] == '$'))
                ++j;
            if (j == i + 1 || std::isdigit(static_cast<unsigned char>(expr[i + 1])))
                return false;
            key = expr.substr(i + 1, j - i - 1);
            i = j;
        } else if (expr[i] == '[') {
            std::size_t j = i + 1;
            if (j < expr.size() && (expr[j] == '"' || expr[j] == '\'')) {
                const char q = expr[j];
                const std::size_t endq = expr.find(q, j + 1);
                if (endq == std::string::npos || endq + 1 >= expr.size() || expr[endq + 1] != ']')
                    return false;
                key = expr.substr(j + 1, endq - j - 1);
                if (key.find('\\') != std::string::npos)
                    return false;
                i = endq + 2;
            } else {
                std::size_t k = j;
                while (k < expr.size() && std::isdigit(static_cast<unsigned char>(expr[k])))
                    ++k;
                if (k == j || k >= expr.size() || expr[k] != ']')
                    return false;
                index = std::stoull(expr.substr(j, k - j));
                i = k + 1;
            }
        } else {
            return false;
        }
        if (missing)
            return false; // property of undefined: let JavaScript produce its TypeError
        if (index) {
            if (cur->is_array() && *index < cur->size())
                cur = &(*cur)[*index];
            else if (cur->is_array() || cur->is_object())
                missing = true;
            else
                return false;
        } else if (cur->is_object()) {
            auto it = cur->find(key);
            if (it == cur->end())
                missing = true;
            else
                cur = &*it;
        } else {
            return false; // strings have properties too (length): JavaScript knows them
        }
    }
    if (missing)
        result.reset();
    else
        result = *cur;
    return true;
}

// `$json.price * 2`, `$json.a + 1`: one +, - or * (spaced) between two numbers, each a `$json`
// path or a decimal literal, computed as JavaScript does (IEEE doubles). Anything else, or an
// operand that is not a number (a string concatenates, a missing key is NaN), goes to JavaScript.
bool arithmeticPath(const std::string &expr, const Json &item, std::optional<Json> &result)
{
    std::size_t at = std::string::npos;
    char op = 0;
    for (const char candidate : {'+', '-', '*'}) {
        const std::string spaced = std::string(" ") + candidate + ' ';
        const std::size_t found = expr.find(spaced);
        if (found == std::string::npos)
            continue;
        if (at != std::string::npos || expr.find(spaced, found + 1) != std::string::npos)
            return false; // more than one operator: precedence is JavaScript's business
        at = found;
        op = candidate;
    }
    if (at == std::string::npos)
        return false;
    auto operand = [&item](const std::string &text, double &out) {
        if (text.rfind("$json", 0) == 0) {
            std::optional<Json> value;
            if (!fastPath(text, item, value) || !value || !value->is_number())
                return false;
            out = value->get<double>();
            return true;
        }
        if (text.empty() || text.find_first_not_of("0123456789.-") != std::string::npos)
            return false;
        const std::size_t digits = text[0] == '-' ? 1 : 0;
        if (text.size() > digits + 1 && text[digits] == '0' && std::isdigit(static_cast<unsigned char>(text[digits + 1])))
            return false; // 010: a syntax error in strict JavaScript, which reports it
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
        return error == std::errc() && end == text.data() + text.size();
    };
    double a = 0;
    double b = 0;
    if (!operand(trimmed(expr.substr(0, at)), a) || !operand(trimmed(expr.substr(at + 3)), b))
        return false;
    const double d = op == '+' ? a + b : op == '-' ? a - b : a * b;
    if (!std::isfinite(d))
        return false;
    // As ScriptEngine::fromJs gives numbers back: integral values as integers.
    if (d == std::floor(d) && std::abs(d) < 9007199254740992.0)
        result = static_cast<long long>(d);
    else
        result = d;
    return true;
}

std::string asText(const Json &v)
{
    if (v.is_null())
        return {};
    if (v.is_string())
        return v.get<std::string>();
    return v.dump();
}

} // namespace

// Exposed to scripts as `__bridge`: hands them the node run's data as JavaScript values, each
// converted once per node run.
class ExpressionBridge : public QObject {
    Q_OBJECT
public:
    const ExpressionScope *scope = nullptr;
    std::size_t index = 0;
    QJSValue inputCache;
    QHash<QString, QJSValue> nodeCache;

    Q_INVOKABLE QJSValue inputItems()
    {
        if (inputCache.isUndefined())
            inputCache = ScriptEngine::forThisThread().toJs(scope && scope->input ? Json(*scope->input) : Json::array());
        return inputCache;
    }
    Q_INVOKABLE QJSValue nodeItems(const QString &name)
    {
        auto it = nodeCache.constFind(name);
        if (it != nodeCache.constEnd())
            return *it;
        const Items *items = scope && scope->nodeItems ? scope->nodeItems(name.toStdString()) : nullptr;
        QJSValue value = items ? ScriptEngine::forThisThread().toJs(Json(*items)) : QJSValue(QJSValue::NullValue);
        nodeCache.insert(name, value);
        return value;
    }
    Q_INVOKABLE int itemIndex() const { return int(index); }
};

namespace {
constexpr auto kContextFactory = R"JS(
(function (bridge) {
    var ctx = {};
    ctx.input = {
        all: function () { return bridge.inputItems(); },
        first: function () { return bridge.inputItems()[0]; },
        last: function () { var a = bridge.inputItems(); return a[a.length - 1]; },
        get item() { return bridge.inputItems()[bridge.itemIndex()]; }
    };
    ctx.ref = function (name) {
        var items = bridge.nodeItems(String(name));
        if (items === null || items === undefined)
            throw new Error("Referenced node \"" + name + "\" has not run in this execution");
        var i = bridge.itemIndex();
        var it = items[i] !== undefined ? items[i] : items[0];
        return {
            json: it ? it.json : {},
            item: it,
            first: function () { return items[0]; },
            last: function () { return items[items.length - 1]; },
            all: function () { return items; },
            itemMatching: function (k) { return items[k]; },
            isExecuted: true
        };
    };
    ctx.node = new Proxy({}, { get: function (t, name) { return ctx.ref(name); } });
    return ctx;
})
)JS";

struct ThreadState {
    ExpressionBridge bridge;
    QJSValue context; // {input, ref, node}
    // The context's members, looked up once: every expression receives them.
    QJSValue input, ref, node;
};

ThreadState &threadState()
{
    // The engine's storage first: QThreadStorage values are destroyed in reverse order of
    // their storages' creation, so the engine outlives the values that point into it.
    ScriptEngine::forThisThread();
    static QThreadStorage<ThreadState *> states;
    if (!states.hasLocalData())
        states.setLocalData(new ThreadState);
    ThreadState &state = *states.localData();
    if (state.context.isUndefined()) {
        auto &engine = ScriptEngine::forThisThread();
        QJSValue factory = engine.js().evaluate(QString::fromLatin1(kContextFactory));
        state.context = factory.call({engine.js().newQObject(&state.bridge)});
        QJSEngine::setObjectOwnership(&state.bridge, QJSEngine::CppOwnership);
        state.input = state.context.property(QStringLiteral("input"));
        state.ref = state.context.property(QStringLiteral("ref"));
        state.node = state.context.property(QStringLiteral("node"));
    }
    return state;
}
} // namespace

// Whether code may read the global `name` (a textual check: a false positive only costs a conversion).
static bool mentions(const std::string &code, std::string_view name)
{
    return code.find(name) != std::string::npos;
}

// `$json` for an expression. Converting an item means a JSON round trip through the engine, and
// a webhook item carries every request header: when the expression only reads `$json.<key>…`
// for keys the item has, only those keys are converted. Anything else ($json alone, $json[…],
// a key the item lacks, which may be a prototype method) gets the whole item.
static QJSValue jsonArgument(ScriptEngine &engine, const std::string &code, const Json &item)
{
    static constexpr std::string_view name = "$json";
    std::size_t at = code.find(name);
    if (at == std::string::npos)
        return QJSValue();
    if (!item.is_object())
        return engine.toJs(item);
    Json subset = Json::object();
    auto isIdentifier = [](char c, bool first) {
        return c == '_' || c == '$' || std::isalpha(static_cast<unsigned char>(c)) || (!first && std::isdigit(static_cast<unsigned char>(c)));
    };
    for (; at != std::string::npos; at = code.find(name, at + name.size())) {
        if (at > 0 && (isIdentifier(code[at - 1], false) || code[at - 1] == '.'))
            continue; // part of another name, like my$json or x.$json
        std::size_t end = at + name.size();
        if (end < code.size() && isIdentifier(code[end], false))
            continue; // $jsonish
        if (end >= code.size() || code[end] != '.' || end + 1 >= code.size() || !isIdentifier(code[end + 1], true))
            return engine.toJs(item);
        std::size_t keyEnd = end + 1;
        while (keyEnd < code.size() && isIdentifier(code[keyEnd], false))
            ++keyEnd;
        const std::string key = code.substr(end + 1, keyEnd - end - 1);
        auto found = item.find(key);
        if (found == item.end())
            return engine.toJs(item);
        subset[key] = *found;
    }
    return engine.toJs(subset);
}

struct ExpressionSession::Private {
    const ExpressionScope &scope;
    ThreadState &state;
    QJSValue execution;
    QJSValue workflow;
    QJSValue vars;
    // Armed on the first JavaScript call only: nodes whose expressions all resolve without
    // JavaScript never touch the watchdog.
    std::optional<ScriptEngine::Deadline> deadline;
};

void ExpressionSession::buildGlobals(const std::string &source)
{
    if (!d->deadline)
        d->deadline.emplace(ScriptEngine::forThisThread(), std::chrono::milliseconds(d->scope.timeLimitMs), d->scope.interruptKey);
    // Each global is converted only once per session and only for code that names it: most
    // expressions read $json alone, and each conversion is a JSON round trip through the engine.
    auto &engine = ScriptEngine::forThisThread();
    if (d->execution.isUndefined() && mentions(source, "$execution"))
        d->execution = engine.toJs({{"id", d->scope.executionId}, {"mode", d->scope.mode}});
    if (d->workflow.isUndefined() && mentions(source, "$workflow"))
        d->workflow = engine.toJs({{"id", d->scope.workflowId}, {"name", d->scope.workflowName}});
    if (d->vars.isUndefined() && mentions(source, "$vars"))
        d->vars = engine.toJs(d->scope.vars ? *d->scope.vars : Json::object());
}

Result<Json> ExpressionSession::runScript(const std::string &body, std::optional<std::size_t> itemIndex, const std::string &where)
{
    auto &engine = ScriptEngine::forThisThread();
    buildGlobals(body);
    const QString source = QStringLiteral("(function ($json, $index, $input, $node, $, $execution, $workflow, $vars, items, item, $runIndex) {\n")
                           + QString::fromStdString(body) + QStringLiteral("\n})");
    auto fn = engine.compiled(source);
    if (!fn)
        return Error::make(QStringLiteral("code_error"), QString::fromStdString(where) + QStringLiteral(": syntax error: ") + fn.error().message);
    static const Json emptyItem = Json::object();
    const Items *input = d->scope.input;
    const std::size_t index = itemIndex.value_or(0);
    const Json &item = itemIndex && input && index < input->size() && (*input)[index].contains("json") ? (*input)[index]["json"] : emptyItem;
    d->state.bridge.index = index;
    QJSValue items = d->state.bridge.inputItems();
    QJSValue result = fn->call({itemIndex ? engine.toJs(item) : QJSValue(QJSValue::UndefinedValue), QJSValue(double(index)), d->state.input,
                                d->state.node, d->state.ref, d->execution, d->workflow,
                                d->vars, items, itemIndex ? items.property(quint32(index)) : QJSValue(QJSValue::UndefinedValue),
                                QJSValue(d->scope.runIndex)});
    const bool threw = engine.js().hasError();
    if (threw)
        result = engine.js().catchError();
    if (engine.wasInterrupted())
        return Error::make(QStringLiteral("code_timeout"),
                           QString::fromStdString(where) + QStringLiteral(": the script was stopped (time limit reached or execution cancelled)"));
    if (threw || result.isError())
        return Error::make(QStringLiteral("code_error"), QString::fromStdString(where) + QStringLiteral(": ") + ScriptEngine::errorText(result, 1));
    if (result.isUndefined())
        return Json();
    return engine.fromJs(result);
}

ExpressionSession::ExpressionSession(const ExpressionScope &scope)
    : d(new Private{scope, threadState(), {}, {}, {}, std::nullopt})
{
    d->state.bridge.scope = &scope;
    d->state.bridge.inputCache = QJSValue();
    d->state.bridge.nodeCache.clear();
}

ExpressionSession::~ExpressionSession()
{
    d->state.bridge.scope = nullptr;
    d->state.bridge.inputCache = QJSValue();
    d->state.bridge.nodeCache.clear();
}

bool ExpressionSession::containsExpression(const std::string &text)
{
    return text.find("{{") != std::string::npos;
}

bool ExpressionSession::containsExpression(const Json &value)
{
    if (value.is_string())
        return containsExpression(value.get_ref<const std::string &>());
    if (value.is_array() || value.is_object()) {
        for (const auto &v : value) {
            if (containsExpression(v))
                return true;
        }
    }
    return false;
}

Result<Json> ExpressionSession::evaluate(const Json &value, std::size_t itemIndex, const std::string &where)
{
    if (value.is_array()) {
        Json out = Json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
            auto v = evaluate(value[i], itemIndex, where);
            if (!v)
                return v;
            out.push_back(std::move(*v));
        }
        return out;
    }
    if (value.is_object()) {
        Json out = Json::object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            auto v = evaluate(it.value(), itemIndex, where);
            if (!v)
                return v;
            out[it.key()] = std::move(*v);
        }
        return out;
    }
    if (!value.is_string() || !containsExpression(value.get_ref<const std::string &>()))
        return value;

    const std::string &text = value.get_ref<const std::string &>();
    const auto segments = splitTemplate(text);
    static const Json emptyItem = Json::object();
    const Items *input = d->scope.input;
    const Json &item = input && itemIndex < input->size() && (*input)[itemIndex].contains("json") ? (*input)[itemIndex]["json"] : emptyItem;

    auto evalOne = [&](const Segment &segment) -> Result<std::optional<Json>> {
        const std::string expr = trimmed(segment.text);
        std::optional<Json> fast;
        if (fastPath(expr, item, fast) || arithmeticPath(expr, item, fast))
            return fast;
        auto &engine = ScriptEngine::forThisThread();
        buildGlobals(expr);
        const QString source = QStringLiteral("(function ($json, $index, $input, $node, $, $execution, $workflow, $vars, $runIndex, $itemIndex) { return (")
                               + QString::fromStdString(expr) + QStringLiteral("\n); })");
        // Only an error needs it: the success path of every expression should not build it.
        const auto position = [&segment] {
            return "{{" + segment.text + "}} at characters " + std::to_string(segment.start + 1) + "-" + std::to_string(segment.end);
        };
        auto fn = engine.compiled(source);
        if (!fn)
            return nodeError("Expression error in '" + where + "': " + fn.error().message.toStdString() + " in " + position());
        d->state.bridge.index = itemIndex;
        QJSValue result = fn->call({jsonArgument(engine, expr, item), QJSValue(double(itemIndex)), d->state.input, d->state.node,
                                    d->state.ref, d->execution, d->workflow, d->vars, QJSValue(d->scope.runIndex),
                                    QJSValue(double(itemIndex))});
        if (engine.wasInterrupted())
            return nodeError("Expression in '" + where + "' was stopped (time limit or cancellation) in " + position());
        const bool threw = engine.js().hasError();
        if (threw)
            result = engine.js().catchError();
        if (threw || result.isError())
            return nodeError("Expression error in '" + where + "': " + ScriptEngine::errorText(result).toStdString() + " in "
                             + position());
        if (result.isUndefined())
            return std::optional<Json>();
        return std::optional<Json>(engine.fromJs(result));
    };

    if (segments.size() == 1 && segments[0].expression) {
        auto v = evalOne(segments[0]);
        if (!v)
            return v.error();
        return v->value_or(Json());
    }
    std::string out;
    for (const auto &segment : segments) {
        if (!segment.expression) {
            out += segment.text;
            continue;
        }
        auto v = evalOne(segment);
        if (!v)
            return v.error();
        if (*v)
            out += asText(**v);
    }
    return Json(std::move(out));
}

} // namespace synapscale

#include "expressions.moc"
