// The eq_source JSON columns without a JSON document (source_columns.h).
#include "mes/equipment/store/source_columns.h"

#include <cstddef>

#include "core/canonical_json.h"

namespace ordo::equipment {

namespace {

// Reads the JSON string starting at text[*pos] into `out` and moves *pos past it. Only
// what Json::dump writes for printable ASCII is read here: plain characters and the
// escapes \" \\ \/ \b \f \n \r \t. False for anything else (a \u escape, a control
// character, a byte above 0x7f, no string there, an unterminated string): the caller
// then leaves the text to the JSON parser.
bool ReadString(std::string_view text, std::size_t* pos, std::string* out) {
  std::size_t i = *pos;
  if (i >= text.size() || text[i] != '"') return false;
  ++i;
  out->clear();
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      *pos = i + 1;
      return true;
    }
    if (c < 0x20 || c > 0x7f) return false;
    if (c == '\\') {
      if (i + 1 >= text.size()) return false;
      switch (text[i + 1]) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        default:
          return false;
      }
      i += 2;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size()) {
      const auto d = static_cast<unsigned char>(text[j]);
      if (d == '"' || d == '\\' || d < 0x20 || d > 0x7f) break;
      ++j;
    }
    out->append(text.data() + i, j - i);
    i = j;
  }
  return false;
}

// Compact text only: `expected` at text[*pos], then *pos past it.
bool Take(std::string_view text, std::size_t* pos, char expected) {
  if (*pos >= text.size() || text[*pos] != expected) return false;
  ++*pos;
  return true;
}

bool FastStrings(std::string_view text, std::vector<std::string>* out) {
  std::size_t pos = 0;
  if (!Take(text, &pos, '[')) return false;
  if (Take(text, &pos, ']')) return pos == text.size();
  std::string s;
  for (;;) {
    if (!ReadString(text, &pos, &s)) return false;
    out->push_back(s);
    if (Take(text, &pos, ']')) return pos == text.size();
    if (!Take(text, &pos, ',')) return false;
  }
}

bool FastStringMap(std::string_view text, std::map<std::string, std::string>* out) {
  std::size_t pos = 0;
  if (!Take(text, &pos, '{')) return false;
  if (Take(text, &pos, '}')) return pos == text.size();
  std::string key, value;
  for (;;) {
    if (!ReadString(text, &pos, &key) || !Take(text, &pos, ':') || !ReadString(text, &pos, &value))
      return false;
    out->insert_or_assign(out->end(), key, value);  // dump writes the keys in order
    if (Take(text, &pos, '}')) return pos == text.size();
    if (!Take(text, &pos, ',')) return false;
  }
}

}  // namespace

std::vector<std::string> StringsOfColumn(std::string_view text) {
  std::vector<std::string> out;
  if (FastStrings(text, &out)) return out;
  out.clear();
  Json j = Json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::map<std::string, std::string> StringMapOfColumn(std::string_view text) {
  std::map<std::string, std::string> out;
  if (FastStringMap(text, &out)) return out;
  out.clear();
  Json j = Json::parse(text, nullptr, false);
  if (j.is_object())
    for (const auto& [key, value] : j.items())
      if (value.is_string()) out[key] = value.get<std::string>();
  return out;
}

}  // namespace ordo::equipment
