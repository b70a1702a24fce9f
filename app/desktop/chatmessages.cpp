#include "chatmessages.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace synapscale {

namespace {
QVariantMap segment(const char *kind, const QString &text, const QString &language = {})
{
    return {{QStringLiteral("kind"), QString::fromLatin1(kind)}, {QStringLiteral("text"), text}, {QStringLiteral("language"), language}};
}

QString argumentsText(const QVariant &arguments)
{
    if (arguments.typeId() == QMetaType::QString)
        return arguments.toString();
    return QString::fromUtf8(QJsonDocument::fromVariant(arguments).toJson(QJsonDocument::Indented)).trimmed();
}

QVariantMap toolEntry(const QVariantMap &call)
{
    return {{QStringLiteral("id"), call.value(QStringLiteral("id"))},
            {QStringLiteral("name"), call.value(QStringLiteral("name"))},
            {QStringLiteral("arguments"), argumentsText(call.value(QStringLiteral("arguments")))},
            {QStringLiteral("result"), QString()},
            {QStringLiteral("is_error"), false},
            {QStringLiteral("done"), false}};
}

// Fills in the result of the call `callId` in a tools list; false when the call is not there.
bool answer(QVariantList &tools, const QString &callId, const QString &result, bool isError)
{
    for (QVariant &entry : tools) {
        QVariantMap tool = entry.toMap();
        if (tool.value(QStringLiteral("id")).toString() != callId)
            continue;
        tool.insert(QStringLiteral("result"), result);
        tool.insert(QStringLiteral("is_error"), isError);
        tool.insert(QStringLiteral("done"), true);
        entry = tool;
        return true;
    }
    return false;
}

QString liveToolsId(const QString &replyId)
{
    return QStringLiteral("tools:") + replyId;
}
} // namespace

QVariantList markdownSegments(const QString &markdown)
{
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*)"));
    QVariantList out;
    QString text;
    QString code;
    QString language;
    QString openFence; // empty: outside a code block
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (openFence.isEmpty()) {
            const auto m = fence.match(line);
            if (m.hasMatch()) {
                if (!text.trimmed().isEmpty())
                    out << segment("text", text.trimmed());
                text.clear();
                openFence = m.captured(1);
                language = m.captured(2);
                code.clear();
                continue;
            }
            text += line + QLatin1Char('\n');
            continue;
        }
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(openFence) && trimmed.count(openFence.at(0)) == trimmed.size()) {
            out << segment("code", code.endsWith(QLatin1Char('\n')) ? code.chopped(1) : code, language);
            openFence.clear();
            continue;
        }
        code += line + QLatin1Char('\n');
    }
    if (!openFence.isEmpty())
        out << segment("code", code.endsWith(QLatin1Char('\n')) ? code.chopped(1) : code, language);
    else if (!text.trimmed().isEmpty())
        out << segment("text", text.trimmed());
    return out;
}

int ChatMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const
{
    return {{IdRole, "messageId"}, {KindRole, "kind"},   {ContentRole, "content"}, {SegmentsRole, "segments"}, {StatusRole, "status"},
            {ErrorRole, "error"},  {ToolsRole, "tools"}, {UsageRole, "usage"},     {CreatedAtRole, "createdAt"}};
}

QVariant ChatMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case IdRole: return r.id;
    case KindRole: return r.kind;
    case ContentRole: return r.content;
    case SegmentsRole: return markdownSegments(r.content);
    case StatusRole: return r.status;
    case ErrorRole: return r.error;
    case ToolsRole: return r.tools;
    case UsageRole: return r.usage;
    case CreatedAtRole: return r.createdAt;
    default: return {};
    }
}

ChatMessageModel::Row ChatMessageModel::rowFrom(const QVariantMap &m)
{
    Row r;
    r.id = m.value(QStringLiteral("id")).toString();
    r.kind = m.value(QStringLiteral("role")).toString() == QLatin1String("user") ? QStringLiteral("user") : QStringLiteral("assistant");
    r.content = m.value(QStringLiteral("content")).toString();
    r.status = m.value(QStringLiteral("status")).toString();
    r.error = m.value(QStringLiteral("error")).toString();
    r.usage = m.value(QStringLiteral("usage")).toMap();
    r.createdAt = m.value(QStringLiteral("created_at")).toString();
    return r;
}

QList<ChatMessageModel::Row> ChatMessageModel::fold(const QVariantList &messages)
{
    QList<Row> out;
    for (const QVariant &v : messages) {
        const QVariantMap m = v.toMap();
        const QString role = m.value(QStringLiteral("role")).toString();
        const QVariantList calls = m.value(QStringLiteral("tool_calls")).toList();
        if (role == QLatin1String("assistant") && !calls.isEmpty()) {
            Row r = rowFrom(m);
            r.kind = QStringLiteral("tools");
            for (const QVariant &call : calls)
                r.tools << toolEntry(call.toMap());
            out << r;
        } else if (role == QLatin1String("tool")) {
            const QString callId = m.value(QStringLiteral("tool_call_id")).toString();
            for (auto it = out.rbegin(); it != out.rend(); ++it)
                if (it->kind == QLatin1String("tools") &&
                    answer(it->tools, callId, m.value(QStringLiteral("content")).toString(), m.value(QStringLiteral("status")).toString() == QLatin1String("error")))
                    break;
        } else {
            out << rowFrom(m);
        }
    }
    return out;
}

void ChatMessageModel::reset(const QVariantList &messages)
{
    beginResetModel();
    m_rows = fold(messages);
    endResetModel();
    Q_EMIT countChanged();
}

void ChatMessageModel::prepend(const QVariantList &olderMessages)
{
    QList<Row> rows = fold(olderMessages);
    rows.removeIf([this](const Row &r) { return contains(r.id); });
    if (rows.isEmpty())
        return;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_rows = rows + m_rows;
    endInsertRows();
    Q_EMIT countChanged();
}

int ChatMessageModel::indexOf(const QString &messageId) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (m_rows.at(i).id == messageId)
            return i;
    return -1;
}

void ChatMessageModel::changedRow(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void ChatMessageModel::upsert(const QVariantMap &message)
{
    const QString role = message.value(QStringLiteral("role")).toString();
    if (role == QLatin1String("tool") || !message.value(QStringLiteral("tool_calls")).toList().isEmpty())
        return; // tool turns arrive as deltas while streaming and folded on the next load
    Row row = rowFrom(message);
    const int at = indexOf(row.id);
    if (at >= 0) {
        m_rows[at] = row;
        changedRow(at);
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows << row;
    endInsertRows();
    Q_EMIT countChanged();
}

void ChatMessageModel::appendText(const QString &messageId, const QString &text)
{
    const int at = indexOf(messageId);
    if (at < 0)
        return;
    m_rows[at].content += text;
    changedRow(at);
}

void ChatMessageModel::toolCalled(const QString &replyId, const QVariantMap &call)
{
    const int reply = indexOf(replyId);
    if (reply < 0)
        return;
    const QString toolsId = liveToolsId(replyId);
    // Calls of one turn share a row; a later turn's calls start a row after the last one.
    if (reply > 0 && m_rows.at(reply - 1).id == toolsId) {
        m_rows[reply - 1].tools << toolEntry(call);
        changedRow(reply - 1);
        return;
    }
    Row r;
    r.id = toolsId;
    r.kind = QStringLiteral("tools");
    r.status = QStringLiteral("complete");
    r.tools << toolEntry(call);
    beginInsertRows({}, reply, reply);
    m_rows.insert(reply, r);
    endInsertRows();
    Q_EMIT countChanged();
}

void ChatMessageModel::toolAnswered(const QString &replyId, const QVariantMap &result)
{
    const int at = indexOf(liveToolsId(replyId));
    if (at < 0)
        return;
    if (answer(m_rows[at].tools, result.value(QStringLiteral("id")).toString(), result.value(QStringLiteral("content")).toString(),
               result.value(QStringLiteral("is_error")).toBool()))
        changedRow(at);
}

bool ChatMessageModel::truncateAfter(const QString &messageId)
{
    const int at = indexOf(messageId);
    if (at < 0)
        return false;
    if (at + 1 < m_rows.size()) {
        beginRemoveRows({}, at + 1, int(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + at + 1, m_rows.end());
        endRemoveRows();
        Q_EMIT countChanged();
    }
    return true;
}

bool ChatMessageModel::truncateAfterLastUserMessage()
{
    const QString id = lastUserMessageId();
    return !id.isEmpty() && truncateAfter(id);
}

void ChatMessageModel::setContent(const QString &messageId, const QString &content)
{
    const int at = indexOf(messageId);
    if (at < 0)
        return;
    m_rows[at].content = content;
    changedRow(at);
}

QString ChatMessageModel::firstMessageId() const
{
    for (const Row &r : m_rows)
        if (!r.id.startsWith(QLatin1String("tools:")))
            return r.id;
    return {};
}

QString ChatMessageModel::lastUserMessageId() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it)
        if (it->kind == QLatin1String("user"))
            return it->id;
    return {};
}

} // namespace synapscale
