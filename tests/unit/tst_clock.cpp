// Ids and timestamps: the hand-written ISO formatter must print exactly what Qt prints, and ids
// must be well-formed UUID version 7 values that sort by creation time.
#include "core/clock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace synapscale;

class TestClock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void isoTextMatchesQt_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("before the epoch") << qint64(-1);
        QTest::newRow("1969-12-31 23:59:59.999") << qint64(-1);
        QTest::newRow("1900-03-01") << QDateTime(QDate(1900, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("leap day 2024") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("2000-03-01") << QDateTime(QDate(2000, 3, 1), QTime(12, 0, 0, 7), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("2100-02-28") << QDateTime(QDate(2100, 2, 28), QTime(1, 2, 3, 45), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("9999-12-31") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    }
    void isoTextMatchesQt()
    {
        QFETCH(qint64, ms);
        QCOMPARE(toIso(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }

    void isoTextMatchesQtOnRandomInstants()
    {
        auto *random = QRandomGenerator::global();
        const qint64 span = 200LL * 365 * 86400 * 1000;
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = random->bounded(span) - span / 2;
            QCOMPARE(toIso(ms), QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
        }
        QCOMPARE(nowIso().size(), 24);
        QVERIFY(nowIso().endsWith(QLatin1Char('Z')));
    }

    void idsAreVersion7AndUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 20000; ++i) {
            const QString id = newId();
            QCOMPARE(id.size(), 36);
            const QUuid uuid(id);
            QVERIFY(!uuid.isNull());
            // Qt 6.4's QUuid::version() knows versions up to 5 only: read the nibble.
            QCOMPARE(id.at(14), QLatin1Char('7'));
            QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
            QCOMPARE(uuid.variant(), QUuid::DCE);
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 20000);
    }

    void idsSortByTimeAndCarryIt()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString first = newId();
        QThread::msleep(3);
        const QString second = newId();
        QVERIFY(first < second);
        const qint64 stamp = first.left(8).toLongLong(nullptr, 16) << 16 | first.mid(9, 4).toLongLong(nullptr, 16);
        QVERIFY(stamp >= before && stamp <= before + 1000);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
