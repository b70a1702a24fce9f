#include "secretbox.h"

#include <sodium.h>

namespace synapscale {

namespace {
Error unavailable()
{
    return Error::make(QStringLiteral("encryption_unavailable"),
                       QStringLiteral("Secrets cannot be stored: no encryption key is configured (set ENCRYPTION_KEY, or unlock the "
                                      "keychain in the desktop app)"));
}
} // namespace

SecretBox::SecretBox(QByteArray key)
    : m_key(std::move(key))
{
    if (sodium_init() < 0)
        m_key.clear();
}

Result<QByteArray> SecretBox::seal(const QByteArray &plain) const
{
    if (!available())
        return unavailable();
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()), nonce, reinterpret_cast<const unsigned char *>(m_key.constData()));
    return out.toBase64();
}

Result<QByteArray> SecretBox::open(const QByteArray &sealed) const
{
    if (!available())
        return unavailable();
    const QByteArray raw = QByteArray::fromBase64(sealed);
    if (raw.size() < qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES))
        return Error::make(QStringLiteral("decryption_failed"), QStringLiteral("A stored secret is damaged"));
    const auto *nonce = reinterpret_cast<const unsigned char *>(raw.constData());
    QByteArray plain(raw.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(raw.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData())) != 0)
        return Error::make(QStringLiteral("decryption_failed"),
                           QStringLiteral("A stored secret cannot be decrypted: ENCRYPTION_KEY is not the key it was stored with"));
    return plain;
}

QByteArray SecretBox::randomKey()
{
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    randombytes_buf(key.data(), key.size());
    return key;
}

QByteArray SecretBox::randomSalt()
{
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), salt.size());
    return salt;
}

QByteArray SecretBox::deriveKey(const QByteArray &passphrase, const QByteArray &salt)
{
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return {};
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char *>(key.data()), key.size(), passphrase.constData(), passphrase.size(),
                      reinterpret_cast<const unsigned char *>(salt.constData()), crypto_pwhash_OPSLIMIT_MODERATE,
                      crypto_pwhash_MEMLIMIT_MODERATE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return key;
}

} // namespace synapscale
