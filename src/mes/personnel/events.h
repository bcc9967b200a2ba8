// The personnel capability's published events: qualifications granted to (and revoked
// from) users, and training records. Subject of each: user/id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"

namespace ordo::personnel {

// A qualification (a master data object in force) granted to a user.
struct QualificationGranted {
  static constexpr const char* kType = "personnel.qualification_granted";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::string qualification;
  std::int64_t qualification_version = 0;  // the version in force when granted
  std::optional<std::string> expires;      // YYYY-MM-DD; written as null when none
};

// A grant revoked, with a reason (the entry's reason); subject user/id of the holder.
// `user_id`, `user` and `qualification` repeat the grant's so the entry reads on its
// own; they were added before any command recorded this type and are read as optional.
struct QualificationRevoked {
  static constexpr const char* kType = "personnel.qualification_revoked";
  static constexpr int kVersion = 1;
  std::int64_t grant = 0;  // seq of the personnel.qualification_granted entry
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::string qualification;
};

// A training a user completed.
struct TrainingRecorded {
  static constexpr const char* kType = "personnel.training_recorded";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::string course;
  std::string completed;               // YYYY-MM-DD
  std::optional<std::string> trainer;  // the key is absent when there is none
};

void to_json(Json& j, const QualificationGranted& e);
void from_json(const Json& j, QualificationGranted& e);
void to_json(Json& j, const QualificationRevoked& e);
void from_json(const Json& j, QualificationRevoked& e);
void to_json(Json& j, const TrainingRecorded& e);
void from_json(const Json& j, TrainingRecorded& e);

}  // namespace ordo::personnel
