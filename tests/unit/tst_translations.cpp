// Every user-facing string has an English and a Brazilian Portuguese translation, the two
// catalogues hold the same strings, and placeholders survive translation.
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {
struct Entry {
    QString source;
    QStringList translations;
    bool unfinished = false;
};

QList<Entry> readCatalogue(const QString &path)
{
    QList<Entry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    Entry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            current = Entry{};
        } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            current.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished")
                || xml.attributes().value(QLatin1String("type")) == QLatin1String("obsolete");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            current.translations << text;
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << current;
        }
    }
    return out;
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cataloguesAreCompleteAndMatch()
    {
        const auto en = readCatalogue(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/translations/synapscale_en.ts"));
        const auto pt = readCatalogue(QStringLiteral(SYNAPSCALE_SOURCE_DIR "/translations/synapscale_pt_BR.ts"));
        QVERIFY(en.size() > 20);
        QCOMPARE(en.size(), pt.size());
        static const QRegularExpression placeholder(QStringLiteral("%(n|\\d)"));
        for (qsizetype i = 0; i < pt.size(); ++i) {
            QCOMPARE(pt[i].source, en[i].source);
            for (const auto *entry : {&en[i], &pt[i]}) {
                QVERIFY2(!entry->unfinished, qPrintable(entry->source));
                QVERIFY2(!entry->translations.join(QString()).trimmed().isEmpty(), qPrintable(entry->source));
                QStringList wanted;
                for (auto it = placeholder.globalMatch(entry->source); it.hasNext();)
                    wanted << it.next().captured(0);
                for (const auto &p : wanted)
                    QVERIFY2(entry->translations.join(QString()).contains(p), qPrintable(entry->source + QStringLiteral(" lost ") + p));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
