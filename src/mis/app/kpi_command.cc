// `ordo-mis kpi` (kpi_command.h).
#include "mis/app/kpi_command.h"

#include <cstdio>

#include "core/percent_encoding.h"
#include "mis/app/server_call.h"

namespace ordo::mis::app {

namespace {

using client::Json;

// Commas stay: the KPI list reads as typed.
std::string EncodeValue(const std::string& text) { return PercentEncode(text, ","); }

int Fail(const std::string& message, int code) {
  std::fprintf(stderr, "ordo-mis kpi: %s\n", message.c_str());
  return code;
}

// One figure's value for the table: fractions also as a percentage.
std::string ValueText(const Json& figure) {
  if (!figure.contains("value") || figure["value"].is_null())
    return "null (" + figure.value("null_reason", "") + ")";
  const double v = figure["value"].get<double>();
  char buf[64];
  if (figure.value("unit", "") == "1")
    std::snprintf(buf, sizeof buf, "%.4f (%.2f %%)", v, v * 100);
  else
    std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void PrintTable(const Json& answer) {
  const Json& policy = answer["policy"];
  std::printf("scope %s, %s to %s, profile %s, policy %s v%d\n",
              answer.value("scope", "").empty() ? "(plant)" : answer.value("scope", "").c_str(),
              answer["window"].value("from", "").c_str(), answer["window"].value("to", "").c_str(),
              answer.value("profile", "").c_str(), policy.value("name", "").c_str(),
              policy.value("version", 0));
  std::printf("%-26s %-28s %s\n", "kpi", "value", "unit");
  for (const Json& f : answer["figures"])
    std::printf("%-26s %-28s %s\n", f.value("kpi", "").c_str(), ValueText(f).c_str(),
                f.value("unit", "").c_str());
  if (!answer["findings"].empty())
    std::printf("%zu data quality finding(s): see --json\n", answer["findings"].size());
}

}  // namespace

std::string KpiQueryString(const KpiCommand& c, std::string* error) {
  std::string q =
      "kpi=" + EncodeValue(c.kpi) + "&from=" + EncodeValue(c.from) + "&to=" + EncodeValue(c.to);
  if (!c.scope.empty()) q += "&scope=" + EncodeValue(c.scope);
  if (!c.profile.empty()) q += "&profile=" + EncodeValue(c.profile);
  for (const std::string& p : c.policy) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      *error = "--policy: \"" + p + "\" is not knob=value (e.g. planned_stops=loss)";
      return "";
    }
    q += "&policy." + EncodeValue(p.substr(0, eq)) + "=" + EncodeValue(p.substr(eq + 1));
  }
  return q;
}

int RunKpiCommand(const KpiCommand& c) {
  std::string error;
  const std::string query = KpiQueryString(c, &error);
  if (!error.empty()) return Fail(error, 2);
  CallFailure failure;
  auto reply = CallAsUser({c.server, c.user, c.password_file}, "GET", "/api/v1/kpi?" + query, "",
                          {}, &failure);
  if (!reply) return Fail(failure.message, failure.exit_code);
  if (!reply->ok()) return Fail("the query was refused: " + ProblemText(*reply), 1);
  const Json answer = reply->json();
  if (c.json)
    std::printf("%s\n", answer.dump(2).c_str());
  else
    PrintTable(answer);
  return 0;
}

}  // namespace ordo::mis::app
