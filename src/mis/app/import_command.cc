// `ordo-mis import` (import_command.h).
#include "mis/app/import_command.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "client/http_client.h"
#include "mis/app/options.h"

namespace ordo::mis::app {

namespace {

using client::HttpClient;
using client::HttpReply;
using client::Json;

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

std::string Problem(const HttpReply& reply) {
  const Json j = reply.json();
  if (j.is_object() && j.contains("detail"))
    return "HTTP " + std::to_string(reply.status) + " " + j.value("code", "") + ": " +
           j.value("detail", "");
  return reply.status == 0 ? reply.error : "HTTP " + std::to_string(reply.status);
}

}  // namespace

int RunImportCommand(const ImportCommand& c) {
  const std::string media_type = MediaType(c.format, c.file);
  if (media_type.empty())
    return Fail("--format must be csv or ndjson (or the file must end in .csv, .ndjson, .jsonl)",
                2);
  auto server = ParseMesUrl(c.server);
  if (!server.ok()) return Fail("--server: " + server.error().message, 2);
  auto password = ReadPasswordFile(c.password_file, "password-file");
  if (!password.ok()) return Fail(password.error().message, 2);
  std::ifstream in(c.file, std::ios::binary);
  if (!in) return Fail("cannot read " + c.file, 2);
  std::ostringstream body;
  body << in.rdbuf();

  HttpClient client(server->port, false, server->host);
  client.set_timeout_seconds(600);
  HttpReply session =
      client.Post("/api/v1/session", Json{{"user", c.user}, {"password", *password}});
  if (session.status != 201 && session.status != 200)
    return Fail("sign-in as " + c.user + " failed: " + Problem(session), 1);
  const std::string token = session.json().value("token", "");
  HttpReply reply = client.Request("POST", "/api/v1/imports/" + c.kind, body.str(), token,
                                   {{"Content-Type", media_type}});
  (void)client.Request("DELETE", "/api/v1/session", "", token);
  if (!reply.ok()) return Fail("the import was refused: " + Problem(reply), 1);
  std::printf("%s\n", reply.json().dump(2).c_str());
  return 0;
}

}  // namespace ordo::mis::app
