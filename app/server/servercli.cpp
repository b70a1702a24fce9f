#include "servercli.h"

#include "api/backendhost.h"
#include "core/config.h"
#include "core/logger.h"
#include "core/signalwatcher.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "auth/userrepository.h"
#include "engine/executionengine.h"
#include "engine/workflowgraph.h"
#include "workflow/n8nimport.h"
#include "workflow/workflowservice.h"

#include <QFile>
#include <QEventLoop>

#include <QCoreApplication>

#include <cstdio>

#include "core/clock.h"

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
                "  run FILE [--input JSON]\n"
                "             Execute a workflow file (native or n8n JSON) without a server or database;\n"
                "             print the execution as JSON (exit 0 succeeded, 1 failed, 2 bad file)\n"
                "  import FILE [--owner EMAIL]\n"
                "             Import a workflow file (native or n8n JSON) into the database; print its id\n"
                "             and any warnings (the owner defaults to the first admin)\n"
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
    QString file;      // run / import
    QString input;     // run --input
    QString owner;     // import --owner
};

Parsed parse(QStringList args)
{
    Parsed p;
    if (!args.isEmpty() && !args.first().startsWith(QLatin1Char('-')))
        p.command = args.takeFirst();
    const bool takesFile = p.command == QLatin1String("run") || p.command == QLatin1String("import");
    if (takesFile && !args.isEmpty() && !args.first().startsWith(QLatin1Char('-')))
        p.file = args.takeFirst();
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (takesFile && args[i] == QLatin1String("--input") && i + 1 < args.size()) {
            p.input = args[++i];
        } else if (takesFile && args[i] == QLatin1String("--owner") && i + 1 < args.size()) {
            p.owner = args[++i];
        } else if (args[i] == QLatin1String("--env-file") && i + 1 < args.size()) {
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

// Reads and checks a workflow file; prints the problems and returns nullopt when it is not one.
std::optional<ImportedWorkflow> readWorkflowFile(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        printLine(QStringLiteral("synapscale-server: cannot read workflow file '%1'").arg(path));
        return std::nullopt;
    }
    const QByteArray text = file.readAll();
    const nlohmann::json parsed = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (parsed.is_discarded()) {
        printLine(QStringLiteral("synapscale-server: '%1' is not valid JSON").arg(path));
        return std::nullopt;
    }
    nlohmann::json errors = nlohmann::json::array();
    auto imported = WorkflowImport::prepare(parsed, errors);
    if (!imported) {
        for (const auto &e : errors)
            printLine(QStringLiteral("synapscale-server: %1: %2").arg(QString::fromStdString(e["loc"].dump()), QString::fromStdString(e["msg"].get<std::string>())));
        return std::nullopt;
    }
    for (const auto &w : imported->warnings)
        printLine(QStringLiteral("warning: %1 (%2): %3").arg(QString::fromStdString(w.value("node", std::string())),
                                                              QString::fromStdString(w.value("type", std::string())),
                                                              QString::fromStdString(w.value("message", std::string()))));
    return imported;
}

int runFile(const Parsed &parsed, const Config &config)
{
    auto imported = readWorkflowFile(parsed.file);
    if (!imported)
        return 2;
    Items input;
    if (!parsed.input.isEmpty()) {
        const auto value = nlohmann::json::parse(parsed.input.toStdString(), nullptr, false);
        if (value.is_object()) {
            input.push_back({{"json", value}});
        } else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const auto &v) { return v.is_object(); })) {
            for (const auto &v : value)
                input.push_back({{"json", v}});
        } else {
            printLine(QStringLiteral("synapscale-server: --input must be a JSON object or a list of objects"));
            return 2;
        }
    }
    auto graph = WorkflowGraph::compile(imported->definition, "file", imported->name, 1);
    if (!graph) {
        printLine(QStringLiteral("synapscale-server: ") + graph.error().message);
        return 2;
    }
    EngineOptions options;
    options.workers = config.workers;
    options.scriptTimeoutMs = config.codeTimeoutS * 1000;
    ExecutionEngine engine(options);
    ExecutionRequest request;
    request.executionId = newId();
    request.workflowId = QStringLiteral("file");
    request.mode = QStringLiteral("cli");
    request.input = std::move(input);
    auto run = std::make_shared<ExecutionRun>(*graph, request, engine.hooks());
    QEventLoop loop;
    run->onFinished = [&loop](ExecutionRun &) { QMetaObject::invokeMethod(&loop, "quit", Qt::QueuedConnection); };
    if (auto submitted = engine.submit(run); !submitted) {
        printLine(QStringLiteral("synapscale-server: ") + submitted.error().message);
        return 1;
    }
    loop.exec();
    // onFinished fires from inside the worker's last step: let the worker return before the
    // run is read here and the engine (and its threads' script engines) is torn down.
    engine.shutdown(-1);
    std::printf("%s\n", run->toJson().dump(2).c_str());
    return run->status() == QLatin1String("succeeded") ? 0 : 1;
}

int importFile(const Parsed &parsed, const Config &config)
{
    auto imported = readWorkflowFile(parsed.file);
    if (!imported)
        return 2;
    Database db(config.database, config.databaseSchema);
    Migrator migrator(db);
    if (auto applied = migrator.migrate(); !applied) {
        Log::error(applied.error().message);
        return 1;
    }
    const QString sql = parsed.owner.isEmpty()
                            ? QStringLiteral("SELECT id FROM users ORDER BY CASE WHEN role = 'admin' THEN 0 ELSE 1 END, created_at LIMIT 1")
                            : QStringLiteral("SELECT id FROM users WHERE email_normalized = ?");
    auto owner = parsed.owner.isEmpty() ? db.exec(sql) : db.exec(sql, {parsed.owner.trimmed().toLower()});
    if (!owner || !owner->next()) {
        printLine(parsed.owner.isEmpty() ? QStringLiteral("synapscale-server: there is no user yet; register one first or pass --owner")
                                         : QStringLiteral("synapscale-server: no user with email %1").arg(parsed.owner));
        return 2;
    }
    Principal who;
    who.userId = owner->value(0).toString();
    WorkflowInput input;
    input.name = QString::fromStdString(imported->name);
    input.description = QString::fromStdString(imported->description);
    for (const auto &t : imported->tags)
        if (t.is_string())
            input.tags << QString::fromStdString(t.get<std::string>());
    input.definition = QByteArray::fromStdString(imported->definition.dump());
    auto created = WorkflowService(db).create(who, input);
    if (!created) {
        Log::error(created.error().message);
        return 1;
    }
    std::printf("%s\n", nlohmann::json{{"workflow_id", created->id.toStdString()}, {"name", created->name.toStdString()},
                                       {"warnings", imported->warnings}}.dump(2).c_str());
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
    static const QStringList commands{QStringLiteral("serve"), QStringLiteral("migrate"), QStringLiteral("run"), QStringLiteral("import")};
    if (!commands.contains(parsed.command)) {
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
    if (parsed.command == QLatin1String("run"))
        return runFile(parsed, *config);
    if (parsed.command == QLatin1String("import"))
        return importFile(parsed, *config);
    return serve(std::move(config).value());
}

} // namespace synapscale
