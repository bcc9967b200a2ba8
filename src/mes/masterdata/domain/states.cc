// The string forms of the change control states (see states.h).
#include "mes/masterdata/domain/states.h"

#include <array>
#include <utility>

namespace ordo::masterdata {

namespace {

constexpr std::array<std::pair<ChangeRequestState, const char*>, 5> kChangeRequestStates = {{
    {ChangeRequestState::kOpen, "open"},
    {ChangeRequestState::kInReview, "in_review"},
    {ChangeRequestState::kApproved, "approved"},
    {ChangeRequestState::kRejected, "rejected"},
    {ChangeRequestState::kWithdrawn, "withdrawn"},
}};

constexpr std::array<std::pair<VersionState, const char*>, 4> kVersionStates = {{
    {VersionState::kDraft, "draft"},
    {VersionState::kInReview, "in_review"},
    {VersionState::kApproved, "approved"},
    {VersionState::kWithdrawn, "withdrawn"},
}};

template <typename E, std::size_t N>
const char* NameOf(const std::array<std::pair<E, const char*>, N>& table, E value) {
  for (const auto& [state, name] : table)
    if (state == value) return name;
  return "unknown";  // unreachable: every enumerator is in its table
}

template <typename E, std::size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, const char*>, N>& table,
                         std::string_view text) {
  for (const auto& [state, name] : table)
    if (text == name) return state;
  return std::nullopt;
}

}  // namespace

const char* ToString(ChangeRequestState state) { return NameOf(kChangeRequestStates, state); }
const char* ToString(VersionState state) { return NameOf(kVersionStates, state); }

std::optional<ChangeRequestState> ParseChangeRequestState(std::string_view text) {
  return ValueOf(kChangeRequestStates, text);
}

std::optional<VersionState> ParseVersionState(std::string_view text) {
  return ValueOf(kVersionStates, text);
}

}  // namespace ordo::masterdata
