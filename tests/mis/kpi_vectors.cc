// Test support: the KPI vectors as import files and their expected figures (kpi_vectors.h).
#include "kpi_vectors.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/clock.h"

namespace ordo::testing {

const std::string kVectors = std::string(ORDO_SOURCE_DIR) + "/tests/mis/vectors/";
const std::vector<std::string> kKinds = {
    "equipment",          "calendar", "states",           "counts",
    "ideal_cycle_times",  "orders",   "shipments",        "maintenance",
    "quality_costs",      "sales",    "operation_yields", "cost_rates",
    "planned_cycle_times"};

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ',')
      out.emplace_back();
    else if (c != '\r')
      out.back() += c;
  }
  return out;
}

std::string ForImport(const std::string& kind, const std::string& text) {
  static const std::set<std::string> dates{"date", "period_start", "period_end"};
  std::istringstream lines(text);
  std::string line, out;
  std::vector<std::string> header;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells = Split(line);
    if (header.empty()) {
      header = cells;
      out += line + "\n";
      continue;
    }
    for (std::size_t i = 0; i < cells.size() && i < header.size(); ++i) {
      const std::string& column = header[i];
      if (kind == "equipment" && column == "level") {
        if (cells[2].empty()) cells[i] = "enterprise";
        if (cells[i] == "line") cells[i] = "work_center";
      }
      TimeMicros t = 0;
      if (dates.count(column) && ParseIsoTime(cells[i], &t))
        cells[i] = FormatUtcMicros(column == "period_end" ? t - 1 : t).substr(0, 10);
    }
    std::string joined;
    for (std::size_t i = 0; i < cells.size(); ++i) joined += (i ? "," : "") + cells[i];
    out += joined + "\n";
  }
  return out;
}

std::string Encode(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '+' ? std::string("%2B") : std::string(1, c);
  return out;
}

std::vector<ExpectedFigure> LoadExpected(const std::string& path) {
  std::istringstream lines(ReadText(path));
  std::vector<ExpectedFigure> out;
  std::string line;
  bool header = true;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    const std::vector<std::string> c = Split(line);
    if (c.size() != 8) {
      ADD_FAILURE() << path << ":" << n << ": 8 cells expected";
      continue;
    }
    ExpectedFigure e{n, c[0], c[1], c[2], c[3], c[4], {}, std::nullopt, 0};
    std::istringstream overrides(c[5]);
    for (std::string o; std::getline(overrides, o, ';');)
      if (!o.empty()) e.overrides.push_back(o);
    if (c[6] != "null") e.expected = std::stod(c[6]);
    e.tolerance = c[7].empty() ? 0 : std::stod(c[7]);
    out.push_back(e);
  }
  return out;
}

}  // namespace ordo::testing
