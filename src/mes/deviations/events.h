// The deviations capability's published events (subject kind "deviation", subject id
// the deviation id DV-000001...). docs/deviations.md describes each field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::deviations {

inline constexpr const char* kSubjectKind = "deviation";

// A deviation was opened, by hand (source manual) or by execution from an exception
// (parameter_out_of_limits, over_consumption; exception_seq the exception's entry, 0
// when not known). blocks_completion: the operation cannot complete while it is open.
struct DeviationOpened {
  static constexpr const char* kType = "deviations.deviation_opened";
  static constexpr int kVersion = 1;
  std::string id, order_id, operation;
  std::vector<std::string> lots;
  std::string source;
  std::int64_t exception_seq = 0;
  std::string classification, title, description;
  bool blocks_completion = false;
};

// Quality classified or investigated: every field is optional; an investigation note is
// appended to the notes, never replaces one.
struct DeviationUpdated {
  static constexpr const char* kType = "deviations.deviation_updated";
  static constexpr int kVersion = 1;
  std::string id;
  std::optional<std::string> classification, description, investigation_note, root_cause, capa;
};

// A quality person signed a disposition (signature.applied, meaning dispositioned, is
// written just before it in the same command).
struct DispositionSigned {
  static constexpr const char* kType = "deviations.disposition_signed";
  static constexpr int kVersion = 1;
  std::string id, disposition, comment;
};

// Every disposition needed is signed (1; 2 distinct signers for critical).
struct DeviationClosed {
  static constexpr const char* kType = "deviations.deviation_closed";
  static constexpr int kVersion = 1;
  std::string id;
};

void to_json(Json& j, const DeviationOpened& e);
void from_json(const Json& j, DeviationOpened& e);
void to_json(Json& j, const DeviationUpdated& e);
void from_json(const Json& j, DeviationUpdated& e);
void to_json(Json& j, const DispositionSigned& e);
void from_json(const Json& j, DispositionSigned& e);
void to_json(Json& j, const DeviationClosed& e);
void from_json(const Json& j, DeviationClosed& e);

}  // namespace ordo::deviations
