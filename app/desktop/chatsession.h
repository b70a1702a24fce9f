#pragma once

#include "chatmessages.h"

#include <QObject>
#include <QQmlEngine>

#include <functional>

namespace synapscale {

// View-model of the open conversation: its messages (streamed in from /ws/user events), and
// the actions on it — send, stop, regenerate the last reply, edit a message and resend it,
// load older history. Every action goes through the API, so it works against a team server.
class ChatSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString conversationId READ conversationId WRITE setConversationId NOTIFY conversationChanged)
    Q_PROPERTY(QString title READ title NOTIFY conversationChanged)
    Q_PROPERTY(QString agentId READ agentId NOTIFY conversationChanged)
    Q_PROPERTY(QString workflowId READ workflowId NOTIFY conversationChanged)
    Q_PROPERTY(QString provider READ provider NOTIFY conversationChanged)
    Q_PROPERTY(QString model READ model NOTIFY conversationChanged)
    Q_PROPERTY(ChatMessageModel *messages READ messages CONSTANT)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool replying READ replying NOTIFY stateChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
public:
    explicit ChatSession(QObject *parent = nullptr);

    QString conversationId() const { return m_conversationId; }
    void setConversationId(const QString &id);
    QString title() const { return m_title; }
    QString agentId() const { return m_agentId; }
    QString workflowId() const { return m_workflowId; }
    QString provider() const { return m_provider; }
    QString model() const { return m_model; }
    ChatMessageModel *messages() { return &m_messages; }
    bool loading() const { return m_loading; }
    bool replying() const { return !m_replyId.isEmpty(); }
    bool hasMore() const { return m_hasMore; }
    QString error() const { return m_error; }

    Q_INVOKABLE void send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void regenerate();
    Q_INVOKABLE void editAndResend(const QString &messageId, const QString &text);
    Q_INVOKABLE void loadOlder();
    Q_INVOKABLE void reload();
    Q_INVOKABLE void dismissError();
    Q_INVOKABLE void copyText(const QString &text) const;

Q_SIGNALS:
    void conversationChanged();
    void stateChanged();
    // The reply finished (complete, incomplete or error), for views that scroll or notify.
    void replyFinished(const QString &messageId, const QString &status);

private:
    void onEvent(const QString &type, const QVariantMap &data);
    void fetchPage(const QString &before, std::function<void(const QVariantList &items)> apply);
    void posted(const QByteArray &verb, const QString &path, const QVariant &body);
    void setError(const QString &error);
    void setReplying(const QString &replyId);

    ChatMessageModel m_messages;
    QString m_conversationId;
    QString m_title;
    QString m_agentId;
    QString m_workflowId;
    QString m_provider;
    QString m_model;
    QString m_replyId; // the reply being streamed, empty when none
    bool m_loading = false;
    bool m_hasMore = false;
    QString m_error;
    int m_generation = 0; // answers for a conversation no longer open are dropped
};

} // namespace synapscale
