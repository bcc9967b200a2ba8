// The ingest decision (ingest.h).
#include "mes/equipment/domain/ingest.h"

#include <algorithm>
#include <functional>

#include "mes/equipment/events.h"

namespace ordo::equipment {

namespace {

IngestDecision Refused(const Batch& batch, Error error) {
  IngestDecision d;
  const std::string subject = batch.source.empty() ? "(unknown)" : batch.source;
  d.events.push_back(ledger::MakeEvent(
      DataRefused{batch.source, error.reason, error.message.substr(0, 500), batch.seq},
      kSourceSubject, subject));
  d.refusal = std::move(error);
  return d;
}

// The first item whose work unit is not in `allowed` (or in `known`, with known_check):
// its field name, e.g. "counts[2].work_unit", and its work unit.
std::optional<std::pair<std::string, std::string>> FirstOutside(
    const Batch& batch, const std::function<bool(const std::string&)>& inside) {
  for (std::size_t i = 0; i < batch.states.size(); ++i)
    if (!inside(batch.states[i].work_unit))
      return std::make_pair("states[" + std::to_string(i) + "].work_unit",
                            batch.states[i].work_unit);
  for (std::size_t i = 0; i < batch.counts.size(); ++i)
    if (!inside(batch.counts[i].work_unit))
      return std::make_pair("counts[" + std::to_string(i) + "].work_unit",
                            batch.counts[i].work_unit);
  return std::nullopt;
}

}  // namespace

Result<IngestDecision> DecideIngest(const Batch& batch, const std::string& batch_hash,
                                    const IngestFacts& facts) {
  if (!facts.source)
    return Refused(
        batch, Error{ErrorCode::kUnauthenticated, "no source '" + batch.source + "' is registered",
                     "source", "unknown_source"});
  const SourceFacts& source = *facts.source;
  if (!source.enabled)
    return Refused(batch,
                   Error{ErrorCode::kPermissionDenied, "source '" + source.name + "' is disabled",
                         "source", "source_disabled"});
  if (batch.source != source.name)
    return Refused(batch, Error{ErrorCode::kPermissionDenied,
                                "the API key belongs to source '" + source.name + "', not to '" +
                                    batch.source + "'",
                                "source", "source_mismatch"});
  const auto& allowed = source.work_units;
  auto outside = FirstOutside(batch, [&](const std::string& wu) {
    return std::find(allowed.begin(), allowed.end(), wu) != allowed.end();
  });
  if (outside)
    return Refused(batch, Error{ErrorCode::kPermissionDenied,
                                "source '" + source.name + "' may not speak for work unit '" +
                                    outside->second + "'",
                                outside->first, "work_unit_not_allowed"});
  for (std::size_t i = 0; i < batch.samples.size(); ++i) {
    auto tag = facts.tag_work_units.find(batch.samples[i].tag);
    if (tag == facts.tag_work_units.end() ||
        std::find(allowed.begin(), allowed.end(), tag->second) != allowed.end())
      continue;
    return Refused(batch, Error{ErrorCode::kPermissionDenied,
                                "source '" + source.name + "' may not speak for work unit '" +
                                    tag->second + "' (of tag '" + tag->first + "')",
                                "samples[" + std::to_string(i) + "].tag", "work_unit_not_allowed"});
  }
  if (facts.seen_hash) {
    if (*facts.seen_hash == batch_hash) {
      IngestDecision d;
      d.duplicate = true;
      return d;
    }
    return Error{ErrorCode::kConflict,
                 "seq " + std::to_string(batch.seq) + " of source '" + source.name +
                     "' was already used by a batch with other content",
                 "seq", "seq_reused"};
  }
  if (!batch.samples.empty() && !facts.samples_accepted)
    return Error{ErrorCode::kFailedPrecondition,
                 "samples are not stored (no telemetry store is registered): send states and "
                 "counts only",
                 "samples", "not_supported"};
  auto unknown =
      FirstOutside(batch, [&](const std::string& wu) { return facts.work_units.count(wu) > 0; });
  if (unknown)
    return Error{ErrorCode::kNotFound,
                 "there is no work unit '" + unknown->second + "' in master data", unknown->first,
                 "unknown_work_unit"};
  for (std::size_t i = 0; i < batch.samples.size(); ++i)
    if (!facts.tag_work_units.count(batch.samples[i].tag))
      return Error{
          ErrorCode::kNotFound,
          "there is no tag '" + batch.samples[i].tag + "': define it first (POST /api/v1/tags)",
          "samples[" + std::to_string(i) + "].tag", "unknown_tag"};
  IngestDecision d;
  d.events.push_back(ledger::MakeEvent(
      BatchAccepted{source.name, batch.seq, batch_hash,
                    static_cast<std::int64_t>(batch.states.size()),
                    static_cast<std::int64_t>(batch.counts.size()), facts.received_us},
      kSourceSubject, source.name));
  auto context_of = [&](const std::string& wu) {
    auto it = facts.context.find(wu);
    return it == facts.context.end() ? Context{} : it->second;
  };
  for (std::size_t i = 0; i < batch.states.size(); ++i) {
    const StateItem& s = batch.states[i];
    auto reason =
        CheckReason(s.state, s.reason, facts.codes, "states[" + std::to_string(i) + "].reason");
    if (!reason.ok()) return reason.error();
    StateChanged e;
    e.work_unit = s.work_unit;
    e.state = StateName(s.state);
    e.sub_reason = reason->sub_reason;
    e.reason_code = reason->reason_code;
    if (!e.reason_code.empty()) e.reason_list_version = facts.codes.version;
    e.device_time_us = s.device_time_us;
    e.received_us = facts.received_us;
    e.source = source.name;
    e.source_seq = batch.seq;
    e.index = static_cast<std::int64_t>(i);
    e.context = context_of(s.work_unit);
    e.skew_us = Skew(s.device_time_us, facts.received_us, facts.limits);
    d.events.push_back(ledger::MakeEvent(e, kWorkUnitSubject, s.work_unit));
  }
  for (std::size_t i = 0; i < batch.counts.size(); ++i) {
    const CountItem& c = batch.counts[i];
    Counted e;
    e.work_unit = c.work_unit;
    e.counter = source.cumulative ? "cumulative" : "increment";
    e.device_time_us = c.device_time_us;
    e.received_us = facts.received_us;
    e.source = source.name;
    e.source_seq = batch.seq;
    e.index = static_cast<std::int64_t>(i);
    e.counts = Counts{c.total, c.good, c.scrap, c.rework};
    e.context = context_of(c.work_unit);
    e.skew_us = Skew(c.device_time_us, facts.received_us, facts.limits);
    d.events.push_back(ledger::MakeEvent(e, kWorkUnitSubject, c.work_unit));
  }
  return d;
}

}  // namespace ordo::equipment
