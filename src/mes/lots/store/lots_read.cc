// The public read API (mes/lots/lots.h): seal-checked lots for decisions.
#include "mes/lots/lots.h"
#include "mes/lots/store/lots_store.h"
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

}  // namespace ordo::lots
