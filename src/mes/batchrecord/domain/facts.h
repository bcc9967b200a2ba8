// What the batch record of one order is compiled from: plain values gathered by
// store/gather.cc from the orders, lots, deviations, master data and signatures reads and
// from the ledger. Pure data; no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/deviations/domain/deviation.h"

namespace ordo::batchrecord {

// One ledger entry as the compile needs it.
struct Entry {
  std::int64_t seq = 0, time_us = 0;
  std::string actor, role, type, subject_kind, subject_id, reason;
  Json payload = Json::object();
};

struct Facts {
  // The order: order_id, product, product_version, product_hash, routing, routing_version,
  // routing_hash, material, quantity, unit, base_quantity, base_unit, created_us,
  // released_us (orders/orders.h Order).
  Json order = Json::object();
  // Its pinned operations by position: operation, name, position, operation_class,
  // work_unit, state, started_us, completed_us, good, scrap, rework, verified_by, spec,
  // start_qualifications.
  Json operations = Json::array();
  // Its pinned bill of materials: material, quantity, unit, base_quantity, base_unit,
  // alternates, operation.
  Json bom = Json::array();
  // The product version's yield limits (percent of the order quantity), when set.
  std::optional<double> yield_low, yield_high;
  // The product material is serial-tracked (material `tracking` "serial" in force at the
  // order's release): its actual quantity is the number of serials produced.
  bool serial_tracked = false;
  // The order's entries (subject kinds order and batch_record) and the lots entries that
  // name it (lots.material_consumed, lots.lot_produced, lots.serial_produced,
  // lots.serial_consumed), by seq.
  std::vector<Entry> entries;
  // Its deviations, oldest first.
  std::vector<deviations::Deviation> deviations;
  // The signature.applied entries of the deviations' dispositions, by seq.
  std::map<std::int64_t, Entry> disposition_signatures;
  // Per operation id: the work unit's equipment master data in force at the operation's
  // start (calibration_due, cleaning_due, cleaning_status, status), null when none.
  std::map<std::string, Json> equipment_at_start;
};

}  // namespace ordo::batchrecord
