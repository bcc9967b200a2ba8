// `ordo lots import FILE` (lots_commands.h): read the file, sign in, post it, print the
// per-row report, sign out.
#include "cli/lots_commands.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/passwords.h"
#include "cli/plant_commands.h"
#include "client/http_client.h"

namespace ordo::cli {

namespace {

using client::HttpClient;
using client::HttpReply;

struct ImportArguments {
  std::string file, server, user, password_file, tls_ca;
  bool tls_no_verify = false;
};

int Fail(const std::string& message, int code = 1) {
  std::fprintf(stderr, "ordo: %s\n", message.c_str());
  return code;
}

std::string Problem(const HttpReply& r) {
  if (r.status == 0) return "cannot reach the server: " + r.error;
  Json body = r.json();
  std::string text = "HTTP " + std::to_string(r.status);
  if (body.is_object() && body.contains("detail") && body["detail"].is_string()) {
    text += ": " + body["detail"].get<std::string>();
    if (body.contains("field") && body["field"].is_string())
      text += " (field " + body["field"].get<std::string>() + ")";
  }
  return text;
}

int Import(const ImportArguments& a) {
  std::ifstream in(a.file, std::ios::binary);
  if (!in) return Fail("cannot read " + a.file, 2);
  std::stringstream content;
  content << in.rdbuf();
  auto url = ParseServerUrl(a.server);
  if (!url.ok()) return Fail(url.error().message, 2);
  auto password = ReadPassword(a.password_file, "password for " + a.user + ": ");
  if (!password.ok()) return Fail(password.error().message, 2);
  HttpClient client(url->port, url->tls, url->host);
  if (url->tls && !a.tls_no_verify) client.set_tls_verify(true, a.tls_ca);
  HttpReply login = client.Post("/api/v1/session", Json{{"user", a.user}, {"password", *password}});
  Json session = login.json();
  if (!login.ok() || !session.is_object() || !session.contains("token") ||
      !session["token"].is_string())
    return Fail("signing in as " + a.user + ": " + Problem(login));
  const std::string token = session["token"].get<std::string>();
  HttpReply r = client.Post("/api/v1/lots/import",
                            Json{{"format", "csv"}, {"content", content.str()}}, token);
  int rc = 0;
  Json body = r.json();
  if (!r.ok() || !body.is_object() || !body.contains("rows")) {
    rc = Fail("importing " + a.file + ": " + Problem(r));
  } else {
    std::fputs(FormatLotImport(body).c_str(), stdout);
    rc = body.value("refused", 0) > 0 ? 1 : 0;
  }
  HttpReply logout = client.Request("DELETE", "/api/v1/session", "", token);
  if (!logout.ok())
    std::fprintf(stderr, "ordo: warning: signing out: %s\n", Problem(logout).c_str());
  return rc;
}

}  // namespace

std::string FormatLotImport(const Json& reply) {
  std::string out = std::to_string(reply.value("created", 0)) + " created, " +
                    std::to_string(reply.value("unchanged", 0)) + " unchanged, " +
                    std::to_string(reply.value("refused", 0)) + " refused\n";
  if (!reply.contains("rows") || !reply["rows"].is_array()) return out;
  for (const auto& row : reply["rows"]) {
    const std::string outcome = row.value("outcome", "");
    if (outcome != "refused" && outcome != "conflict") continue;
    const std::string prefix = "line " + std::to_string(row.value("line", 0)) + ": lot " +
                               row.value("lot", std::string("?")) +
                               (outcome == "conflict" ? " (conflict)" : "") + ": ";
    if (!row.contains("errors") || !row["errors"].is_array() || row["errors"].empty()) {
      out += prefix + "refused\n";
      continue;
    }
    for (const auto& e : row["errors"])
      out += prefix + "field " + e.value("field", std::string("?")) + ": " +
             e.value("message", std::string()) + "\n";
  }
  return out;
}

void AddLotsCommands(CLI::App& app, int* rc) {
  auto args = std::make_shared<ImportArguments>();
  auto* lots = app.add_subcommand("lots", "Material lots on a running server");
  lots->require_subcommand(1);
  auto* import = lots->add_subcommand(
      "import",
      "Receive the lots of a CSV file (lot,material,supplier,supplier_lot,quantity,"
      "unit,expiry,retest); prints N created, N unchanged, N refused");
  import->add_option("FILE", args->file, "CSV file to import")->required();
  import->add_option("--server", args->server, "server URL, e.g. http://127.0.0.1:8080")
      ->required();
  import->add_option("--user", args->user, "user name to sign in as")->required();
  import->add_option("--password-file", args->password_file,
                     "file whose first line is the password (prompted when absent)");
  import->add_option("--tls-ca", args->tls_ca,
                     "https: trust this CA file (PEM) instead of the system's");
  import->add_flag("--tls-no-verify", args->tls_no_verify,
                   "https: do not verify the server's certificate (testing only)");
  import->callback([=] { *rc = Import(*args);
});
}  // namespace ordo::cli

}  // namespace ordo::cli
