// libFuzzer target: the machine data batch decoder (domain/batch.h) must never crash, hang
// or accept a batch that breaks its own contract, whatever JSON arrives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "mes/equipment/domain/batch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ordo::equipment;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ordo::Json body = ordo::Json::parse(text, nullptr, false);
  if (body.is_discarded()) return 0;
  constexpr ordo::TimeMicros kNow = 1796025600LL * 1'000'000;  // 2026-11-30T08:00:00Z
  BatchLimits limits;
  limits.max_items = 64;
  for (bool increments : {true, false}) {
    auto batch = DecodeBatch(body, increments, kNow, limits);
    if (!batch.ok()) {
      if (batch.error().field.empty()) std::abort();  // every refusal names a field
      continue;
    }
    const Batch& b = *batch;
    if (b.source.empty() || b.source.size() > 64 || b.seq <= 0) std::abort();
    if (b.states.size() + b.counts.size() + b.samples.size() > limits.max_items) std::abort();
    if (b.states.size() + b.counts.size() + b.samples.size() == 0) std::abort();
    for (const auto& s : b.states)
      if (s.device_time_us < kEarliestDeviceTime ||
          s.device_time_us > kNow + limits.max_future_us || s.work_unit.empty())
        std::abort();
    for (const auto& c : b.counts) {
      if (c.total < 0 || c.good < 0 || c.scrap < 0 || c.rework < 0 || c.total > kMaxCount)
        std::abort();
      if (increments && c.good + c.scrap + c.rework > c.total) std::abort();
    }
  }
  return 0;
}
