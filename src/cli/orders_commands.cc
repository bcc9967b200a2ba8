// `ordo orders import FILE`: the order file to POST /api/v1/orders/import (RunImport).
#include "cli/orders_commands.h"

#include <cctype>
#include <memory>

#include "cli/server_session.h"

namespace ordo::cli {

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

}  // namespace

std::string FormatImportReport(const Json& report) {
  return FormatImportReport(report, "order_id");
}

void AddOrdersCommands(CLI::App& app, int* rc) {
  // Owned by the callbacks, which outlive this function (CLI11 keeps them in `app`).
  auto connection = std::make_shared<Connection>();
  auto file = std::make_shared<std::string>();
  auto* orders = app.add_subcommand("orders", "Work orders on a running server");
  orders->require_subcommand(1);
  auto* import = orders->add_subcommand(
      "import",
      "Import an ERP order file (FILE.json as JSON, else CSV with the header "
      "order_id,product,quantity,unit,due_date,priority,customer_order)");
  import->add_option("FILE", *file, "the order file")->required();
  AddConnectionOptions(import, connection.get());
  import->callback([=] {
    *rc = RunImport(*connection, *file, "/api/v1/orders/import",
                    EndsWith(*file, ".json") ? "json" : "csv", "order_id");
});
}  // namespace ordo::cli

}  // namespace ordo::cli
