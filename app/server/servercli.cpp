#include "servercli.h"

#include "api/backendhost.h"
#include "core/config.h"
#include "core/logger.h"
#include "core/signalwatcher.h"
#include "storage/database.h"
#include "storage/migrator.h"

#include <QCoreApplication>

#include <cstdio>

namespace synapscale {

namespace {

void printLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
}

void printUsage()
{
    std::printf("Usage: synapscale-server <command> [options]\n\n"
                "Commands:\n"
                "  serve      Run the API server (default)\n"
                "  migrate    Apply pending database migrations and exit\n"
                "  version    Print the version\n"
                "  help       Show this help\n\n"
                "Every setting can be given as an option: --database-url URL, --port N, --host ADDR,\n"
                "--log-level LEVEL, ... (the setting's name in lower case with dashes), or as an environment\n"
                "variable, or in a .env file (--env-file PATH, default ./.env). Options win over the\n"
                "environment, which wins over the .env file.\n\nSettings:\n");
    for (const auto &s : allSettings())
        std::printf("  %-22s %s\n", s.name, s.description);
}

struct Parsed {
    QString command = QStringLiteral("serve");
    ConfigSources sources;
};

Parsed parse(QStringList args)
{
    Parsed p;
    if (!args.isEmpty() && !args.first().startsWith(QLatin1Char('-')))
        p.command = args.takeFirst();
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--env-file") && i + 1 < args.size()) {
            p.sources.envFile = args[++i];
        } else if (args[i].startsWith(QLatin1String("--env-file="))) {
            p.sources.envFile = args[i].mid(11);
        } else if (args[i] == QLatin1String("--help") || args[i] == QLatin1String("-h")) {
            p.command = QStringLiteral("help");
        } else {
            p.sources.flags << args[i];
        }
    }
    p.sources.defaults.insert(QStringLiteral("LOG_FORMAT"), QStringLiteral("json"));
    return p;
}

int serve(Config config)
{
    if (auto secrets = config.checkProductionSecrets(); !secrets) {
        printLine(QStringLiteral("synapscale-server: ") + secrets.error().message);
        return 2;
    }
    BackendHost host(std::move(config));
    if (auto db = host.openDatabase(); !db) {
        Log::error(db.error().message);
        return 1;
    }
    auto port = host.start();
    if (!port) {
        Log::error(port.error().message);
        return 1;
    }
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &host, [&host](int number) {
        Log::info(QStringLiteral("received signal %1").arg(number));
        host.shutdown();
    });
    QObject::connect(&host, &BackendHost::stopped, qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    return QCoreApplication::exec();
}

int migrate(const Config &config)
{
    Database db(config.database, config.databaseSchema);
    Migrator migrator(db);
    auto applied = migrator.migrate();
    if (!applied) {
        Log::error(applied.error().message);
        return 1;
    }
    auto version = migrator.currentVersion();
    std::printf("database %s is at schema version %d (%lld migration(s) applied now)\n",
                config.database.redacted().toLocal8Bit().constData(), version ? *version : -1, qlonglong(applied->size()));
    return 0;
}

} // namespace

int runServerCli(const QStringList &arguments)
{
    Parsed parsed = parse(arguments);
    if (parsed.command == QLatin1String("help")) {
        printUsage();
        return 0;
    }
    if (parsed.command == QLatin1String("version")) {
        std::printf("synapscale-server %s\n", SYNAPSCALE_VERSION);
        return 0;
    }
    if (parsed.command != QLatin1String("serve") && parsed.command != QLatin1String("migrate")) {
        printLine(QStringLiteral("synapscale-server: unknown command '%1' (try: synapscale-server help)").arg(parsed.command));
        return 2;
    }
    auto config = Config::load(parsed.sources);
    if (!config) {
        printLine(QStringLiteral("synapscale-server: ") + config.error().message);
        return 2;
    }
    Log::configure(config->logFormat == LogFormat::Json, config->logLevel, config->secretValues());
    Log::installQtHandler();
    if (parsed.command == QLatin1String("migrate"))
        return migrate(*config);
    return serve(std::move(config).value());
}

} // namespace synapscale
