#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSettings>
#include <QTranslator>

namespace synapscale {

// The user's appearance and language choices, persisted with QSettings and applied at run time:
// changing the language reloads the translator and retranslates every qsTr binding at once.
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)       // "light" | "dark"
    Q_PROPERTY(bool dark READ dark NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged) // "en" | "pt_BR"
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
public:
    explicit AppSettings(QObject *parent); // not default-constructible: QML must use create()
    static AppSettings *create(QQmlEngine *engine, QJSEngine *);
    static void setInstance(AppSettings *settings);
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    bool dark() const { return m_theme == QLatin1String("dark"); }
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QVariantList languages() const;

Q_SIGNALS:
    void themeChanged();
    void languageChanged();

private:
    bool loadTranslation(const QString &language);

    QSettings m_settings;
    QTranslator m_translator;
    QQmlEngine *m_engine = nullptr;
    QString m_theme;
    QString m_language;
};

} // namespace synapscale
