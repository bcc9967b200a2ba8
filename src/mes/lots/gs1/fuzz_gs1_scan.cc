// libFuzzer target: arbitrary bytes as a scan must give a scan or a refusal with a
// code, a message and a position inside the input; never a crash, a hang or an
// exception. A GS1 scan written back in the parenthesised form reads back to the same
// content (unless a value itself holds "(digits)", which that form cannot tell from an
// AI: docs/scanning.md, or the longer form passes kMaxScanLength).
#include <cstddef>
#include <cstdint>
#include <string>

#include "mes/lots/gs1/gs1.h"
#include "mes/masterdata/domain/gtin.h"

namespace gs1 = ordo::gs1;

namespace {

bool HoldsGroup(const std::string& v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '(') continue;
    std::size_t k = i + 1;
    while (k < v.size() && v[k] >= '0' && v[k] <= '9') ++k;
    if (k - i - 1 >= 2 && k - i - 1 <= 4 && k < v.size() && v[k] == ')') return true;
  }
  return false;
}

bool IsDay(const std::string& d) {
  return d.size() == 10 && d[4] == '-' && d[7] == '-' && d.substr(5, 2) >= "01" &&
         d.substr(5, 2) <= "12" && d.substr(8, 2) >= "01" && d.substr(8, 2) <= "31";
}

void Check(const std::string& input, int year) {
  const gs1::ParsedScan p = gs1::ParseScanDetailed(input, year);
  if (!p.ok) {
    if (p.error.code.empty() || p.error.message.empty()) __builtin_trap();
    if (p.error.position > input.size()) __builtin_trap();
    return;
  }
  const gs1::Scan& s = p.scan;
  if (s.raw != input) __builtin_trap();
  if (s.kind == gs1::ScanKind::kPlain) {
    if (s.text.empty() || s.text.front() == ' ' || s.text.back() == ' ') __builtin_trap();
    for (char c : s.text)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) __builtin_trap();
    return;
  }
  if (!s.gtin14.empty() && (s.gtin14.size() != 14 || !ordo::masterdata::IsValidGtin(s.gtin14)))
    __builtin_trap();
  if (!s.expiry.empty() && !IsDay(s.expiry)) __builtin_trap();
  if (s.lot.size() > 20 || s.serial.size() > 20) __builtin_trap();
  if (HoldsGroup(s.lot) || HoldsGroup(s.serial)) return;
  for (const auto& [ai, value] : s.others)
    if (HoldsGroup(value)) return;
  const std::string again = gs1::ToParenthesised(s);
  // The parentheses make the form longer: past the length limit it is refused as such.
  if (again.size() > gs1::kMaxScanLength) return;
  const gs1::ParsedScan back = gs1::ParseScanDetailed(again, year);
  if (!back.ok || !back.scan.SameContent(s)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  Check(input, 2026);
  Check(input, 2099);
  return 0;
}
