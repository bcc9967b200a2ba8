// Gathering a batch record's facts (gather.h).
#include "mes/batchrecord/store/gather.h"

#include "ledger/entry.h"
#include "mes/deviations/deviations.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/orders.h"
#include "storage/rows.h"
#include "store/ledger_store.h"

namespace ordo::batchrecord {

namespace {

constexpr const char* kColumns =
    "SELECT seq, time_us, actor, role, type, schema_version, subject_kind, subject_id, "
    "subject_version, payload, reason, signatures, prev_hash, hash, origin FROM ledger ";

Entry ToEntry(const ledger::LedgerEntry& e) {
  Entry out;
  out.seq = e.seq;
  out.time_us = e.time_us;
  out.actor = e.actor;
  out.role = e.role;
  out.type = e.type;
  out.subject_kind = e.subject.kind;
  out.subject_id = e.subject.id;
  out.reason = e.reason.value_or("");
  out.payload = e.payload;
  return out;
}

Status ReadEntries(storage::Database& db, const std::string& where,
                   const std::function<void(storage::Statement&)>& bind, std::vector<Entry>& out) {
  auto st = db.Prepare(std::string(kColumns) + where);
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  bind(s);
  while (true) {
    auto row = s.Step();
    if (!row.ok()) {
      s.Reset();
      return row.error();
    }
    if (!*row) break;
    auto e = store::EntryFromRow(s);
    if (!e.ok()) {
      s.Reset();
      return e.error();
    }
    out.push_back(ToEntry(*e));
  }
  s.Reset();
  return Ok();
}

Json OrderJson(const orders::Order& o) {
  return Json{{"order_id", o.order_id},
              {"product", o.product},
              {"product_version", o.product_version},
              {"product_hash", o.product_hash},
              {"routing", o.routing},
              {"routing_version", o.routing_version},
              {"routing_hash", o.routing_hash},
              {"material", o.material},
              {"quantity", o.quantity},
              {"unit", o.unit},
              {"base_quantity", o.base_quantity},
              {"base_unit", o.base_unit},
              {"state", o.state},
              {"created_us", o.created_us},
              {"released_us", o.released_us}};
}

Json OperationJson(const orders::PinnedOperation& p) {
  return Json{{"operation", p.operation},
              {"name", p.name},
              {"position", p.position},
              {"operation_class", p.operation_class},
              {"work_unit", p.work_unit},
              {"state", p.state},
              {"started_us", p.started_us},
              {"completed_us", p.completed_us},
              {"good", p.good},
              {"scrap", p.scrap},
              {"rework", p.rework},
              {"verified_by", p.verified_by},
              {"spec", p.spec},
              {"start_qualifications", p.start_qualifications}};
}

Json BomJson(const orders::PinnedBomItem& b) {
  return Json{{"material", b.material},
              {"quantity", b.quantity},
              {"unit", b.unit},
              {"base_quantity", b.base_quantity},
              {"base_unit", b.base_unit},
              {"scrap_factor", b.scrap_factor},
              {"alternates", b.alternates},
              {"operation", b.operation}};
}

std::optional<double> Number(const Json& j, const char* name) {
  if (j.contains(name) && j[name].is_number()) return j[name].get<double>();
  return std::nullopt;
}

}  // namespace

Result<std::optional<Facts>> GatherFacts(storage::Database& db, const std::string& order_id) {
  auto order = orders::FindOrder(db, order_id);
  if (!order.ok()) return order.error();
  if (!*order) return std::optional<Facts>();
  Facts f;
  f.order = OrderJson(**order);
  auto ops = orders::OperationsOf(db, order_id);
  if (!ops.ok()) return ops.error();
  for (const auto& op : *ops) f.operations.push_back(OperationJson(op));
  auto bom = orders::BomOf(db, order_id);
  if (!bom.ok()) return bom.error();
  for (const auto& b : *bom) f.bom.push_back(BomJson(b));

  // The product version pinned at release: its yield limits.
  if ((*order)->released_us > 0) {
    auto product = masterdata::InForce(db, "product", (*order)->product, (*order)->released_us);
    if (!product.ok()) return product.error();
    if (*product && (*product)->version == (*order)->product_version) {
      f.yield_low = Number((*product)->content, "yield_low");
      f.yield_high = Number((*product)->content, "yield_high");
    }
  }
  if ((*order)->released_us > 0) {
    auto material = masterdata::InForce(db, "material", (*order)->material, (*order)->released_us);
    if (!material.ok()) return material.error();
    f.serial_tracked =
        *material && (*material)->content.value("tracking", std::string()) == "serial";
  }

  // The order's own entries, then its consumptions and productions, in seq order. The
  // produced lots come from the lot table by order (each lot's creating entry is its
  // received_seq), never from a scan of every lots.lot_produced payload of the site.
  ORDO_TRY(ReadEntries(
      db, "WHERE subject_id = ?1 AND subject_kind IN ('order', 'batch_record') ORDER BY seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, f.entries));
  auto consumed = lots::ConsumedByOrder(db, order_id);
  if (!consumed.ok()) return consumed.error();
  for (const auto& c : *consumed)
    ORDO_TRY(ReadEntries(
        db, "WHERE seq = ?1", [&](storage::Statement& s) { s.Bind(1, c.seq); }, f.entries));
  ORDO_TRY(ReadEntries(
      db,
      "WHERE seq IN (SELECT received_seq FROM lot WHERE order_id = ?1 AND origin = 'produced') "
      "AND type = 'lots.lot_produced' ORDER BY seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, f.entries));
  // The serials it produced (serial_unit by order, then their entries by seq) and the
  // component serials consumed into it (their entries by subject).
  ORDO_TRY(ReadEntries(
      db,
      "WHERE seq IN (SELECT produced_seq FROM serial_unit WHERE order_id = ?1) "
      "AND type = 'lots.serial_produced' ORDER BY seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, f.entries));
  ORDO_TRY(ReadEntries(
      db,
      "WHERE subject_id IN (SELECT serial FROM serial_unit WHERE consumed_order_id = ?1) "
      "AND type = 'lots.serial_consumed' AND json_extract(payload, '$.order_id') = ?1 "
      "ORDER BY seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, f.entries));
  std::stable_sort(f.entries.begin(), f.entries.end(),
                   [](const Entry& a, const Entry& b) { return a.seq < b.seq; });

  auto devs = deviations::DeviationsOfOrder(db, order_id);
  if (!devs.ok()) return devs.error();
  f.deviations = std::move(*devs);
  for (const auto& d : f.deviations)
    for (const auto& x : d.dispositions) {
      std::vector<Entry> sig;
      ORDO_TRY(ReadEntries(
          db, "WHERE seq = ?1 AND type = 'signature.applied'",
          [&](storage::Statement& s) { s.Bind(1, x.signature_seq); }, sig));
      for (auto& e : sig) f.disposition_signatures[e.seq] = std::move(e);
    }

  // The work unit's calibration and cleaning as in force when each operation started.
  for (const auto& op : *ops) {
    if (op.started_us == 0 || op.work_unit.empty()) continue;
    auto eq = masterdata::InForce(db, "equipment", op.work_unit, op.started_us);
    if (!eq.ok()) return eq.error();
    if (!*eq) {
      f.equipment_at_start[op.operation] = nullptr;
      continue;
    }
    const Json& c = (*eq)->content;
    Json status{{"work_unit", op.work_unit}, {"equipment_version", (*eq)->version}};
    for (const char* k : {"status", "calibration_due", "cleaning_status", "cleaning_due"})
      status[k] = c.contains(k) ? c[k] : Json(nullptr);
    f.equipment_at_start[op.operation] = status;
  }
  return std::optional<Facts>(std::move(f));
}

}  // namespace ordo::batchrecord
