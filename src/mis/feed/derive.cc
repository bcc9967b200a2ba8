// Machine-data events of the MES ledger as MIS rows.
#include "mis/feed/derive.h"

#include "mes/equipment/events.h"
#include "mes/masterdata/events.h"
#include "mes/orders/events.h"

namespace ordo::mis::feed {

namespace {

namespace eq = ordo::equipment;
namespace md = ordo::masterdata;
namespace od = ordo::orders;
constexpr const char* kEquipmentKind = "equipment";

template <typename Event>
Result<Event> Read(const ledger::LedgerEntry& entry) {
  if (entry.schema_version != Event::kVersion)
    return Error{ErrorCode::kFailedPrecondition,
                 "ledger entry " + std::to_string(entry.seq) + " is " + entry.type + " version " +
                     std::to_string(entry.schema_version) + "; this ordo-mis reads version " +
                     std::to_string(Event::kVersion) + ": upgrade ordo-mis",
                 "feed", "unreadable_event"};
  try {
    return entry.payload.get<Event>();
  } catch (const Json::exception& e) {
    return Error{ErrorCode::kFailedPrecondition,
                 "ledger entry " + std::to_string(entry.seq) + " (" + entry.type +
                     ") has a payload this ordo-mis cannot read: " + e.what(),
                 "feed", "unreadable_event"};
  }
}

}  // namespace

namespace {

// Adds the rows of one entry; an error when it cannot be read.
Status Take(const ledger::LedgerEntry& entry, FeedRows& rows) {
  if (entry.type == eq::StateChanged::kType) {
    auto e = Read<eq::StateChanged>(entry);
    if (!e.ok()) return e.error();
    rows.states.push_back({entry.seq, e->work_unit, e->device_time_us, e->state,
                           e->reason_code.empty() ? e->sub_reason : e->reason_code, e->source,
                           e->source_seq, e->index});
  } else if (entry.type == eq::Counted::kType) {
    auto e = Read<eq::Counted>(entry);
    if (!e.ok()) return e.error();
    rows.counts.push_back({entry.seq, e->work_unit, e->device_time_us, e->source, e->counter,
                           e->source_seq, e->index, e->counts.total, e->counts.good,
                           e->counts.scrap, e->counts.rework, e->context.product,
                           e->context.order_id});
  } else if (entry.type == eq::DowntimeReasonAssigned::kType) {
    auto e = Read<eq::DowntimeReasonAssigned>(entry);
    if (!e.ok()) return e.error();
    rows.reasons.push_back({entry.seq, e->work_unit, e->interval_start_us, e->reason_code});
  } else if (entry.type == eq::SourceRegistered::kType) {
    auto e = Read<eq::SourceRegistered>(entry);
    if (!e.ok()) return e.error();
    rows.sources.push_back({entry.seq, e->name, e->counter, e->rollover_modulus});
  } else if (entry.type == md::DraftSaved::kType && entry.subject.kind == kEquipmentKind) {
    auto e = Read<md::DraftSaved>(entry);
    if (!e.ok()) return e.error();
    rows.equipment_drafts.push_back(
        {entry.seq, entry.subject.id, entry.subject.version, e->action, CanonicalJson(e->content)});
  } else if (entry.type == od::OrderCreated::kType) {
    auto e = Read<od::OrderCreated>(entry);
    if (!e.ok()) return e.error();
    rows.orders.push_back({entry.seq, e->order_id, e->product, e->quantity, e->unit, e->due_us,
                           e->customer_order, e->due_date});
  } else if (entry.type == od::OrderCancelled::kType) {
    auto e = Read<od::OrderCancelled>(entry);
    if (!e.ok()) return e.error();
    rows.cancellations.push_back({entry.seq, e->order_id});
  } else if (entry.type == od::OperationCompleted::kType) {
    auto e = Read<od::OperationCompleted>(entry);
    if (!e.ok()) return e.error();
    rows.completions.push_back({entry.seq, entry.time_us, e->order_id, e->operation, e->work_unit,
                                e->good, e->scrap, e->rework});
  } else if (entry.type == md::ChangeRequestApproved::kType) {
    auto e = Read<md::ChangeRequestApproved>(entry);
    if (!e.ok()) return e.error();
    for (const auto& v : e->versions)
      if (v.kind == kEquipmentKind)
        rows.equipment_approvals.push_back({entry.seq, v.id, v.version, e->effective_from_us});
  }
  return Ok();
}

}  // namespace

Derived DeriveRows(const std::vector<ledger::LedgerEntry>& entries) {
  Derived out;
  for (const auto& entry : entries) {
    if (Status s = Take(entry, out.rows); !s.ok()) {
      out.failure = s.error();
      break;
    }
    ++out.taken;
  }
  return out;
}

}  // namespace ordo::mis::feed
