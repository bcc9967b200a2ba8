// The public read API (mes/lots/lots.h): seal-checked lots for decisions.
#include "mes/lots/lots.h"
#include "mes/lots/store/lots_store.h"
#include "storage/rows.h"
#include "store/row_seal.h"

namespace ordo::lots {

Result<std::optional<Lot>> FindLot(storage::Database& db, const std::string& lot) {
  auto row = CheckedLot(db, lot);
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<Lot>();
  return std::optional<Lot>((*row)->lot);
}

Result<std::vector<Lot>> LotsOfSupplierLot(storage::Database& db, const std::string& material,
                                           const std::string& supplier_lot) {
  auto rows = LotRowsOfSupplierLot(db, material, supplier_lot);
  if (!rows.ok()) return rows.error();
  std::vector<Lot> lots;
  for (const auto& r : *rows) {
    ORDO_TRY(store::CheckSealedRow(db, "lot", {r.lot.lot}));
    lots.push_back(r.lot);
  }
  return lots;
}

Result<std::vector<Consumption>> ConsumedByOrder(storage::Database& db,
                                                 const std::string& order_id) {
  auto rows = storage::Rows<Consumption>(
      db,
      "SELECT seq, lot, material, order_id, operation, bom_material, base_quantity, actor, "
      "user_id "
      "FROM lot_consumption WHERE order_id = ? ORDER BY seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); },
      [](const storage::Statement& s) {
        Consumption c;
        c.seq = s.Int(0);
        c.lot = s.Text(1);
        c.material = s.Text(2);
        c.order_id = s.Text(3);
        c.operation = s.Text(4);
        c.bom_material = s.Text(5);
        c.base_quantity = Json::parse(s.Text(6), nullptr, false).is_number()
                              ? Json::parse(s.Text(6)).get<double>()
                              : 0.0;
        c.actor = s.Text(7);
        c.user_id = s.Int(8);
        return c;
      });
  if (!rows.ok()) return rows.error();
  for (const auto& c : *rows)
    ORDO_TRY(store::CheckSealedRow(db, "lot_consumption", {std::to_string(c.seq)}));
  return rows;
}

}  // namespace ordo::lots
