#include "clock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <cstring>

namespace synapscale {

namespace {
// Ids are identifiers, not secrets (tokens come from libsodium), so a per-thread generator
// seeded once from the system's is enough; QUuid::createUuid asks the CPU (RDRAND) per call,
// which costs microseconds on virtual machines.
QRandomGenerator64 &idRandom()
{
    thread_local QRandomGenerator64 generator(QRandomGenerator::system()->generate64());
    return generator;
}

// Days since 1970-01-01 → civil date (H. Hinnant's algorithm, proleptic Gregorian).
void civilFromDays(qint64 z, int &year, int &month, int &day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

void putDigits(char16_t *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}
} // namespace

QString newId()
{
    // UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made
    // close in time sort close together, so inserting them appends to the primary-key indexes
    // instead of touching a random page of each (the execution writer's hot path).
    quint64 words[2] = {idRandom().generate(), idRandom().generate()};
    quint8 bytes[16];
    std::memcpy(bytes, words, sizeof bytes);
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8(ms >> (8 * (5 - i)));
    bytes[6] = quint8(0x70 | (bytes[6] & 0x0f));
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3f));
    return QUuid::fromRfc4122(QByteArrayView(bytes, sizeof bytes)).toString(QUuid::WithoutBraces);
}

QString toIso(qint64 msecsSinceEpoch)
{
    // Hand-formatted: QDateTime::toString was a tenth of a webhook execution's CPU time.
    // Same text as Qt::ISODateWithMs in UTC for years 0–9999.
    qint64 days = msecsSinceEpoch / 86400000;
    qint64 msOfDay = msecsSinceEpoch % 86400000;
    if (msOfDay < 0) {
        msOfDay += 86400000;
        --days;
    }
    int year, month, day;
    civilFromDays(days, year, month, day);
    if (year < 0 || year > 9999)
        return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
    QString text(24, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    putDigits(out, year, 4);
    *out++ = u'-';
    putDigits(out, month, 2);
    *out++ = u'-';
    putDigits(out, day, 2);
    *out++ = u'T';
    putDigits(out, int(msOfDay / 3600000), 2);
    *out++ = u':';
    putDigits(out, int(msOfDay / 60000 % 60), 2);
    *out++ = u':';
    putDigits(out, int(msOfDay / 1000 % 60), 2);
    *out++ = u'.';
    putDigits(out, int(msOfDay % 1000), 3);
    *out = u'Z';
    return text;
}

QString nowIso()
{
    return toIso(QDateTime::currentMSecsSinceEpoch());
}

} // namespace synapscale
