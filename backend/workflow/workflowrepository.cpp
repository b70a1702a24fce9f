#include "workflowrepository.h"

#include "core/clock.h"
#include "engine/executionrun.h"
#include "storage/database.h"
#include "storage/rows.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace synapscale {

namespace {
using rows::one;
using rows::all;
using rows::affected;
using rows::sql;
using rows::done;
const auto countOf = rows::scalar;
constexpr auto kWorkflowColumns = "id, owner_id, name, description, tags, active, version, definition, created_at, updated_at";
constexpr auto kInsertWorkflow = "INSERT INTO workflows (id, owner_id, name, description, tags, active, version, definition, "
                                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kInsertVersion = "INSERT INTO workflow_versions (workflow_id, version, name, definition, created_by, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?)";
constexpr auto kSelectWorkflow = "SELECT %1 FROM workflows WHERE id = ? AND owner_id = ?";
constexpr auto kSelectActive = "SELECT %1 FROM workflows WHERE active = ? ORDER BY created_at";
constexpr auto kListWhere = "FROM workflows WHERE owner_id = ? "
                            "AND (? = '' OR LOWER(name) LIKE ? ESCAPE '!' OR LOWER(description) LIKE ? ESCAPE '!') "
                            "AND (? = '' OR tags LIKE ?) "
                            "AND (? = -1 OR active = ?) "
                            "AND (? = '' OR definition LIKE ? ESCAPE '!')";
// The newest execution of each listed workflow (executions_workflow_idx serves both lookups).
constexpr auto kLastRunColumns = ", (SELECT e.status FROM executions e WHERE e.workflow_id = workflows.id "
                                 "ORDER BY e.created_at DESC, e.id DESC LIMIT 1), "
                                 "(SELECT COALESCE(e.finished_at, e.started_at, e.created_at) FROM executions e "
                                 "WHERE e.workflow_id = workflows.id ORDER BY e.created_at DESC, e.id DESC LIMIT 1) ";
constexpr auto kListOrder = " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?";
constexpr auto kUpdateWorkflow = "UPDATE workflows SET name = ?, description = ?, tags = ?, definition = ?, version = version + 1, "
                                 "updated_at = ? WHERE id = ? AND owner_id = ? AND version = ?";
constexpr auto kSetActive = "UPDATE workflows SET active = ?, updated_at = ? WHERE id = ? AND owner_id = ?";
constexpr auto kDeleteWorkflow = "DELETE FROM workflows WHERE id = ? AND owner_id = ?";
constexpr auto kSelectVersions = "SELECT v.workflow_id, v.version, v.name, v.definition, v.created_by, v.created_at "
                                 "FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id "
                                 "WHERE v.workflow_id = ? AND w.owner_id = ? ORDER BY v.version DESC";
constexpr auto kSelectVersion = "SELECT v.workflow_id, v.version, v.name, v.definition, v.created_by, v.created_at "
                                "FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id "
                                "WHERE v.workflow_id = ? AND w.owner_id = ? AND v.version = ?";

constexpr auto kExecutionColumns = "id, workflow_id, owner_id, workflow_version, status, mode, priority, input, error, created_at, "
                                   "started_at, finished_at, duration_ms, retry_of, wait_until, state";
constexpr auto kInsertExecution = "INSERT INTO executions (id, workflow_id, owner_id, workflow_version, status, mode, priority, input, "
                                  "error, created_at, started_at, finished_at, duration_ms, retry_of) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, ?)";
// A finished execution holds no lease (the writer inserts one that ends in its first batch without one).
constexpr auto kFinishExecution = "UPDATE executions SET status = ?, error = ?, finished_at = ?, duration_ms = ?, state = NULL, "
                                  "wait_until = NULL, claimed_by = NULL, heartbeat_at = NULL WHERE id = ?";
constexpr auto kMarkWaiting = "UPDATE executions SET status = 'waiting', state = ?, wait_until = ? WHERE id = ?";
// "finished_at IS NULL" lets SQLite use the partial executions_queue_idx (migration 0009).
constexpr auto kSelectUnclaimed = "SELECT %1 FROM executions WHERE status = ? AND finished_at IS NULL AND (claimed_by IS NULL OR heartbeat_at IS NULL "
                                 "OR heartbeat_at < ?) ORDER BY priority DESC, created_at";
constexpr auto kClaim = "UPDATE executions SET claimed_by = ?, heartbeat_at = ? WHERE id = ? AND status = ? AND "
                        "(claimed_by IS NULL OR heartbeat_at IS NULL OR heartbeat_at < ?)";
constexpr auto kHeartbeat = "UPDATE executions SET heartbeat_at = ? WHERE claimed_by = ? AND status IN ('queued', 'running', 'waiting')";
constexpr auto kRelease = "UPDATE executions SET claimed_by = NULL WHERE claimed_by = ? AND status IN ('queued', 'running', 'waiting')";
constexpr auto kRequeue = "UPDATE executions SET status = 'queued', started_at = NULL, state = NULL, wait_until = NULL, "
                         "node_runs = NULL WHERE id = ?";
constexpr auto kSelectFoldedNodeRuns = "SELECT node_runs, input, started_at FROM executions WHERE id = ?";
constexpr auto kPruneByAge = "DELETE FROM executions WHERE workflow_id = ? AND finished_at IS NOT NULL AND finished_at < ?";
constexpr auto kPruneByCount = "DELETE FROM executions WHERE workflow_id = ? AND finished_at IS NOT NULL AND id NOT IN "
                               "(SELECT id FROM executions WHERE workflow_id = ? ORDER BY created_at DESC, id LIMIT ?)";
constexpr auto kDeleteNodeRuns = "DELETE FROM execution_node_runs WHERE execution_id = ?";
constexpr auto kInsertFinishedNodeRun = "INSERT INTO execution_node_runs (id, execution_id, node_id, name, run_index, status, "
                                        "started_at, finished_at, items_in, items_out, error, output) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr auto kSelectExecution = "SELECT %1 FROM executions WHERE id = ? AND owner_id = ?";
constexpr auto kExecutionWhere = "FROM executions WHERE owner_id = ? AND (? = '' OR workflow_id = ?) AND (? = '' OR status = ?)";
constexpr auto kExecutionOrder = " ORDER BY created_at DESC, id LIMIT ? OFFSET ?";
constexpr auto kMarkStarted = "UPDATE executions SET status = 'running', started_at = ?, claimed_by = ?, heartbeat_at = ? WHERE id = ?";
constexpr auto kSelectStarted = "SELECT started_at, created_at FROM executions WHERE id = ?";
constexpr auto kMarkFinished = "UPDATE executions SET status = ?, error = ?, finished_at = ?, duration_ms = ? WHERE id = ?";
constexpr auto kSelectOwner = "SELECT owner_id FROM executions WHERE id = ?";
constexpr auto kDeleteExecution = "DELETE FROM executions WHERE id = ? AND owner_id = ?";
constexpr auto kFailInterrupted = "UPDATE executions SET status = 'failed', error = ?, finished_at = ? WHERE status = 'running' "
                                 "AND finished_at IS NULL";

constexpr auto kInsertExecutionsHead = "INSERT INTO executions (id, workflow_id, owner_id, workflow_version, status, mode, priority, "
                                       "input, error, created_at, started_at, finished_at, duration_ms, retry_of, wait_until, state, "
                                       "claimed_by, heartbeat_at, node_runs) VALUES";
constexpr auto kInsertNodeRunsHead = "INSERT INTO execution_node_runs (id, execution_id, node_id, name, run_index, status, started_at, "
                                     "finished_at, items_in, items_out, error, output) VALUES";
constexpr auto kNodeRunColumns = "id, execution_id, node_id, name, run_index, status, started_at, finished_at, items_in, items_out, "
                                 "error, output";
constexpr auto kInsertNodeRun = "INSERT INTO execution_node_runs (id, execution_id, node_id, name, run_index, status, started_at, "
                                "finished_at, items_in, items_out, error, output) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, NULL, NULL)";
constexpr auto kFinishNodeRun = "UPDATE execution_node_runs SET status = ?, finished_at = ?, items_out = ?, error = ?, output = ? "
                                "WHERE id = ?";
constexpr auto kSelectNodeRuns = "SELECT %1 FROM execution_node_runs WHERE execution_id = ? ORDER BY started_at, run_index";


using rows::nullable;

QVariant nullable(const QByteArray &s)
{
    return s.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(s));
}

// JSON text for Database::insertRows, which takes UTF-8 as it is.
QVariant utf8OrNull(const QByteArray &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

WorkflowRecord workflowFrom(const QSqlQuery &q)
{
    return WorkflowRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString().toUtf8(), q.value(5).toBool(), q.value(6).toInt(),
                          q.value(7).toString().toUtf8(), q.value(8).toString(), q.value(9).toString()};
}

WorkflowVersionRecord versionFrom(const QSqlQuery &q)
{
    return WorkflowVersionRecord{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                                 q.value(3).toString().toUtf8(), q.value(4).toString(), q.value(5).toString()};
}

ExecutionRecord executionFrom(const QSqlQuery &q)
{
    ExecutionRecord e;
    e.id = q.value(0).toString();
    e.workflowId = q.value(1).toString();
    e.ownerId = q.value(2).toString();
    e.workflowVersion = q.value(3).toInt();
    e.status = q.value(4).toString();
    e.mode = q.value(5).toString();
    e.priority = q.value(6).toInt();
    e.input = q.value(7).toString().toUtf8();
    e.error = q.value(8).toString();
    e.createdAt = q.value(9).toString();
    e.startedAt = q.value(10).toString();
    e.finishedAt = q.value(11).toString();
    e.durationMs = q.value(12).isNull() ? -1 : q.value(12).toLongLong();
    e.retryOf = q.value(13).toString();
    e.waitUntil = q.value(14).toString();
    e.state = q.value(15).toString().toUtf8();
    return e;
}

NodeRunRecord nodeRunFrom(const QSqlQuery &q)
{
    return NodeRunRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toInt(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                         q.value(8).toInt(), q.value(9).toInt(), q.value(10).toString(), q.value(11).toString().toUtf8()};
}




} // namespace

Result<WorkflowRecord> WorkflowRepository::create(WorkflowRecord w)
{
    if (w.id.isEmpty())
        w.id = newId();
    w.version = 1;
    w.createdAt = w.updatedAt = nowIso();
    auto r = m_db.transaction([&]() -> Result<void> {
        auto q = m_db.exec(QString::fromLatin1(kInsertWorkflow), {w.id, w.ownerId, w.name, w.description, QString::fromUtf8(w.tags),
                                                                  w.active, w.version, QString::fromUtf8(w.definition), w.createdAt,
                                                                  w.updatedAt});
        if (!q)
            return q.error();
        auto v = m_db.exec(QString::fromLatin1(kInsertVersion), {w.id, w.version, w.name, QString::fromUtf8(w.definition),
                                                                 nullable(w.ownerId), w.createdAt});
        if (!v)
            return v.error();
        return {};
    });
    if (!r)
        return r.error();
    return w;
}

Result<QList<WorkflowRecord>> WorkflowRepository::listActive()
{
    return all<WorkflowRecord>(m_db.exec(sql(kSelectActive, kWorkflowColumns), {true}), workflowFrom);
}

Result<std::optional<WorkflowRecord>> WorkflowRepository::find(const QString &id, const QString &ownerId)
{
    return one<WorkflowRecord>(m_db.exec(sql(kSelectWorkflow, kWorkflowColumns), {id, ownerId}), workflowFrom);
}

Result<Page<WorkflowRecord>> WorkflowRepository::list(const QString &ownerId, const WorkflowFilter &f)
{
    const QString like = rows::containsPattern(f.search);
    const QString tagLike = QStringLiteral("%\"") + QString(f.tag).remove(QLatin1Char('%')).remove(QLatin1Char('"')) + QStringLiteral("\"%");
    const int active = f.active.has_value() ? int(*f.active) : -1;
    // Definitions are stored as normalized compact JSON, so a node type appears exactly like this.
    const QString typeLike = rows::containsPattern(QStringLiteral("\"type\":\"") + f.triggerType + QLatin1Char('"'));
    const QVariantList where{ownerId, f.search, like, like, f.tag, tagLike, active, f.active.value_or(false), f.triggerType, typeLike};
    auto total = countOf(m_db.exec(QStringLiteral("SELECT COUNT(*) ") + QString::fromLatin1(kListWhere), where));
    if (!total)
        return total.error();
    auto items = all<WorkflowRecord>(m_db.exec(QStringLiteral("SELECT %1").arg(QString::fromLatin1(kWorkflowColumns))
                                                   + QString::fromLatin1(kLastRunColumns) + QString::fromLatin1(kListWhere)
                                                   + QString::fromLatin1(kListOrder),
                                               where + QVariantList{f.limit, f.skip}),
                                     [](const QSqlQuery &q) {
                                         WorkflowRecord w = workflowFrom(q);
                                         w.lastRunStatus = q.value(10).toString();
                                         w.lastRunAt = q.value(11).toString();
                                         return w;
                                     });
    if (!items)
        return items.error();
    return Page<WorkflowRecord>{std::move(items).value(), *total, f.skip, f.limit};
}

Result<WorkflowRecord> WorkflowRepository::update(WorkflowRecord w, int expectedVersion, const QString &editedBy)
{
    std::optional<WorkflowRecord> saved;
    auto r = m_db.transaction([&]() -> Result<void> {
        const QString now = nowIso();
        auto q = m_db.exec(QString::fromLatin1(kUpdateWorkflow), {w.name, w.description, QString::fromUtf8(w.tags),
                                                                  QString::fromUtf8(w.definition), now, w.id, w.ownerId,
                                                                  expectedVersion});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0) {
            auto existing = find(w.id, w.ownerId);
            if (!existing)
                return existing.error();
            if (!existing->has_value())
                return Error::make(QStringLiteral("not_found"), QStringLiteral("workflow not found"));
            return Error::make(QStringLiteral("conflict"),
                               QStringLiteral("the workflow was changed elsewhere: it is at version %1, not %2")
                                   .arg((*existing)->version)
                                   .arg(expectedVersion));
        }
        auto v = m_db.exec(QString::fromLatin1(kInsertVersion), {w.id, expectedVersion + 1, w.name, QString::fromUtf8(w.definition),
                                                                 nullable(editedBy), now});
        if (!v)
            return v.error();
        auto reread = find(w.id, w.ownerId);
        if (!reread)
            return reread.error();
        saved = *reread;
        return {};
    });
    if (!r)
        return r.error();
    return *saved;
}

Result<bool> WorkflowRepository::setActive(const QString &id, const QString &ownerId, bool active)
{
    return affected(m_db.exec(QString::fromLatin1(kSetActive), {active, nowIso(), id, ownerId}));
}

Result<bool> WorkflowRepository::remove(const QString &id, const QString &ownerId)
{
    return affected(m_db.exec(QString::fromLatin1(kDeleteWorkflow), {id, ownerId}));
}

Result<QList<WorkflowVersionRecord>> WorkflowRepository::versions(const QString &id, const QString &ownerId)
{
    return all<WorkflowVersionRecord>(m_db.exec(QString::fromLatin1(kSelectVersions), {id, ownerId}), versionFrom);
}

Result<std::optional<WorkflowVersionRecord>> WorkflowRepository::version(const QString &id, const QString &ownerId, int version)
{
    return one<WorkflowVersionRecord>(m_db.exec(QString::fromLatin1(kSelectVersion), {id, ownerId, version}), versionFrom);
}

Result<ExecutionRecord> ExecutionRepository::create(ExecutionRecord e)
{
    if (e.id.isEmpty())
        e.id = newId();
    e.createdAt = nowIso();
    auto q = m_db.exec(QString::fromLatin1(kInsertExecution), {e.id, e.workflowId, e.ownerId, e.workflowVersion, e.status, e.mode,
                                                               e.priority, nullable(e.input), e.createdAt, nullable(e.retryOf)});
    if (!q)
        return q.error();
    return e;
}

Result<std::optional<ExecutionRecord>> ExecutionRepository::find(const QString &id, const QString &ownerId)
{
    return one<ExecutionRecord>(m_db.exec(sql(kSelectExecution, kExecutionColumns), {id, ownerId}), executionFrom);
}

Result<Page<ExecutionRecord>> ExecutionRepository::list(const QString &ownerId, const ExecutionFilter &f)
{
    const QVariantList where{ownerId, f.workflowId, f.workflowId, f.status, f.status};
    auto total = countOf(m_db.exec(QStringLiteral("SELECT COUNT(*) ") + QString::fromLatin1(kExecutionWhere), where));
    if (!total)
        return total.error();
    auto items = all<ExecutionRecord>(m_db.exec(QStringLiteral("SELECT %1 ").arg(QString::fromLatin1(kExecutionColumns))
                                                    + QString::fromLatin1(kExecutionWhere) + QString::fromLatin1(kExecutionOrder),
                                                where + QVariantList{f.limit, f.skip}),
                                      executionFrom);
    if (!items)
        return items.error();
    return Page<ExecutionRecord>{std::move(items).value(), *total, f.skip, f.limit};
}

Result<void> ExecutionRepository::markStarted(const QString &id, const QString &startedAt, const QString &claimedBy)
{
    auto q = m_db.exec(QString::fromLatin1(kMarkStarted), {startedAt, claimedBy.isEmpty() ? QVariant() : QVariant(claimedBy),
                                                           claimedBy.isEmpty() ? QVariant() : QVariant(nowIso()), id});
    if (!q)
        return q.error();
    return {};
}

Result<void> ExecutionRepository::markFinished(const QString &id, const QString &status, const QString &error, const QString &finishedAt)
{
    auto started = m_db.exec(QString::fromLatin1(kSelectStarted), {id});
    if (!started)
        return started.error();
    if (!started->next())
        return Error::make(QStringLiteral("not_found"), QStringLiteral("execution not found"));
    const QString from = started->value(0).isNull() ? started->value(1).toString() : started->value(0).toString();
    const qint64 duration = QDateTime::fromString(from, Qt::ISODateWithMs).msecsTo(QDateTime::fromString(finishedAt, Qt::ISODateWithMs));
    auto q = m_db.exec(QString::fromLatin1(kMarkFinished), {status, nullable(error), finishedAt, qMax<qint64>(0, duration), id});
    if (!q)
        return q.error();
    return {};
}

Result<QString> ExecutionRepository::ownerOf(const QString &id)
{
    auto q = m_db.exec(QString::fromLatin1(kSelectOwner), {id});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<bool> ExecutionRepository::remove(const QString &id, const QString &ownerId)
{
    return affected(m_db.exec(QString::fromLatin1(kDeleteExecution), {id, ownerId}));
}

Result<int> ExecutionRepository::failInterrupted(const QString &reason)
{
    auto q = m_db.exec(QString::fromLatin1(kFailInterrupted), {reason, nowIso()});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<void> ExecutionRepository::finish(const QString &id, const QString &status, const QString &error, const QString &finishedAt,
                                         qint64 durationMs)
{
    return m_db.run(QString::fromLatin1(kFinishExecution), {status, nullable(error), finishedAt, qMax<qint64>(0, durationMs), id});
}

Result<void> ExecutionRepository::insertNodeRun(const NodeRunRecord &run)
{
    return done(m_db.exec(QString::fromLatin1(kInsertFinishedNodeRun),
                          {run.id.isEmpty() ? newId() : run.id, run.executionId, run.nodeId, run.name, run.runIndex, run.status,
                           run.startedAt, nullable(run.finishedAt), run.itemsIn, run.itemsOut, nullable(run.error), nullable(run.output)}));
}

Result<void> ExecutionRepository::insertMany(const QList<ExecutionRecord> &executions)
{
    QVariantList p;
    p.reserve(executions.size() * 19);
    for (const ExecutionRecord &e : executions) {
                          p << e.id << e.workflowId << e.ownerId << e.workflowVersion << e.status << e.mode << e.priority << utf8OrNull(e.input)
                            << nullable(e.error) << (e.createdAt.isEmpty() ? nowIso() : e.createdAt) << nullable(e.startedAt)
                            << nullable(e.finishedAt) << (e.durationMs < 0 ? QVariant() : QVariant(e.durationMs)) << nullable(e.retryOf)
                            << nullable(e.waitUntil) << utf8OrNull(e.state) << nullable(e.claimedBy) << nullable(e.heartbeatAt)
          << utf8OrNull(e.nodeRuns);
    }
    return m_db.insertRows(kInsertExecutionsHead, 19, p);
}

Result<void> ExecutionRepository::insertNodeRuns(const QList<NodeRunRecord> &runs)
{
    QVariantList p;
    p.reserve(runs.size() * 12);
    for (const NodeRunRecord &r : runs) {
                          p << (r.id.isEmpty() ? newId() : r.id) << r.executionId << r.nodeId << r.name << r.runIndex << r.status
                            << r.startedAt << nullable(r.finishedAt) << r.itemsIn << r.itemsOut << nullable(r.error) << utf8OrNull(r.output);
    }
    return m_db.insertRows(kInsertNodeRunsHead, 12, p);
}

Result<void> ExecutionRepository::markWaiting(const QString &id, const QByteArray &state, const QString &waitUntil)
{
    return done(m_db.exec(QString::fromLatin1(kMarkWaiting), {QString::fromUtf8(state), waitUntil, id}));
}

Result<QList<ExecutionRecord>> ExecutionRepository::unclaimed(const QString &status, const QString &staleBefore)
{
    return all<ExecutionRecord>(m_db.exec(sql(kSelectUnclaimed, kExecutionColumns), {status, staleBefore}), executionFrom);
}

Result<void> ExecutionRepository::prune(const QString &workflowId, int maxAgeDays, int maxCount)
{
    if (maxAgeDays > 0) {
        const QString cutoff = toIso(QDateTime::currentMSecsSinceEpoch() - qint64(maxAgeDays) * 86400 * 1000);
        if (auto q = m_db.exec(QString::fromLatin1(kPruneByAge), {workflowId, cutoff}); !q)
            return q.error();
    }
    if (maxCount > 0)
        return done(m_db.exec(QString::fromLatin1(kPruneByCount), {workflowId, workflowId, maxCount}));
    return {};
}

Result<bool> ExecutionRepository::claim(const QString &id, const QString &status, const QString &instance, const QString &staleBefore)
{
    return affected(m_db.exec(QString::fromLatin1(kClaim), {instance, nowIso(), id, status, staleBefore}));
}

Result<void> ExecutionRepository::heartbeat(const QString &instance)
{
    return m_db.run(QString::fromLatin1(kHeartbeat), {nowIso(), instance});
}

Result<void> ExecutionRepository::release(const QString &instance)
{
    return m_db.run(QString::fromLatin1(kRelease), {instance});
}

Result<void> ExecutionRepository::requeue(const QString &id)
{
    return m_db.transaction([&]() -> Result<void> {
        if (auto q = m_db.exec(QString::fromLatin1(kDeleteNodeRuns), {id}); !q)
            return q.error();
        return done(m_db.exec(QString::fromLatin1(kRequeue), {id}));
    });
}

Result<NodeRunRecord> ExecutionRepository::addNodeRun(NodeRunRecord run)
{
    if (run.id.isEmpty())
        run.id = newId();
    if (run.startedAt.isEmpty())
        run.startedAt = nowIso();
    auto q = m_db.exec(QString::fromLatin1(kInsertNodeRun), {run.id, run.executionId, run.nodeId, run.name, run.runIndex, run.status,
                                                             run.startedAt, run.itemsIn});
    if (!q)
        return q.error();
    return run;
}

Result<void> ExecutionRepository::finishNodeRun(const NodeRunRecord &run)
{
    auto q = m_db.exec(QString::fromLatin1(kFinishNodeRun), {run.status, run.finishedAt.isEmpty() ? nowIso() : run.finishedAt,
                                                             run.itemsOut, nullable(run.error), nullable(run.output), run.id});
    if (!q)
        return q.error();
    return {};
}

Result<QList<NodeRunRecord>> ExecutionRepository::nodeRuns(const QString &executionId)
{
    auto rows = all<NodeRunRecord>(m_db.exec(sql(kSelectNodeRuns, kNodeRunColumns), {executionId}), nodeRunFrom);
    if (!rows)
        return rows;
    auto folded = m_db.exec(QString::fromLatin1(kSelectFoldedNodeRuns), {executionId});
    if (!folded)
        return folded.error();
    if (!folded->next() || folded->value(0).isNull())
        return rows;
    QList<NodeRunRecord> runs = foldedNodeRuns(folded->value(0).toString().toUtf8(), executionId, folded->value(1).toString().toUtf8(),
                                                folded->value(2).toString())
                                 + *rows;
    std::stable_sort(runs.begin(), runs.end(), [](const NodeRunRecord &a, const NodeRunRecord &b) {
        return a.startedAt != b.startedAt ? a.startedAt < b.startedAt : a.runIndex < b.runIndex;
    });
    return runs;
}

namespace {
// A JSON string literal of UTF-8 `text` (RFC 8259 escaping). The execution writer folds thousands
// of node runs a second; building a json object per run just to print it was a tenth of its time.
void appendJsonString(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    qsizetype plain = 0; // start of the run of characters that need no escape
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        out.append(text.sliced(plain, i - plain));
        plain = i + 1;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    out.append(text.sliced(plain));
    out += '"';
}

// One node run's fields as UTF-8, whichever form the run came in.
struct FoldedRun {
    QByteArrayView id; // may be empty: a folded run needs no row id
    QByteArrayView nodeId;
    QByteArrayView name;
    QByteArrayView status;
    QByteArrayView error;
    QByteArrayView output;
    const QString &startedAt;
    const QString &finishedAt;
    int runIndex;
    int itemsIn;
    int itemsOut;
};

void appendFolded(QByteArray &array, const FoldedRun &run, const QByteArray &executionInput, const QString &executionStartedAt)
{
    if (array.isEmpty())
        array += '[';
    else
        array[array.size() - 1] = ','; // the closing bracket becomes a separator
    auto field = [&](const char *name, QByteArrayView value) {
        array += name;
        appendJsonString(array, value);
    };
    // Fields equal to their default are left out: with this and no lease, a saved webhook
    // execution's row fits four to a database page instead of two, and the writer's time goes
    // mostly to writing pages.
    array += '{';
    if (!run.id.isEmpty()) {
        field("\"id\":", run.id);
        array += ',';
    }
    field("\"node_id\":", run.nodeId);
    field(",\"name\":", run.name);
    if (run.runIndex != 0) {
        array += ",\"run_index\":";
        array += QByteArray::number(run.runIndex);
    }
    if (run.status != "succeeded")
        field(",\"status\":", run.status);
    if (run.startedAt != executionStartedAt)
        field(",\"started_at\":", QByteArrayView(run.startedAt.toLatin1()));
    if (run.finishedAt != run.startedAt)
        field(",\"finished_at\":", QByteArrayView(run.finishedAt.toLatin1()));
    array += ",\"items_in\":";
    array += QByteArray::number(run.itemsIn);
    array += ",\"items_out\":";
    array += QByteArray::number(run.itemsOut);
    if (!run.error.isEmpty())
        field(",\"error\":", run.error);
    const bool outputIsInput = !executionInput.isEmpty() && run.output.size() == executionInput.size() + 2
                               && run.output.startsWith('[') && run.output.endsWith(']')
                               && run.output.sliced(1, executionInput.size()) == QByteArrayView(executionInput);
    if (outputIsInput) {
        // A trigger passes the execution's input through: its output is that input on its one port.
        array += ",\"output_is_input\":true";
    } else if (!run.output.isEmpty()) {
        // The output is JSON text already: spliced in rather than parsed and printed again.
        array += ",\"output\":";
        array.append(run.output);
    }
    array += "}]";
}
} // namespace

void appendFoldedNodeRun(QByteArray &array, const NodeRunRecord &run, const QByteArray &executionInput, const QString &executionStartedAt)
{
    const QByteArray id = run.id.toUtf8(), nodeId = run.nodeId.toUtf8(), name = run.name.toUtf8(), status = run.status.toUtf8(),
                     error = run.error.toUtf8();
    appendFolded(array, {id, nodeId, name, status, error, run.output, run.startedAt, run.finishedAt, run.runIndex, run.itemsIn, run.itemsOut},
                 executionInput, executionStartedAt);
}

void appendFoldedNodeRun(QByteArray &array, const NodeRunSummary &run, const QByteArray &executionInput, const QString &executionStartedAt)
{
    appendFolded(array,
                 {{}, run.nodeId, run.name, run.status, run.error, run.output, run.startedAt, run.finishedAt, run.runIndex, run.itemsIn,
                  run.itemsOut},
                 executionInput, executionStartedAt);
}

QList<NodeRunRecord> foldedNodeRuns(const QByteArray &array, const QString &executionId, const QByteArray &executionInput,
                                    const QString &executionStartedAt)
{
    QList<NodeRunRecord> runs;
    const auto parsed = nlohmann::json::parse(array.toStdString(), nullptr, false);
    if (!parsed.is_array())
        return runs;
    auto str = [](const nlohmann::json &o, const char *key) { return QString::fromStdString(o.value(key, std::string())); };
    for (const auto &o : parsed) {
        if (!o.is_object())
            continue;
        NodeRunRecord r;
        r.id = str(o, "id");
        r.executionId = executionId;
        r.nodeId = str(o, "node_id");
        r.name = str(o, "name");
        r.runIndex = o.value("run_index", 0);
        r.status = o.contains("status") ? str(o, "status") : QStringLiteral("succeeded");
        r.startedAt = o.contains("started_at") ? str(o, "started_at") : executionStartedAt;
        r.finishedAt = o.contains("finished_at") ? str(o, "finished_at") : r.startedAt;
        r.itemsIn = o.value("items_in", 0);
        r.itemsOut = o.value("items_out", 0);
        r.error = str(o, "error");
        if (o.value("output_is_input", false))
            r.output = '[' + executionInput + ']';
        else if (auto out = o.find("output"); out != o.end())
            r.output = QByteArray::fromStdString(out->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        runs.append(std::move(r));
    }
    return runs;
}

} // namespace synapscale
