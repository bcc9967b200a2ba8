// Handlers: configuration as code. Export writes the plant in force as YAML files;
// apply parses YAML files (errors name file, line and field) and creates one change
// request with a draft for everything that differs, in one transaction.
#include <algorithm>
#include <memory>

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
  auto files = std::make_shared<std::vector<plant::PlantFile>>();
  std::size_t index = 0;
  for (const auto& f : call.body["files"]) {
    const std::string field = "files[" + std::to_string(index++) + "]";
    if (!f.contains("path") || !f["path"].is_string() || f["path"].get<std::string>().empty() ||
        !f.contains("text") || !f["text"].is_string() || f.size() != 2)
      co_return ProblemResponse(Error::Invalid(
          field,
          field + " must be an object with exactly a non-empty string path and a string text"));
    files->push_back({f["path"].get<std::string>(), f["text"].get<std::string>()});
  }
  if (files->empty())
    co_return ProblemResponse(Error::Invalid("files", "give at least one YAML file"));
  // Parsing is CPU work proportional to the upload: off the io thread, so other requests
  // are served meanwhile (ORDO-API-07).
  auto read_result = std::make_shared<plant::ReadResult>();
  std::function<Json()> parse = [files, read_result] {
    *read_result = plant::ReadPlantFiles(*files);
    return Json();
  };
  auto parsing = api.OffThread(std::move(parse), server::WorkPool::kParsing);
  co_await std::move(parsing);
  const plant::ReadResult& read = *read_result;
  if (!read.errors.empty()) {
    // The detail names the first few; the list is bounded by ProblemResponse.
    const std::size_t shown = std::min<std::size_t>(read.errors.size(), 5);
    const std::vector<plant::FileError> first(read.errors.begin(),
                                              read.errors.begin() + static_cast<long>(shown));
    Error e = Error::Invalid("files",
                             std::to_string(read.errors.size()) +
                                 " error(s) in the plant files; nothing was created:\n" +
                                 plant::FormatErrors(first),
                             "plant_file_errors");
    Json errors = Json::array();
    for (std::size_t i = 0; i < read.errors.size() && i < server::kMaxListedErrors; ++i) {
      const auto& fe = read.errors[i];
      Json item{{"file", fe.file}, {"line", fe.line}, {"field", fe.field}, {"message", fe.message}};
      if (!fe.code.empty()) item["code"] = fe.code;
      errors.push_back(std::move(item));
    }
    co_return ProblemResponse(e, errors, read.errors.size());
  }
  // Without errors there is one object per file, in file order.
  std::vector<commands::PlantObjectSource> objects;
  for (std::size_t i = 0; i < read.objects.size(); ++i) {
    const auto& o = read.objects[i];
    objects.push_back({o.kind, o.id, i < files->size() ? (*files)[i].path : o.id, o.content});
  }
  // Nothing differs: answer without opening an empty change request.
  std::size_t unchanged = 0;
  for (const auto& o : objects) {
    auto row = InForce(api.reader(), o.kind, o.id, api.clock().NowMicros());
    if (!row.ok()) co_return ProblemResponse(row.error());
    if (*row && CanonicalJson((*row)->content) == CanonicalJson(o.content)) {
      ++unchanged;
    } else if (Status s = CheckDraftPermission(call, o.kind); !s.ok()) {
      co_return ProblemResponse(s.error());
    }
  }
  if (unchanged == objects.size())
    co_return JsonResponse(200, Json{{"change_request", nullptr}, {"unchanged", unchanged}});
  masterdata::OpenChangeRequest open{
      call.body.value("title", std::string("Plant configuration")),
      "Drafts created from " + std::to_string(files->size()) + " plant file(s) by plant apply.",
      call.body.value("reason", std::string("configuration as code")), "", std::nullopt};
  if (Status s = ValidateOpenChangeRequest(open); !s.ok()) co_return ProblemResponse(s.error());
  engine::Command command =
      commands::ApplyPlant(api.ActorOf(call), std::move(open), std::move(objects));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

}  // namespace ordo::masterdata::http
