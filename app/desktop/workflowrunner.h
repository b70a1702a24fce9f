#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariant>

namespace synapscale {

class WorkflowDocument;

// Runs the open workflow from the editor and shows the run on its nodes: saves pending edits,
// starts an execution (optional input JSON), lights nodes up from the live events, and when the
// run ends takes the stored execution (each node's input and output items, errors). Also opens
// a past execution read-only on the workflow version it ran.
class WorkflowRunner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(WorkflowDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(QString executionId READ executionId NOTIFY stateChanged)
    // queued, running, waiting, succeeded, failed, cancelled; empty before the first run.
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int durationMs READ durationMs NOTIFY stateChanged)
    // Bumped whenever node data (items, errors) changed, so bindings re-read nodeData().
    Q_PROPERTY(int dataRevision READ dataRevision NOTIFY dataChanged)
public:
    explicit WorkflowRunner(QObject *parent = nullptr);

    WorkflowDocument *document() const { return m_document; }
    void setDocument(WorkflowDocument *document);
    bool running() const { return m_running; }
    QString executionId() const { return m_executionId; }
    QString status() const { return m_status; }
    QString error() const { return m_error; }
    int durationMs() const { return m_durationMs; }
    int dataRevision() const { return m_revision; }

    // `inputJson`: empty, or a JSON object (one item) or array (one item per element).
    Q_INVOKABLE void run(const QString &inputJson = {});
    Q_INVOKABLE void stop();
    Q_INVOKABLE void openExecution(const QString &executionId);
    Q_INVOKABLE void clear();
    // {status, items_in, items_out, error, input: [items], output: [[items] per port]} of a node's
    // last run in the shown execution; empty when it did not run.
    Q_INVOKABLE QVariantMap nodeData(const QString &nodeId) const;
    // Items as a table: {columns: [names], rows: [[cell text]]} (nested values as compact JSON).
    Q_INVOKABLE static QVariantMap table(const QVariantList &items);
    Q_INVOKABLE static QString toJson(const QVariant &value);

Q_SIGNALS:
    void documentChanged();
    void stateChanged();
    void dataChanged();
    void finished(const QString &status);

private:
    void start(const QVariant &input);
    void onEvent(const QString &type, const QVariantMap &data);
    void fetchExecution();
    void showExecution(const QVariantMap &execution);
    void fail(const QString &message);

    QPointer<WorkflowDocument> m_document;
    QTimer m_poll;
    bool m_running = false;
    bool m_awaitingId = false;
    QList<QPair<QString, QVariantMap>> m_early; // events that came before the execute answer
    QString m_executionId;
    QString m_status;
    QString m_error;
    int m_durationMs = 0;
    int m_revision = 0;
    QHash<QString, QVariantMap> m_nodeRuns; // node id -> its last run in the execution
};

} // namespace synapscale
