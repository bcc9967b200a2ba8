// `ordo plant export|apply`: sign in, call the plant endpoints, sign out (see
// plant_commands.h). The file handling is in plant_folder.cc.
#include "cli/plant_commands.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>

#include "cli/server_session.h"
#include "client/http_client.h"

namespace ordo::cli {

namespace {

using client::HttpClient;
using client::HttpReply;

struct PlantArguments {
  std::string dir, path, title, reason;
};

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
