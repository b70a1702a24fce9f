#include "jwt.h"

#include <nlohmann/json.hpp>

#include <sodium.h>

namespace synapscale {

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray kHeader = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(kB64);

Error invalid(const char *why)
{
    return Error::make(QStringLiteral("invalid_token"), QString::fromLatin1(why));
}

std::optional<nlohmann::json> decodeSegment(const QByteArray &segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    auto j = nlohmann::json::parse(decoded.decoded.constData(), decoded.decoded.constData() + decoded.decoded.size(), nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    return j;
}
} // namespace

JwtSigner::JwtSigner(QByteArray key, QString issuer)
    : m_key(std::move(key))
    , m_issuer(std::move(issuer))
{
}

QByteArray JwtSigner::mac(const QByteArray &signingInput) const
{
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()), size_t(m_key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(signingInput.constData()),
                                  quint64(signingInput.size()));
    QByteArray out(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QString JwtSigner::sign(const AccessClaims &c) const
{
    const nlohmann::json payload = {{"iss", m_issuer.toStdString()},    {"sub", c.subject.toStdString()},
                                    {"sid", c.sessionId.toStdString()}, {"role", c.role.toStdString()},
                                    {"jti", c.tokenId.toStdString()},   {"iat", c.issuedAt},
                                    {"exp", c.expiresAt}};
    const QByteArray input = kHeader + '.' + QByteArray::fromStdString(payload.dump()).toBase64(kB64);
    return QString::fromLatin1(input + '.' + mac(input).toBase64(kB64));
}

Result<AccessClaims> JwtSigner::verify(const QByteArray &token, qint64 now) const
{
    if (token.size() > 4096)
        return invalid("token too long");
    const auto parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return invalid("malformed token");
    const auto header = decodeSegment(parts[0]);
    if (!header)
        return invalid("malformed token header");
    const auto alg = header->find("alg");
    if (alg == header->end() || !alg->is_string() || alg->get<std::string>() != "HS256")
        return invalid("unsupported token algorithm");
    const auto signature = QByteArray::fromBase64Encoding(parts[2], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray expected = mac(parts[0] + '.' + parts[1]);
    if (!signature || signature.decoded.size() != expected.size()
        || sodium_memcmp(signature.decoded.constData(), expected.constData(), size_t(expected.size())) != 0)
        return invalid("bad token signature");
    const auto payload = decodeSegment(parts[1]);
    if (!payload)
        return invalid("malformed token payload");
    const auto &p = *payload;
    const auto str = [&](const char *k) { return p.contains(k) && p[k].is_string() ? QString::fromStdString(p[k].get<std::string>()) : QString(); };
    const auto num = [&](const char *k) { return p.contains(k) && p[k].is_number_integer() ? p[k].get<qint64>() : qint64(-1); };
    if (str("iss") != m_issuer)
        return invalid("wrong token issuer");
    AccessClaims c{str("sub"), str("sid"), str("role"), str("jti"), num("iat"), num("exp")};
    if (c.subject.isEmpty() || c.sessionId.isEmpty() || c.expiresAt < 0)
        return invalid("incomplete token claims");
    if (c.expiresAt <= now)
        return Error::make(QStringLiteral("token_expired"), QStringLiteral("The access token has expired."));
    return c;
}

} // namespace synapscale
