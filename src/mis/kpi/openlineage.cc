// OpenLineage RunEvent of a KPI job.
#include "mis/kpi/openlineage.h"

#include <cctype>
#include <set>

namespace ordo::mis {

namespace {

bool IsUuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace

Result<Json> OpenLineageRunEvent(const KpiReport& report, const LineageRun& run) {
  if (!IsUuid(run.run_id)) {
    return Error::Invalid("run_id", "run_id: \"" + run.run_id + "\" is not a UUID",
                          "invalid_run_id");
  }
  std::set<std::string> inputs, ids;
  std::string scope;
  Json outputs = Json::array();
  for (const Figure& f : report.figures) {
    ids.insert(f.kpi);
    scope = f.scope;
    for (const SourceRef& s : f.sources.refs())
      inputs.insert(s.is_ledger() ? "ordo.ledger" : "import:" + s.file_hash);
    outputs.push_back({{"namespace", run.job_namespace},
                       {"name", "kpi/" + f.kpi + "/" + f.scope + "/" + FormatUtcMicros(f.from) +
                                    "/" + FormatUtcMicros(f.to)}});
  }
  std::string name = "kpi:";
  for (const std::string& id : ids) name += (name.size() > 4 ? "," : "") + id;
  name += "@" + (scope.empty() ? std::string("plant") : scope);
  Json in = Json::array();
  for (const std::string& i : inputs) in.push_back({{"namespace", run.job_namespace}, {"name", i}});
  return Json{{"eventType", "COMPLETE"},
              {"eventTime", FormatUtcMicros(run.event_time)},
              {"run", {{"runId", run.run_id}}},
              {"job", {{"namespace", run.job_namespace}, {"name", name}}},
              {"inputs", in},
              {"outputs", outputs},
              {"producer", run.producer},
              {"schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}};
}

}  // namespace ordo::mis
