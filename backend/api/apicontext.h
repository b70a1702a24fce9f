#pragma once

namespace synapscale {

struct Config;
class Database;
class Metrics;

// What route handlers may use. Handlers depend on services, never the other way round.
struct ApiContext {
    const Config &config;
    Database &database;
    Metrics &metrics;
};

} // namespace synapscale
