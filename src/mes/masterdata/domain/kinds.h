// The master data kinds (ISA-95 vocabulary) as one declarative table: each kind's
// fields, types, required flags, choices and limits. The same table drives content
// validation, field-by-field diffs, the YAML layout of `ordo plant export/apply`, the
// UI's forms (served at GET /api/v1/masterdata/kinds) and docs/masterdata.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::masterdata {

enum class ValueType {
  kString,   // one line, up to max_length bytes
  kText,     // multi-line (Markdown), up to max_length bytes
  kInteger,  // whole number, min/max
  kNumber,   // decimal number, min/max
  kBoolean,
  kChoice,      // one of `choices`
  kDate,        // YYYY-MM-DD
  kStringList,  // list of one-line strings (ids), up to max_items
  kObject,      // nested object with `fields`
  kObjectList,  // list of objects with `fields`, up to max_items
};

struct FieldDef {
  std::string name;
  ValueType type = ValueType::kString;
  bool required = false;
  std::string description;
  std::vector<std::string> choices;  // kChoice
  std::vector<FieldDef> fields;      // kObject, kObjectList
  std::optional<double> min, max;    // kInteger, kNumber
  std::size_t max_length = 200;      // kString/kText bytes
  std::size_t max_items = 200;       // lists
  std::string references;            // kString/kStringList: kind the value names
  std::string key;                   // kObjectList: field unique within the list ("" none)
  std::string label;                 // how people read it ("" = the name, words capitalised)
};

struct KindDef {
  std::string kind;       // e.g. "routing"
  std::string label;      // e.g. "Routing"
  std::string directory;  // YAML export folder, e.g. "routings"
  std::string description;
  std::vector<FieldDef> fields;  // the first two are always `id` and `name`
  // Configuration kinds (site settings, the signature policy): the one object id they
  // allow ("" = any), the permission that drafts them besides masterdata.edit ("" =
  // none), and whether a version may make the object obsolete.
  std::string fixed_id;
  std::string draft_permission;
  bool can_obsolete = true;
};

// All kinds, in export and display order: qualification, reason_codes, material,
// equipment, routing, product, then the configuration kinds site_settings and
// signature_policy (kConfigurationObjectId only, drafted with site.configure, never
// obsolete).
const std::vector<KindDef>& Kinds();
// The object id of the configuration kinds: there is one site.
inline constexpr const char* kConfigurationObjectId = "site";
inline constexpr const char* kSiteSettingsKind = "site_settings";
inline constexpr const char* kSignaturePolicyKind = "signature_policy";
// The kind named `kind`, or nullptr.
const KindDef* FindKind(const std::string& kind);
// The table as JSON (for the API and the UI's generic forms).
Json KindsToJson();

// Object id syntax shared by every kind: 1..64 of [A-Za-z0-9._-], starting with a
// letter or digit.
bool IsValidObjectId(const std::string& id);

}  // namespace ordo::masterdata
