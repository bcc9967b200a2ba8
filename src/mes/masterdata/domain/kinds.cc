// The master data kinds table (see kinds.h and docs/masterdata.md).
#include "mes/masterdata/domain/kinds.h"

namespace ordo::masterdata {

namespace {

using V = ValueType;

FieldDef Make(std::string name, ValueType type, bool required, std::string description) {
  FieldDef f;
  f.name = std::move(name);
  f.type = type;
  f.required = required;
  f.description = std::move(description);
  return f;
}

FieldDef Str(std::string name, bool required, std::string description, std::size_t max = 200,
             std::string references = {}) {
  FieldDef f = Make(std::move(name), V::kString, required, std::move(description));
  f.max_length = max;
  f.references = std::move(references);
  return f;
}
FieldDef Text(std::string name, bool required, std::string description, std::size_t max) {
  FieldDef f = Make(std::move(name), V::kText, required, std::move(description));
  f.max_length = max;
  return f;
}
FieldDef Num(std::string name, bool required, std::string description,
             std::optional<double> min = 0.0, std::optional<double> max = std::nullopt) {
  FieldDef f = Make(std::move(name), V::kNumber, required, std::move(description));
  f.min = min;
  f.max = max;
  return f;
}
FieldDef Int(std::string name, bool required, std::string description, double min, double max) {
  FieldDef f = Make(std::move(name), V::kInteger, required, std::move(description));
  f.min = min;
  f.max = max;
  return f;
}
FieldDef Bool(std::string name, std::string description) {
  return Make(std::move(name), V::kBoolean, false, std::move(description));
}
FieldDef Choice(std::string name, bool required, std::string description,
                std::vector<std::string> choices) {
  FieldDef f = Make(std::move(name), V::kChoice, required, std::move(description));
  f.choices = std::move(choices);
  return f;
}
FieldDef Date(std::string name, std::string description) {
  return Make(std::move(name), V::kDate, false, std::move(description));
}
FieldDef Ids(std::string name, std::string description, std::string references = {},
             std::size_t max_items = 50) {
  FieldDef f = Make(std::move(name), V::kStringList, false, std::move(description));
  f.max_length = 64;
  f.max_items = max_items;
  f.references = std::move(references);
  return f;
}
FieldDef List(std::string name, bool required, std::string description, std::string key,
              std::vector<FieldDef> fields, std::size_t max_items = 200) {
  FieldDef f = Make(std::move(name), V::kObjectList, required, std::move(description));
  f.key = std::move(key);
  f.fields = std::move(fields);
  f.max_items = max_items;
  return f;
}

FieldDef Labelled(FieldDef f, std::string label) {
  f.label = std::move(label);
  return f;
}

FieldDef Id() { return Str("id", true, "identifier, unique within the kind", 64); }
FieldDef Name() { return Str("name", true, "human-readable name"); }

std::vector<KindDef> Build() {
  std::vector<KindDef> kinds;
  kinds.push_back(
      {"qualification",
       "Qualification type",
       "qualifications",
       "A qualification an operator must hold to perform an operation (personnel).",
       {Id(), Name(), Text("description", false, "what it covers", 4000),
        Int("validity_days", false, "days a grant stays valid (none: no expiry)", 1, 3650)}});
  kinds.push_back(
      {"reason_codes",
       "Reason code list",
       "reason-codes",
       "A versioned list of coded reasons (downtime, scrap, rework, deviation "
       "category).",
       {Id(), Name(),
        Choice("category", true, "what the codes classify",
               {"downtime", "scrap", "rework", "deviation_category"}),
        List("codes", true, "the codes", "code",
             {Str("code", true, "stable code", 32), Str("description", true, "what it means"),
              Bool("planned", "downtime only: planned stop (not a loss)")})}});
  kinds.push_back(
      {"material",
       "Material definition",
       "materials",
       "A raw material, intermediate, finished product or packaging component.",
       {Id(), Name(),
        Choice("class", true, "material class", {"raw", "intermediate", "finished", "packaging"}),
        Str("base_unit", true, "base unit of measure (e.g. kg, g, L, ea)", 16),
        List("conversions", false, "other units and how many base units one of them is", "unit",
             {Str("unit", true, "unit of measure", 16),
              Num("factor", true, "base units per one of this unit")}),
        Int("shelf_life_days", false, "shelf life from manufacture or receipt", 1, 36500),
        Str("storage_conditions", false, "e.g. 15-25 C, dry, protect from light", 500),
        Choice("tracking", true, "how units are identified", {"none", "lot", "serial"}),
        Str("serial_pattern", false,
            "serial-tracked only: how serial numbers are generated, e.g. DP{yyyy}{mm}-{seq:6} "
            "(tokens {yyyy} {yy} {mm} {dd} and one {seq:N})",
            64),
        Str("gtin", false,
            "GS1 GTIN of the trade item (8, 12, 13 or 14 digits with a valid check digit); "
            "scanned supplier labels find the material through it",
            14)}});
  kinds.push_back(
      {"equipment",
       "Equipment",
       "equipment",
       "An element of the equipment hierarchy: enterprise > site > area > work center > work "
       "unit.",
       {Id(), Name(),
        Choice("level", true, "hierarchy level",
               {"enterprise", "site", "area", "work_center", "work_unit"}),
        Str("parent", false, "the equipment one level up (required below enterprise)", 64,
            "equipment"),
        Str("equipment_class", false, "equipment class, e.g. granulator, tablet_press", 64),
        Ids("capabilities", "operation classes this equipment can run"),
        Choice("status", false, "work units: availability",
               {"available", "in_maintenance", "out_of_service"}),
        List("ideal_cycle_times", false, "work units: ideal cycle time per product", "product",
             {Str("product", true, "product id", 64, "product"),
              Num("seconds", true, "ideal seconds per unit")}),
        Date("calibration_due", "work units: next calibration due"),
        Choice("cleaning_status", false, "work units: cleaning status",
               {"clean", "dirty", "not_applicable"}),
        Date("cleaning_due", "work units: cleaning expires"),
        Int("micro_stop_seconds", false,
            "work units: a down or idle stop shorter than this is a micro-stop (default 120)", 1,
            3600),
        Int("down_block_seconds", false,
            "work units: down for longer than this, the unit takes no new operations until it "
            "runs again or a supervisor overrides it (default 600)",
            1, 86400),
        List("parameter_tags", false,
             "work units: telemetry tags that feed the process parameters (source equipment) of "
             "the operations running here",
             "parameter",
             {Str("parameter", true, "the routing's process parameter name", 64),
              Str("tag", true, "the telemetry tag of this work unit that measures it", 64)},
             100),
        Choice("dispatch_rule", false,
               "work centers: how the dispatch list is sequenced (default priority_due_date)",
               {"priority_due_date", "fifo", "shortest_processing_time", "critical_ratio"})}});
  kinds.push_back(
      {"routing",
       "Routing",
       "routings",
       "The ordered operations that make a product (a master recipe in batch industries).",
       {Id(), Name(),
        List("operations", true, "operations in order", "id",
             {Str("id", true, "operation number, e.g. 10", 16), Name(),
              Str("operation_class", true, "operation class, e.g. granulation", 64),
              Str("work_center_class", false, "work center class that runs it", 64),
              Num("setup_minutes", false, "standard setup time"),
              Num("run_minutes", false, "standard run time per order"),
              Num("ideal_cycle_seconds", false, "ideal seconds per unit"),
              Ids("predecessors", "operation ids that must finish first (default: previous)"),
              List("parameters", false, "process parameters", "name",
                   {Str("name", true, "parameter name", 64), Str("unit", true, "unit", 16),
                    Labelled(Num("target", false, "target value", std::nullopt), "Target"),
                    Labelled(Num("low", false, "lower limit", std::nullopt), "Low limit"),
                    Labelled(Num("high", false, "upper limit", std::nullopt), "High limit"),
                    Bool("critical", "a critical process parameter (CPP)"),
                    Choice("source", true, "how the value is captured", {"manual", "equipment"})},
                   100),
              List("characteristics", false, "data collection and inspection characteristics",
                   "name",
                   {Str("name", true, "characteristic", 64), Str("unit", false, "unit", 16),
                    Labelled(Num("lower_spec", false, "lower specification limit", std::nullopt),
                             "Lower specification limit"),
                    Labelled(Num("upper_spec", false, "upper specification limit", std::nullopt),
                             "Upper specification limit"),
                    Int("sample_size", false, "units measured per sample", 1, 10000)},
                   100),
              Bool("second_person_verification", "a second person verifies this step"),
              Text("instructions", false, "work instructions shown to the operator (Markdown)",
                   20000),
              List("attachments", false, "files shown with the instructions (by content hash)",
                   "sha256",
                   {Str("name", true, "file name", 200),
                    Str("sha256", true, "SHA-256 (hex) of a stored attachment", 64, "attachment"),
                    Str("media_type", true, "e.g. image/png", 100)},
                   20),
              Ids("qualifications", "qualifications the operator needs", "qualification")})}});
  kinds.push_back(
      {"product",
       "Product definition",
       "products",
       "What a product is made of (bill of materials) and how (routing).",
       {Id(), Name(), Str("material", true, "the material this produces", 64, "material"),
        Str("routing", true, "the routing that makes it", 64, "routing"),
        Num("batch_size", false, "standard quantity per order, in the material's base unit"),
        Num("yield_low", false,
            "lowest acceptable yield, percent of the theoretical quantity (the order quantity)",
            0.0, 200.0),
        Num("yield_high", false,
            "highest acceptable yield, percent of the theoretical quantity (the order quantity)",
            0.0, 200.0),
        List("bom", true, "bill of materials: per one base unit of product", "material",
             {Str("material", true, "component material id", 64, "material"),
              Num("quantity", true, "quantity per unit of product"),
              Str("unit", true, "unit of measure", 16),
              Num("scrap_factor", false, "expected loss as a fraction (0.02 = 2 %)", 0.0, 1.0),
              Ids("alternates", "approved alternate materials", "material", 10),
              Str("operation", false,
                  "the operation of the product's routing that consumes it (e.g. 10); any "
                  "operation may when absent",
                  16)})}});
  // Configuration under change control (EU Annex 11 clause 10, 21 CFR 11.10(k)): the
  // values the site obeys, versioned and approved like any master data. The bounds are
  // those of site::SiteSettings and signatures::kMaxPolicyText.
  KindDef settings{
      kSiteSettingsKind,
      "Site settings",
      "site-settings",
      "How the site signs, approves and handles passwords. One object, id site.",
      {Id(), Name(), Int("approvals_required", true, "approvals a change request needs", 1, 5),
       Bool("signing_password_only",
            "after the first signing of a session, the password alone signs"),
       Int("password_min_length", true, "fewest characters (code points) of a new password", 8,
           256),
       Int("password_expiry_days", true, "days after which a password must be changed; 0 = never",
           0, 3650),
       Int("late_entry_minutes", false,
           "execution: minutes after which a recorded value is a late entry that needs a reason "
           "(default 60)",
           1, 10080)}};
  settings.fields[3].required = true;
  KindDef policy{kSignaturePolicyKind,
                 "Signature policy",
                 "signature-policy",
                 "The text every signer acknowledges before signing (21 CFR 11.100(c)). One "
                 "object, id site.",
                 {Id(), Name(), Text("text", true, "the policy text (Markdown)", 20000)}};
  for (KindDef* k : {&settings, &policy}) {
    k->fixed_id = kConfigurationObjectId;
    k->draft_permission = "site.configure";
    k->can_obsolete = false;
    kinds.push_back(std::move(*k));
  }
  return kinds;
}

Json FieldToJson(const FieldDef& f) {
  static const char* const kTypeNames[] = {"string",  "text",       "integer", "number",
                                           "boolean", "choice",     "date",    "string_list",
                                           "object",  "object_list"};
  Json j{{"name", f.name},
         {"type", kTypeNames[static_cast<int>(f.type)]},
         {"required", f.required},
         {"description", f.description}};
  if (!f.choices.empty()) j["choices"] = f.choices;
  if (f.min) j["min"] = *f.min;
  if (f.max) j["max"] = *f.max;
  if (f.type == V::kString || f.type == V::kText || f.type == V::kStringList)
    j["max_length"] = f.max_length;
  if (f.type == V::kStringList || f.type == V::kObjectList) j["max_items"] = f.max_items;
  if (!f.references.empty()) j["references"] = f.references;
  if (!f.key.empty()) j["key"] = f.key;
  if (!f.label.empty()) j["label"] = f.label;
  if (!f.fields.empty()) {
    j["fields"] = Json::array();
    for (const auto& c : f.fields) j["fields"].push_back(FieldToJson(c));
  }
  return j;
}

}  // namespace

const std::vector<KindDef>& Kinds() {
  static const std::vector<KindDef> kinds = Build();
  return kinds;
}

const KindDef* FindKind(const std::string& kind) {
  for (const auto& k : Kinds())
    if (k.kind == kind) return &k;
  return nullptr;
}

Json KindsToJson() {
  Json out = Json::array();
  for (const auto& k : Kinds()) {
    Json fields = Json::array();
    for (const auto& f : k.fields) fields.push_back(FieldToJson(f));
    out.push_back(
        {{"kind", k.kind},
         {"label", k.label},
         {"directory", k.directory},
         {"description", k.description},
         {"fields", fields},
         {"fixed_id", k.fixed_id.empty() ? Json() : Json(k.fixed_id)},
         {"draft_permission", k.draft_permission.empty() ? Json() : Json(k.draft_permission)},
         {"can_obsolete", k.can_obsolete}});
  }
  return out;
}

bool IsValidObjectId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!alnum(id[0])) return false;
  for (char c : id)
    if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

}  // namespace ordo::masterdata
