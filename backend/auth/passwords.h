#pragma once

#include "core/result.h"

#include <QString>

namespace synapscale {

// Password hashing (argon2id through libsodium, INTERACTIVE limits) and the password policy:
// at least 8 characters, not the email, not on the shipped list of common passwords.
namespace Passwords {
QString hash(const QString &password);
bool verify(const QString &hash, const QString &password);
// Spends the same time as a real verification, so an unknown account answers no faster.
void burnVerificationTime(const QString &password);
// Error::invalid(field, why) when the password is not acceptable.
Result<void> checkPolicy(const QString &password, const QString &email, const QString &field = QStringLiteral("password"));
bool isCommon(const QString &password);
} // namespace Passwords

// Random tokens and their storage form.
namespace Tokens {
QString random(const char *prefix, int bytes = 32);  // prefix + base64url
QString sha256Hex(const QString &token);             // what is stored: tokens are high-entropy, so a fast hash suffices
} // namespace Tokens

} // namespace synapscale
