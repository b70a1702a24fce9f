#pragma once

#include <QByteArray>
#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace synapscale {

// Where the desktop's credential encryption key comes from. It is generated once and kept in
// the OS keychain (QtKeychain). When no keychain service answers, nothing is stored in clear:
// the person chooses a passphrase and the key is derived from it (argon2id) at each start.
// ENCRYPTION_KEY in the environment or .env wins over both.
class EncryptionKeyStore : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // checking | environment | keychain | choose_passphrase | enter_passphrase | deriving | passphrase
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool ready READ ready NOTIFY changed)
    // Why the keychain could not be used, or why a passphrase was refused; empty otherwise.
    Q_PROPERTY(QString message READ message NOTIFY changed)
public:
    static constexpr int kMinPassphraseLength = 8;

    // folder: where the passphrase's salt and check value live (the app's data folder);
    // service: the keychain service name.
    EncryptionKeyStore(QString folder, QString service, QObject *parent);
    ~EncryptionKeyStore() override;
    static EncryptionKeyStore *create(QQmlEngine *, QJSEngine *);
    static void setInstance(EncryptionKeyStore *store);

    // Starts looking for the key; keyReady() follows unless a passphrase is needed first.
    void start(bool configuredByEnvironment);
    QString state() const { return m_state; }
    bool ready() const;
    QString message() const { return m_message; }
    // Chooses (first time) or enters the passphrase; the work runs off the GUI thread.
    Q_INVOKABLE void unlock(const QString &passphrase);

Q_SIGNALS:
    void changed();
    void keyReady(const QByteArray &key);

private:
    void readKeychain();
    void writeKeychain(const QByteArray &key);
    void keychainUnavailable(const QString &why);
    void setState(const QString &state, const QString &message = {});
    void accept(const QByteArray &key, const QString &state);
    QString passphraseFile() const;

    QString m_folder;
    QString m_service;
    QString m_state = QStringLiteral("checking");
    QString m_message;
};

} // namespace synapscale
