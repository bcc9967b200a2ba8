// Signing in and out around a CLI command that talks to a running server.
#include "cli/server_session.h"

#include <cstdio>
#include <fstream>
#include <sstream>

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

std::string FormatImportReport(const Json& report, const std::string& id_key) {
  std::string out = std::to_string(report.value("created", 0)) + " created, " +
                    std::to_string(report.value("unchanged", 0)) + " unchanged, " +
                    std::to_string(report.value("refused", 0)) + " refused\n";
  if (!report.contains("rows") || !report["rows"].is_array()) return out;
  for (const auto& row : report["rows"]) {
    if (!row.is_object()) continue;
    const std::string outcome = row.value("outcome", "");
    if (outcome != "refused" && outcome != "conflict") continue;
    const std::string head = "line " + std::to_string(row.value("line", 0)) + " (" +
                             row.value(id_key, std::string()) + "): " + outcome;
    if (!row.contains("errors") || !row["errors"].is_array() || row["errors"].empty()) {
      out += head + "\n";
      continue;
    }
    for (const auto& e : row["errors"])
      if (e.is_object())
        out += head + ": " + e.value("field", "") + ": " + e.value("message", "") + "\n";
  }
  return out;
}

int RunImport(const Connection& c, const std::string& file, const std::string& path,
              const std::string& format, const std::string& id_key) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Fail("cannot read " + file);
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (auto url = ParseServerUrl(c.server); !url.ok()) {
    Fail(url.error().message);
    return 2;
  }
  const Json request{{"format", format}, {"content", text.str()}};
  return WithSession(c, [&](const HttpClient& client, const std::string& token) {
    HttpReply r = client.Post(path, request, token);
    Json body = r.json();
    if (!r.ok() || !body.is_object() || !body.contains("rows"))
      return Fail(Problem("importing " + file, r));
    std::fputs(FormatImportReport(body, id_key).c_str(), stdout);
    return body.value("refused", 0) > 0 ? 1 : 0;
  });
}

}  // namespace ordo::cli
