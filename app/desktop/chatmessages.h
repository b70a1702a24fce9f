#pragma once

#include <QAbstractListModel>
#include <QVariantList>
#include <QVariantMap>

namespace synapscale {

// Splits Markdown at its fenced code blocks: [{kind: "text"|"code", text, language}], so a
// view renders prose as Markdown and code as a block with a copy button. A fence still open
// (a reply streaming) is a code block up to the end.
QVariantList markdownSegments(const QString &markdown);

// The rows of one conversation as the chat view shows them: user and assistant messages, and
// an agent's tool calls folded into one "tools" row each ({id, name, arguments, result,
// is_error, done}) instead of the API's separate assistant/tool turns.
class ChatMessageModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,     // user | assistant | tools
        ContentRole,
        SegmentsRole,
        StatusRole,   // complete | streaming | incomplete | error
        ErrorRole,
        ToolsRole,
        UsageRole,    // {input_tokens, output_tokens, cost_usd} or empty
        CreatedAtRole,
    };
    explicit ChatMessageModel(QObject *parent = nullptr) : QAbstractListModel(parent) {}

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // API messages, oldest first.
    void reset(const QVariantList &messages);
    void prepend(const QVariantList &olderMessages);
    void clear() { reset({}); }
    // message.created / message.completed: adds the message or replaces the one with its id.
    void upsert(const QVariantMap &message);
    // message.delta
    void appendText(const QString &messageId, const QString &text);
    void toolCalled(const QString &replyId, const QVariantMap &call);
    void toolAnswered(const QString &replyId, const QVariantMap &result);
    // Drops every row after the given one (edit and resend) or after the last user message
    // (regenerate); returns false when there is no such row.
    bool truncateAfter(const QString &messageId);
    bool truncateAfterLastUserMessage();
    void setContent(const QString &messageId, const QString &content);

    QString firstMessageId() const;
    QString lastUserMessageId() const;
    bool contains(const QString &messageId) const { return indexOf(messageId) >= 0; }
    int indexOf(const QString &messageId) const;

Q_SIGNALS:
    void countChanged();

private:
    struct Row {
        QString id;
        QString kind;
        QString content;
        QString status;
        QString error;
        QVariantList tools;
        QVariantMap usage;
        QString createdAt;
    };
    static QList<Row> fold(const QVariantList &messages);
    static Row rowFrom(const QVariantMap &message);
    void changedRow(int row);

    QList<Row> m_rows;
};

} // namespace synapscale
