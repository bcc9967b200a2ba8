// Layout fences: which #include lines may cross which folder boundaries in ordo's tree
// (rules 1-6, spelled out in include_rules.cc), and a walk that checks the whole tree.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ordo::fences {

// The ledger/ headers a capability's domain/ may include besides core/ (rule 1).
inline constexpr std::array<std::string_view, 1> kLedgerHeadersForDomain = {
    "ledger/event_type.h",  // the typed-event base
};

// The headers of the HTTP runtime (src/server/, library ordo_http) that src/mis/ may
// include besides its own platform (rule 4): the transport, its plain request/response
// types, the security headers, problem+json answers, the body decoder, query parameters,
// in-memory sessions and the sign-in throttle. None of them reaches the engine, the MES
// API (server/api.h, server/serve.h, server/endpoint.h) or a capability.
inline constexpr std::array<std::string_view, 9> kHttpRuntimeHeadersForMis = {
    "server/http_server.h",       // HttpServer: the Beast transport
    "server/http_types.h",        // HttpRequest, HttpResponse, Awaitable
    "server/security_headers.h",  // the browser-hardening headers
    "server/problem.h",           // JsonResponse, ProblemResponse, ThrottledResponse
    "server/request_decoder.h",   // schema-checked JSON bodies
    "server/query_params.h",      // IntParam
    "server/sessions.h",          // SessionStore, LoginThrottle
    "server/log_escape.h",        // escaping of logged fields
    "server/path_pattern.h",      // MatchPath: the routers' path patterns
};

// One include that crosses a forbidden line.
struct Violation {
  int rule = 0;          // 1..6
  std::string file;      // the including file, relative to the repository root
  std::string included;  // as written between the quotes or angle brackets
  std::string message;   // names the file, the include and the rule
};

// Checks one include of `file` (repository-relative, '/'-separated, e.g.
// "src/mes/logbook/domain/entry.h"). `included` is the text between the delimiters;
// `angled` is true for <...>. Returns every rule broken; empty when allowed.
std::vector<Violation> CheckInclude(const std::string& file, const std::string& included,
                                    bool angled);

// Parses a line matching ^\s*#\s*include\s*[<"]...[>"]; false for any other line.
bool ParseIncludeLine(std::string_view line, std::string* included, bool* angled);

struct TreeScan {
  std::vector<std::string> files;  // every source file read, repository-relative, sorted
  int includes = 0;                // #include lines checked
  std::vector<Violation> violations;
};

// Reads every .h/.hpp/.cc/.cpp file under src/, tests/ and bench/ of `repo_root` and
// checks each of its #include lines.
TreeScan ScanTree(const std::filesystem::path& repo_root);
std::vector<Violation> CheckTree(const std::filesystem::path& repo_root);

}  // namespace ordo::fences
