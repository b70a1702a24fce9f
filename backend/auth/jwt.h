#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace synapscale {

// The claims SynapScale puts in an access token.
struct AccessClaims {
    QString subject;    // user id
    QString sessionId;  // sid: revoking the session refuses the token at once
    QString role;
    QString tokenId;    // jti
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

// HS256 JSON Web Tokens, signed with JWT_SECRET_KEY through libsodium's HMAC-SHA-256. Only
// HS256 is accepted: a token naming any other algorithm ("none" included) is refused before its
// signature is even looked at.
class JwtSigner {
public:
    JwtSigner(QByteArray key, QString issuer);

    QString sign(const AccessClaims &claims) const;
    // Errors: "invalid_token" (malformed, wrong algorithm, bad signature, wrong issuer) or
    // "token_expired".
    Result<AccessClaims> verify(const QByteArray &token, qint64 nowSeconds) const;

private:
    QByteArray mac(const QByteArray &signingInput) const;
    QByteArray m_key;
    QString m_issuer;
};

} // namespace synapscale
