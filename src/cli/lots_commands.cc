// `ordo lots import FILE`: the CSV of lots to POST /api/v1/lots/import (RunImport).
#include "cli/lots_commands.h"

#include <memory>

#include "cli/server_session.h"

namespace ordo::cli {

void AddLotsCommands(CLI::App& app, int* rc) {
  // Owned by the callbacks, which outlive this function (CLI11 keeps them in `app`).
  auto connection = std::make_shared<Connection>();
  auto file = std::make_shared<std::string>();
  auto* lots = app.add_subcommand("lots", "Material lots on a running server");
  lots->require_subcommand(1);
  auto* import = lots->add_subcommand(
      "import",
      "Receive the lots of a CSV file (lot,material,supplier,supplier_lot,quantity,"
      "unit,expiry,retest); prints N created, N unchanged, N refused");
  import->add_option("FILE", *file, "CSV file to import")->required();
  AddConnectionOptions(import, connection.get());
  import->callback(
      [=] { *rc = RunImport(*connection, *file, "/api/v1/lots/import", "csv", "lot");
});
}  // namespace ordo::cli

}  // namespace ordo::cli
