// Review by exception and release of a batch record: the review state and sealed
// versions read back from the record's own entries, the record's state, its JSON view,
// and the decisions of the review and release commands. Pure.
//
// States: in_progress (something is missing) -> awaiting_review (complete; exceptions
// open) -> ready_for_release (complete; every exception reviewed or, for a deviation,
// cleared by its disposition) -> released (sealed; the compiled content still hashes to
// the last sealed version) -> amended (something recorded after the release changed the
// content; a release with a reason seals the next version).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/batchrecord/domain/compile.h"
#include "mes/batchrecord/domain/completeness.h"
#include "mes/batchrecord/domain/facts.h"
#include "mes/batchrecord/domain/independence.h"
#include "mes/batchrecord/events.h"
#include "mes/lots/domain/lot.h"
#include "mes/signatures/domain/signature.h"

namespace ordo::batchrecord {

inline constexpr const char* kInProgress = "in_progress";
inline constexpr const char* kAwaitingReview = "awaiting_review";
inline constexpr const char* kReadyForRelease = "ready_for_release";
inline constexpr const char* kReleased = "released";
inline constexpr const char* kAmended = "amended";

inline constexpr const char* kAcknowledged = "acknowledged";
inline constexpr const char* kDispositioned = "dispositioned";
bool IsOutcome(const std::string& outcome);  // acknowledged | dispositioned

// Most items one review takes; longest comment (bytes); longest amendment reason.
inline constexpr std::size_t kMaxItems = 500;
inline constexpr std::size_t kMaxComment = 2000;
inline constexpr std::size_t kMaxReason = 2000;

// The latest review of each exception id (recorded before seq `before_seq`, when not 0).
struct ReviewMark {
  std::string outcome, comment, reviewer;
  std::int64_t seq = 0, time_us = 0;
};
using Reviews = std::map<std::string, ReviewMark>;
Reviews ReviewsOf(const Facts& facts, std::int64_t before_seq = 0);

// A sealed version (batchrecord.released), with the release signature's manifestation
// and, for a version after the first, the amendment's reason.
struct SealedVersion {
  std::int64_t version = 0, seq = 0, time_us = 0, checkpoint_seq = 0;
  std::string content_hash, released_by;
  Json record = Json::object();
  Json signature = nullptr;
  std::optional<std::string> amendment_reason;
};
std::vector<SealedVersion> SealedVersionsOf(const Facts& facts);

// Everything about the record the view and the decisions need.
struct Assessed {
  Compiled compiled;
  std::vector<Missing> missing;
  Reviews reviews;
  std::vector<SealedVersion> versions;
  std::vector<std::string> open_exceptions;  // ids
  std::vector<std::string> open_deviations;  // DV ids
  std::string state;
};
Assessed Assess(const Facts& facts);

// The record as GET answers it: the content, content_hash, state, completeness, the
// review block (each exception's status) and the release block (sealed versions), and
// for an amended record the amendment (previous hash, paths that changed).
Json View(const Assessed& a);

// The review command, checked alone (invalid_argument naming the field, e.g.
// items[1].outcome): 1..kMaxItems items, exception_id non-empty and not repeated, outcome
// acknowledged or dispositioned, comment up to kMaxComment bytes and required for
// dispositioned (reason comment_required).
Status ValidateReview(const std::vector<ReviewItem>& items);

// Against the record: released and not amended -> failed_precondition already_released;
// incomplete -> failed_precondition record_incomplete (the message lists what is
// missing); an id not among the exceptions -> invalid_argument unknown_exception (field
// items[i].exception_id, naming it); a deviation exception -> failed_precondition
// cleared_by_disposition (naming the DV id: only the deviation's signed disposition
// clears it); an exception reviewed already -> failed_precondition already_reviewed.
Result<ledger::Event> DecideReview(const Assessed& a, const std::string& order_id,
                                   const std::vector<ReviewItem>& items);

// The lots the release releases: produced lots of the order, quarantined now.
struct ReleaseInput {
  std::string order_id;
  std::optional<std::string> reason;       // the amendment's reason (required when amended)
  std::vector<lots::Lot> lots_to_release;  // quarantined produced lots
  std::vector<std::string> open_deviations_touching_lots;  // DV ids, other orders' too
  std::int64_t now_us = 0;
  std::int64_t next_seq = 0;          // the seq of the first event
  std::vector<Performer> performers;  // who performed or verified a step (PerformersOf)
};

// Refuses, in this order: released and not amended -> failed_precondition
// already_released; incomplete -> record_incomplete (lists what is missing); open
// deviations of the order or touching its lots -> open_deviation (names the DV ids);
// exceptions not reviewed -> exceptions_open (lists the ids); an amended record without a
// reason -> invalid_argument reason_required (field reason); a signer among
// in.performers -> permission_denied same_person (CheckIndependentRelease); then as
// signatures::DecideSignature (meaning released, record batch_record/<order>, version =
// the next version, bound to the content) and lots::DecideDisposition for each lot.
// Events: signature.applied; for each lot its own signature.applied and lots.lot_released;
// batchrecord.amended (for a version after the first); batchrecord.released last, whose
// checkpoint_seq is its own seq (the command signs the checkpoint at its last entry).
Result<std::vector<ledger::Event>> DecideRelease(const Assessed& a, const ReleaseInput& in,
                                                 const signatures::SignerState& signer);

}  // namespace ordo::batchrecord
