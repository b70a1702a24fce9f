#pragma once

#include <QString>

namespace synapscale {

class Router;
class AgentService;
class ConversationService;

// /api/v1/agents (CRUD) and /api/v1/conversations (CRUD, messages, stop, regenerate, edit).
namespace ChatRoutes {
void addTo(Router &router, AgentService &agents, ConversationService &conversations, const QString &apiPrefix);
} // namespace ChatRoutes

} // namespace synapscale
