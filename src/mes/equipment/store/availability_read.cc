// The public availability read (mes/equipment/availability.h): a work unit's current
// machine state and down spell from eq_state_change, its override from the sealed
// eq_availability_override, decided by domain/availability.h.
#include <cstdint>
#include <optional>
#include <tuple>

#include "core/json_fields.h"
#include "mes/equipment/availability.h"
#include "mes/masterdata/in_force.h"
#include "storage/rows.h"
#include "store/row_seal.h"

namespace ordo::equipment {

namespace {

// A state change's total-order key and what the block needs of it.
struct ChangeKey {
  TimeMicros device_time_us = 0;
  std::string source;
  std::int64_t source_seq = 0, idx = 0;
  std::string state, reason_code;
};

ChangeKey KeyOf(const storage::Statement& s) {
  return ChangeKey{s.Int(0), s.Text(1), s.Int(2), s.Int(3), s.Text(4), s.Text(5)};
}

constexpr const char* kCols =
    "SELECT device_time_us, source, source_seq, idx, state, reason_code FROM eq_state_change "
    "WHERE work_unit = ?1 ";
constexpr const char* kDesc =
    " ORDER BY device_time_us DESC, source DESC, source_seq DESC, idx DESC LIMIT 1";

// The current state of `work_unit`: its latest change and, when down, the start of the
// trailing run of down changes. nullopt without any change.
Result<std::optional<CurrentState>> CurrentOf(storage::Database& db, const std::string& work_unit) {
  auto bind = [&](storage::Statement& s) { s.Bind(1, work_unit); };
  auto last = storage::FirstRow<ChangeKey>(db, std::string(kCols) + kDesc, bind, KeyOf);
  if (!last.ok()) return last.error();
  if (!*last) return std::optional<CurrentState>();
  CurrentState current;
  current.state = ParseState((*last)->state).value_or(State::kOffline);
  current.reason_code = (*last)->reason_code;
  current.since_us = (*last)->device_time_us;
  if (current.state != State::kDown) return std::optional<CurrentState>(current);
  auto up = storage::FirstRow<ChangeKey>(db, std::string(kCols) + "AND state <> 'down'" + kDesc,
                                         bind, KeyOf);
  if (!up.ok()) return up.error();
  std::string sql = std::string(kCols) + "AND state = 'down' ";
  if (*up) sql += "AND (device_time_us, source, source_seq, idx) > (?2, ?3, ?4, ?5) ";
  sql += "ORDER BY device_time_us, source, source_seq, idx LIMIT 1";
  auto first = storage::FirstRow<ChangeKey>(
      db, sql,
      [&](storage::Statement& s) {
        s.Bind(1, work_unit);
        if (*up) {
          s.Bind(2, (*up)->device_time_us).Bind(3, (*up)->source);
          s.Bind(4, (*up)->source_seq).Bind(5, (*up)->idx);
        }
      },
      KeyOf);
  if (!first.ok()) return first.error();
  if (*first) current.since_us = (*first)->device_time_us;
  if (current.reason_code.empty()) {
    // A reason given after the fact to the interval the spell began with.
    auto assigned = storage::FirstRow<std::string>(
        db,
        "SELECT reason_code FROM eq_downtime_reason WHERE work_unit = ? AND "
        "interval_start_us = ? LIMIT 1",
        [&](storage::Statement& s) { s.Bind(1, work_unit).Bind(2, current.since_us); },
        [](const storage::Statement& s) { return s.Text(0); });
    if (!assigned.ok()) return assigned.error();
    if (*assigned) current.reason_code = **assigned;
  }
  return std::optional<CurrentState>(current);
}

// The spell start `since_us` when an override of it exists (seal-checked).
Result<std::optional<TimeMicros>> OverrideOf(storage::Database& db, const std::string& work_unit,
                                             TimeMicros since_us) {
  auto row = storage::FirstRow<TimeMicros>(
      db,
      "SELECT down_since_us FROM eq_availability_override WHERE work_unit = ? AND "
      "down_since_us = ? LIMIT 1",
      [&](storage::Statement& s) { s.Bind(1, work_unit).Bind(2, since_us); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!row.ok()) return row.error();
  if (*row)
    ORDO_TRY(store::CheckSealedRow(db, "eq_availability_override",
                                   {work_unit, std::to_string(since_us)}));
  return *row;
}

}  // namespace

TimeMicros DownBlockThreshold(const Json& content) {
  auto it = content.find("down_block_seconds");
  if (it != content.end() && it->is_number_integer()) return it->get<std::int64_t>() * 1'000'000;
  return kDefaultDownBlockMicros;
}

Result<Availability> AvailabilityOf(storage::Database& db, const std::string& work_unit,
                                    TimeMicros now, TimeMicros threshold_us) {
  auto current = CurrentOf(db, work_unit);
  if (!current.ok()) return current.error();
  std::optional<TimeMicros> overridden;
  if (*current && (*current)->state == State::kDown) {
    auto o = OverrideOf(db, work_unit, (*current)->since_us);
    if (!o.ok()) return o.error();
    overridden = *o;
  }
  return DecideAvailability(*current, now, threshold_us, overridden);
}

Result<Availability> AvailabilityOf(storage::Database& db, const std::string& work_unit,
                                    TimeMicros now) {
  auto v = masterdata::InForce(db, "equipment", work_unit, now);
  if (!v.ok()) return v.error();
  return AvailabilityOf(db, work_unit, now,
                        *v ? DownBlockThreshold((*v)->content) : kDefaultDownBlockMicros);
}

}  // namespace ordo::equipment
