// Which samples of a mapped tag become parameter values (tag_values.h).
#include "mes/execution/domain/tag_values.h"

#include <algorithm>
#include <numeric>

namespace ordo::execution {

LimitBand BandOf(double value, const std::optional<double>& low,
                 const std::optional<double>& high) {
  if (low && value < *low) return LimitBand::kBelow;
  if (high && value > *high) return LimitBand::kAbove;
  return LimitBand::kWithin;
}

std::vector<SelectedReading> SelectTagReadings(const std::optional<LastTagValue>& last,
                                               const std::vector<TagReading>& readings,
                                               TimeMicros started_us,
                                               const std::optional<double>& low,
                                               const std::optional<double>& high) {
  std::vector<std::size_t> order(readings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return readings[a].device_time_us < readings[b].device_time_us;
  });
  std::optional<LastTagValue> current = last;
  std::vector<SelectedReading> out;
  for (std::size_t i : order) {
    const TagReading& r = readings[i];
    if (r.device_time_us < started_us) continue;
    if (current && r.device_time_us <= current->occurred_us) continue;
    const LimitBand band = BandOf(r.value, low, high);
    const char* rule = nullptr;
    if (!current)
      rule = kRuleFirst;
    else if (band != current->band)
      rule = kRuleLimitCrossed;
    else if (r.device_time_us - current->occurred_us >= kTagRecordInterval)
      rule = kRuleInterval;
    if (rule == nullptr) continue;
    out.push_back(SelectedReading{i, rule});
    current = LastTagValue{r.device_time_us, band};
  }
  return out;
}

}  // namespace ordo::execution
