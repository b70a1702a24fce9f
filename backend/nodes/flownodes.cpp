#include "nodes/conditions.h"
#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

#include <QTimeZone>

#include <set>

namespace synapscale {

using itempaths::item;
using itempaths::jsonOf;

namespace {

NodeDescriptor flow(std::string type, std::string name, std::string description, Json parameters,
                    std::vector<std::string> inputs = {"main"}, std::vector<std::string> outputs = {"main"})
{
    NodeDescriptor d;
    d.type = std::move(type);
    d.displayName = std::move(name);
    d.category = "Flow";
    d.description = std::move(description);
    d.inputs = std::move(inputs);
    d.outputs = std::move(outputs);
    d.parameters = std::move(parameters);
    return d;
}

NodeResult runIf(NodeContext &ctx)
{
    NodeOutput out;
    out.ports.resize(2);
    const auto &items = ctx.input(0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto conditions = ctx.param("conditions", i);
        if (!conditions)
            return conditions.error();
        auto loose = ctx.param("looseTypeValidation", i);
        if (!loose)
            return loose.error();
        auto passed = evaluateConditions(*conditions, loose->is_boolean() && loose->get<bool>());
        if (!passed)
            return Error::make(passed.error().code, passed.error().message + QStringLiteral(" [item %1]").arg(i));
        out.ports[*passed ? 0 : 1].push_back(items[i]);
    }
    return out;
}

NodeResult runFilter(NodeContext &ctx)
{
    auto result = runIf(ctx);
    if (!result)
        return result;
    result->ports.resize(1);
    return result;
}

std::size_t switchOutputs(const Json &params)
{
    if (params.value("mode", std::string("rules")) == "expression") {
        const Json n = params.value("numberOutputs", Json(4));
        return n.is_number_integer() ? std::size_t(std::clamp<long long>(n.get<long long>(), 1, 64)) : 4;
    }
    const Json rules = params.value("rules", Json::array());
    std::size_t count = rules.is_array() ? rules.size() : 0;
    if (rules.is_array()) {
        for (const auto &r : rules) {
            if (r.is_object() && r.contains("output") && r["output"].is_number_integer() && r["output"].get<long long>() >= 0)
                count = std::max<std::size_t>(count, std::size_t(std::min<long long>(r["output"].get<long long>(), 63)) + 1);
        }
    }
    const Json fb = params.value("fallbackOutput", Json("none"));
    if (fb.is_number_integer() && fb.get<long long>() >= 0)
        count = std::max<std::size_t>(count, std::size_t(std::min<long long>(fb.get<long long>(), 63)) + 1);
    if (params.value("fallbackOutput", Json("none")) == "extra")
        ++count;
    return std::max<std::size_t>(count, 1);
}

NodeResult runSwitch(NodeContext &ctx)
{
    const Json &raw = ctx.rawParameters();
    const std::size_t outputs = switchOutputs(raw);
    NodeOutput out;
    out.ports.resize(outputs);
    const auto &items = ctx.input(0);
    const bool expressionMode = raw.value("mode", std::string("rules")) == "expression";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (expressionMode) {
            auto index = ctx.param("output", i);
            if (!index)
                return index.error();
            const Json v = *index;
            long long n = -1;
            if (v.is_number())
                n = static_cast<long long>(v.get<double>());
            else if (v.is_string())
                n = QString::fromStdString(v.get<std::string>()).toLongLong();
            if (n < 0 || std::size_t(n) >= outputs)
                return nodeError("The output index " + v.dump() + " is not between 0 and " + std::to_string(outputs - 1) + " [item "
                                 + std::to_string(i) + "]");
            out.ports[std::size_t(n)].push_back(items[i]);
            continue;
        }
        auto rules = ctx.param("rules", i);
        if (!rules)
            return rules.error();
        auto all = ctx.param("allMatchingOutputs", i);
        if (!all)
            return all.error();
        auto loose = ctx.param("looseTypeValidation", i);
        if (!loose)
            return loose.error();
        auto ignoreCase = ctx.param("ignoreCase", i);
        if (!ignoreCase)
            return ignoreCase.error();
        bool matched = false;
        for (std::size_t r = 0; r < rules->size(); ++r) {
            Json conditions = (*rules)[r].value("conditions", Json::object());
            if (ignoreCase->is_boolean() && ignoreCase->get<bool>())
                conditions["options"]["caseSensitive"] = false;
            auto passed = evaluateConditions(conditions, loose->is_boolean() && loose->get<bool>());
            if (!passed)
                return Error::make(passed.error().code,
                                   passed.error().message + QStringLiteral(" [rule %1, item %2]").arg(r).arg(i));
            if (*passed) {
                const Json port = (*rules)[r].value("output", Json(r));
                const std::size_t target = port.is_number_integer() && port.get<long long>() >= 0 ? std::size_t(port.get<long long>()) : r;
                if (target >= outputs)
                    return nodeError("Rule " + std::to_string(r) + " sends to output " + std::to_string(target) + ", which does not exist");
                out.ports[target].push_back(items[i]);
                matched = true;
                if (!(all->is_boolean() && all->get<bool>()))
                    break;
            }
        }
        if (!matched) {
            const Json fallback = raw.value("fallbackOutput", Json("none"));
            if (fallback == "extra")
                out.ports.back().push_back(items[i]);
            else if (fallback.is_number_integer() && fallback.get<long long>() >= 0 && std::size_t(fallback.get<long long>()) < outputs)
                out.ports[std::size_t(fallback.get<long long>())].push_back(items[i]);
        }
    }
    return out;
}

// How Merge resolves a field both inputs have: input 2 wins (default), input 1 wins, or every
// field gets its input's suffix (_1, _2).
std::string clashHandling(NodeContext &ctx)
{
    auto clash = ctx.param("clashHandling", 0);
    return clash && clash->is_string() ? clash->get<std::string>() : "preferInput2";
}

Json combine(const Json &first, const Json &second, const std::string &clash, bool hasFirst = true, bool hasSecond = true)
{
    if (clash == "addSuffix") {
        Json out = Json::object();
        if (hasFirst)
            for (auto f = first.begin(); f != first.end(); ++f)
                out[f.key() + "_1"] = f.value();
        if (hasSecond)
            for (auto f = second.begin(); f != second.end(); ++f)
                out[f.key() + "_2"] = f.value();
        return out;
    }
    Json out = clash == "preferInput1" ? second : first;
    const Json &winner = clash == "preferInput1" ? first : second;
    for (auto f = winner.begin(); f != winner.end(); ++f)
        out[f.key()] = f.value();
    return out;
}

// Merge's "combine by key": pairs items of input 1 and input 2 whose fields match.
NodeResult mergeByKey(NodeContext &ctx, const Items &a, const Items &b)
{
    auto fields = ctx.param("fields", 0);
    if (!fields)
        return fields.error();
    auto joinMode = ctx.param("joinMode", 0);
    if (!joinMode)
        return joinMode.error();
    auto outputDataFrom = ctx.param("outputDataFrom", 0);
    if (!outputDataFrom)
        return outputDataFrom.error();
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto &f : *fields) {
        const std::string f1 = f.value("field1", std::string());
        const std::string f2 = f.value("field2", f1);
        if (f1.empty())
            return nodeError("Each match field needs 'field1' (input 1) and 'field2' (input 2)");
        keys.emplace_back(f1, f2);
    }
    if (keys.empty())
        return nodeError("Choose at least one field to match on");
    auto keyOf = [&](const Json &it, bool first) -> std::optional<std::string> {
        std::string key;
        for (const auto &[k1, k2] : keys) {
            const Json *v = itempaths::get(jsonOf(it), first ? k1 : k2);
            if (!v || v->is_null())
                return std::nullopt;
            key += (v->is_string() ? v->get<std::string>() : v->dump()) + '\x1f';
        }
        return key;
    };
    std::multimap<std::string, std::size_t> indexB;
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (auto k = keyOf(b[j], false))
            indexB.emplace(*k, j);
    }
    const std::string mode = joinMode->is_string() ? joinMode->get<std::string>() : "keepMatches";
    const std::string from = outputDataFrom->is_string() ? outputDataFrom->get<std::string>() : "both";
    Items out;
    std::set<std::size_t> matchedB;
    Items unmatchedA;
    for (const auto &itA : a) {
        const auto k = keyOf(itA, true);
        auto range = k ? indexB.equal_range(*k) : std::make_pair(indexB.end(), indexB.end());
        if (range.first == range.second) {
            unmatchedA.push_back(itA);
            if (mode == "enrichInput1" || mode == "keepEverything")
                out.push_back(itA);
            continue;
        }
        for (auto it = range.first; it != range.second; ++it) {
            matchedB.insert(it->second);
            if (mode == "keepNonMatches")
                continue;
            if (mode == "keepMatches" && from == "input1") {
                out.push_back(itA);
                break;
            }
            if (mode == "keepMatches" && from == "input2") {
                out.push_back(b[it->second]);
                continue;
            }
            out.push_back(item(combine(jsonOf(itA), jsonOf(b[it->second]), clashHandling(ctx))));
        }
    }
    if (mode == "keepNonMatches") {
        if (from != "input2")
            out.insert(out.end(), unmatchedA.begin(), unmatchedA.end());
        if (from != "input1") {
            for (std::size_t j = 0; j < b.size(); ++j)
                if (!matchedB.count(j))
                    out.push_back(b[j]);
        }
    } else if (mode == "keepEverything" || mode == "enrichInput2") {
        for (std::size_t j = 0; j < b.size(); ++j)
            if (!matchedB.count(j))
                out.push_back(b[j]);
    }
    return NodeOutput::single(std::move(out));
}

NodeResult runMerge(NodeContext &ctx)
{
    const Items &a = ctx.input(0);
    const Items &b = ctx.input(1);
    auto mode = ctx.param("mode", 0);
    if (!mode)
        return mode.error();
    const std::string m = mode->is_string() ? mode->get<std::string>() : "append";
    if (m == "append") {
        Items out = a;
        out.insert(out.end(), b.begin(), b.end());
        return NodeOutput::single(std::move(out));
    }
    if (m == "combineByPosition") {
        auto includeUnpaired = ctx.param("includeUnpaired", 0);
        if (!includeUnpaired)
            return includeUnpaired.error();
        const bool all = includeUnpaired->is_boolean() && includeUnpaired->get<bool>();
        const std::size_t n = all ? std::max(a.size(), b.size()) : std::min(a.size(), b.size());
        Items out;
        const std::string clash = clashHandling(ctx);
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(item(combine(i < a.size() ? jsonOf(a[i]) : Json::object(), i < b.size() ? jsonOf(b[i]) : Json::object(), clash,
                                       i < a.size(), i < b.size())));
        return NodeOutput::single(std::move(out));
    }
    if (m == "combineByKey")
        return mergeByKey(ctx, a, b);
    if (m == "chooseBranch") {
        auto which = ctx.param("output", 0);
        if (!which)
            return which.error();
        const std::string w = which->is_string() ? which->get<std::string>() : "input1";
        if (w == "empty")
            return NodeOutput::single({item(Json::object())});
        return NodeOutput::single(w == "input2" ? b : a);
    }
    return nodeError("Unknown merge mode '" + m + "'");
}

// Loop Over Items: the first run takes the items and sends the first batch on "loop"; each run
// after that collects what came back and sends the next batch, or everything on "done".
NodeResult runLoop(NodeContext &ctx)
{
    auto size = ctx.param("batchSize", 0);
    if (!size)
        return size.error();
    const long long batch = size->is_number() ? static_cast<long long>(size->get<double>()) : 0;
    if (batch < 1)
        return nodeError("Batch size must be at least 1");
    Json &state = ctx.state();
    NodeOutput out;
    out.ports.resize(2);
    if (!state.is_object() || !state.value("active", false)) {
        state = {{"active", true}, {"remaining", ctx.input(0)}, {"processed", Json::array()}};
    } else {
        for (const auto &it : ctx.input(0))
            state["processed"].push_back(it);
    }
    Json &remaining = state["remaining"];
    if (remaining.empty()) {
        out.ports[0] = state["processed"].get<Items>();
        state = {{"active", false}};
        return out;
    }
    const std::size_t n = std::min<std::size_t>(std::size_t(batch), remaining.size());
    out.ports[1].assign(remaining.begin(), remaining.begin() + long(n));
    remaining.erase(remaining.begin(), remaining.begin() + long(n));
    return out;
}

NodeResult runStopAndError(NodeContext &ctx)
{
    auto message = ctx.param("errorMessage", 0);
    if (!message)
        return message.error();
    std::string text = message->is_string() ? message->get<std::string>() : message->dump();
    if (text.empty())
        text = "Workflow stopped by Stop and Error";
    return Error::make(QStringLiteral("stopped_by_node"), QString::fromStdString(text));
}

NodeResult runWait(NodeContext &ctx)
{
    auto resume = ctx.param("resume", 0);
    if (!resume)
        return resume.error();
    QDateTime until;
    if (*resume == "specificTime") {
        auto when = ctx.param("dateTime", 0);
        if (!when)
            return when.error();
        const QString text = when->is_string() ? QString::fromStdString(when->get<std::string>()) : QString();
        until = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!until.isValid())
            until = QDateTime::fromString(text, Qt::ISODate);
        if (!until.isValid())
            return nodeError("Wait: '" + text.toStdString() + "' is not an ISO-8601 date and time");
        if (until.timeSpec() == Qt::LocalTime)
            until.setTimeZone(QTimeZone(QByteArray::fromStdString(ctx.timezone().empty() ? "UTC" : ctx.timezone())));
    } else {
        auto amount = ctx.param("amount", 0);
        if (!amount)
            return amount.error();
        auto unit = ctx.param("unit", 0);
        if (!unit)
            return unit.error();
        if (!amount->is_number() || amount->get<double>() < 0)
            return nodeError("Wait: the amount must be a non-negative number");
        const std::string u = unit->is_string() ? unit->get<std::string>() : "seconds";
        const double factor = u == "days" ? 86400.0 : u == "hours" ? 3600.0 : u == "minutes" ? 60.0 : 1.0;
        until = QDateTime::currentDateTimeUtc().addMSecs(static_cast<qint64>(amount->get<double>() * factor * 1000.0));
    }
    NodeOutput out = NodeOutput::single(ctx.input(0));
    out.waitUntil = until.toUTC();
    return out;
}

NodeResult runRespond(NodeContext &ctx)
{
    const Items &items = ctx.input(0);
    auto with = ctx.param("respondWith", 0);
    if (!with)
        return with.error();
    auto code = ctx.param("responseCode", 0);
    if (!code)
        return code.error();
    auto headers = ctx.param("responseHeaders", 0);
    if (!headers)
        return headers.error();
    Json response = {{"status", code->is_number() ? code->get<int>() : 200}, {"headers", Json::object()}};
    if (headers->is_array()) {
        for (const auto &h : *headers) {
            if (h.is_object() && h.value("name", std::string()).size())
                response["headers"][h["name"].get<std::string>()] = h.value("value", Json("")).is_string()
                                                                         ? h["value"].get<std::string>()
                                                                         : h["value"].dump();
        }
    }
    const std::string mode = with->is_string() ? with->get<std::string>() : "firstIncomingItem";
    if (mode == "firstIncomingItem") {
        response["body"] = items.empty() ? Json::object() : jsonOf(items[0]);
    } else if (mode == "allIncomingItems") {
        Json all = Json::array();
        for (const auto &it : items)
            all.push_back(jsonOf(it));
        response["body"] = std::move(all);
    } else if (mode == "json") {
        auto body = ctx.param("responseBody", 0);
        if (!body)
            return body.error();
        Json value = *body;
        if (value.is_string()) {
            auto parsed = Json::parse(value.get<std::string>(), nullptr, false);
            if (parsed.is_discarded())
                return nodeError("Respond to Webhook: the response body is not valid JSON");
            value = std::move(parsed);
        }
        response["body"] = std::move(value);
    } else if (mode == "text") {
        auto body = ctx.param("responseBody", 0);
        if (!body)
            return body.error();
        response["text"] = body->is_string() ? body->get<std::string>() : body->dump();
    } else {
        response["noData"] = true;
    }
    // Nothing can fail from here on: the items go on as they came, moved rather than copied.
    NodeOutput out = NodeOutput::single(ctx.takeInput(0));
    out.webhookResponse = std::move(response);
    return out;
}

// Execute Workflow: once with all items, or once per item; the sub-workflows' results in order.
class ExecuteWorkflowWork : public AsyncWork {
public:
    ExecuteWorkflowWork(std::vector<std::shared_ptr<AsyncWork>> calls) : m_calls(std::move(calls)), m_results(m_calls.size()) {}
    void start(Done done) override
    {
        m_done = std::move(done);
        startNext();
    }
    void cancel() override
    {
        if (m_index < m_calls.size())
            m_calls[m_index]->cancel();
    }

private:
    void startNext()
    {
        if (m_index >= m_calls.size()) {
            NodeOutput out;
            out.ports.resize(1);
            for (auto &r : m_results)
                out.ports[0].insert(out.ports[0].end(), r.begin(), r.end());
            auto done = std::move(m_done);
            done(std::move(out));
            return;
        }
        m_calls[m_index]->start([this](Result<NodeOutput> result) {
            if (!result) {
                auto done = std::move(m_done);
                done(result.error());
                return;
            }
            if (!result->ports.empty())
                m_results[m_index] = std::move(result->ports[0]);
            ++m_index;
            startNext();
        });
    }
    std::vector<std::shared_ptr<AsyncWork>> m_calls;
    std::vector<Items> m_results;
    std::size_t m_index = 0;
    Done m_done;
};

NodeResult runExecuteWorkflow(NodeContext &ctx)
{
    auto id = ctx.param("workflowId", 0);
    auto wait = ctx.param("waitForCompletion", 0);
    auto mode = ctx.param("mode", 0);
    if (!id || !wait || !mode)
        return !id ? id.error() : !wait ? wait.error() : mode.error();
    const std::string workflowId = id->is_string() ? id->get<std::string>() : id->dump();
    if (workflowId.empty())
        return nodeError("Choose the workflow to execute");
    const bool waitFor = !wait->is_boolean() || wait->get<bool>();
    std::vector<std::shared_ptr<AsyncWork>> calls;
    if (*mode == "each") {
        for (const auto &item : ctx.input(0)) {
            auto call = ctx.callWorkflow(workflowId, {item}, waitFor);
            if (!call)
                return call.error();
            calls.push_back(*call);
        }
    } else {
        auto call = ctx.callWorkflow(workflowId, ctx.input(0), waitFor);
        if (!call)
            return call.error();
        calls.push_back(*call);
    }
    NodeOutput out;
    if (waitFor) {
        out.async = std::make_shared<ExecuteWorkflowWork>(std::move(calls));
    } else {
        // Started and forgotten: the items pass on unchanged.
        auto work = std::make_shared<ExecuteWorkflowWork>(std::move(calls));
        Items passed = ctx.input(0);
        struct PassThrough : AsyncWork {
            std::shared_ptr<AsyncWork> inner;
            Items items;
            void start(Done done) override
            {
                inner->start([](Result<NodeOutput>) {});
                done(NodeOutput::single(std::move(items)));
            }
            void cancel() override {}
        };
        auto pass = std::make_shared<PassThrough>();
        pass->inner = work;
        pass->items = std::move(passed);
        out.async = pass;
    }
    return out;
}

NodeResult runUnsupported(NodeContext &ctx)
{
    const Json &raw = ctx.rawParameters();
    return Error::make(QStringLiteral("unsupported_node"),
                       QStringLiteral("Node '%1' has type '%2', which SynapScale does not support")
                           .arg(QString::fromStdString(ctx.nodeName()),
                                QString::fromStdString(raw.value("originalType", std::string("unknown")))));
}

} // namespace

void addFlowNodes(NodeRegistry &registry)
{
    using namespace schema;
    registry.add(std::make_unique<FunctionNode>(
        flow("core.if", "IF", "Routes each item to 'true' or 'false' by conditions",
             object({{"conditions", conditions("Conditions")}, {"looseTypeValidation", boolean("Convert types where needed", false)}}),
             {"main"}, {"true", "false"}),
        runIf));

    const Json rule = object({{"conditions", conditions("Conditions")}, {"outputKey", string("Output name", "")},
                              {"output", {{"type", "integer"}, {"title", "Output index (default: the rule's position)"}, {"minimum", 0}}}});
    Json switchParams = object({{"mode", options("Mode", {"rules", "expression"}, "rules")},
                                {"rules", list("Routing rules", rule)},
                                {"fallbackOutput", {{"title", "Fallback output"}, {"description", "\"none\", \"extra\" or an output index"}, {"default", "none"}}},
                                {"allMatchingOutputs", boolean("Send to all matching outputs", false)},
                                {"ignoreCase", boolean("Ignore case", false)},
                                {"looseTypeValidation", boolean("Convert types where needed", false)},
                                {"numberOutputs", integer("Number of outputs (expression mode)", 4, 1, 64)},
                                {"output", {{"title", "Output index (expression mode)"}, {"type", "integer"}, {"default", 0}}}});
    switchParams["properties"]["mode"]["x-expression"] = false;
    switchParams["properties"]["numberOutputs"]["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(
        flow("core.switch", "Switch", "Routes items to one of several outputs by rules or by an expression", switchParams, {"main"},
             {"output 0", "output 1", "output 2", "output 3"}),
        runSwitch, switchOutputs));

    const Json matchField = object({{"field1", string("Input 1 field", "")}, {"field2", string("Input 2 field", "")}});
    registry.add(std::make_unique<FunctionNode>(
        flow("core.merge", "Merge", "Waits for both inputs and combines them: append, by position, by matching fields, or choose a branch",
             object({{"mode", options("Mode", {"append", "combineByPosition", "combineByKey", "chooseBranch"}, "append")},
                     {"fields", list("Fields to match", matchField)},
                     {"joinMode", options("Output", {"keepMatches", "keepNonMatches", "keepEverything", "enrichInput1", "enrichInput2"}, "keepMatches")},
                     {"outputDataFrom", options("Output data from", {"both", "input1", "input2"}, "both")},
                     {"includeUnpaired", boolean("Include unpaired items", false)},
                     {"clashHandling", options("When both inputs have a field", {"preferInput2", "preferInput1", "addSuffix"}, "preferInput2")},
                     {"output", options("Branch to output", {"input1", "input2", "empty"}, "input1")}}),
             {"input 1", "input 2"}, {"main"}),
        runMerge));

    registry.add(std::make_unique<FunctionNode>(
        flow("core.filter", "Filter", "Keeps only the items that meet the conditions",
             object({{"conditions", conditions("Conditions")}, {"looseTypeValidation", boolean("Convert types where needed", false)}})),
        runFilter));

    registry.add(std::make_unique<FunctionNode>(
        flow("core.loop", "Loop Over Items", "Sends items in batches through the 'loop' output; connect the end of the loop back to this node. When all are done, 'done' has every processed item",
             object({{"batchSize", integer("Batch size", 1, 1)}}), {"main"}, {"done", "loop"}),
        runLoop));

    registry.add(std::make_unique<FunctionNode>(flow("core.noop", "No Operation", "Passes its items on unchanged", object({})),
                                                [](NodeContext &ctx) { return NodeResult(NodeOutput::single(ctx.input(0))); }));

    registry.add(std::make_unique<FunctionNode>(
        flow("core.stop_and_error", "Stop and Error", "Fails the execution with a message",
             object({{"errorMessage", string("Error message", "")}}), {"main"}, {}),
        runStopAndError));

    registry.add(std::make_unique<FunctionNode>(
        flow("core.wait", "Wait", "Pauses the execution for a while or until a time, without holding a worker; survives restarts",
             object({{"resume", options("Resume", {"timeInterval", "specificTime"}, "timeInterval")},
                     {"amount", number("Amount", 1, 0)},
                     {"unit", options("Unit", {"seconds", "minutes", "hours", "days"}, "seconds")},
                     {"dateTime", string("Date and time (ISO-8601)", "")}})),
        runWait));

    registry.add(std::make_unique<FunctionNode>(
        flow("core.respond_to_webhook", "Respond to Webhook", "Sets the HTTP response of a webhook whose trigger responds 'using Respond node'",
             object({{"respondWith", options("Respond with", {"firstIncomingItem", "allIncomingItems", "json", "text", "noData"}, "firstIncomingItem")},
                     {"responseBody", {{"title", "Response body"}, {"default", ""}}},
                     {"responseCode", integer("Response code", 200, 100, 599)},
                     {"responseHeaders", list("Headers", object({{"name", string("Name", "")}, {"value", string("Value", "")}}))}})),
        runRespond));

    NodeDescriptor note = flow("core.sticky_note", "Sticky Note", "A note on the canvas; it never runs",
                               object({{"content", text("Content", "markdown", "")}, {"width", integer("Width", 240, 40)},
                                       {"height", integer("Height", 160, 40)}, {"color", integer("Color", 1, 1, 7)}}),
                               {}, {});
    note.category = "Utility";
    registry.add(std::make_unique<FunctionNode>(note, [](NodeContext &) { return NodeResult(NodeOutput{}); }));

    registry.add(std::make_unique<FunctionNode>(
        flow("core.execute_workflow", "Execute Workflow", "Runs another of your workflows (from its Execute Workflow Trigger) with the items; waits for its result or not",
             object({{"workflowId", string("Workflow id", "")},
                     {"waitForCompletion", boolean("Wait for the sub-workflow to finish", true)},
                     {"mode", options("Run", {"once", "each"}, "once")}},
                    {"workflowId"})),
        runExecuteWorkflow));

    NodeDescriptor unsupported = flow("core.unsupported", "Unsupported node",
                                      "Holds an imported node SynapScale cannot run; the run fails when it reaches it",
                                      object({{"originalType", string("Original type", "")}, {"original", {{"type", "object"}, {"title", "Original node"}}}}));
    registry.add(std::make_unique<FunctionNode>(unsupported, runUnsupported));
}

} // namespace synapscale
