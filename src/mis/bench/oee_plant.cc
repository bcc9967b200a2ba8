// The MIS OEE benchmark's plant and its engine path (oee_plant.h).
#include "mis/bench/oee_plant.h"

#include <cmath>
#include <cstdio>

#include "mis/feed/store/feed_store.h"
#include "mis/imports/imports.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/kpi.h"
#include "mis/kpi/kpi_batch.h"
#include "mis/kpi_source/kpi_inputs.h"

namespace ordo::mis::bench {

namespace {

constexpr TimeMicros kSecond = 1000000;
constexpr TimeMicros kHour = 3600 * kSecond;
constexpr TimeMicros kYearStart = 1767247200 * kSecond;  // 2026-01-01T06:00:00Z

// splitmix64: deterministic and fast.
struct Rng {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::int64_t Below(std::int64_t n) { return static_cast<std::int64_t>(Next() % n); }
};

std::string Id(const char* prefix, int n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%0*d", prefix, width, n);
  return buf;
}

Status Import(storage::Database& db, const std::string& kind, const std::string& body) {
  auto report = imports::RunImport(db, kind, "text/csv", body, "bench", kYearStart);
  if (!report.ok()) return report.error();
  if (report->refused != 0 || report->imported == 0)
    return Error::Make(ErrorCode::kInternal,
                       "the " + kind + " import refused rows: " + imports::ToJson(*report).dump());
  return Ok();
}

// Appends a unit's period of state changes and hourly counts to `rows`.
void UnitRows(const std::string& unit, int u, const MisPlant& plant, const MisPlantOptions& o,
              std::int64_t* seq, feed::FeedRows* rows) {
  Rng rng{o.seed * 1000003 + static_cast<std::uint64_t>(u)};
  const TimeMicros mean = kHour / o.changes_per_hour;
  for (TimeMicros t = plant.from; t < plant.to;) {
    feed::StateChangeRow r;
    r.seq = ++*seq;
    r.work_unit = unit;
    r.time = t;
    const std::int64_t pick = rng.Below(100);
    r.state = pick < 60 ? "running" : pick < 75 ? "idle" : pick < 90 ? "down" : "setup";
    if (r.state == "idle") r.reason = rng.Below(10) == 0 ? "no_order" : "starved";
    if (r.state == "down") r.reason = "jam";
    r.source = "plc";
    r.source_seq = r.seq;
    rows->states.push_back(std::move(r));
    t += kSecond + rng.Below(2 * mean - kSecond);  // micro-stops included (< 120 s)
  }
  for (TimeMicros h = plant.from; h < plant.to; h += kHour) {
    feed::CountRow c;
    c.seq = ++*seq;
    c.work_unit = unit;
    c.time = h + rng.Below(kHour);
    c.source = "plc";
    c.counter = "increment";
    c.source_seq = c.seq;
    c.total = 20 + rng.Below(40);
    c.scrap = rng.Below(3);
    c.rework = rng.Below(2);
    c.good = c.total - c.scrap - c.rework;
    const std::int64_t day = (h - plant.from) / (24 * kHour);
    c.product = day % 2 ? "P2" : "P1";
    c.order = "O" + std::to_string(day);
    rows->counts.push_back(std::move(c));
  }
}

Status Flush(storage::Database& db, const MisPlant& plant, std::int64_t seq,
             feed::FeedCursor* cursor, feed::FeedRows* rows) {
  const feed::FeedCursor next{seq, "bench-" + std::to_string(seq)};
  ORDO_TRY(feed::ApplyPage(db, *rows, *cursor, next, plant.to));
  *cursor = next;
  *rows = {};
  return Ok();
}

}  // namespace

Result<MisPlant> GenerateMisPlant(storage::Database& db, const MisPlantOptions& o) {
  MisPlant plant;
  plant.from = kYearStart;
  plant.to = kYearStart + o.days * 24 * kHour;
  plant.scopes = {"", "E1", "S1"};
  std::string equipment = "id,name,parent,level\nE1,Enterprise,,enterprise\nS1,Site,E1,site\n";
  std::string cycle_times = "work_unit,product,ideal_cycle_time_s\n";
  std::vector<std::string> units;
  for (int a = 1; a <= o.areas; ++a) {
    const std::string area = Id("A", a, 1);
    equipment += area + ",Area " + area + ",S1,area\n";
    plant.scopes.push_back(area);
    for (int l = 0; l < o.lines_per_area; ++l) {
      const std::string line = Id("L", (a - 1) * o.lines_per_area + l + 1, 2);
      equipment += line + ",Line " + line + "," + area + ",work_center\n";
      plant.scopes.push_back(line);
      for (int w = 0; w < o.units_per_line; ++w) {
        const int n = static_cast<int>(units.size()) + 1;
        const std::string unit = Id("U", n, 3);
        equipment += unit + ",Unit " + unit + "," + line + ",work_unit\n";
        cycle_times += unit + ",P1," + std::to_string(40 + n % 7) + "\n";
        cycle_times += unit + ",P2,55.5\n";
        units.push_back(unit);
      }
    }
  }
  plant.scopes.insert(plant.scopes.end(), units.begin(), units.end());
  std::string calendar = "scope,start,end,kind,label\n";
  for (TimeMicros s = plant.from; s < plant.to; s += 8 * kHour) {
    plant.shifts.emplace_back(s, s + 8 * kHour);
    const char* label = (s - plant.from) / (8 * kHour) % 3 == 0 ? "A" : "B";
    calendar += "E1," + FormatUtcMicros(s) + "," + FormatUtcMicros(s + 8 * kHour) + ",shift," +
                label + "\n";
  }
  ORDO_TRY(Import(db, "equipment", equipment));
  ORDO_TRY(Import(db, "calendar", calendar));
  ORDO_TRY(Import(db, "ideal_cycle_times", cycle_times));
  std::int64_t seq = 0;
  feed::FeedCursor cursor;
  feed::FeedRows rows;
  for (std::size_t u = 0; u < units.size(); ++u) {
    UnitRows(units[u], static_cast<int>(u), plant, o, &seq, &rows);
    if (static_cast<int>(rows.states.size() + rows.counts.size()) >= o.page_rows) {
      plant.state_changes += static_cast<std::int64_t>(rows.states.size());
      plant.counts += static_cast<std::int64_t>(rows.counts.size());
      ORDO_TRY(Flush(db, plant, seq, &cursor, &rows));
    }
  }
  plant.state_changes += static_cast<std::int64_t>(rows.states.size());
  plant.counts += static_cast<std::int64_t>(rows.counts.size());
  if (!rows.states.empty() || !rows.counts.empty()) ORDO_TRY(Flush(db, plant, seq, &cursor, &rows));
  // The consumer reached the MES's head at the period's end.
  ORDO_TRY(feed::MarkCaughtUp(db, plant.to));
  return plant;
}

Result<EngineRun> RunEngine(storage::Database& db, const MisPlant& plant, bool per_request) {
  EngineRun run;
  auto start = SteadyClock::now();
  auto inputs =
      kpi_source::LoadKpiInputs(db, calendar::TimeZone::Utc());  // the generated plant is in UTC
  if (!inputs.ok()) return inputs.error();
  run.load_seconds = SecondsSince(start);
  run.states = static_cast<std::int64_t>(inputs->states.size());
  run.counts = static_cast<std::int64_t>(inputs->counts.size());
  start = SteadyClock::now();
  const ElementIndex index(*inputs);
  // Every scope over the period (window 0) and every shift, in one batch: what a
  // dashboard of every level asks.
  KpiBatchRequest request;
  request.kpis = OeeKpiIds();
  request.scopes = plant.scopes;
  request.windows.emplace_back(plant.from, plant.to);
  request.windows.insert(request.windows.end(), plant.shifts.begin(), plant.shifts.end());
  auto keep = [&](std::size_t scope, std::size_t window, const KpiReport& report) {
    OeeFigures& out = run.figures[{plant.scopes[scope], static_cast<int>(window) - 1}];
    for (const auto& f : report.figures) out.push_back(f.value);
  };
  if (!per_request) {
    ORDO_TRY(ComputeKpiBatch(index, request,
                             [&](std::size_t scope, std::size_t window, KpiReport&& report) {
                               keep(scope, window, report);
                               return Ok();
                             }));
  } else {
    // The same, one ComputeKpis request per scope and window, as separate API calls would.
    for (std::size_t s = 0; s < request.scopes.size(); ++s) {
      for (std::size_t w = 0; w < request.windows.size(); ++w) {
        const KpiRequest one{request.kpis, request.scopes[s], request.windows[w].first,
                             request.windows[w].second};
        auto report = ComputeKpis(index, one);
        if (!report.ok()) return report.error();
        keep(s, w, *report);
      }
    }
  }
  run.compute_seconds = SecondsSince(start);
  return run;
}

std::string CompareOee(const OeeTable& engine, const OeeTable& sql, double relative) {
  std::string first;
  std::int64_t differ = 0;
  auto note = [&](const std::string& what) {
    if (first.empty()) first = what;
    ++differ;
  };
  for (const auto& [key, figures] : engine) {
    const std::string where = "scope '" + key.first + "' window " + std::to_string(key.second);
    auto it = sql.find(key);
    if (it == sql.end()) {
      note(where + ": no SQL figures");
      continue;
    }
    for (std::size_t k = 0; k < OeeKpiIds().size(); ++k) {
      const auto a = k < figures.size() ? figures[k] : std::nullopt;
      const auto b = k < it->second.size() ? it->second[k] : std::nullopt;
      const bool same =
          a.has_value() == b.has_value() &&
          (!a || std::fabs(*a - *b) <= relative * std::max(std::fabs(*a), std::fabs(*b)));
      if (!same) {
        char buf[160];
        std::snprintf(buf, sizeof buf, ": %s engine %.17g, SQL %.17g", OeeKpiIds()[k].c_str(),
                      a ? *a : NAN, b ? *b : NAN);
        note(where + buf);
      }
    }
  }
  for (const auto& [key, figures] : sql)
    if (!engine.count(key)) note("scope '" + key.first + "': SQL figures the engine has not");
  return differ == 0 ? "" : first + " (" + std::to_string(differ) + " differences)";
}

}  // namespace ordo::mis::bench
