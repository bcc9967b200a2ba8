// The audit capability's events: the security events it raises itself.
#pragma once

#include <string>

#include "core/canonical_json.h"

namespace ordo::audit {

// A record failed its integrity check (store/row_seal.h) and was not used, or the
// background audit found it; subject ("record", "<table> <key>"). Recorded by the system.
struct IntegrityViolationFound {
  static constexpr const char* kType = "security.integrity_violation";
  static constexpr int kVersion = 1;
  std::string table;     // e.g. "app_user"
  std::string key;       // e.g. "id=3"
  std::string detail;    // what is wrong, e.g. "does not match its seal"
  std::string found_by;  // "decision" (refused when read for a decision) or "audit"
};

void to_json(Json& j, const IntegrityViolationFound& e);
void from_json(const Json& j, IntegrityViolationFound& e);

}  // namespace ordo::audit
