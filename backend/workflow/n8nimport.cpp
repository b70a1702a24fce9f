#include "n8nimport.h"

#include "workflow/workflowdefinition.h"

#include <QString>

#include <map>
#include <set>

namespace synapscale::WorkflowImport {

namespace {
using nlohmann::json;

// n8n marks expressions with a leading "=": "={{ $json.a }}" → "{{ $json.a }}", "=text" → "text".
json stripEquals(const json &value)
{
    if (value.is_string()) {
        const auto &s = value.get_ref<const std::string &>();
        return !s.empty() && s[0] == '=' ? json(s.substr(1)) : value;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const auto &v : value)
            out.push_back(stripEquals(v));
        return out;
    }
    if (value.is_object()) {
        json out = json::object();
        for (auto it = value.begin(); it != value.end(); ++it)
            out[it.key()] = stripEquals(it.value());
        return out;
    }
    return value;
}

std::string str(const json &object, const char *key, const std::string &fallback = {})
{
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    return it->is_string() ? it->get<std::string>() : it->dump();
}

json at(const json &object, std::initializer_list<const char *> path, json fallback = nullptr)
{
    const json *cur = &object;
    for (const char *key : path) {
        if (!cur->is_object() || !cur->contains(key))
            return fallback;
        cur = &(*cur)[key];
    }
    return *cur;
}

// IF / Filter / Switch v1 condition lists ({string:[{value1, operation, value2}], number:[…], …})
// in the shared condition shape. v1 compared like JavaScript, so types convert loosely.
json conditionsFromV1(const json &v1, const std::string &combine)
{
    static const std::map<std::string, std::string> ops{
        {"equal", "equals"},       {"notEqual", "notEquals"},   {"smaller", "lt"},         {"smallerEqual", "lte"},
        {"larger", "gt"},          {"largerEqual", "gte"},      {"isEmpty", "empty"},      {"isNotEmpty", "notEmpty"},
        {"contains", "contains"},  {"notContains", "notContains"}, {"startsWith", "startsWith"}, {"endsWith", "endsWith"},
        {"notStartsWith", "notStartsWith"}, {"notEndsWith", "notEndsWith"}, {"regex", "regex"}, {"notRegex", "notRegex"},
        {"after", "after"},        {"before", "before"}};
    json list = json::array();
    for (const char *type : {"string", "number", "boolean", "dateTime"}) {
        for (const auto &c : at(v1, {type}, json::array())) {
            const std::string t = type;
            const std::string op = str(c, "operation", t == "dateTime" ? "after" : t == "number" ? "smaller" : "equal");
            json condition = {{"leftValue", c.value("value1", json(type == std::string("number") ? json(0) : json("")))},
                              {"rightValue", c.value("value2", json(type == std::string("boolean") ? json(false) : json("")))},
                              {"operator", {{"type", type}, {"operation", ops.count(op) ? ops.at(op) : op}}}};
            list.push_back(std::move(condition));
        }
    }
    return {{"conditions", list},
            {"combinator", combine == "any" || combine == "or" ? "or" : "and"},
            {"options", {{"caseSensitive", true}, {"typeValidation", "loose"}}}};
}

json conditionsFromV2(const json &v2)
{
    json c = v2.is_object() ? v2 : json::object();
    json out = {{"conditions", json::array()}, {"combinator", c.value("combinator", std::string("and"))}};
    for (const auto &cond : c.value("conditions", json::array())) {
        json op = cond.value("operator", json::object());
        json entry = {{"leftValue", cond.value("leftValue", json(""))},
                      {"rightValue", cond.value("rightValue", json(""))},
                      {"operator", {{"type", op.value("type", std::string("string"))}, {"operation", op.value("operation", std::string("equals"))}}}};
        out["conditions"].push_back(std::move(entry));
    }
    const json options = c.value("options", json::object());
    out["options"] = {{"caseSensitive", options.value("caseSensitive", true)},
                      {"typeValidation", options.value("typeValidation", std::string("strict"))}};
    return out;
}

struct Mapped {
    std::string type;
    json parameters = json::object();
    std::string warning = {};   // set: mapped, but something did not carry over
    bool swapFirstPorts = false;
};

std::optional<Mapped> mapSet(const json &p, double version)
{
    Mapped m{"core.set"};
    json fields = json::array();
    if (version < 3) {
        for (const char *type : {"string", "number", "boolean"}) {
            for (const auto &f : at(p, {"values", type}, json::array()))
                fields.push_back({{"name", str(f, "name", "propertyName")}, {"value", f.value("value", json(""))}, {"type", type}});
        }
        m.parameters["includeOtherFields"] = !p.value("keepOnlySet", false);
        m.parameters["dotNotation"] = at(p, {"options", "dotNotation"}, json(true));
    } else {
        if (p.value("mode", std::string("manual")) == "raw") {
            m.parameters["mode"] = "raw";
            m.parameters["jsonOutput"] = p.value("jsonOutput", json("{}"));
        }
        for (const auto &a : at(p, {"assignments", "assignments"}, json::array()))
            fields.push_back({{"name", str(a, "name")}, {"value", a.value("value", json(""))}, {"type", str(a, "type", "string")}});
        static const std::map<std::string, std::string> typed{{"stringValue", "string"}, {"numberValue", "number"},
                                                              {"booleanValue", "boolean"}, {"arrayValue", "array"},
                                                              {"objectValue", "object"}};
        for (const auto &f : at(p, {"fields", "values"}, json::array())) {
            const std::string type = str(f, "type", "stringValue");
            const std::string key = typed.count(type) ? type : "stringValue";
            fields.push_back({{"name", str(f, "name")}, {"value", f.value(key, json(""))}, {"type", typed.count(type) ? typed.at(type) : "string"}});
        }
        std::string include = p.value("include", std::string(version >= 3.3 ? "all" : "all"));
        const bool keepOthers = version >= 3.3 ? p.value("includeOtherFields", false) : include != "none";
        m.parameters["includeOtherFields"] = keepOthers;
        if (keepOthers && include == "selected")
            m.parameters["includeFields"] = p.value("includeFields", json(""));
        if (keepOthers && include == "except")
            m.parameters["excludeFields"] = p.value("excludeFields", json(""));
        m.parameters["dotNotation"] = at(p, {"options", "dotNotation"}, json(true));
    }
    m.parameters["fields"] = fields;
    if (at(p, {"options", "ignoreConversionErrors"}, json(false)) == true)
        m.parameters["ignoreConversionErrors"] = true;
    return m;
}

std::optional<Mapped> mapSwitch(const json &p, double version)
{
    Mapped m{"core.switch"};
    if (p.value("mode", std::string("rules")) == "expression") {
        m.parameters["mode"] = "expression";
        m.parameters["numberOutputs"] = p.value("numberOutputs", version >= 3 ? 4 : 4);
        m.parameters["output"] = p.value("output", json(0));
        return m;
    }
    json rules = json::array();
    if (version >= 3) {
        for (const auto &r : at(p, {"rules", "values"}, json::array()))
            rules.push_back({{"conditions", conditionsFromV2(r.value("conditions", json::object()))}, {"outputKey", str(r, "outputKey")}});
        const json options = p.value("options", json::object());
        const json fallback = options.value("fallbackOutput", json("none"));
        m.parameters["fallbackOutput"] = fallback;
        m.parameters["allMatchingOutputs"] = options.value("allMatchingOutputs", false);
        m.parameters["ignoreCase"] = options.value("ignoreCase", false);
        m.parameters["looseTypeValidation"] = options.value("looseTypeValidation", p.value("looseTypeValidation", false));
    } else {
        static const std::map<std::string, std::string> ops{{"equal", "equals"}, {"notEqual", "notEquals"}, {"smaller", "lt"},
                                                            {"smallerEqual", "lte"}, {"larger", "gt"}, {"largerEqual", "gte"}};
        const std::string type = str(p, "dataType", "number");
        std::size_t index = 0;
        for (const auto &r : at(p, {"rules", "rules"}, json::array())) {
            const std::string op = str(r, "operation", "equal");
            json rule = {{"conditions",
                          {{"conditions", {{{"leftValue", p.value("value1", json(""))},
                                            {"rightValue", r.value("value2", json(""))},
                                            {"operator", {{"type", type}, {"operation", ops.count(op) ? ops.at(op) : op}}}}}},
                           {"options", {{"typeValidation", "loose"}}}}},
                         {"outputKey", str(r, "outputKey")}};
            rule["output"] = version < 2 ? r.value("output", json(index)) : json(index);
            rules.push_back(std::move(rule));
            ++index;
        }
        const json fallback = p.value("fallbackOutput", json(-1));
        m.parameters["fallbackOutput"] = fallback.is_number() && fallback.get<int>() >= 0 ? fallback : json("none");
    }
    m.parameters["rules"] = rules;
    return m;
}

std::optional<Mapped> mapMerge(const json &p, double version)
{
    Mapped m{"core.merge"};
    const std::string mode = p.value("mode", std::string("append"));
    if (mode == "append") {
        m.parameters["mode"] = "append";
    } else if (mode == "chooseBranch") {
        m.parameters["mode"] = "chooseBranch";
        std::string output = p.value("output", std::string("input1"));
        if (version >= 3 || p.contains("useDataOfInput"))
            output = p.value("useDataOfInput", 1) == 2 ? "input2" : output;
        if (output == "empty")
            output = "empty";
        m.parameters["output"] = output;
    } else if (mode == "combine" || mode == "mergeByKey" || mode == "mergeByIndex" || mode == "combineByPosition" ||
               mode == "combineByFields") {
        std::string by = p.value("combinationMode", p.value("combineBy", std::string("mergeByFields")));
        if (mode == "mergeByIndex" || by == "mergeByPosition" || by == "combineByPosition") {
            m.parameters["mode"] = "combineByPosition";
            m.parameters["includeUnpaired"] = at(p, {"options", "includeUnpaired"}, json(false));
            m.parameters["clashHandling"] = at(p, {"options", "clashHandling", "values", "resolveClash"}, json("preferInput2"));
        } else if (by == "multiplex" || by == "combineAll") {
            return std::nullopt;
        } else {
            m.parameters["mode"] = "combineByKey";
            json fields = json::array();
            for (const auto &f : at(p, {"mergeByFields", "values"}, json::array()))
                fields.push_back({{"field1", str(f, "field1")}, {"field2", str(f, "field2")}});
            if (fields.empty() && p.contains("fieldsToMatchString")) {
                for (const auto &name : QString::fromStdString(str(p, "fieldsToMatchString")).split(QLatin1Char(','), Qt::SkipEmptyParts))
                    fields.push_back({{"field1", name.trimmed().toStdString()}, {"field2", name.trimmed().toStdString()}});
            }
            if (mode == "mergeByKey")
                fields = json::array({{{"field1", str(p, "propertyName1")}, {"field2", str(p, "propertyName2")}}});
            m.parameters["fields"] = fields;
            m.parameters["joinMode"] = p.value("joinMode", std::string("keepMatches"));
            m.parameters["clashHandling"] = at(p, {"options", "clashHandling", "values", "resolveClash"}, json("preferInput2"));
            m.parameters["outputDataFrom"] = p.value("outputDataFrom", std::string("both"));
        }
    } else {
        return std::nullopt;
    }
    return m;
}

std::optional<Mapped> mapHttp(const json &p, std::string &warning)
{
    Mapped m{"core.http_request"};
    auto pairs = [&](const char *flag, const char *group) {
        json out = json::array();
        if (!p.value(flag, false))
            return out;
        for (const auto &x : at(p, {group, "parameters"}, json::array()))
            out.push_back({{"name", str(x, "name")}, {"value", x.value("value", json(""))}});
        return out;
    };
    m.parameters["method"] = p.value("method", std::string("GET"));
    m.parameters["url"] = p.value("url", std::string());
    m.parameters["query"] = pairs("sendQuery", "queryParameters");
    m.parameters["headers"] = pairs("sendHeaders", "headerParameters");
    if (p.value("sendBody", false)) {
        const std::string type = p.value("contentType", std::string("json"));
        if (type == "json") {
            m.parameters["bodyType"] = "json";
            if (p.value("specifyBody", std::string("keypair")) == "json") {
                m.parameters["body"] = p.value("jsonBody", json(""));
            } else {
                json object = json::object();
                for (const auto &x : at(p, {"bodyParameters", "parameters"}, json::array()))
                    object[str(x, "name")] = x.value("value", json(""));
                m.parameters["body"] = object;
            }
        } else if (type == "form-urlencoded") {
            m.parameters["bodyType"] = "form";
            m.parameters["body"] = pairs("sendBody", "bodyParameters");
        } else if (type == "raw") {
            m.parameters["bodyType"] = "raw";
            m.parameters["body"] = p.value("body", json(""));
            m.parameters["contentType"] = p.value("rawContentType", std::string("text/plain"));
        } else {
            warning = "body type '" + type + "' is not supported; the request is sent without a body";
        }
    }
    const json options = p.value("options", json::object());
    if (options.contains("timeout"))
        m.parameters["timeout"] = options["timeout"];
    const std::string format = str(at(options, {"response", "response"}, json::object()), "responseFormat", "autodetect");
    m.parameters["responseFormat"] = format == "json" ? "json" : format == "text" ? "text" : "auto";
    m.parameters["fullResponse"] = at(options, {"response", "response", "fullResponse"}, json(false));
    m.parameters["neverError"] = at(options, {"response", "response", "neverError"}, json(false));
    // n8n's credential ids mean nothing here: the node asks for one of ours instead of calling
    // without the authentication it had.
    if (p.value("authentication", std::string("none")) != "none") {
        m.parameters["authentication"] = "credential";
        m.parameters["credential"] = "";
        warning = "credentials are not imported; choose a stored credential on the node";
    }
    return m;
}

// Maps one n8n node; nullopt when the type (or this use of it) is not supported.
std::optional<Mapped> mapNode(const std::string &type, double version, const json &p, std::string &warning)
{
    if (type == "n8n-nodes-base.manualTrigger")
        return Mapped{"trigger.manual"};
    if (type == "n8n-nodes-base.noOp")
        return Mapped{"core.noop"};
    if (type == "n8n-nodes-base.executeWorkflowTrigger")
        return Mapped{"trigger.execute_workflow"};
    if (type == "n8n-nodes-base.errorTrigger")
        return Mapped{"trigger.error"};
    // Its item carries n8n's chatInput and sessionId too, so imported agents find their prompt.
    if (type == "@n8n/n8n-nodes-langchain.chatTrigger")
        return Mapped{"trigger.chat"};
    if (type == "@n8n/n8n-nodes-langchain.agent" || type == "@n8n/n8n-nodes-langchain.chainLlm") {
        // The prompt: "define" uses `text`; "auto" (the default) takes the chat trigger's input.
        const std::string promptType = p.value("promptType", std::string(type == "@n8n/n8n-nodes-langchain.agent" && version < 1.7 ? "auto" : "define"));
        std::string prompt = p.value("text", std::string());
        if (promptType == "auto" || prompt.empty())
            prompt = "{{ $json.chatInput }}";
        const json options = p.value("options", json::object());
        Mapped m{type == "@n8n/n8n-nodes-langchain.agent" ? "ai.agent" : "ai.chat", {{"prompt", prompt}}};
        if (options.contains("systemMessage") && options["systemMessage"].is_string())
            m.parameters["systemPrompt"] = options["systemMessage"];
        if (options.contains("maxIterations") && options["maxIterations"].is_number_integer() && m.type == "ai.agent")
            m.parameters["maxIterations"] = std::clamp(options["maxIterations"].get<int>(), 1, 50);
        return m;
    }
    if (type == "n8n-nodes-base.stickyNote") {
        return Mapped{"core.sticky_note",
                      {{"content", p.value("content", std::string())}, {"width", p.value("width", 240)}, {"height", p.value("height", 160)}}};
    }
    if (type == "n8n-nodes-base.webhook") {
        Mapped m{"trigger.webhook"};
        m.parameters = {{"path", p.value("path", std::string())},
                        {"httpMethod", p.value("httpMethod", std::string("GET"))},
                        {"responseMode", p.value("responseMode", std::string("onReceived"))},
                        {"responseCode", at(p, {"options", "responseCode"}, json(200))},
                        {"responseData", p.value("responseData", std::string("firstEntryJson"))}};
        if (m.parameters["responseCode"].is_object())
            m.parameters["responseCode"] = 200;
        return m;
    }
    if (type == "n8n-nodes-base.scheduleTrigger") {
        const json interval = at(p, {"rule", "interval"}, json::array());
        const json first = interval.empty() ? json::object() : interval[0];
        if (interval.size() > 1)
            warning = "only the first of " + std::to_string(interval.size()) + " schedule rules was imported";
        const std::string field = first.value("field", std::string("days"));
        Mapped m{"trigger.schedule"};
        if (field == "cronExpression") {
            m.parameters = {{"mode", "cron"}, {"cron", first.value("expression", std::string("0 * * * *"))}};
        } else if (field == "seconds" || field == "minutes" || field == "hours") {
            const std::string key = field + "Interval";
            m.parameters = {{"mode", "interval"}, {"unit", field}, {"interval", first.value(key.c_str(), 1)}};
        } else {
            const int hour = first.value("triggerAtHour", 0);
            const int minute = first.value("triggerAtMinute", 0);
            std::string cron = "0 " + std::to_string(minute) + " " + std::to_string(hour);
            if (field == "weeks")
                cron += " * * " + std::to_string(first.value("triggerAtDay", json::array({1})).is_array() && !first["triggerAtDay"].empty()
                                                     ? first["triggerAtDay"][0].get<int>() : 1);
            else if (field == "months")
                cron += " " + std::to_string(first.value("triggerAtDayOfMonth", 1)) + " * *";
            else
                cron += " * * *";
            m.parameters = {{"mode", "cron"}, {"cron", cron}};
        }
        return m;
    }
    if (type == "n8n-nodes-base.set")
        return mapSet(p, version);
    if (type == "n8n-nodes-base.if" || type == "n8n-nodes-base.filter") {
        Mapped m{type == "n8n-nodes-base.if" ? "core.if" : "core.filter"};
        const json conditions = p.value("conditions", json::object());
        if (conditions.contains("conditions"))
            m.parameters["conditions"] = conditionsFromV2(conditions);
        else
            m.parameters["conditions"] = conditionsFromV1(
                conditions, QString::fromStdString(p.value("combineOperation", p.value("combineConditions", std::string("all")))).toLower().toStdString());
        if (p.value("looseTypeValidation", false) || at(p, {"options", "looseTypeValidation"}, json(false)) == true)
            m.parameters["looseTypeValidation"] = true;
        return m;
    }
    if (type == "n8n-nodes-base.switch")
        return mapSwitch(p, version);
    if (type == "n8n-nodes-base.merge")
        return mapMerge(p, version);
    if (type == "n8n-nodes-base.code") {
        if (p.value("language", std::string("javaScript")) != "javaScript")
            return std::nullopt;
        return Mapped{"core.code", {{"mode", p.value("mode", std::string("runOnceForAllItems"))}, {"code", p.value("jsCode", std::string())}}};
    }
    if (type == "n8n-nodes-base.httpRequest" && version >= 3)
        return mapHttp(p, warning);
    if (type == "n8n-nodes-base.respondToWebhook") {
        const std::string with = p.value("respondWith", std::string("firstIncomingItem"));
        if (with == "binary" || with == "redirect" || with == "jwt")
            return std::nullopt;
        json headers = json::array();
        for (const auto &h : at(p, {"options", "responseHeaders", "entries"}, json::array()))
            headers.push_back({{"name", str(h, "name")}, {"value", h.value("value", json(""))}});
        return Mapped{"core.respond_to_webhook",
                      {{"respondWith", with},
                       {"responseBody", p.value("responseBody", json(""))},
                       {"responseCode", at(p, {"options", "responseCode"}, json(200))},
                       {"responseHeaders", headers}}};
    }
    if (type == "n8n-nodes-base.wait") {
        const std::string resume = p.value("resume", std::string("timeInterval"));
        if (resume == "specificTime")
            return Mapped{"core.wait", {{"resume", "specificTime"}, {"dateTime", p.value("dateTime", json(""))}}};
        if (resume != "timeInterval")
            return std::nullopt;
        return Mapped{"core.wait", {{"resume", "timeInterval"}, {"amount", p.value("amount", json(1))}, {"unit", p.value("unit", std::string("hours"))}}};
    }
    if (type == "n8n-nodes-base.executeWorkflow") {
        json id = p.value("workflowId", json(""));
        if (id.is_object())
            id = id.value("value", json(""));
        warning = "the sub-workflow id refers to n8n; point it at a SynapScale workflow";
        return Mapped{"core.execute_workflow",
                      {{"workflowId", id}, {"waitForCompletion", at(p, {"options", "waitForSubWorkflow"}, json(true))},
                       {"mode", p.value("mode", std::string("once"))}}};
    }
    if (type == "n8n-nodes-base.splitInBatches") {
        if (version < 2)
            return std::nullopt; // v1 signals the end through node context, which SynapScale does not have
        Mapped m{"core.loop", {{"batchSize", p.value("batchSize", json(1))}}};
        if (version < 3)
            m.swapFirstPorts = true; // v2's outputs are (loop, done); ours, like v3's, are (done, loop)
        return m;
    }
    if (type == "n8n-nodes-base.limit")
        return Mapped{"core.limit", {{"maxItems", p.value("maxItems", json(1))}, {"keep", p.value("keep", std::string("firstItems"))}}};
    if (type == "n8n-nodes-base.sort") {
        Mapped m{"core.sort"};
        const std::string kind = p.value("type", std::string("simple"));
        m.parameters["type"] = kind;
        if (kind == "code")
            m.parameters["code"] = p.value("code", std::string());
        json fields = json::array();
        for (const auto &f : at(p, {"sortFieldsUi", "sortField"}, json::array()))
            fields.push_back({{"fieldName", str(f, "fieldName")}, {"order", str(f, "order", "ascending")}});
        m.parameters["fields"] = fields;
        m.parameters["disableDotNotation"] = at(p, {"options", "disableDotNotation"}, json(false));
        return m;
    }
    if (type == "n8n-nodes-base.removeDuplicates") {
        return Mapped{"core.remove_duplicates",
                      {{"compare", p.value("compare", std::string("allFields"))},
                       {"fieldsToExclude", p.value("fieldsToExclude", json(""))},
                       {"fieldsToCompare", p.value("fieldsToCompare", json(""))},
                       {"removeOtherFields", at(p, {"options", "removeOtherFields"}, json(false))},
                       {"disableDotNotation", at(p, {"options", "disableDotNotation"}, json(false))}}};
    }
    if (type == "n8n-nodes-base.splitOut") {
        return Mapped{"core.split_out",
                      {{"fieldToSplitOut", p.value("fieldToSplitOut", json(""))},
                       {"include", p.value("include", std::string("noOtherFields"))},
                       {"fieldsToInclude", p.value("fieldsToInclude", json(""))},
                       {"destinationFieldName", at(p, {"options", "destinationFieldName"}, json(""))},
                       {"disableDotNotation", at(p, {"options", "disableDotNotation"}, json(false))}}};
    }
    if (type == "n8n-nodes-base.aggregate") {
        json fields = json::array();
        for (const auto &f : at(p, {"fieldsToAggregate", "fieldToAggregate"}, json::array()))
            fields.push_back({{"fieldToAggregate", str(f, "fieldToAggregate")},
                              {"renameField", f.value("renameField", false)},
                              {"outputFieldName", str(f, "outputFieldName")}});
        const json options = p.value("options", json::object());
        return Mapped{"core.aggregate",
                      {{"aggregate", p.value("aggregate", std::string("aggregateIndividualFields"))},
                       {"fieldsToAggregate", fields},
                       {"destinationFieldName", p.value("destinationFieldName", std::string("data"))},
                       {"include", p.value("include", std::string("allFields"))},
                       {"fieldsToInclude", p.value("fieldsToInclude", json(""))},
                       {"fieldsToExclude", p.value("fieldsToExclude", json(""))},
                       {"keepMissing", options.value("keepMissing", false)},
                       {"mergeLists", options.value("mergeLists", false)},
                       {"disableDotNotation", options.value("disableDotNotation", false)}}};
    }
    if (type == "n8n-nodes-base.stopAndError")
        return Mapped{"core.stop_and_error", {{"errorMessage", p.value("errorMessage", json(""))}}};
    if (type == "n8n-nodes-base.crypto") {
        const std::string action = p.value("action", std::string("hash"));
        Mapped m{"core.crypto",
                 {{"action", action == "sign" ? "hmac" : action},
                  {"type", p.value("type", std::string("MD5"))},
                  {"value", p.value("value", json(""))},
                  {"secret", p.value("secret", json(""))},
                  {"encoding", p.value("encoding", std::string("hex"))},
                  {"dataPropertyName", p.value("dataPropertyName", std::string("data"))},
                  {"generateType", p.value("encodingType", std::string("uuid"))},
                  {"stringLength", p.value("stringLength", 32)}}};
        if (action == "sign")
            return std::nullopt;
        return m;
    }
    if (type == "n8n-nodes-base.dateTime" && version >= 2) {
        Mapped m{"core.datetime", p};
        m.parameters.erase("options");
        const json options = p.value("options", json::object());
        if (p.value("format", std::string()) == "custom")
            m.parameters["format"] = options.value("customFormat", p.value("customFormat", std::string()));
        if (options.contains("timezone"))
            m.parameters["timezone"] = options["timezone"];
        if (options.contains("includeInputFields") && !options["includeInputFields"].get<bool>())
            warning = "output always includes the input fields";
        json cleaned = json::object();
        for (const char *key : {"operation", "includeTime", "magnitude", "duration", "timeUnit", "date", "format", "startDate", "endDate",
                                "units", "part", "mode", "toNearest", "timezone", "outputFieldName"}) {
            if (m.parameters.contains(key))
                cleaned[key] = m.parameters[key];
        }
        m.parameters = cleaned;
        return m;
    }
    return std::nullopt;
}

// An n8n AI sub-node (chat model, tool, memory) and the node it is attached to by an ai_* connection.
struct AiSubNode {
    std::string type;
    json parameters;
    std::string target; // node name
    std::string kind;   // ai_languageModel | ai_tool | ai_memory | …
};

std::map<std::string, AiSubNode> aiSubNodes(const json &input)
{
    std::map<std::string, json> byName;
    for (const auto &n : input.value("nodes", json::array()))
        if (n.is_object() && n.contains("name") && n["name"].is_string())
            byName[n["name"].get<std::string>()] = n;
    std::map<std::string, AiSubNode> out;
    const json connections = input.value("connections", json::object());
    if (!connections.is_object())
        return out;
    for (auto it = connections.begin(); it != connections.end(); ++it) {
        if (!it.value().is_object() || !byName.count(it.key()))
            continue;
        for (auto kind = it.value().begin(); kind != it.value().end(); ++kind) {
            if (kind.key().rfind("ai_", 0) != 0 || !kind.value().is_array())
                continue;
            for (const auto &port : kind.value())
                for (const auto &target : port.is_array() ? port : json::array())
                    if (target.is_object() && target.contains("node") && target["node"].is_string()) {
                        const json &n = byName[it.key()];
                        out[it.key()] = {n.value("type", std::string()), stripEquals(n.value("parameters", json::object())), target["node"].get<std::string>(), kind.key()};
                    }
        }
    }
    return out;
}

std::string modelName(const json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_object() && value.contains("value") && value["value"].is_string())
        return value["value"].get<std::string>(); // a resource locator {__rl, value, mode}
    return {};
}

// Folds chat models and tools into the AI node they serve; anything else is named in warnings.
void applyAiSubNodes(const std::map<std::string, AiSubNode> &subNodes, json &nodes, json &warnings)
{
    for (const auto &[name, sub] : subNodes) {
        json *target = nullptr;
        for (auto &n : nodes)
            if (n["name"] == sub.target)
                target = &n;
        const bool aiTarget = target && ((*target)["type"] == "ai.agent" || (*target)["type"] == "ai.chat");
        auto warn = [&](const std::string &message) { warnings.push_back({{"node", name}, {"type", sub.type}, {"message", message}}); };
        if (!aiTarget) {
            warn("this AI sub-node serves '" + sub.target + "', which was not imported as an AI node; it was dropped");
            continue;
        }
        json &params = (*target)["parameters"];
        const json options = sub.parameters.value("options", json::object());
        if (sub.kind == "ai_languageModel") {
            static const std::map<std::string, std::string> providers{{"@n8n/n8n-nodes-langchain.lmChatOpenAi", "openai"},
                                                                      {"@n8n/n8n-nodes-langchain.lmChatAnthropic", "anthropic"},
                                                                      {"@n8n/n8n-nodes-langchain.lmChatGoogleGemini", "google"},
                                                                      {"@n8n/n8n-nodes-langchain.lmChatOllama", "ollama"}};
            const auto provider = providers.find(sub.type);
            if (provider == providers.end()) {
                warn("chat model '" + sub.type + "' is not supported; choose a provider on '" + sub.target + "'");
                continue;
            }
            params["provider"] = provider->second;
            std::string model = modelName(sub.parameters.value("model", json()));
            if (model.empty())
                model = modelName(sub.parameters.value("modelName", json()));
            if (model.rfind("models/", 0) == 0)
                model = model.substr(7);
            if (!model.empty())
                params["model"] = model;
            if (options.contains("temperature") && options["temperature"].is_number())
                params["temperature"] = options["temperature"];
            for (const char *key : {"maxTokens", "maxTokensToSample", "maxOutputTokens"})
                if (options.contains(key) && options[key].is_number_integer() && options[key].get<int>() > 0)
                    params["maxTokens"] = options[key];
            warn("its credentials are not imported: add the " + provider->second + " key in Settings → AI providers");
        } else if (sub.kind == "ai_tool" && sub.type == "@n8n/n8n-nodes-langchain.toolCalculator" && (*target)["type"] == "ai.agent") {
            params["calculator"] = true;
        } else if (sub.kind == "ai_tool") {
            warn("tool '" + sub.type + "' is not imported; give '" + sub.target + "' a workflow of yours as a tool instead");
        } else if (sub.kind == "ai_memory") {
            warn("memory is not imported: an AI Agent node answers each item on its own; use a conversation to keep history");
        } else {
            warn("'" + sub.kind + "' sub-nodes are not imported");
        }
    }
}

Result<ImportedWorkflow> readN8n(const json &input)
{
    ImportedWorkflow out;
    out.fromN8n = true;
    out.name = input.value("name", std::string("Imported from n8n"));
    if (out.name.empty())
        out.name = "Imported from n8n";
    json nodes = json::array();
    std::map<std::string, std::string> idByName;
    std::set<std::string> swapped; // nodes whose outputs 0 and 1 trade places
    std::set<std::string> usedIds;
    const json &source = input["nodes"];
    const auto subNodes = aiSubNodes(input);
    for (std::size_t i = 0; i < source.size(); ++i) {
        const json &n = source[i];
        if (!n.is_object() || !n.contains("type") || !n["type"].is_string() || !n.contains("name") || !n["name"].is_string())
            return Error::invalid(QStringLiteral("nodes"), QStringLiteral("n8n node %1 needs a string 'name' and 'type'").arg(i));
        const std::string name = n["name"].get<std::string>();
        const std::string type = n["type"].get<std::string>();
        if (subNodes.count(name))
            continue; // folded into the node it serves, below
        std::string id = n.value("id", json(name)).is_string() ? n.value("id", name) : name;
        if (id.empty() || usedIds.count(id))
            id = name + "#" + std::to_string(i);
        usedIds.insert(id);
        idByName[name] = id;
        const json typeVersion = n.value("typeVersion", json(1));
        const double version = typeVersion.is_number() ? typeVersion.get<double>() : 1.0;
        const json parameters = stripEquals(n.value("parameters", json::object()));
        std::string warning;
        auto mapped = mapNode(type, version, parameters.is_object() ? parameters : json::object(), warning);
        json node = {{"id", id}, {"name", name}};
        const json position = n.value("position", json::array({0, 0}));
        node["position"] = position.is_array() && position.size() == 2 ? position : json::array({0, 0});
        if (mapped) {
            node["type"] = mapped->type;
            node["parameters"] = mapped->parameters;
            if (n.value("disabled", false))
                node["disabled"] = true;
            if (n.value("alwaysOutputData", false))
                node["alwaysOutputData"] = true;
            if (mapped->swapFirstPorts)
                swapped.insert(name);
            if (n.value("retryOnFail", false))
                node["retry"] = {{"maxTries", std::clamp(n.value("maxTries", 3), 1, 10)},
                                 {"waitMs", std::clamp(n.value("waitBetweenTries", 1000), 0, 300000)}};
            const std::string onError = n.value("onError", std::string());
            if (onError == "continueErrorOutput")
                node["onError"] = "output";
            else if (onError == "continueRegularOutput" || n.value("continueOnFail", false))
                node["onError"] = "continue";
            if (!warning.empty())
                out.warnings.push_back({{"node", name}, {"type", type}, {"message", warning}});
        } else {
            node["type"] = "core.unsupported";
            node["disabled"] = true;
            node["parameters"] = {{"originalType", type}, {"original", n}};
            out.warnings.push_back({{"node", name}, {"type", type},
                                    {"message", "n8n node type '" + type + "' (version " + QString::number(version).toStdString()
                                                    + ") is not supported; it was imported disabled and a run that reaches it fails"}});
        }
        nodes.push_back(std::move(node));
    }
    applyAiSubNodes(subNodes, nodes, out.warnings);
    json edges = json::array();
    const json connections = input.value("connections", json::object());
    if (!connections.is_object())
        return Error::invalid(QStringLiteral("connections"), QStringLiteral("n8n 'connections' must be an object keyed by node name"));
    for (auto it = connections.begin(); it != connections.end(); ++it) {
        if (!idByName.count(it.key()) && !subNodes.count(it.key())) {
            out.warnings.push_back({{"node", it.key()}, {"type", ""}, {"message", "connections from a node that does not exist were dropped"}});
            continue;
        }
        const json main = it.value().value("main", json::array());
        if (subNodes.count(it.key()))
            continue;
        for (auto kind = it.value().begin(); kind != it.value().end(); ++kind) {
            if (kind.key() != "main")
                out.warnings.push_back({{"node", it.key()}, {"type", ""}, {"message", "'" + kind.key() + "' connections (AI sub-nodes) are not imported"}});
        }
        for (std::size_t port = 0; port < main.size(); ++port) {
            if (!main[port].is_array())
                continue;
            for (const auto &target : main[port]) {
                const std::string to = target.value("node", std::string());
                if (!idByName.count(to)) {
                    out.warnings.push_back({{"node", it.key()}, {"type", ""}, {"message", "a connection to unknown node '" + to + "' was dropped"}});
                    continue;
                }
                std::size_t fromPort = port;
                if (swapped.count(it.key()) && port < 2)
                    fromPort = 1 - port;
                edges.push_back({{"from", idByName[it.key()]}, {"fromPort", fromPort}, {"to", idByName[to]}, {"toPort", target.value("index", 0)}});
            }
        }
    }
    json settings = json::object();
    const json n8nSettings = input.value("settings", json::object());
    if (n8nSettings.contains("timezone") && n8nSettings["timezone"].is_string() && n8nSettings["timezone"] != "DEFAULT")
        settings["timezone"] = n8nSettings["timezone"];
    if (n8nSettings.contains("executionTimeout") && n8nSettings["executionTimeout"].is_number() && n8nSettings["executionTimeout"].get<int>() > 0)
        settings["executionTimeout"] = n8nSettings["executionTimeout"];
    if (n8nSettings.value("saveDataSuccessExecution", std::string()) == "none")
        settings["saveData"] = n8nSettings.value("saveDataErrorExecution", std::string("all")) == "none" ? "none" : "errors";
    if (n8nSettings.contains("errorWorkflow"))
        out.warnings.push_back({{"node", ""}, {"type", ""}, {"message", "the error workflow refers to n8n; set it again in the workflow settings"}});
    out.definition = {{"schemaVersion", 1}, {"nodes", nodes}, {"edges", edges}, {"settings", settings}};
    if (input.contains("tags") && input["tags"].is_array()) {
        for (const auto &t : input["tags"]) {
            if (t.is_string())
                out.tags.push_back(t);
            else if (t.is_object() && t.contains("name") && t["name"].is_string())
                out.tags.push_back(t["name"]);
        }
    }
    return out;
}
} // namespace

bool looksLikeN8n(const json &input)
{
    if (!input.is_object() || !input.contains("nodes") || !input["nodes"].is_array())
        return false;
    if (input.contains("connections"))
        return true;
    for (const auto &n : input["nodes"]) {
        if (n.is_object() && n.value("type", std::string()).find("n8n-nodes-") != std::string::npos)
            return true;
    }
    return false;
}

Result<ImportedWorkflow> read(const json &input)
{
    if (!input.is_object())
        return Error::invalid(QString(), QStringLiteral("Expected a workflow JSON object"));
    if (looksLikeN8n(input)) {
        try {
            return readN8n(input);
        } catch (const json::exception &e) {
            // A field of an unexpected type deep inside a node: say so instead of failing hard.
            return Error::invalid(QStringLiteral("nodes"), QStringLiteral("Malformed n8n workflow: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    ImportedWorkflow out;
    if (input.contains("definition")) {
        out.definition = input["definition"];
        out.name = input.value("name", std::string("Imported workflow"));
        out.description = input.value("description", std::string());
        if (input.contains("tags") && input["tags"].is_array())
            out.tags = input["tags"];
    } else if (input.contains("nodes")) {
        out.definition = input;
        out.definition.erase("name");
        out.name = input.value("name", std::string("Imported workflow"));
    } else {
        return Error::invalid(QString(), QStringLiteral("Not a workflow: expected a SynapScale export ({name, definition}), a definition ({nodes, edges}) or n8n JSON ({nodes, connections})"));
    }
    if (out.name.empty())
        out.name = "Imported workflow";
    return out;
}

std::optional<ImportedWorkflow> prepare(const json &input, json &errors)
{
    auto imported = read(input);
    if (!imported) {
        errors.push_back({{"loc", imported.error().field.isEmpty() ? json{"body"} : json{"body", imported.error().field.toStdString()}},
                          {"msg", imported.error().message.toStdString()},
                          {"type", "value_error"}});
        return std::nullopt;
    }
    const json loc = imported->fromN8n ? json{"body"} : (input.contains("definition") ? json{"body", "definition"} : json{"body"});
    imported->definition = WorkflowDefinition::normalize(imported->definition, loc, errors);
    if (!errors.empty())
        return std::nullopt;
    if (imported->name.size() > 200)
        imported->name.resize(200);
    return std::move(*imported);
}

} // namespace synapscale::WorkflowImport
