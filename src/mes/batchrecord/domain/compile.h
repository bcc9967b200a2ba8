// The electronic batch record (eBR; the device history record for serialized products)
// of one order, compiled from its facts. Pure: same facts, same record, same hash.
//
// The record's content (what is hashed and sealed) has the sections product, order,
// quantities (theoretical = the order quantity, actual = the produced lots, else the last
// operation's good quantity, yield with the product's limits), consumed_lots,
// produced_lots, operations (who, when, work unit, parameters against limits,
// characteristics, instructions acknowledged, qualifications at start, equipment status
// at start, verification), deviations with their dispositions, signatures (every
// manifestation: printed name, time with UTC offset, meaning) and exceptions. The review
// and release blocks are state about the record, never part of its content.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/batchrecord/domain/facts.h"

namespace ordo::batchrecord {

// Exception kinds, in the order the record lists them.
inline constexpr const char* kLimitViolation = "limit_violation";
inline constexpr const char* kLateEntry = "late_entry";
inline constexpr const char* kCorrection = "correction";
inline constexpr const char* kRefusedAttempt = "refused_attempt";
inline constexpr const char* kOverConsumption = "over_consumption";
inline constexpr const char* kDeviation = "deviation";
inline constexpr const char* kYieldOutOfLimits = "yield_out_of_limits";

// One exception of the record. `id` is "EX-<seq>", the seq of the ledger entry it comes
// from (the deviation's opening entry; for the yield, the order's completion entry), so
// it never changes as the record grows. `deviation` names the DV id of a deviation
// exception ("" otherwise).
struct Exception {
  std::string id, kind, operation, subject, message, deviation;
  std::int64_t seq = 0, time_us = 0;
  std::string actor;
  Json details = Json::object();
};

struct Compiled {
  Json content = Json::object();  // the sealed part (no review, no release)
  std::vector<Exception> exceptions;
  std::string content_hash;  // ContentHash(content)
};

// "EX-<seq>".
std::string ExceptionId(std::int64_t seq);

// SHA-256 (hex) of the canonical JSON of `record` without its `review` and `release`
// blocks (and without `content_hash`, `state`, `completeness`, which describe it).
std::string ContentHash(const Json& record);

// "YYYY-MM-DDTHH:MM:SS+00:00": the manifestation time (the site has no time zone
// setting; times are UTC, with their offset written out).
std::string ManifestTime(std::int64_t time_us);

Compiled Compile(const Facts& facts);

// The yield in percent of `theoretical` (nullopt when theoretical <= 0).
std::optional<double> YieldPercent(double actual, double theoretical);

}  // namespace ordo::batchrecord
