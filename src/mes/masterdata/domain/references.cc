// The references master data content makes to other objects (fields with
// `references` in the kinds table), with their paths; declared in validate.h.
#include "mes/masterdata/domain/path.h"
#include "mes/masterdata/domain/validate.h"

namespace ordo::masterdata {

namespace {

void Collect(const std::vector<FieldDef>& fields, const Json& object, const std::string& prefix,
             std::vector<Reference>& out) {
  for (const auto& f : fields) {
    auto it = object.is_object() ? object.find(f.name) : object.end();
    if (it == object.end() || it->is_null()) continue;
    const Json* value = &*it;
    const std::string path = JoinPath(prefix, f.name);
    if (f.type == ValueType::kString && !f.references.empty() && value->is_string()) {
      out.push_back({path, f.references, value->get<std::string>()});
    } else if (f.type == ValueType::kStringList && !f.references.empty() && value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i)
        if ((*value)[i].is_string())
          out.push_back({IndexPath(path, i), f.references, (*value)[i].get<std::string>()});
    } else if (f.type == ValueType::kObject) {
      Collect(f.fields, *value, path, out);
    } else if (f.type == ValueType::kObjectList && value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i)
        Collect(f.fields, (*value)[i], ItemPath(path, f.key, (*value)[i], i), out);
    }
  }
}

}  // namespace

std::vector<Reference> CollectReferences(const KindDef& kind, const Json& content) {
  std::vector<Reference> references;
  Collect(kind.fields, content, "", references);
  return references;
}

}  // namespace ordo::masterdata
