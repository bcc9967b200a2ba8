// The state model's names and the reason rule (state.h).
#include "mes/equipment/domain/state.h"

#include <algorithm>

namespace ordo::equipment {

namespace {

constexpr const char* kNames[] = {"running", "idle", "setup", "down", "planned_stop", "offline"};

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

bool Contains(const std::vector<std::string>& items, const std::string& value) {
  return std::find(items.begin(), items.end(), value) != items.end();
}

Error BadReason(const std::string& field, std::string message) {
  return Error::Invalid(field, std::move(message), "invalid_reason");
}

}  // namespace

const char* StateName(State state) { return kNames[static_cast<int>(state)]; }

std::optional<State> ParseState(std::string_view name) {
  for (int i = 0; i < 6; ++i)
    if (name == kNames[i]) return static_cast<State>(i);
  return std::nullopt;
}

const char* StateNames() { return "running, idle, setup, down, planned_stop, offline"; }

const std::vector<std::string>& IdleReasons() {
  static const std::vector<std::string> reasons = {"starved", "blocked", "no_order"};
  return reasons;
}

const std::vector<std::string>& PlannedStopReasons() {
  static const std::vector<std::string> reasons = {"maintenance", "break", "cleaning", "no_demand"};
  return reasons;
}

bool IsStop(State state) { return state == State::kDown || state == State::kIdle; }

Result<StateReason> CheckReason(State state, const std::optional<std::string>& reason,
                                const DowntimeCodes& codes, const std::string& field) {
  const std::string name = StateName(state);
  switch (state) {
    case State::kIdle:
    case State::kPlannedStop: {
      const auto& allowed = state == State::kIdle ? IdleReasons() : PlannedStopReasons();
      if (!reason || !Contains(allowed, *reason))
        return BadReason(field, name + " needs a reason, one of " + Joined(allowed) +
                                    (reason ? ", not '" + *reason + "'" : ""));
      return StateReason{*reason, ""};
    }
    case State::kDown: {
      if (!reason) return StateReason{};
      if (codes.unplanned.count(*reason)) return StateReason{"", *reason};
      if (codes.planned.count(*reason))
        return BadReason(field, "'" + *reason +
                                    "' is a planned code of the downtime list: report "
                                    "planned_stop or setup, not down");
      if (codes.version == 0)
        return BadReason(field,
                         "no downtime reason list (reason_codes DOWNTIME) is in force: send "
                         "down without a reason and assign it later");
      return BadReason(field, "'" + *reason + "' is not a code of the downtime reason list " +
                                  "DOWNTIME version " + std::to_string(codes.version));
    }
    case State::kRunning:
    case State::kSetup:
    case State::kOffline:
      if (reason) return BadReason(field, name + " takes no reason");
      return StateReason{};
  }
  return StateReason{};
}

}  // namespace ordo::equipment
