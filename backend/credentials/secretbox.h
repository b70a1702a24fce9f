#pragma once

#include "core/result.h"

#include <QByteArray>

namespace synapscale {

// Authenticated encryption of small secrets at rest (libsodium secretbox: XSalsa20-Poly1305,
// a random nonce per message). Without a key it refuses to work rather than store clear text.
class SecretBox {
public:
    explicit SecretBox(QByteArray key); // 32 raw bytes, or empty: not configured
    bool available() const { return m_key.size() == 32; }
    // base64(nonce ‖ ciphertext)
    Result<QByteArray> seal(const QByteArray &plain) const;
    Result<QByteArray> open(const QByteArray &sealed) const;

    static QByteArray randomKey();  // 32 random bytes
    static QByteArray randomSalt(); // for deriveKey
    // A key from a passphrase (argon2id, libsodium's MODERATE limits: about half a second and
    // 256 MB, so run it off the GUI thread). Empty when the memory cannot be had.
    static QByteArray deriveKey(const QByteArray &passphrase, const QByteArray &salt);

private:
    QByteArray m_key;
};

} // namespace synapscale
