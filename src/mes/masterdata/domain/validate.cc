// Validation of master data content against the kinds table (see validate.h and
// docs/masterdata.md section 1).
#include "mes/masterdata/domain/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "mes/masterdata/domain/gtin.h"
#include "mes/masterdata/domain/path.h"
#include "mes/masterdata/domain/serial_pattern.h"

namespace ordo::masterdata {

namespace {

using Errors = std::vector<FieldError>;

constexpr const char* kWorkUnitFields[] = {"status",          "ideal_cycle_times",
                                           "calibration_due", "cleaning_status",
                                           "cleaning_due",    "parameter_tags"};

void Add(Errors& errors, std::string field, std::string message) {
  errors.push_back({std::move(field), std::move(message)});
}

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// What a number field expects, e.g. "must be a whole number from 1 to 3650".
std::string RangeText(const FieldDef& f) {
  std::string what = f.type == ValueType::kInteger ? "a whole number" : "a number";
  if (f.min && f.max)
    return "must be " + what + " from " + FormatNumber(*f.min) + " to " + FormatNumber(*f.max);
  if (f.min) return "must be " + what + " >= " + FormatNumber(*f.min);
  if (f.max) return "must be " + what + " <= " + FormatNumber(*f.max);
  return "must be " + what;
}

bool HasControlChar(const std::string& s, bool multi_line) {
  for (unsigned char c : s) {
    if (c == 0x7f) return true;
    if (c < 0x20 && !(multi_line && (c == '\n' || c == '\t'))) return true;
  }
  return false;
}

bool IsRealDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int year = std::stoi(s.substr(0, 4));
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsChoice(const FieldDef& f, const std::string& value) {
  return std::find(f.choices.begin(), f.choices.end(), value) != f.choices.end();
}

std::string ChoicesText(const FieldDef& f) {
  std::string text = "must be one of: ";
  for (std::size_t i = 0; i < f.choices.size(); ++i) text += (i ? ", " : "") + f.choices[i];
  return text;
}

// A one-line string (or Markdown text when `multi_line`).
void CheckString(const FieldDef& f, const Json& value, const std::string& path, bool multi_line,
                 bool non_empty, Errors& errors) {
  if (!value.is_string())
    return Add(errors, path, multi_line ? "must be text" : "must be a string");
  const auto& s = value.get_ref<const std::string&>();
  if (s.size() > f.max_length)
    Add(errors, path, "must be at most " + std::to_string(f.max_length) + " bytes");
  else if (HasControlChar(s, multi_line))
    Add(errors, path,
        multi_line ? "must not contain control characters other than newline and tab"
                   : "must be one line without control characters");
  else if (non_empty && s.empty())
    Add(errors, path, "must not be empty");
}

void CheckListSize(const FieldDef& f, const Json& list, const std::string& path, Errors& errors) {
  if (list.size() > f.max_items)
    Add(errors, path, "must have at most " + std::to_string(f.max_items) + " items");
}

void CheckObject(const std::vector<FieldDef>& fields, const Json& object, const std::string& prefix,
                 Errors& errors);

void CheckValue(const FieldDef& f, const Json& value, const std::string& path, Errors& errors) {
  switch (f.type) {
    case ValueType::kString:
    case ValueType::kText:
      return CheckString(f, value, path, f.type == ValueType::kText, f.required, errors);
    case ValueType::kInteger:
    case ValueType::kNumber: {
      if (!value.is_number()) return Add(errors, path, RangeText(f));
      const double d = value.get<double>();
      if (!std::isfinite(d) || (f.min && d < *f.min) || (f.max && d > *f.max) ||
          (f.type == ValueType::kInteger && d != std::floor(d)))
        Add(errors, path, RangeText(f));
      return;
    }
    case ValueType::kBoolean:
      if (!value.is_boolean()) Add(errors, path, "must be true or false");
      return;
    case ValueType::kChoice:
      if (!value.is_string() || !IsChoice(f, value.get<std::string>()))
        Add(errors, path, ChoicesText(f));
      return;
    case ValueType::kDate:
      if (!value.is_string() || !IsRealDate(value.get<std::string>()))
        Add(errors, path, "must be a valid date YYYY-MM-DD");
      return;
    case ValueType::kStringList: {
      if (!value.is_array()) return Add(errors, path, "must be a list of strings");
      CheckListSize(f, value, path, errors);
      std::set<std::string> seen;
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string item_path = IndexPath(path, i);
        CheckString(f, value[i], item_path, false, true, errors);
        if (value[i].is_string() && !seen.insert(value[i].get<std::string>()).second)
          Add(errors, item_path,
              "duplicate: " + Quote(value[i].get<std::string>()) + " is already listed");
      }
      return;
    }
    case ValueType::kObject:
      if (!value.is_object()) return Add(errors, path, "must be an object");
      return CheckObject(f.fields, value, path, errors);
    case ValueType::kObjectList: {
      if (!value.is_array()) return Add(errors, path, "must be a list of objects");
      CheckListSize(f, value, path, errors);
      std::map<std::string, int> key_counts;
      for (std::size_t i = 0; i < value.size(); ++i) {
        const Json& item = value[i];
        const std::string item_path = ItemPath(path, f.key, item, i);
        if (!item.is_object()) {
          Add(errors, item_path, "must be an object");
          continue;
        }
        CheckObject(f.fields, item, item_path, errors);
        auto key = f.key.empty() ? item.end() : item.find(f.key);
        if (key != item.end() && key->is_string() && ++key_counts[key->get<std::string>()] == 2)
          Add(errors, JoinPath(item_path, f.key),
              "must be unique within " + f.name + ": " + Quote(key->get<std::string>()) +
                  " is used more than once");
      }
      return;
    }
  }
}

void CheckObject(const std::vector<FieldDef>& fields, const Json& object, const std::string& prefix,
                 Errors& errors) {
  for (const auto& f : fields) {
    const std::string path = JoinPath(prefix, f.name);
    auto it = object.find(f.name);
    if (it == object.end()) {
      if (f.required) Add(errors, path, "required");
    } else if (it->is_null()) {
      Add(errors, path, f.required ? "required" : "must not be null (leave the field out)");
    } else {
      CheckValue(f, *it, path, errors);
    }
  }
  for (auto it = object.begin(); it != object.end(); ++it) {
    const bool known = std::any_of(fields.begin(), fields.end(),
                                   [&](const FieldDef& f) { return f.name == it.key(); });
    if (!known) Add(errors, JoinPath(prefix, it.key()), "unknown field");
  }
}

// Safe accessors for the kind rules: the content may have failed the type checks.
const Json* Get(const Json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(name);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}
std::optional<double> GetNumber(const Json& object, const char* name) {
  const Json* v = Get(object, name);
  if (v == nullptr || !v->is_number()) return std::nullopt;
  return v->get<double>();
}
std::optional<std::string> GetString(const Json& object, const char* name) {
  const Json* v = Get(object, name);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}
const Json& GetArray(const Json& object, const char* name) {
  static const Json kEmpty = Json::array();
  const Json* v = Get(object, name);
  return v != nullptr && v->is_array() ? *v : kEmpty;
}

void CheckRouting(const Json& content, Errors& errors) {
  const Json* operations = Get(content, "operations");
  if (operations != nullptr && operations->is_array() && operations->empty())
    return Add(errors, "operations", "must have at least one operation");
  std::set<std::string> earlier;
  const Json& ops = GetArray(content, "operations");
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const std::string op_path = ItemPath("operations", "id", ops[i], i);
    const Json& params = GetArray(ops[i], "parameters");
    for (std::size_t j = 0; j < params.size(); ++j) {
      const std::string p = ItemPath(JoinPath(op_path, "parameters"), "name", params[j], j);
      auto low = GetNumber(params[j], "low");
      auto high = GetNumber(params[j], "high");
      auto target = GetNumber(params[j], "target");
      if (low && high && *low > *high)
        Add(errors, JoinPath(p, "high"), "must be >= low (" + FormatNumber(*low) + ")");
      if (target && low && *target < *low)
        Add(errors, JoinPath(p, "target"), "must be >= low (" + FormatNumber(*low) + ")");
      if (target && high && *target > *high)
        Add(errors, JoinPath(p, "target"), "must be <= high (" + FormatNumber(*high) + ")");
    }
    const Json& chars = GetArray(ops[i], "characteristics");
    for (std::size_t j = 0; j < chars.size(); ++j) {
      auto lower = GetNumber(chars[j], "lower_spec");
      auto upper = GetNumber(chars[j], "upper_spec");
      if (lower && upper && *lower >= *upper)
        Add(errors,
            JoinPath(ItemPath(JoinPath(op_path, "characteristics"), "name", chars[j], j),
                     "upper_spec"),
            "must be greater than lower_spec (" + FormatNumber(*lower) + ")");
    }
    const Json& preds = GetArray(ops[i], "predecessors");
    for (std::size_t j = 0; j < preds.size(); ++j)
      if (preds[j].is_string() && earlier.count(preds[j].get<std::string>()) == 0)
        Add(errors, IndexPath(JoinPath(op_path, "predecessors"), j),
            "must name an earlier operation of this routing");
    if (auto id = GetString(ops[i], "id")) earlier.insert(*id);
  }
}

void CheckEquipment(const KindDef& kind, const Json& content, Errors& errors) {
  auto id = GetString(content, "id");
  auto parent = GetString(content, "parent");
  if (id && parent && *id == *parent) Add(errors, "parent", "must not be the equipment itself");
  auto level = GetString(content, "level");
  const auto level_def = std::find_if(kind.fields.begin(), kind.fields.end(),
                                      [](const FieldDef& f) { return f.name == "level"; });
  if (!level || level_def == kind.fields.end() || !IsChoice(*level_def, *level)) return;
  const bool has_parent = Get(content, "parent") != nullptr;
  if (*level == "enterprise" && has_parent)
    Add(errors, "parent", "must be left out for an enterprise (the top level)");
  if (*level != "enterprise" && !has_parent) Add(errors, "parent", "required below enterprise");
  // A tag name is one MQTT topic level, the shape of an object id (docs/telemetry.md);
  // one tag measures one parameter.
  std::set<std::string> tags;
  const Json& mapping = GetArray(content, "parameter_tags");
  for (std::size_t i = 0; i < mapping.size(); ++i) {
    auto tag = GetString(mapping[i], "tag");
    if (!tag) continue;
    const std::string path =
        JoinPath(ItemPath("parameter_tags", "parameter", mapping[i], i), "tag");
    if (!IsValidObjectId(*tag))
      Add(errors, path,
          "must be a tag name: 1 to 64 of A-Z a-z 0-9 . _ - starting with a letter or digit");
    else if (!tags.insert(*tag).second)
      Add(errors, path, "tag " + Quote(*tag) + " already feeds another parameter");
  }
  if (*level != "work_center" && Get(content, "dispatch_rule") != nullptr)
    Add(errors, "dispatch_rule", "only allowed when level is work_center");
  if (*level == "work_unit") return;
  for (const char* name : kWorkUnitFields)
    if (Get(content, name) != nullptr) Add(errors, name, "only allowed when level is work_unit");
}

void CheckMaterial(const Json& content, Errors& errors) {
  if (auto gtin = GetString(content, "gtin"); gtin && !IsValidGtin(*gtin))
    Add(errors, "gtin", "must be 8, 12, 13 or 14 digits ending in the GS1 check digit");
  if (auto pattern = GetString(content, "serial_pattern")) {
    if (auto parsed = ParseSerialPattern(*pattern); !parsed.ok())
      Add(errors, "serial_pattern", parsed.error().message);
    if (GetString(content, "tracking") != std::optional<std::string>("serial"))
      Add(errors, "serial_pattern", "only allowed when tracking is serial");
  }
  auto base_unit = GetString(content, "base_unit");
  const Json& conversions = GetArray(content, "conversions");
  for (std::size_t i = 0; i < conversions.size(); ++i)
    if (base_unit && GetString(conversions[i], "unit") == base_unit)
      Add(errors, JoinPath(ItemPath("conversions", "unit", conversions[i], i), "unit"),
          "must differ from base_unit (" + *base_unit + ")");
}

void CheckProduct(const Json& content, Errors& errors) {
  auto yield_low = GetNumber(content, "yield_low");
  auto yield_high = GetNumber(content, "yield_high");
  if (yield_low && yield_high && *yield_low > *yield_high)
    Add(errors, "yield_high", "must be >= yield_low (" + FormatNumber(*yield_low) + ")");
  auto material = GetString(content, "material");
  const Json& bom = GetArray(content, "bom");
  for (std::size_t i = 0; i < bom.size(); ++i) {
    const std::string item_path = ItemPath("bom", "material", bom[i], i);
    auto item_material = GetString(bom[i], "material");
    if (material && item_material == material)
      Add(errors, JoinPath(item_path, "material"), "must differ from the product's material");
    const Json& alternates = GetArray(bom[i], "alternates");
    for (std::size_t j = 0; j < alternates.size(); ++j)
      if (item_material && alternates[j] == *item_material)
        Add(errors, IndexPath(JoinPath(item_path, "alternates"), j),
            "must differ from this item's material");
  }
}

}  // namespace

std::vector<FieldError> ValidateContent(const KindDef& kind, const std::string& object_id,
                                        const Json& content) {
  Errors errors;
  if (!content.is_object()) {
    Add(errors, "", "must be an object");
    return errors;
  }
  CheckObject(kind.fields, content, "", errors);
  if (auto id = GetString(content, "id")) {
    if (*id != object_id) Add(errors, "id", "must equal the object id " + Quote(object_id));
    if (!IsValidObjectId(*id))
      Add(errors, "id", "must be 1 to 64 of A-Z a-z 0-9 . _ - starting with a letter or digit");
  }
  if (kind.kind == "routing") CheckRouting(content, errors);
  if (kind.kind == "equipment") CheckEquipment(kind, content, errors);
  if (kind.kind == "material") CheckMaterial(content, errors);
  if (kind.kind == "product") CheckProduct(content, errors);
  return errors;
}

}  // namespace ordo::masterdata
