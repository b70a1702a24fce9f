#pragma once

#include <QString>

namespace synapscale {

class Router;
class CredentialService;

// /api/v1/credentials: CRUD of the user's credentials; secret values are never returned.
namespace CredentialRoutes {
void addTo(Router &router, CredentialService &credentials, const QString &apiPrefix);
} // namespace CredentialRoutes

} // namespace synapscale
