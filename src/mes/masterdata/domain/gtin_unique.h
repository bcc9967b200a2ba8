// One GTIN, one material: a supplier label is resolved to its material through the GTIN
// (AI 01), so two materials with the same GTIN would make a scan ambiguous. Checked when
// a change request is submitted and again when its last approval makes it take effect
// (commands/change_control.cc). Pure.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "mes/masterdata/domain/change_control.h"

namespace ordo::masterdata {

// A material that carries a GTIN, as written on it.
struct GtinHolder {
  std::string material, gtin;
};

// The materials among `versions` (kind "material") whose content has a `gtin` string.
std::vector<GtinHolder> GtinHoldersOf(const std::vector<Item>& versions);

// Ok when, once the change request `cr_id` with `items` takes effect, no two materials
// hold the same GTIN (compared as GTIN-14, gtin.h). The materials the change request
// defines are compared with each other and with `others`: the materials in force or
// approved to come into force, except those the change request itself redefines or
// obsoletes. A withdrawn item counts for nothing. Refuses with failed_precondition,
// reason gtin_in_use, field "material/<id>.gtin" (the first clash in item order), and a
// message naming the GTIN and the other material.
Status CheckGtinsUnique(const std::string& cr_id, const std::vector<Item>& items,
                        const std::vector<GtinHolder>& others);

}  // namespace ordo::masterdata
