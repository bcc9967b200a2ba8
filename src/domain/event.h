// domain::Event: what a pure decide() function produces; the engine turns each event
// into a ledger entry (adding seq, time, actor and hashes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"

namespace ordo::domain {

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

}  // namespace ordo::domain
