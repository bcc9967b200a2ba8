// What the MIS takes from MES ledger entries: the machine-data events of the equipment
// capability (docs/equipment.md, "For readers") and the equipment master data put in
// force under change control (masterdata.draft_saved of kind equipment, and
// change_request.approved) and the work orders and operation completions of execution
// (orders.order_created, order_cancelled, operation_completed), as rows of the MIS store,
// each with the seq of the entry it came from. Other entry types are passed over. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/entry.h"

namespace ordo::mis::feed {

// equipment.state_changed: a work unit entered `state` at `time` (device time).
// `reason`: the downtime code when given, else the sub-reason (idle: starved, blocked,
// no_order; planned_stop: maintenance, break, cleaning, no_demand).
struct StateChangeRow {
  std::int64_t seq = 0;
  std::string work_unit;
  TimeMicros time = 0;
  std::string state;
  std::string reason;
  std::string source;
  std::int64_t source_seq = 0;
  std::int64_t index = 0;
  bool operator==(const StateChangeRow&) const = default;
};

// equipment.counted: increments, or for a cumulative source the counter values.
struct CountRow {
  std::int64_t seq = 0;
  std::string work_unit;
  TimeMicros time = 0;
  std::string source;
  std::string counter;  // increment | cumulative
  std::int64_t source_seq = 0;
  std::int64_t index = 0;
  std::int64_t total = 0, good = 0, scrap = 0, rework = 0;
  std::string product;
  std::string order;
  bool operator==(const CountRow&) const = default;
};

// equipment.downtime_reason_assigned: the interval of `work_unit` that starts at
// `interval_start` has the downtime code `reason` (assigned after the fact).
struct ReasonRow {
  std::int64_t seq = 0;
  std::string work_unit;
  TimeMicros interval_start = 0;
  std::string reason;
  bool operator==(const ReasonRow&) const = default;
};

// equipment.source_registered: a cumulative source's rollover modulus (0 = none).
struct SourceRow {
  std::int64_t seq = 0;
  std::string name;
  std::string counter;
  std::int64_t rollover_modulus = 0;
  bool operator==(const SourceRow&) const = default;
};

// masterdata.draft_saved of an equipment object: version `version` of `id` as drafted
// (`content`: the object's canonical JSON: id, name, level, parent, ideal_cycle_times...).
// A later draft of the same version replaces it.
struct EquipmentDraftRow {
  std::int64_t seq = 0;
  std::string id;
  std::int64_t version = 0;
  std::string action;   // define | obsolete
  std::string content;  // canonical JSON
  bool operator==(const EquipmentDraftRow&) const = default;
};

// change_request.approved: equipment version `version` of `id` is in force from
// `effective_from` (one row per equipment version the approval names).
struct ApprovalRow {
  std::int64_t seq = 0;
  std::string id;
  std::int64_t version = 0;
  TimeMicros effective_from = 0;
  bool operator==(const ApprovalRow&) const = default;
};

// orders.order_created: a work order of the MES (ERP orders reach the MES this way too).
struct OrderRow {
  std::int64_t seq = 0;
  std::string order_id, product;
  double quantity = 0;
  std::string unit;
  TimeMicros due = 0;    // the MES's due_us (a date alone: the next 00:00 UTC)
  std::string customer;  // the customer order it serves ("" when none)
  // The due date as the MES recorded it: a date (YYYY-MM-DD) or a date-time with an
  // offset; "" for a row taken before the MIS kept it (feed migration 5).
  std::string due_date;
  bool operator==(const OrderRow&) const = default;
};

// orders.order_cancelled.
struct CancelRow {
  std::int64_t seq = 0;
  std::string order_id;
  bool operator==(const CancelRow&) const = default;
};

// orders.operation_completed at the entry's server time.
struct CompletionRow {
  std::int64_t seq = 0;
  TimeMicros time = 0;
  std::string order_id, operation, work_unit;
  double good = 0, scrap = 0, rework = 0;
  bool operator==(const CompletionRow&) const = default;
};

struct FeedRows {
  std::vector<StateChangeRow> states;
  std::vector<CountRow> counts;
  std::vector<ReasonRow> reasons;
  std::vector<SourceRow> sources;
  std::vector<EquipmentDraftRow> equipment_drafts;
  std::vector<ApprovalRow> equipment_approvals;
  std::vector<OrderRow> orders;
  std::vector<CancelRow> cancellations;
  std::vector<CompletionRow> completions;
};

struct Derived {
  FeedRows rows;                 // of entries [0, taken)
  std::size_t taken = 0;         // the entries read: all of them unless `failure`
  std::optional<Error> failure;  // why entries[taken] could not be read
};

// The rows of `entries`, up to the first entry it cannot read: an event it takes of a
// schema version this MIS does not read, or whose payload does not parse, is a failure
// (failed_precondition, field "feed", reason unreadable_event, naming the seq and type):
// the MIS must not guess at what it cannot read (docs/mis.md, "The MES ledger feed").
Derived DeriveRows(const std::vector<ledger::LedgerEntry>& entries);

}  // namespace ordo::mis::feed
