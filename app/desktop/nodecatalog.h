#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

namespace synapscale {

// The node types the server offers (GET /api/v1/nodes), for the editor: the palette lists them
// by category, filtered as you type; the canvas and inspector look descriptors up by type
// (ports, parameter schema). Loaded once per server connection.
class NodeCatalog : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY stateChanged)
public:
    enum Role {
        TypeRole = Qt::UserRole + 1,
        DisplayNameRole,
        CategoryRole,
        DescriptionRole,
        TriggerRole,
        InputsRole,    // port names, in order
        OutputsRole,
        GlyphRole,     // the short mark drawn as the node's icon
    };
    Q_ENUM(Role)
    explicit NodeCatalog(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString search() const { return m_search; }
    void setSearch(const QString &search);
    bool loading() const { return m_loading; }
    bool ready() const { return !m_all.isEmpty(); }
    QString error() const { return m_error; }

    Q_INVOKABLE void refresh();
    // The whole descriptor of a type as the API gives it; empty for an unknown type.
    Q_INVOKABLE QVariantMap descriptor(const QString &type) const;
    Q_INVOKABLE QString typeAt(int row) const;
    Q_INVOKABLE QString glyphOf(const QString &type) const;
    QStringList inputsOf(const QString &type) const;
    QStringList outputsOf(const QString &type) const;
    QString displayNameOf(const QString &type) const;
    bool isTrigger(const QString &type) const;
    // For tests and offline use: the catalog from a /nodes answer.
    void setEntries(const QVariantList &items);

Q_SIGNALS:
    void searchChanged();
    void stateChanged();
    void loaded();

private:
    void applyFilter();
    static QStringList portNames(const QVariant &ports);

    QList<QVariantMap> m_all;          // sorted: category order, then display name
    QHash<QString, int> m_byType;      // type -> index in m_all
    QList<int> m_visible;              // rows of m_all matching the search
    QString m_search;
    bool m_loading = false;
    QString m_error;
};

} // namespace synapscale
