// `ordo-mis kpi --kpi IDS --from T --to T [--scope ID] [--profile P] [--policy knob=value]...
// [--json] --server URL --user NAME --password-file FILE`: signs in to a running
// ordo-mis, asks GET /api/v1/kpi (the one code path to the KPI engine), prints a table
// (or with --json the API's answer as it came) and signs out. Exit 0 with figures, 1 when
// the server refused the query (the problem's code and detail on stderr) or could not be
// reached, 2 for a usage error.
#pragma once

#include <string>
#include <vector>

namespace ordo::mis::app {

struct KpiCommand {
  std::string kpi, scope, from, to, profile;
  std::vector<std::string> policy;  // "knob=value"
  bool json = false;
  std::string server, user, password_file;
};

// The query string (without '?') of GET /api/v1/kpi for `command`, percent-encoded.
// invalid_argument (field "policy") when a --policy value is not knob=value.
std::string KpiQueryString(const KpiCommand& command, std::string* error);

// Runs the command; returns the exit code. Messages go to stderr, figures to stdout.
int RunKpiCommand(const KpiCommand& command);

}  // namespace ordo::mis::app
