#pragma once

#include "core/result.h"
#include "storage/page.h"
#include "workflow/workflowrecords.h"

#include <optional>

namespace synapscale {

class Database;

struct WorkflowFilter {
    QString search;                 // substring of name or description, case-insensitive
    QString tag;
    std::optional<bool> active;
    QString triggerType;            // only workflows with a node of this type, e.g. trigger.chat
    int skip = 0;
    int limit = 50;
};

// Workflows and their version history. Every read and write is scoped to an owner, so one
// user's id never reaches another user's workflow.
class WorkflowRepository {
public:
    explicit WorkflowRepository(Database &db) : m_db(db) {}

    // Inserts the workflow as version 1 and records that version.
    Result<WorkflowRecord> create(WorkflowRecord workflow);
    Result<std::optional<WorkflowRecord>> find(const QString &id, const QString &ownerId);
    Result<Page<WorkflowRecord>> list(const QString &ownerId, const WorkflowFilter &filter);
    // Saves a new definition if the stored version is still `expectedVersion` (else Error "conflict"),
    // bumping the version and recording it.
    Result<WorkflowRecord> update(WorkflowRecord workflow, int expectedVersion, const QString &editedBy);
    Result<bool> setActive(const QString &id, const QString &ownerId, bool active);
    // Every active workflow, across owners (trigger registration at start-up).
    Result<QList<WorkflowRecord>> listActive();
    Result<bool> remove(const QString &id, const QString &ownerId);
    Result<QList<WorkflowVersionRecord>> versions(const QString &id, const QString &ownerId);
    Result<std::optional<WorkflowVersionRecord>> version(const QString &id, const QString &ownerId, int version);

private:
    Database &m_db;
};

struct ExecutionFilter {
    QString workflowId;
    QString status;
    int skip = 0;
    int limit = 50;
};

// Executions and their per-node runs.
class ExecutionRepository {
public:
    explicit ExecutionRepository(Database &db) : m_db(db) {}

    Result<ExecutionRecord> create(ExecutionRecord execution);
    Result<std::optional<ExecutionRecord>> find(const QString &id, const QString &ownerId);
    Result<Page<ExecutionRecord>> list(const QString &ownerId, const ExecutionFilter &filter);
    Result<void> markStarted(const QString &id, const QString &startedAt, const QString &claimedBy = {});
    Result<void> markFinished(const QString &id, const QString &status, const QString &error, const QString &finishedAt);
    Result<bool> remove(const QString &id, const QString &ownerId);
    // Who owns an execution (empty when there is none), for access checks outside a request.
    Result<QString> ownerOf(const QString &id);
    // Start-up recovery: executions left running by a crash.
    Result<int> failInterrupted(const QString &reason);

    // Direct forms the engine uses: the duration it measured, one insert per finished node run.
    Result<void> finish(const QString &id, const QString &status, const QString &error, const QString &finishedAt, qint64 durationMs);
    Result<void> insertNodeRun(const NodeRunRecord &run);
    // Many rows per statement (the execution writer's batches); records are written as given.
    Result<void> insertMany(const QList<ExecutionRecord> &executions);
    Result<void> insertNodeRuns(const QList<NodeRunRecord> &runs);
    Result<void> markWaiting(const QString &id, const QByteArray &state, const QString &waitUntil);
    // Recovery, across owners: executions in `status` whose lease is free or older than `staleBefore`.
    Result<QList<ExecutionRecord>> unclaimed(const QString &status, const QString &staleBefore);
    // Takes the lease of a free or stale execution; false when another instance holds it.
    Result<bool> claim(const QString &id, const QString &status, const QString &instance, const QString &staleBefore);
    // Refreshes (heartbeat) or gives up (release, at a clean stop) this instance's leases.
    Result<void> heartbeat(const QString &instance);
    Result<void> release(const QString &instance);
    Result<void> requeue(const QString &id);
    // Deletes a workflow's ended executions older than `maxAgeDays` / beyond the newest `maxCount`.
    Result<void> prune(const QString &workflowId, int maxAgeDays, int maxCount);

    Result<NodeRunRecord> addNodeRun(NodeRunRecord run);
    Result<void> finishNodeRun(const NodeRunRecord &run);
    Result<QList<NodeRunRecord>> nodeRuns(const QString &executionId);

private:
    Database &m_db;
};

} // namespace synapscale
