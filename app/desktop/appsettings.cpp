#include "appsettings.h"

#include <QCoreApplication>
#include <QLocale>

namespace synapscale {

namespace {
AppSettings *g_settings = nullptr;
const QStringList kLanguages{QStringLiteral("en"), QStringLiteral("pt_BR")};
} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{
    m_theme = m_settings.value(QStringLiteral("ui/theme"), QStringLiteral("light")).toString();
    if (m_theme != QLatin1String("dark"))
        m_theme = QStringLiteral("light");
    QString language = m_settings.value(QStringLiteral("ui/language")).toString();
    if (!kLanguages.contains(language))
        language = QLocale::system().name().startsWith(QLatin1String("pt")) ? QStringLiteral("pt_BR") : QStringLiteral("en");
    m_language = language;
    loadTranslation(m_language);
}

AppSettings *AppSettings::create(QQmlEngine *engine, QJSEngine *)
{
    Q_ASSERT(g_settings);
    if (engine && !g_settings->m_engine)
        g_settings->m_engine = engine;
    QJSEngine::setObjectOwnership(g_settings, QJSEngine::CppOwnership);
    return g_settings;
}

void AppSettings::setInstance(AppSettings *settings)
{
    g_settings = settings;
}

void AppSettings::setTheme(const QString &theme)
{
    const QString value = theme == QLatin1String("dark") ? theme : QStringLiteral("light");
    if (value == m_theme)
        return;
    m_theme = value;
    m_settings.setValue(QStringLiteral("ui/theme"), m_theme);
    Q_EMIT themeChanged();
}

void AppSettings::setLanguage(const QString &language)
{
    if (!kLanguages.contains(language) || language == m_language)
        return;
    m_language = language;
    m_settings.setValue(QStringLiteral("ui/language"), m_language);
    loadTranslation(m_language);
    Q_EMIT languageChanged();
    if (m_engine)
        m_engine->retranslate();
}

bool AppSettings::loadTranslation(const QString &language)
{
    QCoreApplication::removeTranslator(&m_translator);
    // English is the source language; its catalogue exists to keep plural forms and review notes.
    const bool loaded = m_translator.load(QStringLiteral(":/i18n/synapscale_%1.qm").arg(language));
    if (loaded)
        QCoreApplication::installTranslator(&m_translator);
    return loaded;
}

QVariantList AppSettings::languages() const
{
    // Each language is named in itself, so a person can find their own in a foreign UI.
    return {QVariantMap{{QStringLiteral("code"), QStringLiteral("en")}, {QStringLiteral("name"), QStringLiteral("English")}},
            QVariantMap{{QStringLiteral("code"), QStringLiteral("pt_BR")}, {QStringLiteral("name"), QStringLiteral("Português (Brasil)")}}};
}

} // namespace synapscale
