// Sealing rows of the telemetry file (seal.h).
#include "mes/telemetry/domain/seal.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/crypto.h"

namespace ordo::telemetry {

std::string ValueText(double value) {
  char buffer[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string RowLine(const SampleRow& r) {
  std::string line;
  line.reserve(96);
  for (const std::string& part :
       {std::to_string(r.id), r.tag, std::to_string(r.time_us), ValueText(r.value), r.source,
        std::to_string(r.seq), std::to_string(r.idx), std::to_string(r.entry_seq),
        std::to_string(r.received_us)}) {
    if (!line.empty()) line += '\t';
    line += part;
  }
  line += '\n';
  return line;
}

std::string RowHash(const SampleRow& row) { return Sha256Hex(RowLine(row)).substr(0, 16); }

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
    if (RowHash(r) != r.row_hash)
      findings.push_back(batch + ": row " + std::to_string(r.id) + " (tag " + r.tag +
                         ") was changed");
    lines += RowLine(r);
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
