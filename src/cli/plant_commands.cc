// `ordo plant export|apply`: sign in, call the plant endpoints, sign out (see
// plant_commands.h). The file handling is in plant_folder.cc.
#include "cli/plant_commands.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

#include "cli/passwords.h"
#include "client/http_client.h"

namespace ordo::cli {

namespace {

using client::HttpClient;
using client::HttpReply;

struct Connection {
  std::string server, user, password_file, tls_ca;
  bool tls_no_verify = false;
};

struct PlantArguments {
  std::string dir, path, title, reason;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "ordo: %s\n", message.c_str());
  return 1;
}

// What went wrong with a reply, for a person: the problem's detail when there is one.
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

// Signs in, runs `work` with the client and token, signs out; returns work's exit code
// (1 when signing in fails).
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

int Export(const Connection& c, const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_directory(dir, ec))
    return Fail(dir + " exists and is not a folder");
  return WithSession(c, [&](const HttpClient& client, const std::string& token) {
    HttpReply r = client.Get("/api/v1/plant/export", token);
    if (!r.ok()) return Fail(Problem("exporting the plant", r));
    Json body = r.json();
    if (!body.is_object() || !body.contains("files") || !body["files"].is_array())
      return Fail("exporting the plant: the reply has no files list");
    std::vector<masterdata::plant::PlantFile> files;
    for (const auto& f : body["files"]) {
      if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("text") ||
          !f["text"].is_string())
        return Fail("exporting the plant: a file in the reply lacks path or text");
      files.push_back({f["path"].get<std::string>(), f["text"].get<std::string>()});
    }
    auto counts = WritePlantFolder(dir, files);
    if (!counts.ok()) return Fail(counts.error().message);
    std::printf("exported %zu objects to %s (%d written, %d unchanged, %d removed)\n", files.size(),
                dir.c_str(), counts->written, counts->unchanged, counts->removed);
    return 0;
  });
}

int Apply(const Connection& c, const std::string& path, std::string title, std::string reason) {
  auto files = CollectPlantFiles(path);
  if (!files.ok()) return Fail(files.error().message);
  if (title.empty()) title = "Plant configuration from " + path;
  if (reason.empty()) reason = "configuration as code";
  Json request{{"files", Json::array()}, {"title", title}, {"reason", reason}};
  for (const auto& f : *files) request["files"].push_back({{"path", f.path}, {"text", f.text}});
  return WithSession(c, [&](const HttpClient& client, const std::string& token) {
    HttpReply r = client.Post("/api/v1/plant/apply", request, token);
    Json body = r.json();
    if (r.status == 400 && body.is_object() && body.contains("errors") &&
        body["errors"].is_array()) {
      std::vector<masterdata::plant::FileError> errors;
      for (const auto& e : body["errors"]) {
        if (!e.is_object()) continue;
        errors.push_back({e.value("file", ""), e.value("line", 0), e.value("field", ""),
                          e.value("message", ""), e.value("code", "")});
      }
      std::fputs(masterdata::plant::FormatErrors(errors).c_str(), stderr);
      return Fail(std::to_string(errors.size()) + " error(s); nothing was changed");
    }
    if (!r.ok() || !body.is_object()) return Fail(Problem("applying " + path, r));
    const int unchanged = body.value("unchanged", 0);
    const Json& cr = body.contains("change_request") ? body["change_request"] : Json();
    if (!cr.is_object()) {
      std::printf("nothing to change: %d objects unchanged\n", unchanged);
      return 0;
    }
    const std::size_t drafts =
        cr.contains("items") && cr["items"].is_array() ? cr["items"].size() : 0;
    std::printf("change request %s: %zu drafts, %d unchanged\n", cr.value("id", "?").c_str(),
                drafts, unchanged);
    return 0;
  });
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

}  // namespace

void AddPlantCommands(CLI::App& app, int* rc) {
  // Owned by the callbacks, which outlive this function (CLI11 keeps them in `app`).
  auto connection = std::make_shared<Connection>();
  auto args = std::make_shared<PlantArguments>();
  auto* plant = app.add_subcommand("plant", "Configuration as code: master data as YAML files");
  plant->require_subcommand(1);

  auto* export_command = plant->add_subcommand(
      "export", "Write the effective plant to DIR/<folder>/<id>.yaml (DIR mirrors the plant)");
  export_command->add_option("DIR", args->dir, "folder to write")->required();
  AddConnectionOptions(export_command, connection.get());
  export_command->callback([=] { *rc = Export(*connection, args->dir); });

  auto* apply_command = plant->add_subcommand(
      "apply", "Propose PATH (a file, or every *.yaml below a folder) as one change request");
  apply_command->add_option("PATH", args->path, "file or folder to apply")->required();
  AddConnectionOptions(apply_command, connection.get());
  apply_command->add_option("--title", args->title, "change request title");
  apply_command->add_option("--reason", args->reason, "reason for the change");
  apply_command->callback([=] { *rc = Apply(*connection, args->path, args->title, args->reason); });
}

}  // namespace ordo::cli
