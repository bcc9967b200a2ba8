// Writing and verifying ledger export files.
#include "ledger/export.h"

#include <fstream>

namespace ordo::ledger {

ExportWriter::ExportWriter(std::ostream& out, const std::string& public_key, TimeMicros exported_at,
                           const std::vector<Checkpoint>& checkpoints)
    : out_(out) {
  out_ << CanonicalJson(Json{{"format", "ordo-ledger-export"},
                             {"format_version", 1},
                             {"public_key", public_key},
                             {"exported_at", FormatUtcMicros(exported_at)}})
       << '\n';
  for (const auto& c : checkpoints) {
    out_ << CanonicalJson(Json{{"checkpoint", ToJson(c)}}) << '\n';
    ++checkpoints_;
  }
}

void ExportWriter::Add(const LedgerEntry& entry) {
  out_ << CanonicalJson(Json{{"entry", ToJson(entry)}}) << '\n';
  ++entries_;
}

void ExportWriter::Finish() {
  out_ << CanonicalJson(Json{{"end", {{"entries", entries_}, {"checkpoints", checkpoints_}}}})
       << '\n';
  out_.flush();
}

namespace {

VerifyReport Broken(std::string message) {
  VerifyReport r;
  r.ok = false;
  r.message = std::move(message);
  return r;
}

}  // namespace

VerifyReport VerifyExportFile(const std::string& path, const std::string& pinned_public_key) {
  std::ifstream in(path);
  if (!in) return Broken("cannot open export file '" + path + "'");
  std::string line;
  std::int64_t line_no = 0;
  auto parse = [&](Json* out) -> bool {
    if (!std::getline(in, line)) return false;
    ++line_no;
    *out = Json::parse(line, nullptr, false);
    return !out->is_discarded() && out->is_object();
  };
  Json header;
  if (!parse(&header) || header.value("format", "") != "ordo-ledger-export")
    return Broken("line 1: not an ordo ledger export (header missing)");
  if (header.value("format_version", 0) != 1)
    return Broken("line 1: unsupported export format_version");
  const std::string key = header.value("public_key", "");
  if (!pinned_public_key.empty() && key != pinned_public_key)
    return Broken("the export's public key differs from the pinned key");

  std::vector<Checkpoint> checkpoints;
  Json row;
  bool have_row = parse(&row);
  while (have_row && row.contains("checkpoint")) {
    auto c = CheckpointFromJson(row["checkpoint"]);
    if (!c.ok()) return Broken("line " + std::to_string(line_no) + ": " + c.error().message);
    checkpoints.push_back(*c);
    have_row = parse(&row);
  }
  const std::int64_t declared_checkpoints = static_cast<std::int64_t>(checkpoints.size());
  ChainVerifier verifier(std::move(checkpoints), key);
  std::int64_t entries = 0;
  while (have_row && row.contains("entry")) {
    auto e = FromJson(row["entry"]);
    if (!e.ok()) {
      VerifyReport r = Broken("line " + std::to_string(line_no) + ": " + e.error().message);
      r.first_bad_seq = entries + 1;
      return r;
    }
    ++entries;
    verifier.Feed(*e);
    have_row = parse(&row);
  }
  VerifyReport report = verifier.Finish();
  if (!report.ok) return report;
  if (!have_row || !row.contains("end"))
    return Broken("the export is truncated: no trailer after line " + std::to_string(line_no));
  if (row["end"].value("entries", -1) != entries ||
      row["end"].value("checkpoints", -1) != declared_checkpoints)
    return Broken("the trailer's counts differ from the rows in the file");
  return report;
}

}  // namespace ordo::ledger
