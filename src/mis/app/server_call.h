// One request of an `ordo-mis` CLI command to a running ordo-mis: sign in as the user
// (password from a file), send the request, sign out. Shared by `import` and `kpi`.
#pragma once

#include <optional>
#include <string>

#include "client/http_client.h"

namespace ordo::mis::app {

struct ServerCall {
  std::string server;         // --server, http://HOST:PORT
  std::string user;           // --user
  std::string password_file;  // --password-file: its first line is the password
};

// Why the request was never sent: `exit_code` 2 for a bad --server or an unreadable
// password file (usage), 1 for a refused sign-in; `message` says which.
struct CallFailure {
  std::string message;
  int exit_code = 1;
};

// Signs in, sends `method target` with `body` and `headers`, signs out (whatever the
// answer); the answer, or the failure before the request. Waits up to 600 s.
std::optional<client::HttpReply> CallAsUser(const ServerCall& call, const std::string& method,
                                            const std::string& target, const std::string& body,
                                            const client::Headers& headers, CallFailure* failure);

// A refusal in one line: "HTTP 400 unknown_kpi: <detail>" (the problem's reason, else
// its code), or the transport error when no answer came.
std::string ProblemText(const client::HttpReply& reply);

}  // namespace ordo::mis::app
