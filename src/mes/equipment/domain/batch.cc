// Decoding and checking a batch of machine data (batch.h).
#include "mes/equipment/domain/batch.h"

#include <cmath>

#include "core/crypto.h"

namespace ordo::equipment {

namespace {

// An integer JSON value as int64 (parsed non-negative integers are unsigned), or nullopt
// for a non-integer or one beyond int64.
std::optional<std::int64_t> SignedOf(const Json& v) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  return std::nullopt;
}

Error Wrong(const std::string& field, const std::string& expected) {
  return Error::Invalid(field, field + " must be " + expected, "wrong_type");
}

// Checks that `item` has only `known` fields and every one of `required`.
Status CheckFields(const Json& item, const std::vector<const char*>& known,
                   const std::vector<const char*>& required, const std::string& field) {
  for (auto it = item.begin(); it != item.end(); ++it) {
    bool ok = false;
    for (const char* k : known) ok = ok || it.key() == k;
    if (!ok) {
      std::string expected;
      for (const char* k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
      return Error::Invalid(field + "." + it.key().substr(0, 64),
                            "unknown field '" + it.key().substr(0, 64) + "' in " + field +
                                "; expected only: " + expected,
                            "unknown_field");
    }
  }
  for (const char* r : required)
    if (!item.contains(r) || item[r].is_null())
      return Error::Invalid(field + "." + r, field + "." + r + " is required", "missing_field");
  return Ok();
}

Result<std::string> Id(const Json& item, const char* key, const std::string& field,
                       std::size_t max) {
  const Json& v = item[key];
  if (!v.is_string() || v.get_ref<const std::string&>().empty() ||
      v.get_ref<const std::string&>().size() > max)
    return Wrong(field + "." + key, "a string of 1 to " + std::to_string(max) + " characters");
  return v.get<std::string>();
}

Result<std::int64_t> Count(const Json& item, const char* key, const std::string& field) {
  if (!item.contains(key) || item[key].is_null()) return std::int64_t{0};
  const Json& v = item[key];
  const std::string name = field + "." + key;
  if (!v.is_number_integer()) return Wrong(name, "an integer");
  if (v.is_number_unsigned() ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxCount)
                             : (v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > kMaxCount))
    return Error::Invalid(name, name + " must be 0 to " + std::to_string(kMaxCount),
                          "invalid_count");
  return v.get<std::int64_t>();
}

Result<const Json*> Items(const Json& body, const char* key, std::size_t* total,
                          const BatchLimits& limits) {
  static const Json kEmpty = Json::array();
  if (!body.contains(key) || body[key].is_null()) return &kEmpty;
  const Json& v = body[key];
  if (!v.is_array()) return Wrong(key, "an array of objects");
  *total += v.size();
  if (*total > limits.max_items)
    return Error::Invalid(key,
                          "a batch holds at most " + std::to_string(limits.max_items) +
                              " items (states, counts and samples together); split it",
                          "batch_too_large");
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!v[i].is_object())
      return Wrong(std::string(key) + "[" + std::to_string(i) + "]", "an object");
  return &v;
}

}  // namespace

Result<TimeMicros> DeviceTime(const Json& value, TimeMicros received_us, const BatchLimits& limits,
                              const std::string& field) {
  TimeMicros t = 0;
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > 40 || !ParseIsoTime(text, &t))
      return Error::Invalid(field,
                            field +
                                " must be an ISO 8601 time with offset "
                                "(2026-11-30T08:00:00.250Z) or integer epoch milliseconds",
                            "invalid_time");
  } else if (value.is_number_integer()) {
    auto ms = SignedOf(value);
    if (!ms || *ms < 0 || *ms > INT64_MAX / 1000)
      return Error::Invalid(field, field + " is not a possible time", "invalid_time");
    t = *ms * 1000;
  } else {
    return Error::Invalid(field,
                          field + " must be an ISO 8601 time string or integer epoch milliseconds",
                          "invalid_time");
  }
  if (t < kEarliestDeviceTime)
    return Error::Invalid(field, field + " " + FormatUtcMicros(t) + " is before 2000-01-01",
                          "invalid_time");
  if (t > received_us + limits.max_future_us)
    return Error::Invalid(field,
                          field + " " + FormatUtcMicros(t) + " is more than " +
                              std::to_string(limits.max_future_us / 3'600'000'000) +
                              " h after the server's time " + FormatUtcMicros(received_us),
                          "invalid_time");
  return t;
}

Result<Batch> DecodeBatch(const Json& body, bool increments, TimeMicros received_us,
                          const BatchLimits& limits) {
  if (!body.is_object()) return Wrong("body", "a JSON object");
  ORDO_TRY(CheckFields(body, {"source", "seq", "states", "counts", "samples"}, {"source", "seq"},
                       "batch"));
  Batch batch;
  auto source = Id(body, "source", "batch", 64);
  if (!source.ok()) return Wrong("source", "a string of 1 to 64 characters");
  batch.source = *source;
  auto seq = SignedOf(body["seq"]);
  if (!seq || *seq <= 0) return Wrong("seq", "a positive integer");
  batch.seq = *seq;
  std::size_t total = 0;
  auto states = Items(body, "states", &total, limits);
  if (!states.ok()) return states.error();
  auto counts = Items(body, "counts", &total, limits);
  if (!counts.ok()) return counts.error();
  auto samples = Items(body, "samples", &total, limits);
  if (!samples.ok()) return samples.error();
  if (total == 0)
    return Error::Invalid("states", "the batch holds no states, counts or samples", "empty_batch");
  for (std::size_t i = 0; i < (*states)->size(); ++i) {
    const Json& item = (**states)[i];
    const std::string field = "states[" + std::to_string(i) + "]";
    ORDO_TRY(CheckFields(item, {"work_unit", "time", "state", "reason"},
                         {"work_unit", "time", "state"}, field));
    StateItem s;
    auto wu = Id(item, "work_unit", field, 64);
    if (!wu.ok()) return wu.error();
    s.work_unit = *wu;
    auto t = DeviceTime(item["time"], received_us, limits, field + ".time");
    if (!t.ok()) return t.error();
    s.device_time_us = *t;
    const Json& st = item["state"];
    auto parsed = st.is_string() ? ParseState(st.get_ref<const std::string&>()) : std::nullopt;
    if (!parsed)
      return Error::Invalid(field + ".state",
                            field + ".state must be one of " + std::string(StateNames()),
                            "invalid_state");
    s.state = *parsed;
    if (item.contains("reason") && !item["reason"].is_null()) {
      auto r = Id(item, "reason", field, 32);
      if (!r.ok()) return r.error();
      s.reason = *r;
    }
    batch.states.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < (*counts)->size(); ++i) {
    const Json& item = (**counts)[i];
    const std::string field = "counts[" + std::to_string(i) + "]";
    ORDO_TRY(CheckFields(item, {"work_unit", "time", "total", "good", "scrap", "rework"},
                         {"work_unit", "time", "total"}, field));
    CountItem c;
    auto wu = Id(item, "work_unit", field, 64);
    if (!wu.ok()) return wu.error();
    c.work_unit = *wu;
    auto t = DeviceTime(item["time"], received_us, limits, field + ".time");
    if (!t.ok()) return t.error();
    c.device_time_us = *t;
    std::int64_t* targets[] = {&c.total, &c.good, &c.scrap, &c.rework};
    const char* names[] = {"total", "good", "scrap", "rework"};
    for (int k = 0; k < 4; ++k) {
      auto v = Count(item, names[k], field);
      if (!v.ok()) return v.error();
      *targets[k] = *v;
    }
    if (increments && c.good + c.scrap + c.rework > c.total)
      return Error::Invalid(field + ".total",
                            field + ": good + scrap + rework (" +
                                std::to_string(c.good + c.scrap + c.rework) +
                                ") must not exceed total (" + std::to_string(c.total) + ")",
                            "invalid_count");
    batch.counts.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < (*samples)->size(); ++i) {
    const Json& item = (**samples)[i];
    const std::string field = "samples[" + std::to_string(i) + "]";
    ORDO_TRY(CheckFields(item, {"tag", "time", "value"}, {"tag", "time", "value"}, field));
    SampleItem s;
    const Json& tag = item["tag"];
    if (!tag.is_string() || !IsTagName(tag.get_ref<const std::string&>()))
      return Error::Invalid(field + ".tag",
                            field +
                                ".tag must be a tag name: 1 to 64 characters of A-Z a-z 0-9 _ . "
                                "-, beginning with a letter or digit",
                            "invalid_tag");
    s.tag = tag.get<std::string>();
    auto t = DeviceTime(item["time"], received_us, limits, field + ".time");
    if (!t.ok()) return t.error();
    s.device_time_us = *t;
    const Json& v = item["value"];
    if (!v.is_number()) return Wrong(field + ".value", "a number");
    s.value = v.get<double>();
    if (!std::isfinite(s.value) || std::fabs(s.value) > kMaxSampleMagnitude)
      return Error::Invalid(field + ".value",
                            field + ".value must be a finite number of magnitude at most 1e15",
                            "invalid_value");
    batch.samples.push_back(std::move(s));
  }
  return batch;
}

bool IsTagName(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!alnum(name[0])) return false;
  for (char c : name)
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  return true;
}

std::optional<TimeMicros> Skew(TimeMicros device_time_us, TimeMicros received_us,
                               const BatchLimits& limits) {
  const TimeMicros d = device_time_us - received_us;
  if (d > limits.skew_us || d < -limits.skew_us) return d;
  return std::nullopt;
}

std::string BatchHash(const Json& body) { return Sha256Hex(CanonicalJson(body)); }

}  // namespace ordo::equipment
