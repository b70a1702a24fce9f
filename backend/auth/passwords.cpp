#include "passwords.h"

#include <QFile>
#include <QSet>

#include <sodium.h>

#include <mutex>

namespace synapscale {

namespace {
const QSet<QString> &commonPasswords()
{
    static QSet<QString> list;
    static std::once_flag once;
    std::call_once(once, [] {
        QFile file(QStringLiteral(":/auth/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                list.insert(line);
        }
    });
    return list;
}
} // namespace

namespace Passwords {

QString hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QString &password)
{
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

void burnVerificationTime(const QString &password)
{
    static const QString dummy = hash(QStringLiteral("synapscale-timing-equaliser"));
    verify(dummy, password);
}

bool isCommon(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

Result<void> checkPolicy(const QString &password, const QString &email, const QString &field)
{
    if (password.size() < 8)
        return Error::invalid(field, QStringLiteral("Password must have at least 8 characters."));
    if (password.toUtf8().size() > 1024)
        return Error::invalid(field, QStringLiteral("Password must have at most 1024 bytes."));
    if (!email.isEmpty() && (password.compare(email.trimmed(), Qt::CaseInsensitive) == 0
                             || password.compare(email.section(QLatin1Char('@'), 0, 0), Qt::CaseInsensitive) == 0))
        return Error::invalid(field, QStringLiteral("Password must not be your email address."));
    if (isCommon(password))
        return Error::invalid(field, QStringLiteral("This password is too common; choose another."));
    return {};
}

} // namespace Passwords

namespace Tokens {

QString random(const char *prefix, int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    return QString::fromLatin1(prefix) + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString sha256Hex(const QString &token)
{
    const QByteArray in = token.toUtf8();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char *>(in.constData()), quint64(in.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

} // namespace Tokens

} // namespace synapscale
