// The CLI commands that talk to a running server (`ordo plant ...`, `ordo orders ...`):
// the connection options they share, signing in and out around the work, and how a
// failed reply is told to a person.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "client/http_client.h"
#include "core/canonical_json.h"

namespace ordo::cli {

struct Connection {
  std::string server, user, password_file, tls_ca;
  bool tls_no_verify = false;
};

// Adds --server, --user, --password-file, --tls-ca and --tls-no-verify to `command`.
void AddConnectionOptions(CLI::App* command, Connection* connection);

// Prints "ordo: MESSAGE" to stderr; returns 1.
int Fail(const std::string& message);

// What went wrong with a reply, for a person: the problem's detail (and field) when there
// is one.
std::string Problem(const std::string& what, const client::HttpReply& reply);

// Signs in, runs `work` with the client and token, signs out; returns work's exit code
// (1 when the server URL is malformed or signing in fails).
int WithSession(const Connection& connection,
                const std::function<int(const client::HttpClient&, const std::string&)>& work);

// The lines an import command prints for an import report ({created, unchanged,
// refused, rows: [{line, <id_key>, outcome, errors: [{field, message}]}]}):
// "N created, N unchanged, N refused", then per refused or conflicting row one line per
// error: "line L (ID): OUTCOME: FIELD: MESSAGE".
std::string FormatImportReport(const Json& report, const std::string& id_key);

// `ordo <records> import FILE`: reads FILE, signs in, posts {format, content} to `path`,
// prints FormatImportReport and signs out. Exit 0 when no row was refused, 1 when a row
// was refused or in conflict (or the import failed), 2 on a usage error (a file that
// cannot be read, a malformed server URL).
int RunImport(const Connection& connection, const std::string& file, const std::string& path,
              const std::string& format, const std::string& id_key);

}  // namespace ordo::cli
