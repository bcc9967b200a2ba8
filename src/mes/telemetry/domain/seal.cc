// Sealing rows of the telemetry file (seal.h).
#include "mes/telemetry/domain/seal.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <set>

#include "core/crypto.h"

namespace ordo::telemetry {

std::string ValueText(double value) {
  // The shortest of %.15g, %.16g and %.17g that reads back as the same double. to_chars
  // with a precision writes what printf writes in the C locale, and from_chars reads as
  // strtod does (both correctly rounded), without printf's and strtod's locale and format
  // parsing: the text, and so every row hash written before, stays the same.
  char buffer[40];
  std::to_chars_result written{};
  for (int precision = 15; precision <= 17; ++precision) {
    written =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, precision);
    double back = 0;
    const auto read = std::from_chars(buffer, written.ptr, back);
    if (read.ec == std::errc() && read.ptr == written.ptr && back == value) break;
  }
  return std::string(buffer, written.ptr);
}

std::string RowLine(const SampleRow& r) { return RowLine(r, ValueText(r.value)); }

std::string RowLine(const SampleRow& r, std::string_view value_text) {
  std::string line;
  line.reserve(64 + r.tag.size() + r.source.size() + value_text.size());
  auto number = [&line](std::int64_t n) {
    char digits[24];
    line.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  };
  number(r.id);
  line += '\t';
  line += r.tag;
  line += '\t';
  number(r.time_us);
  line += '\t';
  line += value_text;
  line += '\t';
  line += r.source;
  for (std::int64_t n : {r.seq, r.idx, r.entry_seq, r.received_us}) {
    line += '\t';
    number(n);
  }
  line += '\n';
  return line;
}

std::string RowHash(const SampleRow& row) { return RowHashOfLine(RowLine(row)); }

std::string RowHashOfLine(const std::string& line) { return Sha256Hex(line).substr(0, 16); }

std::string IdRanges(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(ids[i]);
    if (j > i) out += "-" + std::to_string(ids[j]);
    i = j + 1;
  }
  return out;
}

bool ParseIdRanges(const std::string& text, std::vector<std::int64_t>* ids) {
  ids->clear();
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(pos, end - pos);
    const std::size_t dash = part.find('-');
    char* rest = nullptr;
    const long long a = std::strtoll(part.c_str(), &rest, 10);
    long long b = a;
    if (dash != std::string::npos) b = std::strtoll(part.c_str() + dash + 1, &rest, 10);
    if (part.empty() || *rest != '\0' || b < a || b - a > 10'000'000) return false;
    if (!ids->empty() && a <= ids->back()) return false;
    for (long long id = a; id <= b; ++id) ids->push_back(id);
    pos = end + 1;
  }
  return true;
}

BatchSealed SealOf(std::int64_t batch, const std::vector<SampleRow>& rows) {
  BatchSealed s;
  s.batch = batch;
  s.first_id = rows.front().id;
  s.last_id = rows.back().id;
  s.count = static_cast<std::int64_t>(rows.size());
  std::vector<std::int64_t> ids;
  std::string lines;
  s.from_us = rows.front().time_us;
  s.to_us = rows.front().time_us;
  for (const auto& r : rows) {
    ids.push_back(r.id);
    lines += RowLine(r);
    s.from_us = std::min(s.from_us, r.time_us);
    s.to_us = std::max(s.to_us, r.time_us);
  }
  s.ids = IdRanges(ids);
  s.hash = Sha256Hex(lines);
  return s;
}

std::vector<std::string> CheckSealed(const BatchSealed& seal, const std::vector<SampleRow>& rows) {
  std::vector<std::string> findings;
  const std::string batch = "telemetry batch " + std::to_string(seal.batch);
  std::vector<std::int64_t> sealed_ids;
  if (!ParseIdRanges(seal.ids, &sealed_ids)) {
    findings.push_back(batch + ": its seal's id ranges cannot be read");
    return findings;
  }
  const std::set<std::int64_t> sealed(sealed_ids.begin(), sealed_ids.end());
  std::set<std::int64_t> present;
  std::string lines;
  for (const auto& r : rows) {
    present.insert(r.id);
    if (!sealed.count(r.id)) {
      findings.push_back(batch + ": row " + std::to_string(r.id) + " (tag " + r.tag +
                         ") was added");
      continue;
    }
    const std::string line = RowLine(r);
    if (RowHashOfLine(line) != r.row_hash)
      findings.push_back(batch + ": row " + std::to_string(r.id) + " (tag " + r.tag +
                         ") was changed");
    lines += line;
  }
  for (std::int64_t id : sealed_ids)
    if (!present.count(id))
      findings.push_back(batch + ": row " + std::to_string(id) + " was deleted");
  if (findings.empty() && Sha256Hex(lines) != seal.hash)
    findings.push_back(batch + " (rows " + std::to_string(seal.first_id) + ".." +
                       std::to_string(seal.last_id) +
                       "): a row was changed (its row hash rewritten too)");
  return findings;
}

}  // namespace ordo::telemetry
