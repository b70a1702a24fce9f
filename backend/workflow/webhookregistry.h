#pragma once

#include "core/result.h"
#include "engine/workflowgraph.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <mutex>
#include <variant>

namespace synapscale {

// One webhook trigger of a registered workflow.
struct WebhookTarget {
    QString workflowId;
    QString ownerId;
    std::string nodeId;
    QByteArray method;
    QStringList segments;          // path split at '/', ":name" segments are parameters
    std::string responseMode;      // onReceived | lastNode | responseNode
    std::string responseData;      // firstEntryJson | allEntries | noData
    int responseCode = 200;
    std::shared_ptr<const WorkflowGraph> graph;

    QString path() const { return segments.join(QLatin1Char('/')); }
};

// The webhook paths being served: production ones of active workflows and test ones an editor
// listens on for a while. Thread-safe.
class WebhookRegistry {
public:
    // The webhook triggers of a workflow (enabled ones).
    static Result<std::vector<WebhookTarget>> targetsOf(const std::shared_ptr<const WorkflowGraph> &graph, const QString &ownerId);

    // Replaces the workflow's registrations. "conflict" when another workflow serves the same
    // method and path.
    Result<void> set(const QString &workflowId, std::vector<WebhookTarget> targets, bool test, QDateTime expires = {});
    void remove(const QString &workflowId, bool test);
    bool has(const QString &workflowId, bool test) const;

    struct Match {
        WebhookTarget target;
        QHash<QString, QString> params;
    };
    // A match, or the methods the path is served under (empty: unknown path).
    std::variant<Match, QStringList> match(const QByteArray &method, const QString &path, bool test) const;

private:
    struct Entry {
        std::vector<WebhookTarget> targets;
        QDateTime expires; // test registrations only
    };
    static bool samePath(const QStringList &a, const QStringList &b);
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_production;
    mutable QHash<QString, Entry> m_test;
};

} // namespace synapscale
