// The record states of change control, each with its one string form (as stored in the
// tables, shown by the API and written in error messages). See docs/masterdata.md
// sections 2 and 3.
#pragma once

#include <optional>
#include <string_view>

namespace ordo::masterdata {

// A change request: open -> in_review -> approved; in_review -> rejected -> in_review
// (after changes); open, rejected or in_review -> withdrawn.
enum class ChangeRequestState { kOpen, kInReview, kApproved, kRejected, kWithdrawn };

// A version of a master data object (an item of its change request): draft ->
// in_review -> approved; in_review -> draft (rejected); draft or in_review -> withdrawn.
// Whether an approved version is in force is derived from the clock (effectivity.h).
enum class VersionState { kDraft, kInReview, kApproved, kWithdrawn };

// "open", "in_review", "approved", "rejected", "withdrawn".
const char* ToString(ChangeRequestState state);
// "draft", "in_review", "approved", "withdrawn".
const char* ToString(VersionState state);

// The state spelled `text`, or nullopt for any other text.
std::optional<ChangeRequestState> ParseChangeRequestState(std::string_view text);
std::optional<VersionState> ParseVersionState(std::string_view text);

}  // namespace ordo::masterdata
