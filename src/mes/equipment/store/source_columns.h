// The eq_source columns that hold JSON text (work_units and topics: arrays of strings;
// devices: an object of strings), read without building a JSON document: a source is read
// for every ingest command and Sparkplug message, and a device map holds up to hundreds of
// devices.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ordo::equipment {

// The string elements of the JSON array `text`, in order; non-string elements are skipped
// and text that is no JSON array gives none. The same result as parsing `text` with
// nlohmann::json and taking its string elements: the compact text Json::dump writes (what
// the projectors store) is read directly, any other text through the JSON parser.
std::vector<std::string> StringsOfColumn(std::string_view text);

// The string members of the JSON object `text` (a key given twice: its last value);
// members whose value is no string are skipped and text that is no JSON object gives none.
// The same result as nlohmann::json's parse, read as StringsOfColumn reads.
std::map<std::string, std::string> StringMapOfColumn(std::string_view text);

}  // namespace ordo::equipment
