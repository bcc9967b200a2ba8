// Writes master data objects as stable YAML files (see plant_files.h).
#include <algorithm>
#include <set>

#include "mes/masterdata/plant/detail/yaml_scalars.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant {

namespace {

using masterdata::FieldDef;
using masterdata::ValueType;

void EmitMapping(const std::vector<FieldDef>& defs, const Json& object, int indent,
                 std::string& out);

// The bare scalar form of a non-container value.
std::string ScalarText(const Json& value) {
  if (value.is_string()) return detail::YamlString(value.get_ref<const std::string&>());
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "null";
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Appends "key: value" (or "key:" plus a nested block) at `indent`.
void EmitField(const FieldDef* def, const std::string& name, const Json& value, int indent,
               std::string& out) {
  static const std::vector<FieldDef> kNoFields;
  const std::vector<FieldDef>& fields = def ? def->fields : kNoFields;
  const std::string pad(indent, ' ');
  if (value.is_array()) {
    if (value.empty()) return;
    out += pad + name + ":\n";
    for (const auto& item : value) {
      if (item.is_object()) {
        if (item.empty()) {
          out += pad + "  - {}\n";
          continue;
        }
        // The item's fields at indent + 4, its first line then gets the "- " marker.
        std::string body;
        EmitMapping(fields, item, indent + 4, body);
        body.replace(indent + 2, 2, "- ");
        out += body;
      } else if (item.is_array()) {
        out += pad + "  - " + item.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
      } else {
        out += pad + "  - " + ScalarText(item) + "\n";
      }
    }
    return;
  }
  if (value.is_object()) {
    if (value.empty()) {
      out += pad + name + ": {}\n";
      return;
    }
    out += pad + name + ":\n";
    EmitMapping(fields, value, indent + 2, out);
    return;
  }
  if (value.is_string() && def && def->type == ValueType::kText) {
    const auto& text = value.get_ref<const std::string&>();
    if (detail::FitsLiteralBlock(text)) {
      out += pad + name + ": " + detail::LiteralBlock(text, indent + 2);
      return;
    }
  }
  out += pad + name + ": " + ScalarText(value) + "\n";
}

// Appends the fields of `object` at `indent`: those of `defs` in table order, then any
// others in name order.
void EmitMapping(const std::vector<FieldDef>& defs, const Json& object, int indent,
                 std::string& out) {
  if (!object.is_object()) return;
  std::set<std::string> known;
  for (const auto& def : defs) {
    known.insert(def.name);
    auto it = object.find(def.name);
    if (it != object.end()) EmitField(&def, def.name, *it, indent, out);
  }
  for (auto it = object.begin(); it != object.end(); ++it)
    if (!known.count(it.key())) EmitField(nullptr, it.key(), it.value(), indent, out);
}

}  // namespace

std::string WriteObjectYaml(const masterdata::KindDef& kind, const Json& content) {
  std::string out = "kind: " + detail::YamlString(kind.kind) + "\n";
  EmitMapping(kind.fields, content, 0, out);
  return out;
}

std::vector<PlantFile> ExportFiles(const std::vector<PlantObject>& objects) {
  std::vector<PlantFile> files;
  for (const auto& object : objects) {
    const masterdata::KindDef* kind = masterdata::FindKind(object.kind);
    if (!kind) continue;
    files.push_back(
        {kind->directory + "/" + object.id + ".yaml", WriteObjectYaml(*kind, object.content)});
  }
  std::sort(files.begin(), files.end(),
            [](const PlantFile& a, const PlantFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace ordo::masterdata::plant
