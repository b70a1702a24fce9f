#pragma once

#include <QByteArray>
#include <QString>

namespace synapscale {

struct NodeRunSummary;

// Stored forms of workflows and executions. JSON columns stay serialized text here; the
// workflow service parses them into the model.
struct WorkflowRecord {
    QString id;
    QString ownerId;
    QString name;
    QString description;
    QByteArray tags = "[]";        // JSON array of strings
    bool active = false;
    int version = 1;
    QByteArray definition = "{}";  // JSON {nodes, edges, settings}
    QString createdAt;
    QString updatedAt;
    // Filled by list() only: the newest execution's status and when it finished (empty: never run).
    QString lastRunStatus;
    QString lastRunAt;
};

struct WorkflowVersionRecord {
    QString workflowId;
    int version = 0;
    QString name;
    QByteArray definition;
    QString createdBy;
    QString createdAt;
};

struct ExecutionRecord {
    QString id;
    QString workflowId;
    QString ownerId;
    int workflowVersion = 1;
    QString status = QStringLiteral("queued");
    QString mode = QStringLiteral("manual");
    int priority = 0;
    QByteArray input;       // JSON, may be empty
    QString error;
    QString createdAt;
    QString startedAt;
    QString finishedAt;
    qint64 durationMs = -1; // -1 while unfinished
    QString retryOf;
    QString waitUntil;
    QByteArray state;       // a parked execution's engine state (JSON)
    QString claimedBy;      // instance holding the lease while unfinished
    QString heartbeatAt;
    QByteArray nodeRuns;    // node runs folded into the row (JSON array), see foldedNodeRuns()
};

struct NodeRunRecord {
    QString id;
    QString executionId;
    QString nodeId;
    QString name;
    int runIndex = 0;
    QString status = QStringLiteral("running");
    QString startedAt;
    QString finishedAt;
    int itemsIn = 0;
    int itemsOut = 0;
    QString error;
    QByteArray output;      // JSON list per output port, may be empty
};

// Node runs kept inside their execution's row: a JSON array, one object per run with the
// NodeRunRecord fields (output embedded as JSON). Fields at their default are omitted
// (run_index 0, status "succeeded", error empty, started_at equal to the execution's,
// finished_at equal to started_at), and an output that is the execution's input on one port is
// stored as "output_is_input": pass that input and the execution's started_at to both.
void appendFoldedNodeRun(QByteArray &array, const NodeRunRecord &run, const QByteArray &executionInput = {},
                         const QString &executionStartedAt = {});
// The same from the engine's record of the run (no row id: a folded run needs none).
void appendFoldedNodeRun(QByteArray &array, const struct NodeRunSummary &run, const QByteArray &executionInput = {},
                         const QString &executionStartedAt = {});
QList<NodeRunRecord> foldedNodeRuns(const QByteArray &array, const QString &executionId, const QByteArray &executionInput = {},
                                    const QString &executionStartedAt = {});

} // namespace synapscale
