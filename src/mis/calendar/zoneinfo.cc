// Loading a zone from the zoneinfo directory (zoneinfo.h).
#include "mis/calendar/zoneinfo.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "mis/calendar/tzif.h"

namespace ordo::mis::calendar {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 1 << 20;

Error Unknown(const std::string& field, const std::string& name, const std::string& why) {
  return Error::Invalid(field,
                        field + ": unknown time zone '" + name + "' (" + why +
                            "); expected an IANA time zone name such as Europe/Berlin or UTC",
                        "unknown_time_zone");
}

}  // namespace

bool IsValidZoneName(const std::string& name) {
  if (name.empty() || name.size() > 100 || name.front() == '/' || name.back() == '/') return false;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/') {
      const std::string part = name.substr(part_start, i - part_start);
      if (part.empty() || part == "." || part == "..") return false;
      part_start = i + 1;
      continue;
    }
    const char c = name[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '+' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<TimeZone> LoadTimeZone(const std::string& name, const std::string& field,
                              const std::string& dir) {
  if (name == "UTC") return TimeZone::Utc();
  if (!IsValidZoneName(name)) return Unknown(field, name, "not a valid zone name");
  namespace fs = std::filesystem;
  const fs::path path = fs::path(dir) / name;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Unknown(field, name, "no such zone in " + dir);
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size > kMaxFileBytes) return Unknown(field, name, "its file cannot be read");
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Unknown(field, name, "its file cannot be read");
  return ParseTzif(name, data, field);
}

}  // namespace ordo::mis::calendar
