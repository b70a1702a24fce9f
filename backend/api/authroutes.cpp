#include "authroutes.h"

#include "api/jsonbody.h"
#include "api/router.h"
#include "auth/authservice.h"
#include "auth/tokenrepository.h"

namespace synapscale {

namespace {
using nlohmann::json;

json userJson(const User &u)
{
    return {{"id", u.id.toStdString()},           {"email", u.email.toStdString()},  {"full_name", u.fullName.toStdString()},
            {"role", u.role.toStdString()},       {"is_verified", u.isVerified},     {"created_at", u.createdAt.toStdString()}};
}

json tokensJson(const TokenPair &t)
{
    return {{"access_token", t.accessToken.toStdString()},
            {"refresh_token", t.refreshToken.toStdString()},
            {"token_type", "bearer"},
            {"expires_in", t.expiresIn},
            {"user", userJson(t.user)}};
}

json nullable(const QString &s)
{
    return s.isEmpty() ? json(nullptr) : json(s.toStdString());
}

ClientInfo clientOf(const HttpRequest &r)
{
    QString ip = r.peer.toString();
    if (ip.startsWith(QLatin1String("::ffff:")))
        ip = ip.mid(7);
    return ClientInfo{QString::fromUtf8(r.header("User-Agent")), ip};
}

const json kUserSchema = {{"type", "object"},
                          {"properties",
                           {{"id", {{"type", "string"}}},
                            {"email", {{"type", "string"}}},
                            {"full_name", {{"type", "string"}}},
                            {"role", {{"type", "string"}, {"enum", {"admin", "user"}}}},
                            {"is_verified", {{"type", "boolean"}}},
                            {"created_at", {{"type", "string"}, {"format", "date-time"}}}}}};
const json kTokensSchema = {{"type", "object"},
                            {"properties",
                             {{"access_token", {{"type", "string"}}},
                              {"refresh_token", {{"type", "string"}}},
                              {"token_type", {{"type", "string"}}},
                              {"expires_in", {{"type", "integer"}}},
                              {"user", kUserSchema}}}};

json stringFields(std::initializer_list<const char *> required, std::initializer_list<const char *> optional = {})
{
    json props = json::object();
    for (const char *n : required)
        props[n] = {{"type", "string"}};
    for (const char *n : optional)
        props[n] = {{"type", "string"}};
    return {{"type", "object"}, {"properties", props}, {"required", required}, {"additionalProperties", false}};
}
} // namespace

void AuthRoutes::addTo(Router &router, AuthService &auth, const QString &apiPrefix)
{
    auto self = std::make_shared<AuthRoutes>(auth);
    using Handler = HttpResponse (AuthRoutes::*)(const HttpRequest &);
    struct Spec {
        const char *method;
        const char *path;
        const char *summary;
        Handler handler;
        bool json;
        bool auth;
        bool offThread;
        nlohmann::json request;
        nlohmann::json responses;
    };
    const json ok204 = {{"204", {{"description", "Done"}}}};
    const std::vector<Spec> specs{
        {"POST", "register", "Create an account", &AuthRoutes::registerUser, true, false, true,
         stringFields({"email", "password"}, {"full_name"}),
         {{"201", {{"description", "Account created"}, {"schema", kUserSchema}}},
          {"409", {{"description", "Email already registered"}}},
          {"429", {{"description", "Too many attempts"}}}}},
        {"POST", "login", "Sign in (JSON {email,password} or OAuth2 form username,password)", &AuthRoutes::login, true, false, true,
         stringFields({"email", "password"}),
         {{"200", {{"description", "Signed in"}, {"schema", kTokensSchema}}},
          {"401", {{"description", "Incorrect email or password"}}},
          {"403", {{"description", "Email not verified (REQUIRE_EMAIL_VERIFICATION)"}}},
          {"429", {{"description", "Too many failed attempts"}}}}},
        {"POST", "refresh", "Exchange a refresh token for a new pair (rotation)", &AuthRoutes::refresh, true, false, false,
         stringFields({"refresh_token"}),
         {{"200", {{"description", "New token pair"}, {"schema", kTokensSchema}}},
          {"401", {{"description", "Invalid, expired or reused refresh token (a reused one ends its session)"}}}}},
        {"POST", "logout", "End the current session", &AuthRoutes::logout, false, true, false, nullptr, ok204},
        {"GET", "me", "The signed-in user", &AuthRoutes::me, false, true, false, nullptr,
         {{"200", {{"description", "User"}, {"schema", kUserSchema}}}}},
        {"PUT", "me", "Update the signed-in user", &AuthRoutes::updateMe, true, true, false, stringFields({}, {"full_name", "email"}),
         {{"200", {{"description", "User"}, {"schema", kUserSchema}}}, {"409", {{"description", "Email already registered"}}}}},
        {"POST", "verify-email", "Confirm an email address with the emailed token", &AuthRoutes::verifyEmail, true, false, false,
         stringFields({"token"}), {{"204", {{"description", "Verified"}}}, {"400", {{"description", "Invalid, used or expired token"}}}}},
        {"POST", "resend-verification", "Send the verification email again", &AuthRoutes::resendVerification, false, true, false,
         nullptr, {{"202", {{"description", "Queued"}}}, {"409", {{"description", "Already verified"}}}}},
        {"POST", "forgot-password", "Email a password reset link", &AuthRoutes::forgotPassword, true, false, false,
         stringFields({"email"}), {{"202", {{"description", "Accepted (whether or not the email exists)"}}}}},
        {"POST", "reset-password", "Set a new password with the emailed token", &AuthRoutes::resetPassword, true, false, true,
         stringFields({"token", "new_password"}),
         {{"204", {{"description", "Password changed; every session ended"}}}, {"400", {{"description", "Invalid, used or expired token"}}}}},
        {"POST", "change-password", "Change the password", &AuthRoutes::changePassword, true, true, true,
         stringFields({"current_password", "new_password"}),
         {{"204", {{"description", "Changed; other sessions ended"}}}, {"400", {{"description", "Wrong current password"}}}}},
        {"GET", "sessions", "Active sessions", &AuthRoutes::sessions, false, true, false, nullptr,
         {{"200", {{"description", "Sessions"}, {"schema", {{"type", "array"}}}}}}},
        {"DELETE", "sessions", "End every other session", &AuthRoutes::revokeOtherSessions, false, true, false, nullptr, ok204},
        {"DELETE", "sessions/{session_id}", "End one session", &AuthRoutes::revokeSession, false, true, false, nullptr,
         {{"204", {{"description", "Ended"}}}, {"404", {{"description", "No such session of yours"}}}}},
        {"GET", "api-keys", "API keys", &AuthRoutes::apiKeys, false, true, false, nullptr,
         {{"200", {{"description", "Keys (without their secret)"}, {"schema", {{"type", "array"}}}}}}},
        {"POST", "api-keys", "Create an API key (its value is shown once)", &AuthRoutes::createApiKey, true, true, false,
         stringFields({"name"}), {{"201", {{"description", "Created: {id,name,prefix,key,created_at}"}}}}},
        {"DELETE", "api-keys/{key_id}", "Revoke an API key", &AuthRoutes::revokeApiKey, false, true, false, nullptr,
         {{"204", {{"description", "Revoked"}}}, {"404", {{"description", "No such key of yours"}}}}},
    };
    for (const QString &base : {apiPrefix + QStringLiteral("/auth/auth/"), apiPrefix + QStringLiteral("/auth/")}) {
        for (const auto &spec : specs) {
            Route route;
            route.method = spec.method;
            route.pattern = base + QString::fromLatin1(spec.path);
            route.summary = QString::fromLatin1(spec.summary);
            route.tag = QStringLiteral("auth");
            route.jsonBody = spec.json;
            route.requiresAuth = spec.auth;
            route.offThread = spec.offThread;
            route.acceptsForm = QByteArray(spec.path) == "login";
            route.requestSchema = spec.request;
            route.responses = spec.responses;
            route.handler = [self, h = spec.handler](const HttpRequest &r) { return ((*self).*h)(r); };
            router.add(std::move(route));
        }
    }
    Route admin;
    admin.method = "GET";
    admin.pattern = apiPrefix + QStringLiteral("/admin/users");
    admin.summary = QStringLiteral("All users (administrators only)");
    admin.tag = QStringLiteral("admin");
    admin.requiresAuth = true;
    admin.responses = {{"200", {{"description", "Page of users"}}}, {"403", {{"description", "Not an administrator"}}}};
    admin.handler = [self](const HttpRequest &r) { return self->adminUsers(r); };
    router.add(std::move(admin));
}

HttpResponse AuthRoutes::registerUser(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString email = body.requiredString("email", 254);
    const QString password = body.requiredString("password", 1024);
    const auto fullName = body.optionalString("full_name", 200);
    body.allowOnly({"email", "password", "full_name"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.registerUser(email, password, fullName.value_or(QString()), clientOf(r)),
                   [](const User &u) { return HttpResponse::json(userJson(u), 201); });
}

HttpResponse AuthRoutes::login(const HttpRequest &r)
{
    JsonBody body(r.json);
    // The OAuth2 form calls the email "username" and may add grant_type, scope, client_id, client_secret.
    const bool form = r.json.is_object() && r.json.contains("username");
    const QString email = body.requiredString(form ? "username" : "email", 254);
    const QString password = body.requiredString("password", 1024);
    if (form)
        body.allowOnly({"username", "password", "grant_type", "scope", "client_id", "client_secret"});
    else
        body.allowOnly({"email", "password"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.login(email, password, clientOf(r)), [](const TokenPair &t) { return HttpResponse::json(tokensJson(t)); });
}

HttpResponse AuthRoutes::refresh(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString token = body.requiredString("refresh_token", 512);
    body.allowOnly({"refresh_token"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.refresh(token, clientOf(r)), [](const TokenPair &t) { return HttpResponse::json(tokensJson(t)); });
}

HttpResponse AuthRoutes::logout(const HttpRequest &r)
{
    return respond(m_auth.logout(*r.principal), 204);
}

HttpResponse AuthRoutes::me(const HttpRequest &r)
{
    return respond(m_auth.me(*r.principal), [](const User &u) { return HttpResponse::json(userJson(u)); });
}

HttpResponse AuthRoutes::updateMe(const HttpRequest &r)
{
    JsonBody body(r.json);
    const auto fullName = body.optionalString("full_name", 200);
    const auto email = body.optionalString("email", 254);
    body.allowOnly({"full_name", "email"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.updateMe(*r.principal, fullName, email), [](const User &u) { return HttpResponse::json(userJson(u)); });
}

HttpResponse AuthRoutes::verifyEmail(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString token = body.requiredString("token", 512);
    body.allowOnly({"token"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.verifyEmail(token), 204);
}

HttpResponse AuthRoutes::resendVerification(const HttpRequest &r)
{
    return respond(m_auth.resendVerification(*r.principal), 202);
}

HttpResponse AuthRoutes::forgotPassword(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString email = body.requiredString("email", 254);
    body.allowOnly({"email"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    auto result = m_auth.forgotPassword(email, clientOf(r));
    if (!result && result.error().code == QLatin1String("rate_limited"))
        return HttpResponse::fromError(result.error());
    // Whatever happened, the answer is the same, so it reveals nothing about which emails exist.
    return HttpResponse::json({{"detail", "If an account exists for this email, a reset link is on its way."}}, 202);
}

HttpResponse AuthRoutes::resetPassword(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString token = body.requiredString("token", 512);
    const QString password = body.requiredString("new_password", 1024);
    body.allowOnly({"token", "new_password"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.resetPassword(token, password), 204);
}

HttpResponse AuthRoutes::changePassword(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString current = body.requiredString("current_password", 1024);
    const QString next = body.requiredString("new_password", 1024);
    body.allowOnly({"current_password", "new_password"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.changePassword(*r.principal, current, next), 204);
}

HttpResponse AuthRoutes::sessions(const HttpRequest &r)
{
    return respond(m_auth.sessions(*r.principal), [&](const QList<Session> &list) {
        json out = json::array();
        for (const auto &s : list)
            out.push_back({{"id", s.id.toStdString()},
                           {"created_at", s.createdAt.toStdString()},
                           {"last_used_at", s.lastUsedAt.toStdString()},
                           {"user_agent", s.userAgent.toStdString()},
                           {"ip", s.ip.toStdString()},
                           {"current", s.id == r.principal->sessionId}});
        return HttpResponse::json(out);
    });
}

HttpResponse AuthRoutes::revokeSession(const HttpRequest &r)
{
    return respond(m_auth.revokeSession(*r.principal, r.params.value(QStringLiteral("session_id"))), 204);
}

HttpResponse AuthRoutes::revokeOtherSessions(const HttpRequest &r)
{
    auto result = m_auth.revokeOtherSessions(*r.principal);
    if (!result)
        return HttpResponse::fromError(result.error());
    return HttpResponse::empty(204);
}

HttpResponse AuthRoutes::apiKeys(const HttpRequest &r)
{
    return respond(m_auth.apiKeys(*r.principal), [](const QList<ApiKeyRecord> &keys) {
        json out = json::array();
        for (const auto &k : keys)
            out.push_back({{"id", k.id.toStdString()},
                           {"name", k.name.toStdString()},
                           {"prefix", k.prefix.toStdString()},
                           {"created_at", k.createdAt.toStdString()},
                           {"last_used_at", nullable(k.lastUsedAt)}});
        return HttpResponse::json(out);
    });
}

HttpResponse AuthRoutes::createApiKey(const HttpRequest &r)
{
    JsonBody body(r.json);
    const QString name = body.requiredString("name", 100);
    body.allowOnly({"name"});
    if (!body.ok())
        return HttpResponse::validation(body.errors());
    return respond(m_auth.createApiKey(*r.principal, name), [](const CreatedApiKey &k) {
        return HttpResponse::json({{"id", k.id.toStdString()},
                                   {"name", k.name.toStdString()},
                                   {"prefix", k.prefix.toStdString()},
                                   {"key", k.key.toStdString()},
                                   {"created_at", k.createdAt.toStdString()}},
                                  201);
    });
}

HttpResponse AuthRoutes::revokeApiKey(const HttpRequest &r)
{
    return respond(m_auth.revokeApiKey(*r.principal, r.params.value(QStringLiteral("key_id"))), 204);
}

HttpResponse AuthRoutes::adminUsers(const HttpRequest &r)
{
    int skip = 0;
    int limit = 50;
    json errors = json::array();
    readPaging(r.query, skip, limit, errors);
    if (!errors.empty())
        return HttpResponse::validation(errors);
    return respond(m_auth.listUsers(*r.principal, skip, limit), [](const Page<User> &page) {
        json items = json::array();
        for (const auto &u : page.items)
            items.push_back(userJson(u));
        return HttpResponse::json({{"items", items}, {"total", page.total}, {"skip", page.skip}, {"limit", page.limit}});
    });
}

} // namespace synapscale
