// Sign in, one request, sign out (server_call.h).
#include "mis/app/server_call.h"

#include "mis/app/options.h"

namespace ordo::mis::app {

std::optional<client::HttpReply> CallAsUser(const ServerCall& call, const std::string& method,
                                            const std::string& target, const std::string& body,
                                            const client::Headers& headers, CallFailure* failure) {
  auto server = ParseMesUrl(call.server);
  if (!server.ok()) {
    *failure = {"--server: " + server.error().message, 2};
    return std::nullopt;
  }
  auto password = ReadPasswordFile(call.password_file, "password-file");
  if (!password.ok()) {
    *failure = {password.error().message, 2};
    return std::nullopt;
  }
  client::HttpClient client(server->port, false, server->host);
  client.set_timeout_seconds(600);
  client::HttpReply session =
      client.Post("/api/v1/session", client::Json{{"user", call.user}, {"password", *password}});
  if (session.status != 201 && session.status != 200) {
    *failure = {"sign-in as " + call.user + " failed: " + ProblemText(session), 1};
    return std::nullopt;
  }
  const std::string token = session.json().value("token", "");
  client::HttpReply reply = client.Request(method, target, body, token, headers);
  (void)client.Request("DELETE", "/api/v1/session", "", token);
  return reply;
}

std::string ProblemText(const client::HttpReply& reply) {
  const client::Json j = reply.json();
  if (j.is_object() && j.contains("detail"))
    return "HTTP " + std::to_string(reply.status) + " " + j.value("reason", j.value("code", "")) +
           ": " + j.value("detail", "");
  return reply.status == 0 ? reply.error : "HTTP " + std::to_string(reply.status);
}

}  // namespace ordo::mis::app
