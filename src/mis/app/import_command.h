// `ordo-mis import KIND FILE --server URL --user NAME --password-file FILE [--format F]`:
// signs in to a running ordo-mis, posts FILE to POST /api/v1/imports/KIND (CSV or JSON
// lines: --format csv|ndjson, else from the extension: .csv, .ndjson/.jsonl), prints the
// import's report (JSON) and signs out. Exit 0 when the file was imported (rows refused
// within it are in the report), 1 when the server refused it or could not be reached, 2
// for a usage error (bad flags, unreadable file).
#pragma once

#include <string>

namespace ordo::mis::app {

struct ImportCommand {
  std::string kind, file, server, user, password_file, format;
};

// Runs the command; returns the exit code. Messages go to stderr, the report to stdout.
int RunImportCommand(const ImportCommand& command);

}  // namespace ordo::mis::app
