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
  // As Values(), without building it (figures look up a few keys each).
  static const std::map<std::string, double (*)(const Elements&)> kByKey = {
      {"CT", [](const Elements& e) { return Seconds(e.CT); }},
      {"POT", [](const Elements& e) { return Seconds(e.POT); }},
      {"PDOT", [](const Elements& e) { return Seconds(e.PDOT); }},
      {"PBT", [](const Elements& e) { return Seconds(e.PBT); }},
      {"APT", [](const Elements& e) { return Seconds(e.APT); }},
      {"AUST", [](const Elements& e) { return Seconds(e.AUST); }},
      {"ADET", [](const Elements& e) { return Seconds(e.ADET); }},
      {"ADOT", [](const Elements& e) { return Seconds(e.ADOT); }},
      {"unknown", [](const Elements& e) { return Seconds(e.unknown); }},
      {"idle_no_order", [](const Elements& e) { return Seconds(e.idle_no_order); }},
      {"planned_stop_loss", [](const Elements& e) { return Seconds(e.planned_stop_loss); }},
      {"micro_stop", [](const Elements& e) { return Seconds(e.micro_stop); }},
      {"down", [](const Elements& e) { return Seconds(e.down); }},
      {"idle", [](const Elements& e) { return Seconds(e.idle); }},
      {"PQ", [](const Elements& e) { return e.PQ; }},
      {"GQ", [](const Elements& e) { return e.GQ; }},
      {"SQ", [](const Elements& e) { return e.SQ; }},
      {"RQ", [](const Elements& e) { return e.RQ; }},
      {"ideal_time_pq", [](const Elements& e) { return e.ideal_time_pq; }},
      {"ideal_time_gq", [](const Elements& e) { return e.ideal_time_gq; }},
      {"pq_without_cycle_time", [](const Elements& e) { return e.pq_without_cycle_time; }},
      {"AUBT", [](const Elements& e) { return Seconds(e.AUBT()); }},
      {"AUPT", [](const Elements& e) { return Seconds(e.AUPT()); }}};
  auto it = kByKey.find(key);
  return it == kByKey.end() ? 0 : it->second(*this);
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
