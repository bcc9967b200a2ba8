// `ordo trace back|forward ID`: the genealogy trace as a tree or as JSON, and `ordo trace
// recall LOT` (trace_commands.h).
#include "cli/trace_commands.h"

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli/server_session.h"
#include "cli/url_path.h"

namespace ordo::cli {

namespace {

std::string Str(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string Quantity(const Json& value) {
  if (!value.is_number()) return "";
  std::ostringstream out;
  out << value.get<double>();
  return out.str();
}

// "material, status, quantity unit, order O" for what is known of a node.
std::string Describe(const Json& node) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!part.empty()) out += (out.empty() ? "" : ", ") + part;
  };
  if (node.contains("known") && node["known"].is_boolean() && !node["known"].get<bool>())
    return "(not a known lot or order)";
  add(Str(node, "material"));
  add(Str(node, "status"));
  const std::string q = Quantity(node.value("quantity", Json()));
  if (!q.empty()) add(q + (Str(node, "base_unit").empty() ? "" : " " + Str(node, "base_unit")));
  if (Str(node, "kind") != "order" && !Str(node, "order_id").empty())
    add("made by order " + Str(node, "order_id"));
  return out;
}

// "consumed 20 kg at 10" for an edge.
std::string EdgeLabel(const Json& edge) {
  std::string out = Str(edge, "kind");
  const std::string q = Quantity(edge.value("quantity", Json()));
  if (!q.empty() && q != "0")
    out += " " + q + (Str(edge, "base_unit").empty() ? "" : " " + Str(edge, "base_unit"));
  if (!Str(edge, "operation").empty()) out += " at operation " + Str(edge, "operation");
  return out;
}

int RunTrace(const Connection& c, const std::string& id, const std::string& direction, bool json) {
  const std::string path = "/api/v1/genealogy/" + PathSegment(id) + "?direction=" + direction;
  return WithSession(c, [&](const client::HttpClient& client, const std::string& token) {
    client::HttpReply r = client.Get(path, token);
    Json body = r.json();
    if (!r.ok() || !body.is_object()) return Fail(Problem("tracing " + id, r));
    std::fputs(json ? (body.dump(2) + "\n").c_str() : FormatTraceTree(body).c_str(), stdout);
    return 0;
  });
}

// `ordo trace recall LOT`: the server's recall report as readable lines (or its CSV or
// HTML as it comes), to stdout or to `to`.
int RunRecall(const Connection& c, const std::string& lot, const std::string& format,
              const std::string& to) {
  const std::string path = "/api/v1/genealogy/" + PathSegment(lot) + "/recall?format=" + format;
  return WithSession(c, [&](const client::HttpClient& client, const std::string& token) {
    client::HttpReply r = client.Get(path, token);
    if (!r.ok()) return Fail(Problem("the recall report of " + lot, r));
    std::string out = r.body;
    if (format == "json") {
      Json body = r.json();
      if (!body.is_object()) return Fail(Problem("the recall report of " + lot, r));
      out = FormatRecall(body);
    }
    if (to.empty()) {
      std::fputs(out.c_str(), stdout);
      return 0;
    }
    std::ofstream file(to, std::ios::binary | std::ios::trunc);
    file << out;
    file.close();
    if (!file) return Fail("cannot write " + to);
    std::printf("wrote the recall report of %s to %s\n", lot.c_str(), to.c_str());
    return 0;
  });
}

}  // namespace

std::string FormatRecall(const Json& report) {
  const Json summary = report.value("summary", Json::object());
  std::string out = "Recall report: " + Str(summary, "suspect");
  if (!Str(summary, "suspect_material").empty())
    out += " (" + Str(summary, "suspect_material") + ")";
  out += ", " + Str(summary, "generated_at") + "\n";
  std::size_t count = 0;
  if (report.contains("items") && report["items"].is_array())
    for (const Json& item : report["items"]) {
      if (!item.is_object()) continue;
      ++count;
      std::string line = "  " + Str(item, "node") + "  " + Str(item, "material");
      if (!Str(item, "status").empty()) line += ", " + Str(item, "status");
      const std::string q = Quantity(item.value("quantity", Json()));
      if (!q.empty())
        line += ", " + q + (Str(item, "base_unit").empty() ? "" : " " + Str(item, "base_unit"));
      if (!Str(item, "location").empty()) line += ", at " + Str(item, "location");
      if (!Str(item, "order_id").empty()) line += ", order " + Str(item, "order_id");
      out += line + "\n";
    }
  if (summary.value("truncated", false))
    out += "(truncated: the trace hit its node limit; the list may be incomplete)\n";
  out += count == 0 ? std::string("no finished lot or serial contains it\n")
                    : std::to_string(count) + " finished lot(s) and serial(s) to recall\n";
  return out;
}

std::string FormatTraceTree(const Json& trace) {
  const bool backward = Str(trace, "direction") != "forward";
  std::map<std::string, Json> nodes;
  if (trace.contains("nodes") && trace["nodes"].is_array())
    for (const Json& n : trace["nodes"])
      if (n.is_object()) nodes[Str(n, "id")] = n;
  // The next level of each node: (far node, edge), sorted by far node then seq.
  std::map<std::string, std::vector<std::pair<std::string, Json>>> next;
  if (trace.contains("edges") && trace["edges"].is_array())
    for (const Json& e : trace["edges"]) {
      if (!e.is_object()) continue;
      const std::string near = Str(e, backward ? "child" : "parent");
      next[near].push_back({Str(e, backward ? "parent" : "child"), e});
    }
  for (auto& [near, list] : next)
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::string start = Str(trace, "start");
  std::string out = start + "  " + Describe(nodes[start]) + "\n";
  std::set<std::string> shown{start};
  std::function<void(const std::string&, const std::string&)> walk =
      [&](const std::string& node, const std::string& indent) {
        auto it = next.find(node);
        if (it == next.end()) return;
        const auto& list = it->second;
        for (std::size_t i = 0; i < list.size(); ++i) {
          const bool last = i + 1 == list.size();
          const std::string& far = list[i].first;
          const bool again = shown.count(far) > 0;
          out += indent + (last ? "└─ " : "├─ ") + far + "  [" + EdgeLabel(list[i].second) + "]  " +
                 (again ? "(see above)" : Describe(nodes[far])) + "\n";
          if (again) continue;
          shown.insert(far);
          walk(far, indent + (last ? "   " : "│  "));
        }
      };
  walk(start, "");
  if (trace.value("truncated", false)) out += "(truncated: the depth limit stopped the trace)\n";
  out += std::to_string(nodes.size()) + " nodes, " +
         std::to_string(trace.contains("edges") ? trace["edges"].size() : 0) + " edges " +
         (backward ? "backward" : "forward") + "\n";
  return out;
}

void AddTraceCommands(CLI::App& app, int* rc) {
  // Owned by the callbacks, which outlive this function (CLI11 keeps them in `app`).
  auto connection = std::make_shared<Connection>();
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* trace = app.add_subcommand(
      "trace", "Genealogy: what went into a lot or serial (back) or where it went (forward)");
  trace->require_subcommand(1);
  for (const auto& [name, direction] :
       {std::pair<const char*, const char*>{"back", "backward"}, {"forward", "forward"}}) {
    const std::string dir = direction;
    auto* sub = trace->add_subcommand(
        name, dir == "backward" ? "Everything that went into ID, down to the supplier lots"
                                : "Every lot, serial and order that ID went into");
    sub->add_option("ID", *id,
                    "lot or serial id (lot:ID or serial:ID when both exist; order:ID for an "
                    "order)")
        ->required();
    sub->add_flag("--json", *json, "print the server's JSON instead of the tree");
    AddConnectionOptions(sub, connection.get());
    sub->callback([=] { *rc = RunTrace(*connection, *id, dir, *json); });
  }
  auto csv = std::make_shared<bool>(false);
  auto html = std::make_shared<bool>(false);
  auto to = std::make_shared<std::string>();
  auto* recall = trace->add_subcommand(
      "recall", "Recall report: every finished lot and serial that contains a suspect lot");
  recall->add_option("LOT", *id, "the suspect lot (or serial) id")->required();
  auto* csv_flag = recall->add_flag("--csv", *csv, "print the report as CSV");
  recall->add_flag("--html", *html, "print the report as a printable HTML page")
      ->excludes(csv_flag);
  recall->add_option("--to", *to, "write the report to this file instead of stdout");
  AddConnectionOptions(recall, connection.get());
  recall->callback([=] {
    *rc = RunRecall(*connection, *id, *csv ? "csv" : *html ? "html" : "json", *to);
  });
}

}  // namespace ordo::cli
