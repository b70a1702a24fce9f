// In-process engine cost (issue 4, benchmark 2): a 10-node linear workflow run start to end by
// ExecutionRun::step() on this thread — no queue, no thread hops, no storage — with 1 and 1,000
// items, so the figure is the engine's own per-node overhead plus the nodes' work.
// Two shapes: expressions that read fields ($json.x, resolved without JavaScript), and the same
// with one JavaScript expression per Set node (a call: `$json.i + 1` alone is computed without
// JavaScript). bench/README.md records the figures.
#include "engine/executionrun.h"
#include "engine/workflowgraph.h"
#include "workflow/workflowdefinition.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>

using namespace synapscale;

namespace {

std::shared_ptr<const WorkflowGraph> linearWorkflow(bool javascript)
{
    Json nodes = Json::array({{{"id", "n0"}, {"name", "Start"}, {"type", "trigger.manual"}}});
    Json edges = Json::array();
    const Json condition = {{"conditions", {{{"leftValue", "{{ $json.i }}"}, {"rightValue", -1}, {"operator", {{"type", "number"}, {"operation", "gt"}}}}}}};
    for (int i = 1; i < 10; ++i) {
        const std::string id = "n" + std::to_string(i);
        Json node = {{"id", id}, {"name", id}};
        switch (i % 3) {
        case 1:
            node["type"] = "core.set";
            node["parameters"] = {{"fields", {{{"name", "f" + std::to_string(i)}, {"value", javascript ? "{{ Math.abs($json.i) + 1 }}" : "{{ $json.i }}"}, {"type", "number"}}}}};
            break;
        case 2:
            node["type"] = "core.if";
            node["parameters"] = {{"conditions", condition}};
            break;
        default:
            node["type"] = "core.filter";
            node["parameters"] = {{"conditions", condition}};
            break;
        }
        nodes.push_back(node);
        edges.push_back({{"from", "n" + std::to_string(i - 1)}, {"to", id}});
    }
    Json errors = Json::array();
    const Json definition = WorkflowDefinition::normalize({{"nodes", nodes}, {"edges", edges}}, Json::array(), errors);
    return *WorkflowGraph::compile(definition, "bench", "bench");
}

void run(benchmark::State &state, bool javascript)
{
    const auto graph = linearWorkflow(javascript);
    Items input;
    for (int i = 0; i < state.range(0); ++i)
        input.push_back({{"json", {{"i", i}, {"name", "item"}}}});
    ExecutionRun::Hooks hooks;
    for (auto _ : state) {
        ExecutionRequest request;
        request.executionId = QStringLiteral("bench");
        request.input = input;
        ExecutionRun execution(graph, std::move(request), hooks);
        if (execution.step() != ExecutionRun::Outcome::Finished || execution.status() != QLatin1String("succeeded"))
            state.SkipWithError("the workflow did not succeed");
    }
    // Seconds per node run (shown in µs by the reporter's rate inversion).
    state.counters["per_node_run"] = benchmark::Counter(double(state.iterations()) * 10, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.SetItemsProcessed(state.iterations() * state.range(0) * 10);
}

void FieldExpressions(benchmark::State &state) { run(state, false); }
void JavaScriptExpressions(benchmark::State &state) { run(state, true); }

} // namespace

BENCHMARK(FieldExpressions)->Arg(1)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(JavaScriptExpressions)->Arg(1)->Arg(1000)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
