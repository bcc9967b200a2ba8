// Validation of master data content against its kind (kinds.h): the content alone,
// no other objects. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/masterdata/domain/kinds.h"

namespace ordo::masterdata {

// One problem with the content. `field` is a path such as
// "operations[id=20].parameters[name=inlet_temperature].high" (keyed list items are
// named by their key when it is present and a string, else by index: "bom[2]").
struct FieldError {
  std::string field;
  std::string message;  // says what was expected, e.g. "must be a number >= 0"
};

// Every problem found (empty: valid). Checks: content is an object; no unknown fields;
// required fields present; no nulls (leave optional fields out instead); types; choices;
// string lengths and no control characters in one-line strings (kText allows \n and
// \t); numeric min/max; integers are whole; dates are real YYYY-MM-DD dates; list sizes;
// unique keys in keyed lists; ids in string lists unique; `id` equals `object_id` and
// is a valid id (IsValidObjectId). Kind rules: routing: low <= target <= high where
// present and low <= high; lower_spec < upper_spec; predecessors name an earlier
// operation of the same routing; at least one operation. equipment: parent required
// unless level is enterprise, forbidden for enterprise, not itself; status,
// ideal_cycle_times, calibration_due, cleaning_status, cleaning_due only on work_unit.
// material: conversion units differ from base_unit; serial_pattern only with tracking serial
// and parsing (domain/serial_pattern.h). product: bom materials differ from
// `material`; alternates differ from their item's material.
std::vector<FieldError> ValidateContent(const KindDef& kind, const std::string& object_id,
                                        const Json& content);

// A reference from content to another object, for cross-object checks at submit.
struct Reference {
  std::string field;  // path, as in FieldError
  std::string kind;   // referenced kind
  std::string id;     // referenced object id
};

// Every reference the content makes (fields with `references` set), in field order.
// Precondition: ValidateContent returned no errors.
std::vector<Reference> CollectReferences(const KindDef& kind, const Json& content);

}  // namespace ordo::masterdata
