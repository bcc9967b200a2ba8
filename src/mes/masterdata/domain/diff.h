// Field-by-field differences between two versions of a master data object. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/masterdata/domain/kinds.h"

namespace ordo::masterdata {

struct Change {
  std::string path;  // as in FieldError: "operations[id=20].parameters[name=x].high"
  Json old_value;    // null when added
  Json new_value;    // null when removed
};

// Differences from `from` to `to` (either may be null = the object did not exist),
// in the kinds table's field order. Keyed lists (FieldDef::key) are matched by key:
// an added or removed item is one change with the whole item; a changed item recurses;
// a changed order of the same keys is one change at the list's path whose values are
// the key lists. Unkeyed lists and string lists compare element-wise by index.
// Fields not in the kind (should not exist after validation) compare as whole values.
std::vector<Change> DiffContent(const KindDef& kind, const Json& from, const Json& to);

Json ChangesToJson(const std::vector<Change>& changes);

}  // namespace ordo::masterdata
