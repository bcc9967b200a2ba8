// Read queries over the signature, policy, settings, qualification, attachment and
// training projections. Used by command decisions on the writer connection and by the
// API's reads on a reader connection. Not thread-safe per storage::Database. (The master
// data and change request queries moved to src/mes/masterdata/store/.)
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "domain/signatures/signature.h"
#include "mes/masterdata/in_force.h"
#include "storage/database.h"

namespace ordo::store {

// Transitional (issue 7): the version in force now belongs to the masterdata capability
// (mes/masterdata/in_force.h); this forward keeps GrantQualification compiling until it
// moves into src/mes/personnel/.
using masterdata::InForce;

// Signatures on a record, oldest first.
Result<std::vector<signatures::Signature>> SignaturesOn(storage::Database& db,
                                                        const std::string& record_kind,
                                                        const std::string& record_id);

struct SignaturePolicy {
  std::int64_t version = 0;
  std::string text;
  TimeMicros published_us = 0;
};
Result<std::optional<SignaturePolicy>> CurrentPolicy(storage::Database& db);
Result<bool> HasAcknowledged(storage::Database& db, std::int64_t user_id, std::int64_t version);

struct SiteSettings {
  int approvals_required = 1;
  bool signing_password_only = false;
};
Result<SiteSettings> GetSiteSettings(storage::Database& db);
Json ToJson(const SiteSettings& settings);

struct GrantRow {
  std::int64_t seq = 0, user_id = 0;
  std::string qualification;
  std::optional<std::string> expires;
  std::string granted_by;
  TimeMicros time_us = 0;
  bool revoked = false;
};
// `user_id` 0 = all users.
Result<std::vector<GrantRow>> ListGrants(storage::Database& db, std::int64_t user_id);

struct AttachmentRow {
  std::string sha256, name, media_type;
  std::int64_t size = 0, seq = 0;
};
Result<std::optional<AttachmentRow>> FindAttachment(storage::Database& db,
                                                    const std::string& sha256);
// The stored bytes (nullopt when missing); the caller re-checks their hash.
Result<std::optional<std::string>> AttachmentData(storage::Database& db, const std::string& sha256);
Status PutAttachmentData(storage::Database& db, const std::string& sha256, const std::string& data);

struct TrainingRow {
  std::int64_t seq = 0, user_id = 0;
  std::string course, completed;
  std::optional<std::string> trainer;
  std::string recorded_by;
};
// `user_id` 0 = all users; newest first.
Result<std::vector<TrainingRow>> ListTraining(storage::Database& db, std::int64_t user_id);

}  // namespace ordo::store
