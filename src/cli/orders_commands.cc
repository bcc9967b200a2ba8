// `ordo orders import FILE`: read the file, sign in, post it, print the report.
#include "cli/orders_commands.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/plant_commands.h"
#include "cli/server_session.h"

namespace ordo::cli {

namespace {

using client::HttpClient;
using client::HttpReply;

bool EndsWith(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  std::string tail = s.substr(s.size() - suffix.size());
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == suffix;
}

int Import(const Connection& c, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Fail("cannot read " + file);
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (!ParseServerUrl(c.server).ok()) {
    Fail(ParseServerUrl(c.server).error().message);
    return 2;
  }
  const Json request{{"format", EndsWith(file, ".json") ? "json" : "csv"}, {"content", text.str()}};
  return WithSession(c, [&](const HttpClient& client, const std::string& token) {
    HttpReply r = client.Post("/api/v1/orders/import", request, token);
    Json body = r.json();
    if (!r.ok() || !body.is_object() || !body.contains("rows"))
      return Fail(Problem("importing " + file, r));
    std::fputs(FormatImportReport(body).c_str(), stdout);
    return body.value("refused", 0) > 0 ? 1 : 0;
  });
}

}  // namespace

std::string FormatImportReport(const Json& report) {
  std::string out = std::to_string(report.value("created", 0)) + " created, " +
                    std::to_string(report.value("unchanged", 0)) + " unchanged, " +
                    std::to_string(report.value("refused", 0)) + " refused\n";
  if (!report.contains("rows") || !report["rows"].is_array()) return out;
  for (const auto& row : report["rows"]) {
    if (!row.is_object()) continue;
    const std::string outcome = row.value("outcome", "");
    if (outcome != "refused" && outcome != "conflict") continue;
    const std::string head = "line " + std::to_string(row.value("line", 0)) + " (" +
                             row.value("order_id", "") + "): " + outcome;
    if (!row.contains("errors") || !row["errors"].is_array() || row["errors"].empty()) {
      out += head + "\n";
      continue;
    }
    for (const auto& e : row["errors"])
      if (e.is_object())
        out += head + ": " + e.value("field", "") + ": " + e.value("message", "") + "\n";
  }
  return out;
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
  import->callback([=] { *rc = Import(*connection, *file);
});
}  // namespace ordo::cli

}  // namespace ordo::cli
