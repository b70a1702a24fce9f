#include "encryptionkeystore.h"

#include "core/logger.h"
#include "credentials/secretbox.h"

#include <nlohmann/json.hpp>
#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

namespace synapscale {

namespace {
EncryptionKeyStore *g_instance = nullptr;
const QString kKeychainKey = QStringLiteral("credentials-encryption-key");
// Sealed with the derived key, so a wrong passphrase is told apart from a right one.
const QByteArray kCheckText = QByteArrayLiteral("synapscale passphrase check");
// A keychain that shows an unlock prompt may take a while; one that never answers must not
// leave credentials locked for ever.
constexpr int kKeychainPatienceMs = 60000;
} // namespace

EncryptionKeyStore::EncryptionKeyStore(QString folder, QString service, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_service(std::move(service))
{
}

EncryptionKeyStore::~EncryptionKeyStore() = default;

EncryptionKeyStore *EncryptionKeyStore::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void EncryptionKeyStore::setInstance(EncryptionKeyStore *store)
{
    g_instance = store;
}

bool EncryptionKeyStore::ready() const
{
    return m_state == QLatin1String("environment") || m_state == QLatin1String("keychain") || m_state == QLatin1String("passphrase");
}

QString EncryptionKeyStore::passphraseFile() const
{
    return m_folder + QStringLiteral("/credentials-passphrase.json");
}

void EncryptionKeyStore::setState(const QString &state, const QString &message)
{
    m_state = state;
    m_message = message;
    Q_EMIT changed();
}

void EncryptionKeyStore::accept(const QByteArray &key, const QString &state)
{
    Log::addSecret(key.toBase64());
    setState(state);
    Q_EMIT keyReady(key);
}

void EncryptionKeyStore::start(bool configuredByEnvironment)
{
    if (configuredByEnvironment) {
        setState(QStringLiteral("environment"));
        return;
    }
    // Once a passphrase protects the credentials, it keeps doing so: a keychain that appears
    // later holds no key for them.
    if (QFile::exists(passphraseFile())) {
        setState(QStringLiteral("enter_passphrase"));
        return;
    }
    setState(QStringLiteral("checking"));
    readKeychain();
}

void EncryptionKeyStore::readKeychain()
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(kKeychainKey);
    auto answered = std::make_shared<bool>(false);
    QTimer::singleShot(kKeychainPatienceMs, this, [this, answered] {
        if (!*answered)
            keychainUnavailable(tr("the system keychain did not answer"));
        *answered = true;
    });
    connect(job, &QKeychain::Job::finished, this, [this, job, answered] {
        if (*answered)
            return;
        *answered = true;
        if (job->error() == QKeychain::NoError) {
            const QByteArray key = QByteArray::fromBase64(job->textData().toLatin1());
            if (key.size() == 32) {
                accept(key, QStringLiteral("keychain"));
                return;
            }
            keychainUnavailable(tr("the keychain entry is damaged"));
            return;
        }
        if (job->error() == QKeychain::EntryNotFound) {
            writeKeychain(SecretBox::randomKey());
            return;
        }
        keychainUnavailable(job->errorString());
    });
    job->start();
}

void EncryptionKeyStore::writeKeychain(const QByteArray &key)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(kKeychainKey);
    job->setTextData(QString::fromLatin1(key.toBase64()));
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        if (job->error() == QKeychain::NoError)
            accept(key, QStringLiteral("keychain"));
        else
            keychainUnavailable(job->errorString());
    });
    job->start();
}

void EncryptionKeyStore::keychainUnavailable(const QString &why)
{
    Log::warning(QStringLiteral("no keychain for the credentials key: %1").arg(why));
    setState(QStringLiteral("choose_passphrase"),
             tr("No system keychain is available (%1). Choose a passphrase to protect the credentials you store; "
                "you will be asked for it each time SynapScale starts.")
                 .arg(why));
}

void EncryptionKeyStore::unlock(const QString &passphrase)
{
    const bool choosing = m_state == QLatin1String("choose_passphrase");
    if (!choosing && m_state != QLatin1String("enter_passphrase"))
        return;
    if (choosing && passphrase.size() < kMinPassphraseLength) {
        setState(m_state, tr("The passphrase needs at least %n characters.", nullptr, kMinPassphraseLength));
        return;
    }
    QByteArray salt;
    QByteArray check;
    if (!choosing) {
        QFile file(passphraseFile());
        const nlohmann::json stored = file.open(QIODevice::ReadOnly)
                                          ? nlohmann::json::parse(file.readAll().toStdString(), nullptr, false)
                                          : nlohmann::json();
        if (!stored.is_object() || !stored.value("salt", nlohmann::json()).is_string() || !stored.value("check", nlohmann::json()).is_string()) {
            setState(m_state, tr("The passphrase file %1 is damaged.").arg(QDir::toNativeSeparators(passphraseFile())));
            return;
        }
        salt = QByteArray::fromBase64(QByteArray::fromStdString(stored["salt"].get<std::string>()));
        check = QByteArray::fromStdString(stored["check"].get<std::string>());
    } else {
        salt = SecretBox::randomSalt();
    }
    const QString before = m_state;
    setState(QStringLiteral("deriving"));
    QPointer<EncryptionKeyStore> self(this);
    const QByteArray secret = passphrase.toUtf8();
    QThreadPool::globalInstance()->start([self, secret, salt, check, choosing, before] {
        const QByteArray key = SecretBox::deriveKey(secret, salt);
        QMetaObject::invokeMethod(self, [self, key, salt, check, choosing, before] {
            if (!self)
                return;
            if (key.isEmpty()) {
                self->setState(before, tr("Not enough memory to derive the key from the passphrase."));
                return;
            }
            const SecretBox box(key);
            if (!choosing) {
                if (!box.open(check)) {
                    self->setState(before, tr("That is not the passphrase chosen before."));
                    return;
                }
                self->accept(key, QStringLiteral("passphrase"));
                return;
            }
            QDir().mkpath(self->m_folder);
            QSaveFile file(self->passphraseFile());
            const nlohmann::json stored = {{"kdf", "argon2id13-moderate"},
                                           {"salt", salt.toBase64().toStdString()},
                                           {"check", box.seal(kCheckText).value_or(QByteArray()).toStdString()}};
            if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(stored.dump(2))) < 0 || !file.commit()) {
                self->setState(before, tr("Could not save the passphrase's check value in %1.").arg(QDir::toNativeSeparators(self->m_folder)));
                return;
            }
            self->accept(key, QStringLiteral("passphrase"));
        }, Qt::QueuedConnection);
    });
}

} // namespace synapscale
