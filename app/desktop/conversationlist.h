#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QTimer>

namespace synapscale {

// View-model of the chat page's sidebar: the user's conversations, latest first, filtered by a
// search as you type; new chats, renames and deletes go through the API, and titles and order
// follow the live message events.
class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY stateChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, TitleRole, AgentIdRole, ProviderRole, ModelRole, UpdatedAtRole };
    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString search() const { return m_search; }
    void setSearch(const QString &search);
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }

    Q_INVOKABLE void refresh();
    // Starts a conversation with an agent, a provider and model, or a chat workflow; created() follows.
    Q_INVOKABLE void create(const QString &agentId, const QString &provider, const QString &model, const QString &workflowId = {});
    Q_INVOKABLE void rename(const QString &id, const QString &title);
    Q_INVOKABLE void remove(const QString &id);
    Q_INVOKABLE int indexOf(const QString &id) const;

Q_SIGNALS:
    void searchChanged();
    void stateChanged();
    void created(const QString &id);
    void removed(const QString &id);

private:
    void onEvent(const QString &type, const QVariantMap &data);
    void setError(const QString &error);

    QList<QVariantMap> m_items;
    QString m_search;
    QTimer m_searchDelay;
    bool m_loading = false;
    QString m_error;
    int m_generation = 0;
};

} // namespace synapscale
