#pragma once

#include "api/http.h"

#include <memory>

namespace synapscale {

class AuthService;
class Router;

// /api/v1/auth/auth/* (the seed's paths) and the /api/v1/auth/* alias: register, login (JSON or
// OAuth2 form), refresh, logout, me, email verification, password reset and change, sessions and
// API keys; plus GET /api/v1/admin/users for administrators.
class AuthRoutes {
public:
    explicit AuthRoutes(AuthService &auth) : m_auth(auth) {}
    static void addTo(Router &router, AuthService &auth, const QString &apiPrefix);

    HttpResponse registerUser(const HttpRequest &r);
    HttpResponse login(const HttpRequest &r);
    HttpResponse refresh(const HttpRequest &r);
    HttpResponse logout(const HttpRequest &r);
    HttpResponse me(const HttpRequest &r);
    HttpResponse updateMe(const HttpRequest &r);
    HttpResponse verifyEmail(const HttpRequest &r);
    HttpResponse resendVerification(const HttpRequest &r);
    HttpResponse forgotPassword(const HttpRequest &r);
    HttpResponse resetPassword(const HttpRequest &r);
    HttpResponse changePassword(const HttpRequest &r);
    HttpResponse sessions(const HttpRequest &r);
    HttpResponse revokeSession(const HttpRequest &r);
    HttpResponse revokeOtherSessions(const HttpRequest &r);
    HttpResponse apiKeys(const HttpRequest &r);
    HttpResponse createApiKey(const HttpRequest &r);
    HttpResponse revokeApiKey(const HttpRequest &r);
    HttpResponse adminUsers(const HttpRequest &r);

private:
    AuthService &m_auth;
};

} // namespace synapscale
