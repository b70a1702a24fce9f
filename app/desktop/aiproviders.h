#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

namespace synapscale {

// View-model of the AI providers — Settings' provider cards and the chat page's pickers: each
// provider with its models and where its key comes from, plus the user's agents and chat workflows. Saving stores
// the key, base URL and default model as the user's credential of that provider type
// (encrypted with the key the OS keychain or a passphrase protects); "test" asks the provider
// for its models there and then.
class AiProviders : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(bool anyConfigured READ anyConfigured NOTIFY stateChanged)
    Q_PROPERTY(QVariantList agents READ agents NOTIFY stateChanged)
    // Workflows with a Chat Trigger, which can answer a conversation too.
    Q_PROPERTY(QVariantList chatWorkflows READ chatWorkflows NOTIFY stateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY stateChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        ProtocolRole,
        ConfiguredRole,
        KeySourceRole,   // environment | credential | detected | "" (none)
        BaseUrlRole,
        DefaultModelRole,
        ModelsRole,
        ModelsErrorRole,
        EditableRole,    // one of the built-in providers, whose credential Settings manages
        HasStoredKeyRole,
        BusyRole,
        MessageRole,     // the last save or test outcome, in words
        MessageOkRole,
    };
    Q_ENUM(Role)
    explicit AiProviders(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    bool anyConfigured() const;
    QVariantList agents() const { return m_agents; }
    QVariantList chatWorkflows() const { return m_chatWorkflows; }

    Q_INVOKABLE void refresh();
    // Empty apiKey keeps the stored one; empty baseUrl / defaultModel remove the override.
    Q_INVOKABLE void save(const QString &providerId, const QString &apiKey, const QString &baseUrl, const QString &defaultModel);
    Q_INVOKABLE void test(const QString &providerId);
    Q_INVOKABLE void forgetKey(const QString &providerId);
    Q_INVOKABLE int indexOf(const QString &providerId) const;
    Q_INVOKABLE QStringList modelsOf(const QString &providerId) const;

Q_SIGNALS:
    void stateChanged();
    void saved(const QString &providerId);
    void tested(const QString &providerId, bool ok);

private:
    struct Provider {
        QVariantMap info;      // as GET /llm/providers describes it
        QString credentialId;  // the user's newest credential of this type
        bool busy = false;
        QString message;
        bool messageOk = false;
    };
    void setBusy(const QString &providerId, bool busy, const QString &message = {}, bool ok = false);

    QList<Provider> m_providers;
    QHash<QString, QString> m_credentialByType;
    QVariantList m_agents;
    QVariantList m_chatWorkflows;
    bool m_loading = false;
    QString m_error;
    int m_pending = 0;
};

} // namespace synapscale
