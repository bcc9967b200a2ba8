// Signing in and out around a CLI command that talks to a running server.
#include "cli/server_session.h"

#include <cstdio>

#include "cli/passwords.h"
#include "cli/plant_commands.h"

namespace ordo::cli {

using client::HttpClient;
using client::HttpReply;

int Fail(const std::string& message) {
  std::fprintf(stderr, "ordo: %s\n", message.c_str());
  return 1;
}

std::string Problem(const std::string& what, const HttpReply& r) {
  if (r.status == 0) return what + ": cannot reach the server: " + r.error;
  Json body = r.json();
  std::string text = what + ": HTTP " + std::to_string(r.status);
  if (body.is_object() && body.contains("detail") && body["detail"].is_string()) {
    text += ": " + body["detail"].get<std::string>();
    if (body.contains("field") && body["field"].is_string() &&
        !body["field"].get_ref<const std::string&>().empty())
      text += " (field " + body["field"].get<std::string>() + ")";
  } else if (!r.body.empty()) {
    text += ": " + r.body.substr(0, 500);
  }
  return text;
}

int WithSession(const Connection& c,
                const std::function<int(const HttpClient&, const std::string&)>& work) {
  auto url = ParseServerUrl(c.server);
  if (!url.ok()) return Fail(url.error().message);
  auto password = ReadPassword(c.password_file, "password for " + c.user + ": ");
  if (!password.ok()) return Fail(password.error().message);
  HttpClient client(url->port, url->tls, url->host);
  if (url->tls && !c.tls_no_verify) client.set_tls_verify(true, c.tls_ca);
  HttpReply login = client.Post("/api/v1/session", Json{{"user", c.user}, {"password", *password}});
  Json session = login.json();
  if (!login.ok() || !session.is_object() || !session.contains("token") ||
      !session["token"].is_string())
    return Fail(Problem("signing in as " + c.user, login));
  const std::string token = session["token"].get<std::string>();
  const int rc = work(client, token);
  HttpReply logout = client.Request("DELETE", "/api/v1/session", "", token);
  if (!logout.ok())
    std::fprintf(stderr, "ordo: warning: %s\n", Problem("signing out", logout).c_str());
  return rc;
}

void AddConnectionOptions(CLI::App* command, Connection* c) {
  command->add_option("--server", c->server, "server URL, e.g. http://127.0.0.1:8080")->required();
  command->add_option("--user", c->user, "user name to sign in as")->required();
  command->add_option("--password-file", c->password_file,
                      "file whose first line is the password (prompted when absent)");
  command->add_option("--tls-ca", c->tls_ca,
                      "https: trust this CA file (PEM) instead of the system's");
  command->add_flag("--tls-no-verify", c->tls_no_verify,
                    "https: do not verify the server's certificate (testing only)");
}

}  // namespace ordo::cli
