// Events as types. A decision returns ledger::Event values; each event type is one
// payload struct, defined once in its capability's events.h:
//
//   struct EntryRecorded {
//     static constexpr const char* kType = "logbook.entry_recorded";
//     static constexpr int kVersion = 1;
//     std::string subject; ...
//   };
//   void to_json(Json&, const EntryRecorded&);  void from_json(const Json&, EntryRecorded&);
//
// MakeEvent turns a payload into an Event; ReadPayload reads one back (the projector,
// views); the registry (event_schema.h) and the generated docs take name and version
// from the same struct. No event name is written out anywhere else.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"

namespace ordo::ledger {

// What a pure decide() function produces; the engine turns each event into a ledger
// entry (adding seq, time, actor and hashes).
struct Event {
  std::string type;  // e.g. "logbook.entry_recorded"
  int schema_version = 1;
  std::string subject_kind;
  std::string subject_id;
  std::int64_t subject_version = 1;
  Json payload = Json::object();
  std::optional<std::string> reason;
  Json signatures = Json::array();  // seqs of the signature.applied entries it relies on
};

template <typename P>
concept EventPayload = requires(const P& p, Json& j) {
  { P::kType } -> std::convertible_to<const char*>;
  { P::kVersion } -> std::convertible_to<int>;
  to_json(j, p);
};

// The event of `payload` about subject (kind, id, version).
template <EventPayload P>
Event MakeEvent(const P& payload, std::string subject_kind, std::string subject_id,
                std::int64_t subject_version = 1) {
  Event e;
  e.type = P::kType;
  e.schema_version = P::kVersion;
  e.subject_kind = std::move(subject_kind);
  e.subject_id = std::move(subject_id);
  e.subject_version = subject_version;
  to_json(e.payload, payload);
  return e;
}

// True when `type` is the type of payload P.
template <EventPayload P>
bool Is(const std::string& type) {
  return type == P::kType;
}

// Reads a (current-version) payload of P. A payload that does not fit is an internal
// error naming the type: stored events are checked when written.
template <EventPayload P>
Result<P> ReadPayload(const Json& payload) {
  try {
    return payload.get<P>();
  } catch (const Json::exception& ex) {
    return Error::Make(ErrorCode::kInternal, std::string("a ") + P::kType +
                                                 " payload does not fit its schema: " + ex.what());
  }
}

}  // namespace ordo::ledger
