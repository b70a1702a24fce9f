#include "nodes/itempaths.h"
#include "nodes/noderegistry.h"

namespace synapscale {

namespace {

// Accepts what people return from Code: items ({json:{…}}), plain objects, or one of either.
Result<Json> asItem(const Json &value, std::size_t index)
{
    if (value.is_object()) {
        if (value.contains("json") && !value["json"].is_object())
            return nodeError("A 'json' property isn't an object [item " + std::to_string(index) + "]");
        if (value.contains("json")) {
            Json it = {{"json", value["json"]}};
            if (value.contains("binary"))
                it["binary"] = value["binary"];
            return it;
        }
        return itempaths::item(value);
    }
    const char *kind = value.is_array() ? "an array" : value.is_string() ? "a string" : value.is_number() ? "a number"
                                                                                          : value.is_boolean() ? "a boolean" : "null";
    return nodeError("Code doesn't return items properly: item " + std::to_string(index) + " is " + kind
                     + ", expected an object (or {json: {...}})");
}

NodeResult runCode(NodeContext &ctx)
{
    auto mode = ctx.param("mode", 0);
    if (!mode)
        return mode.error();
    const Json &raw = ctx.rawParameters();
    const std::string code = raw.value("code", std::string());
    Items out;
    if (*mode == "runOnceForEachItem") {
        const Items &items = ctx.input(0);
        for (std::size_t i = 0; i < items.size(); ++i) {
            auto value = ctx.runScript(code, i);
            if (!value)
                return Error::make(value.error().code, value.error().message + QStringLiteral(" [item %1]").arg(i));
            if (value->is_null())
                continue;
            if (value->is_array())
                return nodeError("In 'Run once for each item' mode, return one object, not an array [item " + std::to_string(i) + "]");
            auto it = asItem(*value, i);
            if (!it)
                return it.error();
            out.push_back(std::move(*it));
        }
        return NodeOutput::single(std::move(out));
    }
    auto value = ctx.runScript(code, std::nullopt);
    if (!value)
        return value.error();
    if (value->is_null())
        return NodeOutput::single({});
    const Json list = value->is_array() ? *value : Json::array({*value});
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto it = asItem(list[i], i);
        if (!it)
            return it.error();
        out.push_back(std::move(*it));
    }
    return NodeOutput::single(std::move(out));
}

} // namespace

void addCodeNode(NodeRegistry &registry)
{
    using namespace schema;
    NodeDescriptor d;
    d.type = "core.code";
    d.displayName = "Code";
    d.category = "Code";
    d.description = "Runs JavaScript: once for all items ($input.all()) or once per item ($json); returns items or plain objects. "
                    "Stops at the time limit (CODE_TIMEOUT_SECONDS)";
    d.parameters = object({{"mode", options("Mode", {"runOnceForAllItems", "runOnceForEachItem"}, "runOnceForAllItems")},
                           {"code", text("JavaScript", "javascript", "return $input.all();")}});
    d.parameters["properties"]["code"]["x-expression"] = false;
    d.parameters["properties"]["mode"]["x-expression"] = false;
    registry.add(std::make_unique<FunctionNode>(std::move(d), runCode));
}

} // namespace synapscale
