// The OEE family: the iso22400 profile (availability, effectiveness, quality_ratio,
// oee_index), the practitioner profile (availability, performance, quality, oee), and
// teep and utilization. Every ratio is computed from summed elements.
#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

namespace {

void IsoAvailability(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"APT", "PBT"}, f);
  SetRatio(f, Seconds(e.APT), Seconds(e.PBT), "PBT");
}

// Run time in the practitioner's sense: running plus micro-stops (a speed loss).
void PractitionerAvailability(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"APT", "micro_stop", "PBT"}, f);
  SetRatio(f, Seconds(e.APT + e.micro_stop), Seconds(e.PBT), "PBT");
}

bool CycleTimesComplete(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  if (e.pq_without_cycle_time > 0) {
    AddElement("pq_without_cycle_time", e.pq_without_cycle_time, f);
    SetNull(f, "missing_cycle_time",
            "some produced quantity has no cycle time (see the missing_cycle_time findings)");
    return false;
  }
  return true;
}

void Effectiveness(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"ideal_time_pq", "PQ", "APT"}, f);
  if (!CycleTimesComplete(ctx, f)) return;
  SetRatio(f, e.ideal_time_pq, Seconds(e.APT), "APT");
  ApplyCap(ctx.policy(), f);
}

void Performance(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"ideal_time_pq", "PQ", "APT", "micro_stop"}, f);
  if (!CycleTimesComplete(ctx, f)) return;
  SetRatio(f, e.ideal_time_pq, Seconds(e.APT + e.micro_stop), "APT + micro_stop");
  ApplyCap(ctx.policy(), f);
}

void QualityRatio(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"GQ", "PQ"}, f);
  SetRatio(f, e.GQ, e.PQ, "PQ");
}

using Part = void (*)(const KpiContext&, Figure*);

// The product of the parts; null (with the first null part's reason) when one is null.
void Product(const KpiContext& ctx, std::initializer_list<Part> parts, Figure* f) {
  double value = 1;
  bool null = false;
  for (Part part : parts) {
    Figure sub;
    part(ctx, &sub);
    for (const auto& [k, v] : sub.elements)
      if (!f->Element(k)) f->elements.emplace_back(k, v);
    AddSources(sub.sources, f);
    if (!sub.value) {
      if (!null) SetNull(f, sub.null_reason, sub.null_detail);
      null = true;
    } else {
      value *= *sub.value;
    }
  }
  if (!null) f->value = value;
}

void OeeIndex(const KpiContext& ctx, Figure* f) {
  Product(ctx, {IsoAvailability, Effectiveness, QualityRatio}, f);
}
void Oee(const KpiContext& ctx, Figure* f) {
  Product(ctx, {PractitionerAvailability, Performance, QualityRatio}, f);
}

void NeeIndex(const KpiContext& ctx, Figure* f) {
  Product(ctx, {UtilizationEfficiency, Effectiveness, QualityRatio}, f);
}

void Utilization(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"PBT", "CT"}, f);
  SetRatio(f, Seconds(e.PBT), Seconds(e.CT), "CT");
}

void Teep(const KpiContext& ctx, Figure* f) {
  if (ctx.request().profile == Profile::kIso22400) {
    Product(ctx, {IsoAvailability, Effectiveness, QualityRatio, Utilization}, f);
  } else {
    Product(ctx, {PractitionerAvailability, Performance, QualityRatio, Utilization}, f);
  }
}

}  // namespace

void RegisterOeeKpis(std::vector<KpiDefinition>* out) {
  const Profile iso = Profile::kIso22400, prac = Profile::kPractitioner;
  out->push_back({"availability", iso, "1", "APT / PBT",
                  "ISO 22400-2 availability: actual production time over planned busy time",
                  IsoAvailability});
  out->push_back({"effectiveness", iso, "1", "(Σ cycle time × PQ) / APT",
                  "ISO 22400-2 effectiveness: planned run time of the produced quantity over "
                  "actual production time",
                  Effectiveness});
  out->push_back({"quality_ratio", iso, "1", "GQ / PQ", "ISO 22400-2 quality ratio", QualityRatio});
  out->push_back({"oee_index", iso, "1", "availability × effectiveness × quality_ratio",
                  "ISO 22400-2 OEE index", OeeIndex});
  out->push_back({"nee_index", iso, "1", "utilization_efficiency × effectiveness × quality_ratio",
                  "ISO 22400-2 net equipment effectiveness index (utilization efficiency = "
                  "APT / AUBT)",
                  NeeIndex});
  out->push_back({"availability", prac, "1", "(APT + micro_stop) / PBT",
                  "run time (running and micro-stops) over planned production time",
                  PractitionerAvailability});
  out->push_back({"performance", prac, "1", "(Σ cycle time × PQ) / (APT + micro_stop)",
                  "ideal time of the total count over run time", Performance});
  out->push_back({"quality", prac, "1", "GQ / PQ", "good count over total count", QualityRatio});
  out->push_back({"oee", prac, "1", "availability × performance × quality",
                  "OEE, A × P × Q (one product, no cap: Σ cycle time × GQ / PBT)", Oee});
  out->push_back({"utilization", std::nullopt, "1", "PBT / CT",
                  "planned busy time over all (calendar) time", Utilization});
  out->push_back({"teep", std::nullopt, "1", "OEE (of the profile) × PBT / CT",
                  "total effective equipment performance", Teep});
}

}  // namespace ordo::mis
