#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace synapscale {

// View-model of the Workflows page: the user's workflows, latest edited first, searched as you
// type and filtered by tag, with the newest run's status. Create, rename, duplicate, activate,
// import (native or n8n JSON; the import's warnings are reported) and export go through the API.
// Deleting hides the row at once and deletes on the server a few seconds later, so it can be
// undone meanwhile.
class WorkflowListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString tag READ tag WRITE setTag NOTIFY searchChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY stateChanged)
    // Every tag used by the listed workflows, for the tag filter.
    Q_PROPERTY(QStringList tags READ tags NOTIFY stateChanged)
    // The workflows deleted a moment ago and still restorable by undoRemove().
    Q_PROPERTY(QStringList pendingRemovals READ pendingRemovals NOTIFY pendingChanged)
    Q_PROPERTY(int undoWindow READ undoWindow WRITE setUndoWindow NOTIFY pendingChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        DescriptionRole,
        TagsRole,
        ActiveRole,
        VersionRole,
        UpdatedAtRole,
        LastStatusRole, // the newest execution's status, empty when never run
        LastRunAtRole,
    };
    Q_ENUM(Role)
    explicit WorkflowListModel(QObject *parent = nullptr);
    ~WorkflowListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString search() const { return m_search; }
    void setSearch(const QString &search);
    QString tag() const { return m_tag; }
    void setTag(const QString &tag);
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    QStringList tags() const { return m_tags; }
    QStringList pendingRemovals() const;
    int undoWindow() const { return m_removeTimer.interval(); }
    void setUndoWindow(int ms);

    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QString idAt(int row) const;
    // A new workflow holding one Manual Trigger; created(id) follows.
    Q_INVOKABLE void create(const QString &name);
    Q_INVOKABLE void rename(const QString &id, const QString &name);
    // Tags from comma-separated text ("sales, daily"); blanks dropped, duplicates once.
    Q_INVOKABLE void setTags(const QString &id, const QString &tags);
    Q_INVOKABLE void duplicate(const QString &id);
    Q_INVOKABLE void remove(const QString &id);
    Q_INVOKABLE void undoRemove();
    Q_INVOKABLE void setActive(const QString &id, bool active);
    // Imports a file (native or n8n JSON); imported(id, name, warnings) follows.
    Q_INVOKABLE void importFile(const QUrl &file);
    Q_INVOKABLE void importText(const QString &json);
    // Writes the workflow's export to a file; exported(path) follows.
    Q_INVOKABLE void exportTo(const QString &id, const QUrl &file);

Q_SIGNALS:
    void searchChanged();
    void stateChanged();
    void pendingChanged();
    void created(const QString &id);
    void imported(const QString &id, const QString &name, const QStringList &warnings);
    void exported(const QString &path);
    // A sentence for people when an action failed (shown as a message, not in the list's state).
    void failed(const QString &message);

private:
    void onEvent(const QString &type, const QVariantMap &data);
    // PUT is a full update of the current version: reads it, lets `change` edit it, writes it back.
    void update(const QString &id, const QString &failure, std::function<void(QVariantMap &)> change);
    void flushRemovals();
    void updateTags();

    QList<QVariantMap> m_items;
    QList<QPair<int, QVariantMap>> m_pending; // removed rows (original row, item), newest last
    QString m_search;
    QString m_tag;
    QTimer m_searchDelay;
    QTimer m_removeTimer;
    QTimer m_refreshSoon;
    bool m_loading = false;
    QString m_error;
    QStringList m_tags;
    int m_generation = 0;
};

} // namespace synapscale
