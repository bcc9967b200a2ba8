// How the YAML writer spells strings: plain when YAML reads them back as the same string,
// else double-quoted; multi-line text as literal blocks. Private to src/mes/masterdata/plant.
#pragma once

#include <string>

namespace ordo::masterdata::plant::detail {

// `s` as a plain scalar when that is safe (YAML would read it back as this very string,
// not as a number, boolean, null, date, comment, indicator, ...), else double-quoted with
// JSON-style escapes (control characters and Unicode line separators escaped).
std::string YamlString(const std::string& s);

// Whether `text` has a line break and can be a literal block that reads back exactly
// (no carriage returns or other control characters but tab, a first line that is not
// empty and does not start with a space or tab).
bool FitsLiteralBlock(const std::string& text);

// "|", "|-" or "|+" and a line break, then the lines of `text` indented by `indent`
// spaces (empty lines stay empty). Precondition: FitsLiteralBlock(text).
std::string LiteralBlock(const std::string& text, int indent);

}  // namespace ordo::masterdata::plant::detail
