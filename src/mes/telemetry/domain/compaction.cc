// Retention and downsampling (compaction.h).
#include "mes/telemetry/domain/compaction.h"

#include <algorithm>
#include <tuple>

#include "core/crypto.h"

namespace ordo::telemetry {

TimeMicros MinuteOf(TimeMicros time_us) { return time_us - time_us % kMinuteMicros; }

bool BatchDue(const std::vector<SampleRow>& rows,
              const std::map<std::string, std::int64_t>& raw_days_by_tag, TimeMicros now) {
  if (rows.empty()) return false;
  for (const SampleRow& r : rows) {
    auto it = raw_days_by_tag.find(r.tag);
    const std::int64_t days = it == raw_days_by_tag.end() ? kDefaultRawDays : it->second;
    if (r.time_us >= now - days * kDayMicros) return false;
  }
  return true;
}

std::vector<RollupRow> RollupOf(std::int64_t compaction, const std::vector<SampleRow>& rows) {
  std::map<std::pair<std::string, TimeMicros>, RollupRow> groups;
  for (const SampleRow& r : rows) {
    RollupRow& g = groups[{r.tag, MinuteOf(r.time_us)}];
    if (g.count == 0) {
      g.compaction = compaction;
      g.tag = r.tag;
      g.minute_us = MinuteOf(r.time_us);
      g.min = g.max = r.value;
    }
    g.min = std::min(g.min, r.value);
    g.max = std::max(g.max, r.value);
    g.sum += r.value;
    ++g.count;
  }
  std::vector<RollupRow> out;
  out.reserve(groups.size());
  for (auto& [key, g] : groups) {
    g.row_hash = RollupHash(g);
    out.push_back(std::move(g));
  }
  return out;
}

std::string RollupLine(const RollupRow& r) {
  std::string line;
  for (const std::string& part :
       {std::to_string(r.compaction), r.tag, std::to_string(r.minute_us), std::to_string(r.count),
        ValueText(r.min), ValueText(r.max), ValueText(r.sum)}) {
    if (!line.empty()) line += '\t';
    line += part;
  }
  line += '\n';
  return line;
}

std::string RollupHash(const RollupRow& row) { return Sha256Hex(RollupLine(row)).substr(0, 16); }

BatchCompacted CompactionOf(std::int64_t compaction, const std::vector<std::int64_t>& batches,
                            std::int64_t raw_rows, const std::vector<RollupRow>& rollup) {
  BatchCompacted e;
  e.compaction = compaction;
  e.batches = IdRanges(batches);
  e.raw_rows = raw_rows;
  e.rollup_rows = static_cast<std::int64_t>(rollup.size());
  std::string lines;
  e.from_us = rollup.front().minute_us;
  e.to_us = rollup.front().minute_us;
  for (const RollupRow& r : rollup) {
    lines += RollupLine(r);
    e.from_us = std::min(e.from_us, r.minute_us);
    e.to_us = std::max(e.to_us, r.minute_us);
  }
  e.hash = Sha256Hex(lines);
  return e;
}

std::vector<std::string> CheckRollup(const BatchCompacted& event,
                                     const std::vector<RollupRow>& stored) {
  std::vector<std::string> findings;
  const std::string name = "telemetry compaction " + std::to_string(event.compaction);
  std::string lines;
  for (const RollupRow& r : stored) {
    if (RollupHash(r) != r.row_hash)
      findings.push_back(name + ": rollup row of tag " + r.tag + " at " +
                         FormatUtcMicros(r.minute_us) + " was changed");
    lines += RollupLine(r);
  }
  const auto n = static_cast<std::int64_t>(stored.size());
  if (n < event.rollup_rows)
    findings.push_back(name + ": " + std::to_string(event.rollup_rows - n) + " of its " +
                       std::to_string(event.rollup_rows) + " rollup rows were deleted");
  else if (n > event.rollup_rows)
    findings.push_back(name + ": " + std::to_string(n - event.rollup_rows) +
                       " rollup rows were added");
  if (findings.empty() && Sha256Hex(lines) != event.hash)
    findings.push_back(name + ": a rollup row was changed (its row hash rewritten too)");
  return findings;
}

}  // namespace ordo::telemetry
