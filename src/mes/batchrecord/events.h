// The batch record capability's published events (subject kind "batch_record", subject
// id the order id). docs/batch-record.md describes each field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::batchrecord {

inline constexpr const char* kSubjectKind = "batch_record";

// One reviewed exception: outcome acknowledged | dispositioned, with the reviewer's comment.
struct ReviewItem {
  std::string exception_id, outcome, comment;
};

// A reviewer acknowledged or dispositioned exceptions of the record (review by exception).
struct ExceptionsReviewed {
  static constexpr const char* kType = "batchrecord.exceptions_reviewed";
  static constexpr int kVersion = 1;
  std::string order_id;
  std::vector<ReviewItem> items;
};

// Quality released (sealed) the record: signature.applied (meaning released) comes first
// in the same command, and the command signs a ledger checkpoint at this entry's own seq
// (checkpoint_seq). `version` counts the sealed versions from 1; `record` is the sealed
// content (the record without its review and release blocks) whose SHA-256 of the
// canonical JSON is `content_hash`, so the ledger alone holds every sealed version.
struct Released {
  static constexpr const char* kType = "batchrecord.released";
  static constexpr int kVersion = 1;
  std::string order_id;
  std::int64_t version = 0;
  std::string content_hash;
  std::int64_t checkpoint_seq = 0;
  Json record = Json::object();
};

// A released record changed (a correction after release) and was released again with a
// reason: written just before the new version's Released in the same command.
struct Amended {
  static constexpr const char* kType = "batchrecord.amended";
  static constexpr int kVersion = 1;
  std::string order_id, reason, previous_hash, content_hash;
};

void to_json(Json& j, const ReviewItem& e);
void from_json(const Json& j, ReviewItem& e);
void to_json(Json& j, const ExceptionsReviewed& e);
void from_json(const Json& j, ExceptionsReviewed& e);
void to_json(Json& j, const Released& e);
void from_json(const Json& j, Released& e);
void to_json(Json& j, const Amended& e);
void from_json(const Json& j, Amended& e);

}  // namespace ordo::batchrecord
