#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantList>

namespace synapscale {

// The signed-in user's stored credentials of some types (a node's `x-credential-types`), for
// the inspector's credential picker: names and types only — the API never returns the values.
// New ones are created here too (the fields of each type come from GET /credentials/types), and
// Settings deletes them.
class CredentialListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // Which credential types to list; empty: all.
    Q_PROPERTY(QStringList types READ types WRITE setTypes NOTIFY typesChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY stateChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        TypeRole,
        TypeNameRole,   // the type's display name
    };
    Q_ENUM(Role)
    explicit CredentialListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList types() const { return m_types; }
    void setTypes(const QStringList &types);
    bool ready() const { return m_ready; }
    QString error() const { return m_error; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE int indexOf(const QString &id) const;
    // The display name of a credential type ("HTTP basic auth"), the type itself when unknown.
    Q_INVOKABLE QString typeName(const QString &type) const;
    // The fields a credential of `type` holds: [{name, required, secret}], required ones first.
    Q_INVOKABLE QVariantList fieldsOf(const QString &type) const;
    // Stores a new credential; created(id) or createFailed(message) follows. Empty optional
    // fields are left out.
    Q_INVOKABLE void create(const QString &name, const QString &type, const QVariantMap &fields);
    // Deletes a credential on the server (nodes that chose it then fail, saying so);
    // removeFailed(message) when refused.
    Q_INVOKABLE void remove(const QString &id);

Q_SIGNALS:
    void typesChanged();
    void stateChanged();
    void created(const QString &id);
    void createFailed(const QString &message);
    void removeFailed(const QString &message);

private:
    void fetchTypes();
    void fetchCredentials();

    QStringList m_types;
    QVariantList m_typeInfo;   // GET /credentials/types
    QList<QVariantMap> m_items;
    bool m_ready = false;
    QString m_error;
    int m_generation = 0;      // answers to an older refresh are dropped
};

} // namespace synapscale
