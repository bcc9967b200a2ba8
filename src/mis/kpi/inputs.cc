// Wire names of the input enums.
#include "mis/kpi/inputs.h"

#include <array>
#include <utility>

namespace ordo::mis {

namespace {

template <typename E, std::size_t N>
Result<E> ParseName(const std::array<std::pair<const char*, E>, N>& names, std::string_view text,
                    const std::string& field, const char* reason) {
  std::string expected;
  for (const auto& [name, value] : names) {
    if (text == name) return value;
    if (!expected.empty()) expected += ", ";
    expected += name;
  }
  return Error::Invalid(field, field + ": \"" + std::string(text) + "\" is not one of " + expected,
                        reason);
}

template <typename E, std::size_t N>
const char* NameOf(const std::array<std::pair<const char*, E>, N>& names, E value) {
  for (const auto& [name, v] : names)
    if (v == value) return name;
  return "?";
}

constexpr std::array<std::pair<const char*, MachineState>, 6> kStates = {{
    {"running", MachineState::kRunning},
    {"idle", MachineState::kIdle},
    {"setup", MachineState::kSetup},
    {"down", MachineState::kDown},
    {"planned_stop", MachineState::kPlannedStop},
    {"offline", MachineState::kOffline},
}};
constexpr std::array<std::pair<const char*, CalendarKind>, 5> kCalendarKinds = {{
    {"shift", CalendarKind::kShift},
    {"break", CalendarKind::kBreak},
    {"planned_maintenance", CalendarKind::kPlannedMaintenance},
    {"no_demand", CalendarKind::kNoDemand},
    {"holiday", CalendarKind::kHoliday},
}};
constexpr std::array<std::pair<const char*, MaintenanceKind>, 3> kMaintenanceKinds = {{
    {"corrective", MaintenanceKind::kCorrective},
    {"preventive", MaintenanceKind::kPreventive},
    {"predictive", MaintenanceKind::kPredictive},
}};
constexpr std::array<std::pair<const char*, QualityCostCategory>, 4> kCategories = {{
    {"prevention", QualityCostCategory::kPrevention},
    {"appraisal", QualityCostCategory::kAppraisal},
    {"internal_failure", QualityCostCategory::kInternalFailure},
    {"external_failure", QualityCostCategory::kExternalFailure},
}};

}  // namespace

const char* MachineStateName(MachineState state) { return NameOf(kStates, state); }
Result<MachineState> ParseMachineState(std::string_view text, const std::string& field) {
  return ParseName(kStates, text, field, "invalid_state");
}
const char* CalendarKindName(CalendarKind kind) { return NameOf(kCalendarKinds, kind); }
Result<CalendarKind> ParseCalendarKind(std::string_view text, const std::string& field) {
  return ParseName(kCalendarKinds, text, field, "invalid_kind");
}
const char* MaintenanceKindName(MaintenanceKind kind) { return NameOf(kMaintenanceKinds, kind); }
Result<MaintenanceKind> ParseMaintenanceKind(std::string_view text, const std::string& field) {
  return ParseName(kMaintenanceKinds, text, field, "invalid_kind");
}
const char* QualityCostCategoryName(QualityCostCategory category) {
  return NameOf(kCategories, category);
}
Result<QualityCostCategory> ParseQualityCostCategory(std::string_view text,
                                                     const std::string& field) {
  return ParseName(kCategories, text, field, "invalid_category");
}

}  // namespace ordo::mis
