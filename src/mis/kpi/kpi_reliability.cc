// Reliability: MTBF, MTTR and MTTF from corrective maintenance records (the failures,
// FE) and the operating time of the time elements (AUBT). docs/kpi.md, "Reliability".
#include <algorithm>
#include <map>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

namespace {

// The corrective records of the scope whose failure started in the window.
std::vector<const MaintenanceRecord*> Failures(const KpiContext& ctx) {
  std::vector<const MaintenanceRecord*> out;
  for (const MaintenanceRecord& m : ctx.inputs().maintenance) {
    if (m.kind == MaintenanceKind::kCorrective && ctx.InWindow(m.failure_start) &&
        ctx.Holds(m.work_unit)) {
      out.push_back(&m);
    }
  }
  return out;
}

void AddFailureSources(const std::vector<const MaintenanceRecord*>& failures, Figure* f) {
  SourceSet s;
  for (const MaintenanceRecord* m : failures) s.Add(m->source);
  AddSources(s, f);
}

void Mtbf(const KpiContext& ctx, Figure* f) {
  const auto failures = Failures(ctx);
  const Elements& e = ctx.elements();
  const bool calendar = ctx.policy().mtbf_basis == MtbfBasis::kCalendarTime;
  if (calendar) {
    UseElements(e, {"CT"}, f);
  } else {
    UseElements(e, {"AUBT"}, f);
  }
  const double fe = static_cast<double>(failures.size());
  AddElement("FE", fe, f);
  AddFailureSources(failures, f);
  const double n = ctx.policy().failure_count == FailureCount::kNPlus1 ? fe + 1 : fe;
  if (n == 0) {
    SetNull(f, "no_failures", "no corrective maintenance record starts in the window");
    return;
  }
  f->value = Seconds(calendar ? e.CT : e.AUBT()) / n;
}

void Mttr(const KpiContext& ctx, Figure* f) {
  const auto failures = Failures(ctx);
  double ttr = 0;
  for (const MaintenanceRecord* m : failures)
    ttr += Seconds(std::max<TimeMicros>(0, m->repair_end - m->failure_start));
  AddElement("TTR", ttr, f);
  AddElement("FE", static_cast<double>(failures.size()), f);
  AddFailureSources(failures, f);
  if (failures.empty()) {
    SetNull(f, "no_failures", "no corrective maintenance record starts in the window");
    return;
  }
  f->value = ttr / static_cast<double>(failures.size());
}

// Operating time up to each unit's last failure in the window (the time after it is not
// yet a time to failure), over FE.
void Mttf(const KpiContext& ctx, Figure* f) {
  const auto failures = Failures(ctx);
  std::map<std::string, TimeMicros> last;
  for (const MaintenanceRecord* m : failures)
    last[m->work_unit] = std::max(last[m->work_unit], m->failure_start);
  Elements before;
  for (const auto& [unit, t] : last)
    before += ComputeUnitElements(ctx.index(), unit, ctx.from(), t, ctx.policy()).elements;
  AddElement("TTF", Seconds(before.AUBT()), f);
  AddElement("FE", static_cast<double>(failures.size()), f);
  AddSources(before.SourcesOf({"AUBT"}), f);
  AddFailureSources(failures, f);
  if (failures.empty()) {
    SetNull(f, "no_failures", "no corrective maintenance record starts in the window");
    return;
  }
  f->value = Seconds(before.AUBT()) / static_cast<double>(failures.size());
}

// Active maintenance time (repair_start .. repair_end) of the records of the scope whose
// repair started in the window: corrective over all.
void CorrectiveMaintenanceRatio(const KpiContext& ctx, Figure* f) {
  double corrective = 0, all = 0;
  SourceSet s;
  for (const MaintenanceRecord& m : ctx.inputs().maintenance) {
    if (!ctx.InWindow(m.repair_start) || !ctx.Holds(m.work_unit)) continue;
    const double t = Seconds(std::max<TimeMicros>(0, m.repair_end - m.repair_start));
    all += t;
    if (m.kind == MaintenanceKind::kCorrective) corrective += t;
    s.Add(m.source);
  }
  AddElement("CMT", corrective, f);
  AddElement("PMT", all - corrective, f);
  AddSources(s, f);
  SetRatio(f, corrective, all, "CMT + PMT");
}

}  // namespace

void RegisterReliabilityKpis(std::vector<KpiDefinition>* out) {
  out->push_back({"mtbf", std::nullopt, "s",
                  "AUBT (or CT, mtbf_basis=calendar_time) / FE (or FE + 1, failure_count=n_plus_1)",
                  "mean operating time between failures", Mtbf});
  out->push_back({"mttr", std::nullopt, "s", "Σ (repair_end - failure_start) / FE",
                  "mean time to repair (restore), per corrective record", Mttr});
  out->push_back({"mttf", std::nullopt, "s", "AUBT before each unit's last failure / FE",
                  "mean operating time to failure", Mttf});
  out->push_back({"corrective_maintenance_ratio", std::nullopt, "1", "CMT / (CMT + PMT)",
                  "ISO 22400-2 corrective maintenance ratio: active corrective maintenance time "
                  "over all active maintenance time",
                  CorrectiveMaintenanceRatio});
}

}  // namespace ordo::mis
