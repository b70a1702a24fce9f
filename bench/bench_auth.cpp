// Costs of the account system, measured in-process (bench/README.md records the figures):
// verifying an access token (signature only, and with the session/user lookups a request does),
// and a login (argon2id on purpose).
#include "auth/authservice.h"
#include "auth/jwt.h"
#include "auth/passwords.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace synapscale;

namespace {
template <typename F>
double medianNsPerOp(int batches, int perBatch, F op)
{
    std::vector<double> samples;
    for (int b = 0; b < batches; ++b) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < perBatch; ++i)
            op();
        samples.push_back(double(t.nsecsElapsed()) / perBatch);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    Database db(*DatabaseUrl::parse(QStringLiteral("sqlite:///%1/bench.db").arg(dir.path())));
    if (!Migrator(db).migrate())
        return 1;
    AuthSettings settings;
    settings.jwtKey = "bench-jwt-key-0123456789abcdef0123456789abcdef";
    settings.rateLimitPerAccount = 1000000;
    settings.rateLimitPerIp = 1000000;
    AuthService auth(db, settings, nullptr);
    const QString password = QStringLiteral("Bench-Password-2026");
    if (!auth.registerUser(QStringLiteral("bench@example.com"), password, {}, {}))
        return 1;

    std::vector<double> logins;
    TokenPair tokens;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer t;
        t.start();
        auto pair = auth.login(QStringLiteral("bench@example.com"), password, {});
        logins.push_back(t.nsecsElapsed() / 1e6);
        if (!pair)
            return 1;
        tokens = *pair;
    }
    std::sort(logins.begin(), logins.end());

    JwtSigner signer(settings.jwtKey, settings.issuer);
    const QByteArray token = tokens.accessToken.toUtf8();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const double verifyNs = medianNsPerOp(7, 20000, [&] { (void)signer.verify(token, now); });
    const double authNs = medianNsPerOp(7, 5000, [&] { (void)auth.authenticateAccessToken(token); });

    std::printf("login (argon2id INTERACTIVE + session insert): median %.1f ms (15 runs, min %.1f, max %.1f)\n", logins[7], logins.front(),
                logins.back());
    std::printf("JWT HS256 verify (signature, claims): median %.2f us per token (7 x 20000)\n", verifyNs / 1000.0);
    std::printf("request authentication (JWT + session + user lookup, SQLite): median %.2f us per request (7 x 5000)\n", authNs / 1000.0);
    return 0;
}
