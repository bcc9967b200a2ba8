// Sums and listings of time elements.
#include "mis/kpi/elements.h"

namespace ordo::mis {

Elements& Elements::operator+=(const Elements& o) {
  CT += o.CT;
  POT += o.POT;
  PDOT += o.PDOT;
  PBT += o.PBT;
  APT += o.APT;
  AUST += o.AUST;
  ADET += o.ADET;
  ADOT += o.ADOT;
  unknown += o.unknown;
  idle_no_order += o.idle_no_order;
  planned_stop_loss += o.planned_stop_loss;
  micro_stop += o.micro_stop;
  down += o.down;
  idle += o.idle;
  PQ += o.PQ;
  GQ += o.GQ;
  SQ += o.SQ;
  RQ += o.RQ;
  ideal_time_pq += o.ideal_time_pq;
  ideal_time_gq += o.ideal_time_gq;
  pq_without_cycle_time += o.pq_without_cycle_time;
  for (const auto& [key, set] : o.sources) sources[key].Add(set);
  return *this;
}

std::vector<std::pair<std::string, double>> Elements::Values() const {
  return {{"CT", Seconds(CT)},
          {"POT", Seconds(POT)},
          {"PDOT", Seconds(PDOT)},
          {"PBT", Seconds(PBT)},
          {"APT", Seconds(APT)},
          {"AUST", Seconds(AUST)},
          {"ADET", Seconds(ADET)},
          {"ADOT", Seconds(ADOT)},
          {"unknown", Seconds(unknown)},
          {"idle_no_order", Seconds(idle_no_order)},
          {"planned_stop_loss", Seconds(planned_stop_loss)},
          {"micro_stop", Seconds(micro_stop)},
          {"down", Seconds(down)},
          {"idle", Seconds(idle)},
          {"PQ", PQ},
          {"GQ", GQ},
          {"SQ", SQ},
          {"RQ", RQ},
          {"ideal_time_pq", ideal_time_pq},
          {"ideal_time_gq", ideal_time_gq},
          {"pq_without_cycle_time", pq_without_cycle_time}};
}

double Elements::Value(const std::string& key) const {
  if (key == "AUBT") return Seconds(AUBT());
  if (key == "AUPT") return Seconds(AUPT());
  for (const auto& [k, v] : Values())
    if (k == key) return v;
  return 0;
}

SourceSet Elements::SourcesOf(const std::vector<std::string>& keys) const {
  SourceSet out;
  for (const std::string& key : keys) {
    if (key == "AUBT" || key == "AUPT") {
      for (const char* part : {"APT", "AUST", "ADET"}) {
        if (key == "AUPT" && std::string(part) == "ADET") continue;
        if (auto it = sources.find(part); it != sources.end()) out.Add(it->second);
      }
      continue;
    }
    if (auto it = sources.find(key); it != sources.end()) out.Add(it->second);
  }
  return out;
}

}  // namespace ordo::mis
