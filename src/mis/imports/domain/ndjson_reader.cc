// The JSON-lines reader (ndjson_reader.h).
#include "mis/imports/domain/ndjson_reader.h"

#include <charconv>

#include "core/canonical_json.h"
#include "mis/imports/domain/cells.h"

namespace ordo::mis::imports {

namespace {

bool Blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t') return false;
  return true;
}

JsonRecord ReadLine(std::string_view text, int line) {
  JsonRecord record;
  record.line = line;
  const Json object = Json::parse(text.begin(), text.end(), nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    record.errors.push_back(
        {line, "row", "bad_json", "the line must hold one JSON object such as {\"id\":\"L1\"}"});
    return record;
  }
  for (const auto& [name, value] : object.items()) {
    if (value.is_string()) {
      record.cells[name] = value.get<std::string>();
    } else if (value.is_number_integer()) {
      record.cells[name] = value.dump();
    } else if (value.is_number_float()) {
      char buf[64];
      auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value.get<double>());
      record.cells[name] = ec == std::errc() ? std::string(buf, ptr) : value.dump();
    } else if (value.is_null()) {
      record.cells[name] = "";
    } else {
      record.errors.push_back({line, Excerpt(name, 100), "bad_type",
                               Excerpt(name, 100) + " must be a string or a number, not " +
                                   std::string(value.type_name())});
    }
  }
  return record;
}

}  // namespace

Result<std::vector<JsonRecord>> ReadNdjson(std::string_view body) {
  if (const int bad = FirstInvalidUtf8Line(body); bad != 0)
    return Error::Invalid(
        "body", "line " + std::to_string(bad) + ": the file is not valid UTF-8 (save it as UTF-8)",
        "invalid_utf8");
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  std::vector<JsonRecord> records;
  int line = 0;
  std::size_t pos = 0;
  while (pos < body.size()) {
    ++line;
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view text = body.substr(pos, end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!Blank(text)) records.push_back(ReadLine(text, line));
    pos = end + 1;
  }
  return records;
}

}  // namespace ordo::mis::imports
