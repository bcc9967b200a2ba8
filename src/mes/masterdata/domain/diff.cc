// Field-by-field differences between two versions of master data content, in the kinds
// table's field order, with keyed list items matched by key (see diff.h).
#include "mes/masterdata/domain/diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "mes/masterdata/domain/path.h"

namespace ordo::masterdata {

namespace {

using Changes = std::vector<Change>;

void DiffFields(const std::vector<FieldDef>& fields, const Json& from, const Json& to,
                const std::string& prefix, Changes& out);

void Add(Changes& out, std::string path, const Json& old_value, const Json& new_value) {
  out.push_back({std::move(path), old_value, new_value});
}

// The items' keys in list order, or nullopt when an item has no string key or a key
// repeats (then the list is compared by index).
std::optional<std::vector<std::string>> Keys(const Json& list, const std::string& key) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const auto& item : list) {
    if (!item.is_object()) return std::nullopt;
    auto it = item.find(key);
    if (it == item.end() || !it->is_string()) return std::nullopt;
    if (!seen.insert(it->get<std::string>()).second) return std::nullopt;
    keys.push_back(it->get<std::string>());
  }
  return keys;
}

// Lists compared element by element: a changed object item recurses when `fields` is
// given, anything else changes as a whole.
void DiffByIndex(const FieldDef& f, const Json& from, const Json& to, const std::string& path,
                 Changes& out) {
  const bool objects = f.type == ValueType::kObjectList;
  for (std::size_t i = 0; i < std::max(from.size(), to.size()); ++i) {
    const Json& a = i < from.size() ? from[i] : Json();
    const Json& b = i < to.size() ? to[i] : Json();
    if (a == b) continue;
    const std::string item_path = IndexPath(path, i);
    if (objects && a.is_object() && b.is_object())
      DiffFields(f.fields, a, b, item_path, out);
    else
      Add(out, item_path, a, b);
  }
}

void DiffKeyedList(const FieldDef& f, const Json& from, const Json& to, const std::string& path,
                   Changes& out) {
  auto from_keys = Keys(from, f.key);
  auto to_keys = Keys(to, f.key);
  if (!from_keys || !to_keys) return DiffByIndex(f, from, to, path, out);
  std::map<std::string, std::size_t> from_index, to_index;
  for (std::size_t i = 0; i < from_keys->size(); ++i) from_index[(*from_keys)[i]] = i;
  for (std::size_t i = 0; i < to_keys->size(); ++i) to_index[(*to_keys)[i]] = i;
  // A reorder: the keys both versions have appear in another order.
  std::vector<std::string> common_from, common_to;
  for (const auto& k : *from_keys)
    if (to_index.count(k)) common_from.push_back(k);
  for (const auto& k : *to_keys)
    if (from_index.count(k)) common_to.push_back(k);
  if (common_from != common_to) Add(out, path, Json(*from_keys), Json(*to_keys));
  for (std::size_t i = 0; i < from.size(); ++i)
    if (!to_index.count((*from_keys)[i]))
      Add(out, ItemPath(path, f.key, from[i], i), from[i], Json());
  for (std::size_t i = 0; i < to.size(); ++i) {
    const std::string item_path = ItemPath(path, f.key, to[i], i);
    auto old = from_index.find((*to_keys)[i]);
    if (old == from_index.end())
      Add(out, item_path, Json(), to[i]);
    else if (from[old->second] != to[i])
      DiffFields(f.fields, from[old->second], to[i], item_path, out);
  }
}

void DiffValue(const FieldDef& f, const Json& a, const Json& b, const std::string& path,
               Changes& out) {
  if (a == b) return;
  if (f.type == ValueType::kObject && a.is_object() && b.is_object())
    return DiffFields(f.fields, a, b, path, out);
  if (f.type == ValueType::kObjectList && a.is_array() && b.is_array())
    return f.key.empty() ? DiffByIndex(f, a, b, path, out) : DiffKeyedList(f, a, b, path, out);
  if (f.type == ValueType::kStringList && a.is_array() && b.is_array())
    return DiffByIndex(f, a, b, path, out);
  Add(out, path, a, b);
}

const Json& Member(const Json& object, const std::string& name) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(name);
  return it == object.end() ? kNull : *it;
}

void DiffFields(const std::vector<FieldDef>& fields, const Json& from, const Json& to,
                const std::string& prefix, Changes& out) {
  for (const auto& f : fields)
    DiffValue(f, Member(from, f.name), Member(to, f.name), JoinPath(prefix, f.name), out);
  // Fields the kind does not define, in name order, as whole values.
  std::set<std::string> extra;
  for (const Json* object : {&from, &to})
    if (object->is_object())
      for (auto it = object->begin(); it != object->end(); ++it) extra.insert(it.key());
  for (const auto& f : fields) extra.erase(f.name);
  for (const auto& name : extra) {
    const Json& a = Member(from, name);
    const Json& b = Member(to, name);
    if (a != b) Add(out, JoinPath(prefix, name), a, b);
  }
}

}  // namespace

std::vector<Change> DiffContent(const KindDef& kind, const Json& from, const Json& to) {
  Changes out;
  if ((!from.is_null() && !from.is_object()) || (!to.is_null() && !to.is_object())) {
    if (from != to) Add(out, "", from, to);
    return out;
  }
  DiffFields(kind.fields, from, to, "", out);
  return out;
}

Json ChangesToJson(const std::vector<Change>& changes) {
  Json out = Json::array();
  for (const auto& c : changes)
    out.push_back({{"path", c.path}, {"old", c.old_value}, {"new", c.new_value}});
  return out;
}

}  // namespace ordo::masterdata
