// `ordo-mis import` (import_command.h).
#include "mis/app/import_command.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "mis/app/server_call.h"

namespace ordo::mis::app {

namespace {

int Fail(const std::string& message, int code) {
  std::fprintf(stderr, "ordo-mis import: %s\n", message.c_str());
  return code;
}

// The media type of `format` (csv, ndjson) or, when empty, of the file's extension.
std::string MediaType(const std::string& format, const std::string& file) {
  auto ends = [&](const std::string& s) {
    return file.size() >= s.size() && file.compare(file.size() - s.size(), s.size(), s) == 0;
  };
  const std::string f = !format.empty()                       ? format
                        : ends(".csv")                        ? "csv"
                        : (ends(".ndjson") || ends(".jsonl")) ? "ndjson"
                                                              : "";
  if (f == "csv") return "text/csv";
  if (f == "ndjson") return "application/x-ndjson";
  return "";
}

}  // namespace

int RunImportCommand(const ImportCommand& c) {
  const std::string media_type = MediaType(c.format, c.file);
  if (media_type.empty())
    return Fail("--format must be csv or ndjson (or the file must end in .csv, .ndjson, .jsonl)",
                2);
  std::ifstream in(c.file, std::ios::binary);
  if (!in) return Fail("cannot read " + c.file, 2);
  std::ostringstream body;
  body << in.rdbuf();
  CallFailure failure;
  auto reply = CallAsUser({c.server, c.user, c.password_file}, "POST", "/api/v1/imports/" + c.kind,
                          body.str(), {{"Content-Type", media_type}}, &failure);
  if (!reply) return Fail(failure.message, failure.exit_code);
  if (!reply->ok()) return Fail("the import was refused: " + ProblemText(*reply), 1);
  std::printf("%s\n", reply->json().dump(2).c_str());
  return 0;
}

}  // namespace ordo::mis::app
