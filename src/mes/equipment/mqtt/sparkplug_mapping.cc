// Sparkplug B metrics to ordo's machine data (sparkplug_mapping.h).
#include "mes/equipment/mqtt/sparkplug_mapping.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "mes/equipment/domain/batch.h"

namespace ordo::equipment::mqtt {

namespace {

namespace sp = ordo::sparkplug;

// Sample times: from 2000 (the batch decoder's earliest device time) to a day after the
// message's own time.
constexpr std::uint64_t kEarliestSampleMs = kEarliestDeviceTime / 1000;
constexpr std::uint64_t kSampleFutureMs = 24ULL * 3600 * 1000;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Metrics of the protocol itself: never machine data.
bool IsControlMetric(const std::string& lower) {
  return lower == "bdseq" || StartsWith(lower, "node control/") ||
         StartsWith(lower, "device control/") || StartsWith(lower, "properties/") ||
         StartsWith(lower, "node info/") || StartsWith(lower, "device info/");
}

std::optional<double> NumberOf(const sp::Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* u = std::get_if<std::uint64_t>(&v)) return static_cast<double>(*u);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  return std::nullopt;
}

// A count as JSON: integers as they are (the batch decoder checks the range), a double
// as it is (refused wrong_type unless integral), anything else as its text.
Json CountJson(const sp::Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* u = std::get_if<std::uint64_t>(&v)) return *u;
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9e15)
      return static_cast<std::int64_t>(*d);
    return *d;
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

}  // namespace

std::optional<std::string> WorkUnitOfScope(const std::string& device_id,
                                           const std::string& edge_node_id,
                                           const std::vector<std::string>& work_units,
                                           const std::map<std::string, std::string>& devices,
                                           const std::string& node_work_unit) {
  std::string id = device_id.empty() ? edge_node_id : device_id;
  if (device_id.empty() && !node_work_unit.empty()) id = node_work_unit;
  if (!device_id.empty())
    if (auto it = devices.find(device_id); it != devices.end()) id = it->second;
  if (std::find(work_units.begin(), work_units.end(), id) == work_units.end()) return std::nullopt;
  return id;
}

std::int64_t DerivedSeq(std::uint64_t time_ms, std::uint64_t low) {
  if (time_ms > kMaxSeqTimeMs) return 0;  // would not fit: no seq (the batch is refused)
  return static_cast<std::int64_t>(time_ms * 512 + (low % 512));
}

std::optional<std::string> TagOfMetric(const std::string& work_unit, const std::string& metric) {
  const std::string lower = Lower(metric);
  if (lower == "state" || lower == "reason" || StartsWith(lower, "count/") ||
      IsControlMetric(lower))
    return std::nullopt;
  const std::string name = StartsWith(lower, "tag/") ? metric.substr(4) : metric;
  std::string tag = work_unit + "." + name;
  if (!IsTagName(tag)) return std::nullopt;
  return tag;
}

Json BatchOfMetrics(const std::string& source, std::int64_t seq, const std::string& work_unit,
                    const std::vector<sp::ResolvedMetric>& metrics, bool birth, bool cumulative,
                    const std::set<std::string>& defined_tags, std::uint64_t fallback_time_ms,
                    int* ignored) {
  Json states = Json::array(), samples = Json::array();
  std::map<std::uint64_t, Json> counts;  // by time
  std::optional<std::string> reason;
  for (const auto& m : metrics)
    if (Lower(m.name) == "reason" && !m.is_null)
      if (const auto* s = std::get_if<std::string>(&m.value); s && !s->empty()) reason = *s;
  for (const auto& m : metrics) {
    const std::string lower = Lower(m.name);
    const std::uint64_t time = m.timestamp_ms.value_or(fallback_time_ms);
    if (m.is_null || std::holds_alternative<std::monostate>(m.value)) {
      if (!IsControlMetric(lower)) ++*ignored;
      continue;
    }
    if (lower == "reason" || IsControlMetric(lower)) continue;
    if (lower == "state") {
      Json item{{"work_unit", work_unit}, {"time", time}};
      const auto* s = std::get_if<std::string>(&m.value);
      item["state"] = s ? Json(Lower(*s)) : CountJson(m.value);
      if (reason) item["reason"] = *reason;
      states.push_back(std::move(item));
      continue;
    }
    if (StartsWith(lower, "count/")) {
      const std::string kind = lower.substr(6);
      if (kind != "total" && kind != "good" && kind != "scrap" && kind != "rework") {
        ++*ignored;
        continue;
      }
      if (birth && !cumulative) continue;
      Json& item = counts[time];
      if (item.is_null()) item = Json{{"work_unit", work_unit}, {"time", time}};
      item[kind] = CountJson(m.value);
      continue;
    }
    const auto tag = TagOfMetric(work_unit, m.name);
    const auto value = NumberOf(m.value);
    // A value a sensor marks bad (NaN, inf), an absurd one or one at an absurd time is left
    // out like an unknown metric: it must not cost the message's states and counts.
    if (!tag || !value || defined_tags.count(*tag) == 0 || !std::isfinite(*value) ||
        std::fabs(*value) > kMaxSampleMagnitude || time < kEarliestSampleMs ||
        time > fallback_time_ms + kSampleFutureMs) {
      ++*ignored;
      continue;
    }
    samples.push_back(Json{{"tag", *tag}, {"time", time}, {"value", *value}});
  }
  Json count_items = Json::array();
  for (auto& [time, item] : counts) {
    if (!item.contains("total")) {
      // good + scrap + rework when each is a count in range; otherwise no total, and the
      // batch decoder refuses the item naming the bad one.
      std::int64_t sum = 0;
      bool in_range = true;
      for (const char* k : {"good", "scrap", "rework"}) {
        if (!item.contains(k)) continue;
        const Json& v = item[k];
        const bool count = v.is_number_unsigned()
                               ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxCount)
                               : v.is_number_integer() && v.get<std::int64_t>() >= 0 &&
                                     v.get<std::int64_t>() <= kMaxCount;
        if (!count) {
          in_range = false;
          break;
        }
        sum += v.get<std::int64_t>();
      }
      if (in_range) item["total"] = sum;
    }
    count_items.push_back(std::move(item));
  }
  if (states.empty() && count_items.empty() && samples.empty()) return nullptr;
  Json batch{{"source", source}, {"seq", seq}};
  if (!states.empty()) batch["states"] = std::move(states);
  if (!count_items.empty()) batch["counts"] = std::move(count_items);
  if (!samples.empty()) batch["samples"] = std::move(samples);
  return batch;
}

Json OfflineBatch(const std::string& source, std::int64_t seq,
                  const std::vector<std::string>& work_units, std::uint64_t time_ms) {
  Json states = Json::array();
  for (const auto& wu : work_units)
    states.push_back(Json{{"work_unit", wu}, {"time", time_ms}, {"state", "offline"}});
  return Json{{"source", source}, {"seq", seq}, {"states", std::move(states)}};
}

}  // namespace ordo::equipment::mqtt
