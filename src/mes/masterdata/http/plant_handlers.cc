// Handlers: configuration as code. Export writes the plant in force as YAML files;
// apply parses YAML files (errors name file, line and field) and creates one change
// request with a draft for everything that differs, in one transaction.
#include "mes/masterdata/commands/apply_plant.h"
#include "mes/masterdata/http/handlers.h"
#include "mes/masterdata/in_force.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::http {

using server::JsonResponse;
using server::ProblemResponse;

Awaitable<HttpResponse> ExportPlant(Api& api, Call&) {
  auto rows = AllInForce(api.reader(), api.clock().NowMicros());
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  std::vector<plant::PlantObject> objects;
  for (const auto& r : *rows) objects.push_back({r.kind, r.id, r.content});
  Json files = Json::array();
  for (const auto& f : plant::ExportFiles(objects))
    files.push_back({{"path", f.path}, {"text", f.text}});
  co_return JsonResponse(200, Json{{"files", files}});
}

Awaitable<HttpResponse> ApplyPlant(Api& api, Call& call) {
  std::vector<plant::PlantFile> files;
  std::size_t index = 0;
  for (const auto& f : call.body["files"]) {
    const std::string field = "files[" + std::to_string(index++) + "]";
    if (!f.contains("path") || !f["path"].is_string() || f["path"].get<std::string>().empty() ||
        !f.contains("text") || !f["text"].is_string() || f.size() != 2)
      co_return ProblemResponse(Error::Invalid(
          field,
          field + " must be an object with exactly a non-empty string path and a string text"));
    files.push_back({f["path"].get<std::string>(), f["text"].get<std::string>()});
  }
  if (files.empty())
    co_return ProblemResponse(Error::Invalid("files", "give at least one YAML file"));
  plant::ReadResult read = plant::ReadPlantFiles(files);
  if (!read.errors.empty()) {
    Error e = Error::Invalid("files",
                             std::to_string(read.errors.size()) +
                                 " error(s) in the plant files; nothing was created:\n" +
                                 plant::FormatErrors(read.errors),
                             "plant_file_errors");
    HttpResponse r = ProblemResponse(e);
    Json body = Json::parse(r.body);
    body["errors"] = Json::array();
    for (const auto& fe : read.errors)
      body["errors"].push_back(
          {{"file", fe.file}, {"line", fe.line}, {"field", fe.field}, {"message", fe.message}});
    r.body = body.dump();
    co_return r;
  }
  // Without errors there is one object per file, in file order.
  std::vector<commands::PlantObjectSource> objects;
  for (std::size_t i = 0; i < read.objects.size(); ++i) {
    const auto& o = read.objects[i];
    objects.push_back({o.kind, o.id, i < files.size() ? files[i].path : o.id, o.content});
  }
  // Nothing differs: answer without opening an empty change request.
  std::size_t unchanged = 0;
  for (const auto& o : objects) {
    auto row = InForce(api.reader(), o.kind, o.id, api.clock().NowMicros());
    if (!row.ok()) co_return ProblemResponse(row.error());
    if (*row && CanonicalJson((*row)->content) == CanonicalJson(o.content)) ++unchanged;
  }
  if (unchanged == objects.size())
    co_return JsonResponse(200, Json{{"change_request", nullptr}, {"unchanged", unchanged}});
  masterdata::OpenChangeRequest open{
      call.body.value("title", std::string("Plant configuration")),
      "Drafts created from " + std::to_string(files.size()) + " plant file(s) by plant apply.",
      call.body.value("reason", std::string("configuration as code")), "", std::nullopt};
  if (Status s = ValidateOpenChangeRequest(open); !s.ok()) co_return ProblemResponse(s.error());
  engine::Command command =
      commands::ApplyPlant(api.ActorOf(call), std::move(open), std::move(objects));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

}  // namespace ordo::masterdata::http
