#pragma once

#include "core/result.h"
#include "nodes/nodetype.h"

#include <functional>
#include <memory>
#include <string>

namespace synapscale {

// What expressions of one node run can see (DESIGN.md): $json, $input, $node["Name"] / $("Name"),
// $now, $execution, $workflow, $vars, $index.
struct ExpressionScope {
    const Items *input = nullptr;  // the node's first input
    std::function<const Items *(const std::string &nodeName)> nodeItems; // first output of a node that ran
    std::string executionId;
    std::string workflowId;
    std::string workflowName;
    std::string mode;
    int runIndex = 0;   // $runIndex: how many times this node ran before in this execution
    int timeLimitMs = 30000;          // scripts of this node run stop after this long
    const void *interruptKey = nullptr; // ScriptEngine::interrupt(key) stops them early
    const Json *vars = nullptr;       // $vars (the workflow's variables); null: none
};

// Evaluates `{{ … }}` inside parameter values on the calling thread's ScriptEngine. A value that
// is exactly one expression yields the expression's value with its type; text around expressions
// yields a string. One ExpressionSession per node run; it must stay on its thread.
class ExpressionSession {
public:
    explicit ExpressionSession(const ExpressionScope &scope);
    ~ExpressionSession();
    ExpressionSession(const ExpressionSession &) = delete;
    ExpressionSession &operator=(const ExpressionSession &) = delete;

    // Resolves every expression in `value` (recursing into arrays and objects) for the item at
    // `itemIndex` of the input. `where` names the parameter in error messages.
    Result<Json> evaluate(const Json &value, std::size_t itemIndex, const std::string &where);

    // Runs a function body (the Code node) with the expression globals plus `items`; `itemIndex`
    // set = per-item mode ($json is that item). Errors name `where` and the script line.
    Result<Json> runScript(const std::string &body, std::optional<std::size_t> itemIndex, const std::string &where);

    static bool containsExpression(const Json &value);
    static bool containsExpression(const std::string &text);

private:
    void buildGlobals(const std::string &source);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace synapscale
