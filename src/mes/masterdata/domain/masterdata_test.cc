// Unit tests for master data validation, references, diffs and effectivity (pure domain).
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/masterdata/domain/diff.h"
#include "mes/masterdata/domain/effectivity.h"
#include "mes/masterdata/domain/validate.h"

namespace ordo::masterdata {
namespace {

const KindDef& K(const std::string& kind) {
  const KindDef* k = FindKind(kind);
  if (k == nullptr) throw std::runtime_error("no kind " + kind);
  return *k;
}

// Valid content for every kind, using every field at least once.
Json Valid(const std::string& kind) {
  if (kind == "qualification")
    return Json::parse(R"({"id":"GMP-BASIC","name":"GMP basics",
      "description":"Covers:\n\t- hygiene","validity_days":365})");
  if (kind == "reason_codes")
    return Json::parse(R"({"id":"downtime","name":"Downtime","category":"downtime","codes":[
      {"code":"MECH","description":"Mechanical failure"},
      {"code":"PM","description":"Planned maintenance","planned":true}]})");
  if (kind == "material")
    return Json::parse(R"({"id":"API-001","name":"Paracetamol","class":"raw","base_unit":"kg",
      "conversions":[{"unit":"g","factor":0.001}],"shelf_life_days":730,
      "storage_conditions":"15-25 C, dry","tracking":"lot"})");
  if (kind == "equipment")
    return Json::parse(R"({"id":"GRAN-01","name":"Granulator 1","level":"work_unit",
      "parent":"WC-GRAN","equipment_class":"granulator","capabilities":["granulation","drying"],
      "status":"available","ideal_cycle_times":[{"product":"TAB-500","seconds":0.5}],
      "calibration_due":"2026-03-01","cleaning_status":"clean","cleaning_due":"2024-02-29"})");
  if (kind == "routing")
    return Json::parse(R"({"id":"R-TAB-500","name":"Tablets","operations":[
      {"id":"10","name":"Granulate","operation_class":"granulation",
       "work_center_class":"granulators","setup_minutes":30,"run_minutes":120,
       "ideal_cycle_seconds":0.5,
       "parameters":[{"name":"inlet_temperature","unit":"C","target":60,"low":55,"high":65,
                      "critical":true,"source":"equipment"}],
       "characteristics":[{"name":"moisture","unit":"%","lower_spec":1,"upper_spec":3,
                           "sample_size":3}],
       "second_person_verification":true,"instructions":"# Granulate\n\n1. Load",
       "attachments":[{"name":"setup.png","media_type":"image/png",
         "sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}],
       "qualifications":["GMP-BASIC"]},
      {"id":"20","name":"Compress","operation_class":"compression","predecessors":["10"]}]})");
  if (kind == "product")
    return Json::parse(R"({"id":"TAB-500","name":"Tablet 500 mg","material":"TAB-500-M",
      "routing":"R-TAB-500","batch_size":100000,"bom":[
      {"material":"API-001","quantity":0.5,"unit":"g","scrap_factor":0.02,
       "alternates":["API-002"]},
      {"material":"EXC-001","quantity":0.1,"unit":"g"}]})");
  if (kind == "site_settings")
    return Json::parse(R"({"id":"site","name":"Site settings","approvals_required":2,
      "signing_password_only":false,"password_min_length":15,"password_expiry_days":0})");
  if (kind == "signature_policy")
    return Json::parse(R"({"id":"site","name":"Signature policy","text":"I sign with intent."})");
  throw std::runtime_error("no valid content for " + kind);
}

std::vector<FieldError> Validate(const std::string& kind, const Json& content) {
  const bool has_id = content.is_object() && content.contains("id") && content["id"].is_string();
  return ValidateContent(K(kind), has_id ? content["id"].get<std::string>() : "X", content);
}

std::string Dump(const std::vector<FieldError>& errors) {
  std::string s;
  for (const auto& e : errors) s += "\n  " + e.field + ": " + e.message;
  return s;
}

// Exactly one error, on `field`, whose message contains `message`.
void ExpectError(const std::string& kind, const Json& content, const std::string& field,
                 const std::string& message) {
  auto errors = Validate(kind, content);
  ASSERT_EQ(errors.size(), 1u) << field << Dump(errors);
  EXPECT_EQ(errors[0].field, field) << Dump(errors);
  EXPECT_NE(errors[0].message.find(message), std::string::npos) << Dump(errors);
}

// Valid content of `kind` with the value at JSON pointer `at` set.
Json With(const std::string& kind, const std::string& at, const Json& value) {
  Json c = Valid(kind);
  c[Json::json_pointer(at)] = value;
  return c;
}
Json Without(const std::string& kind, const std::string& at) {
  Json c = Valid(kind);
  Json::json_pointer p(at);
  Json& parent = c[p.parent_pointer()];
  if (parent.is_array())
    parent.erase(std::stoul(p.back()));
  else
    parent.erase(p.back());
  return c;
}

TEST(MasterdataValidateTest, ValidContentOfEveryKindPasses) {
  ORDO_VERIFIES("ORDO-MD-01");
  for (const auto& kind : Kinds())
    EXPECT_TRUE(Validate(kind.kind, Valid(kind.kind)).empty()) << kind.kind;
  EXPECT_TRUE(Validate("equipment", Json::parse(R"({"id":"ACME","name":"Acme",
    "level":"enterprise"})"))
                  .empty());
  EXPECT_TRUE(Validate("equipment", Json::parse(R"({"id":"A1","name":"Area 1","level":"area",
    "parent":"SITE-1"})"))
                  .empty());
  EXPECT_TRUE(
      Validate("qualification", With("qualification", "/name", std::string(200, 'x'))).empty());
  EXPECT_TRUE(Validate("material", With("material", "/shelf_life_days", 30.0)).empty());
  EXPECT_TRUE(
      Validate("routing", With("routing", "/operations/0/parameters/0/target", 65)).empty());
}

TEST(MasterdataValidateTest, ShapeAndFields) {
  ORDO_VERIFIES("ORDO-MD-01");
  ExpectError("qualification", Json::array(), "", "must be an object");
  ExpectError("material", With("material", "/colour", "red"), "colour", "unknown field");
  ExpectError("routing", With("routing", "/operations/0/parameters/0/colour", "red"),
              "operations[id=10].parameters[name=inlet_temperature].colour", "unknown field");
  ExpectError("material", Without("material", "/class"), "class", "required");
  ExpectError("routing", Without("routing", "/operations/1/operation_class"),
              "operations[id=20].operation_class", "required");
  ExpectError("material", With("material", "/class", nullptr), "class", "required");
  ExpectError("material", With("material", "/shelf_life_days", nullptr), "shelf_life_days",
              "must not be null");
}

TEST(MasterdataValidateTest, Types) {
  ORDO_VERIFIES("ORDO-MD-01");
  ExpectError("material", With("material", "/name", 5), "name", "must be a string");
  ExpectError("qualification", With("qualification", "/validity_days", "ten"), "validity_days",
              "must be a whole number from 1 to 3650");
  ExpectError("routing", With("routing", "/operations/0/parameters/0/critical", "yes"),
              "operations[id=10].parameters[name=inlet_temperature].critical",
              "must be true or false");
  ExpectError("equipment", With("equipment", "/capabilities", "granulation"), "capabilities",
              "must be a list of strings");
  ExpectError("routing", With("routing", "/operations", Json::object()), "operations",
              "must be a list of objects");
  ExpectError("reason_codes", With("reason_codes", "/codes/1", "PM"), "codes[1]",
              "must be an object");
  // A keyed item without a string key is named by its index.
  ExpectError("product", With("product", "/bom/1/material", 5), "bom[1].material",
              "must be a string");
}

TEST(MasterdataValidateTest, ChoicesLengthsAndControlCharacters) {
  ORDO_VERIFIES("ORDO-MD-01");
  ExpectError("material", With("material", "/class", "solid"), "class",
              "must be one of: raw, intermediate, finished, packaging");
  ExpectError("material", With("material", "/name", std::string(201, 'x')), "name",
              "must be at most 200 bytes");
  ExpectError("material", With("material", "/name", "two\nlines"), "name",
              "must be one line without control characters");
  ExpectError("reason_codes", With("reason_codes", "/codes/0/description", "tab\there"),
              "codes[code=MECH].description", "must be one line");
  ExpectError("qualification", With("qualification", "/description", "bell\x07"), "description",
              "control characters");
  ExpectError("material", With("material", "/name", ""), "name", "must not be empty");
}

TEST(MasterdataValidateTest, Numbers) {
  ORDO_VERIFIES("DI-05", "ORDO-MD-01");
  ExpectError("routing", With("routing", "/operations/0/setup_minutes", -1),
              "operations[id=10].setup_minutes", "must be a number >= 0");
  ExpectError("product", With("product", "/bom/0/scrap_factor", 1.5),
              "bom[material=API-001].scrap_factor", "must be a number from 0 to 1");
  ExpectError("material", With("material", "/shelf_life_days", 1.5), "shelf_life_days",
              "must be a whole number from 1 to 36500");
  ExpectError("material", With("material", "/shelf_life_days", 0), "shelf_life_days",
              "must be a whole number from 1 to 36500");
  ExpectError("material", With("material", "/conversions/0/factor", true),
              "conversions[unit=g].factor", "must be a number >= 0");
}

TEST(MasterdataValidateTest, ProductYieldLimits) {
  ORDO_VERIFIES("ORDO-BR-01", "DI-05");
  Json limits = With("product", "/yield_low", 95);
  limits["yield_high"] = 102.5;
  EXPECT_TRUE(Validate("product", limits).empty());
  ExpectError("product", With("product", "/yield_low", -1), "yield_low",
              "must be a number from 0 to 200");
  ExpectError("product", With("product", "/yield_high", 201), "yield_high",
              "must be a number from 0 to 200");
  ExpectError("product", With("product", "/yield_high", "high"), "yield_high",
              "must be a number from 0 to 200");
  Json crossed = With("product", "/yield_low", 98);
  crossed["yield_high"] = 90;
  ExpectError("product", crossed, "yield_high", "must be >= yield_low (98)");
}

TEST(MasterdataValidateTest, Dates) {
  ORDO_VERIFIES("ORDO-MD-01");
  ExpectError("equipment", With("equipment", "/calibration_due", "2026-02-30"), "calibration_due",
              "must be a valid date YYYY-MM-DD");
  ExpectError("equipment", With("equipment", "/cleaning_due", "2100-02-29"), "cleaning_due",
              "YYYY-MM-DD");
  ExpectError("equipment", With("equipment", "/cleaning_due", "2026-3-01"), "cleaning_due",
              "YYYY-MM-DD");
  ExpectError("equipment", With("equipment", "/cleaning_due", "2026-13-01"), "cleaning_due",
              "YYYY-MM-DD");
}

TEST(MasterdataValidateTest, ListsKeysAndIds) {
  ORDO_VERIFIES("ORDO-MD-01");
  ExpectError("routing", With("routing", "/operations/1/id", "10"), "operations[id=10].id",
              "must be unique within operations");
  ExpectError("reason_codes", With("reason_codes", "/codes/1/code", "MECH"),
              "codes[code=MECH].code", "must be unique");
  ExpectError("equipment", With("equipment", "/capabilities/1", "granulation"), "capabilities[1]",
              "duplicate");
  Json eleven = Json::array();
  for (int i = 0; i < 11; ++i) eleven.push_back("ALT-" + std::to_string(i));
  ExpectError("product", With("product", "/bom/0/alternates", eleven),
              "bom[material=API-001].alternates", "must have at most 10 items");
  auto errors = ValidateContent(K("material"), "OTHER", Valid("material"));
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].field, "id");
  EXPECT_EQ(errors[0].message, "must equal the object id \"OTHER\"");
  ExpectError("material", With("material", "/id", "-bad"), "id", "starting with a letter or digit");
}

TEST(MasterdataValidateTest, RoutingRules) {
  ORDO_VERIFIES("DI-05", "ORDO-MD-01");
  const std::string p = "operations[id=10].parameters[name=inlet_temperature].";
  auto errors = Validate("routing", With("routing", "/operations/0/parameters/0/high", 50));
  ASSERT_EQ(errors.size(), 2u) << Dump(errors);
  EXPECT_EQ(errors[0].field, p + "high");
  EXPECT_EQ(errors[0].message, "must be >= low (55)");
  EXPECT_EQ(errors[1].field, p + "target");
  ExpectError("routing", With("routing", "/operations/0/parameters/0/target", 70), p + "target",
              "must be <= high (65)");
  ExpectError("routing", With("routing", "/operations/0/parameters/0/target", 50), p + "target",
              "must be >= low (55)");
  ExpectError("routing", With("routing", "/operations/0/characteristics/0/upper_spec", 1),
              "operations[id=10].characteristics[name=moisture].upper_spec",
              "must be greater than lower_spec (1)");
  ExpectError("routing", With("routing", "/operations/0/predecessors", Json::array({"20"})),
              "operations[id=10].predecessors[0]", "earlier operation");
  ExpectError("routing", With("routing", "/operations/1/predecessors", Json::array({"10", "99"})),
              "operations[id=20].predecessors[1]", "earlier operation");
  ExpectError("routing", With("routing", "/operations/1/predecessors", Json::array({"20"})),
              "operations[id=20].predecessors[0]", "earlier operation");
  ExpectError("routing", With("routing", "/operations", Json::array()), "operations",
              "at least one");
}

TEST(MasterdataValidateTest, EquipmentMaterialAndProductRules) {
  ORDO_VERIFIES("ORDO-MD-01");
  ExpectError("equipment", Json::parse(R"({"id":"ACME","name":"Acme","level":"enterprise",
    "parent":"X"})"),
              "parent", "must be left out for an enterprise");
  ExpectError("equipment", Json::parse(R"({"id":"A1","name":"Area","level":"area"})"), "parent",
              "required below enterprise");
  ExpectError("equipment", With("equipment", "/parent", "GRAN-01"), "parent", "itself");
  ExpectError("equipment", Json::parse(R"({"id":"A1","name":"Area","level":"area",
    "parent":"S1","status":"available"})"),
              "status", "only allowed when level is work_unit");
  ExpectError("material", With("material", "/conversions/0/unit", "kg"),
              "conversions[unit=kg].unit", "must differ from base_unit (kg)");
  ExpectError("product", With("product", "/bom/1/material", "TAB-500-M"),
              "bom[material=TAB-500-M].material", "must differ from the product's material");
  ExpectError("product", With("product", "/bom/0/alternates/0", "API-001"),
              "bom[material=API-001].alternates[0]", "must differ from this item's material");
}

TEST(MasterdataValidateTest, GtinAndDispatchRule) {
  ORDO_VERIFIES("ORDO-MD-09", "ORDO-MD-10");
  ExpectError("material", With("material", "/gtin", "4006381333932"), "gtin", "GS1 check digit");
  EXPECT_TRUE(Validate("material", With("material", "/gtin", "4006381333931")).empty());
  ExpectError("equipment", With("equipment", "/dispatch_rule", "fifo"), "dispatch_rule",
              "only allowed when level is work_center");
  ExpectError("equipment", Json::parse(R"({"id":"WC1","name":"Cell","level":"work_center",
    "parent":"A1","dispatch_rule":"random"})"),
              "dispatch_rule", "");
  EXPECT_TRUE(Validate("equipment", Json::parse(R"({"id":"WC1","name":"Cell",
    "level":"work_center","parent":"A1","dispatch_rule":"critical_ratio"})"))
                  .empty());
}

TEST(MasterdataValidateTest, ParameterTagsOfAWorkUnit) {
  ORDO_VERIFIES("ORDO-TEL-12", "ORDO-TEL-13");
  const Json mapping = Json::parse(R"([{"parameter":"impeller_speed","tag":"gran1.impeller"},
    {"parameter":"binder_temperature","tag":"gran1.binder_temp"}])");
  EXPECT_TRUE(Validate("equipment", With("equipment", "/parameter_tags", mapping)).empty());
  Json bad = mapping;
  bad[1]["tag"] = "gran1/binder";
  ExpectError("equipment", With("equipment", "/parameter_tags", bad),
              "parameter_tags[parameter=binder_temperature].tag", "must be a tag name");
  bad[1]["tag"] = "gran1.impeller";
  ExpectError("equipment", With("equipment", "/parameter_tags", bad),
              "parameter_tags[parameter=binder_temperature].tag", "already feeds another");
  bad = mapping;
  bad[1]["parameter"] = "impeller_speed";
  ExpectError("equipment", With("equipment", "/parameter_tags", bad),
              "parameter_tags[parameter=impeller_speed].parameter", "more than once");
  bad = mapping;
  bad[0].erase("tag");
  ExpectError("equipment", With("equipment", "/parameter_tags", bad),
              "parameter_tags[parameter=impeller_speed].tag", "");
  bad = mapping;
  bad[0]["tag"] = 42;
  ExpectError("equipment", With("equipment", "/parameter_tags", bad),
              "parameter_tags[parameter=impeller_speed].tag", "");
  ExpectError("equipment", Json::parse(R"({"id":"A1","name":"Area","level":"area",
    "parent":"S1","parameter_tags":[{"parameter":"p","tag":"t"}]})"),
              "parameter_tags", "only allowed when level is work_unit");
}

std::string Dump(const std::vector<Reference>& refs) {
  std::string s;
  for (const auto& r : refs) s += r.field + "->" + r.kind + ":" + r.id + ";";
  return s;
}

TEST(MasterdataReferencesTest, CollectsEveryReferenceWithItsPath) {
  ORDO_VERIFIES("ORDO-MD-01");
  EXPECT_EQ(Dump(CollectReferences(K("product"), Valid("product"))),
            "material->material:TAB-500-M;routing->routing:R-TAB-500;"
            "bom[material=API-001].material->material:API-001;"
            "bom[material=API-001].alternates[0]->material:API-002;"
            "bom[material=EXC-001].material->material:EXC-001;");
  EXPECT_EQ(
      Dump(CollectReferences(K("equipment"), Valid("equipment"))),
      "parent->equipment:WC-GRAN;ideal_cycle_times[product=TAB-500].product->product:TAB-500;");
  EXPECT_EQ(Dump(CollectReferences(K("routing"), Valid("routing"))),
            "operations[id=10].attachments[sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca"
            "495991b7852b855].sha256->attachment:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca"
            "495991b7852b855;operations[id=10].qualifications[0]->qualification:GMP-BASIC;");
  EXPECT_TRUE(CollectReferences(K("material"), Valid("material")).empty());
}

std::string Paths(const std::vector<Change>& changes) {
  std::string s;
  for (const auto& c : changes) s += c.path + ";";
  return s;
}

TEST(MasterdataDiffTest, ScalarsAndFieldOrder) {
  ORDO_VERIFIES("ORDO-MD-05");
  EXPECT_TRUE(DiffContent(K("routing"), Valid("routing"), Valid("routing")).empty());
  Json to = With("qualification", "/validity_days", 730);
  to["name"] = "GMP";
  auto changes = DiffContent(K("qualification"), Valid("qualification"), to);
  ASSERT_EQ(Paths(changes), "name;validity_days;");
  EXPECT_EQ(changes[0].old_value, "GMP basics");
  EXPECT_EQ(changes[0].new_value, "GMP");
  EXPECT_EQ(ChangesToJson(changes)[1],
            Json::parse(R"({"path":"validity_days","old":365,"new":730})"));
  changes = DiffContent(K("qualification"), Without("qualification", "/description"),
                        Valid("qualification"));
  ASSERT_EQ(Paths(changes), "description;");
  EXPECT_TRUE(changes[0].old_value.is_null());
}

TEST(MasterdataDiffTest, KeyedListItems) {
  ORDO_VERIFIES("ORDO-MD-05");
  Json to = Valid("product");
  to["bom"].push_back({{"material", "EXC-002"}, {"quantity", 1}, {"unit", "g"}});
  auto changes = DiffContent(K("product"), Valid("product"), to);
  ASSERT_EQ(Paths(changes), "bom[material=EXC-002];");
  EXPECT_TRUE(changes[0].old_value.is_null());
  EXPECT_EQ(changes[0].new_value, to["bom"][2]);

  changes = DiffContent(K("product"), Valid("product"), Without("product", "/bom/0"));
  ASSERT_EQ(Paths(changes), "bom[material=API-001];");
  EXPECT_EQ(changes[0].old_value, Valid("product")["bom"][0]);
  EXPECT_TRUE(changes[0].new_value.is_null());

  changes = DiffContent(K("routing"), Valid("routing"),
                        With("routing", "/operations/0/parameters/0/high", 66));
  ASSERT_EQ(Paths(changes), "operations[id=10].parameters[name=inlet_temperature].high;");
  EXPECT_EQ(changes[0].old_value, 65);
  EXPECT_EQ(changes[0].new_value, 66);
}

TEST(MasterdataDiffTest, ReorderAndStringLists) {
  ORDO_VERIFIES("ORDO-MD-05");
  Json to = Valid("product");
  std::swap(to["bom"][0], to["bom"][1]);
  auto changes = DiffContent(K("product"), Valid("product"), to);
  ASSERT_EQ(Paths(changes), "bom;");
  EXPECT_EQ(changes[0].old_value, Json::array({"API-001", "EXC-001"}));
  EXPECT_EQ(changes[0].new_value, Json::array({"EXC-001", "API-001"}));
  changes = DiffContent(K("equipment"), Valid("equipment"),
                        With("equipment", "/capabilities/1", "milling"));
  ASSERT_EQ(Paths(changes), "capabilities[1];");
  EXPECT_EQ(changes[0].new_value, "milling");
}

TEST(MasterdataDiffTest, FromAndToNothing) {
  ORDO_VERIFIES("ORDO-MD-05");
  auto changes = DiffContent(K("qualification"), nullptr, Valid("qualification"));
  ASSERT_EQ(Paths(changes), "id;name;description;validity_days;");
  for (const auto& c : changes) {
    EXPECT_TRUE(c.old_value.is_null());
    EXPECT_EQ(c.new_value, Valid("qualification")[c.path]);
  }
  changes = DiffContent(K("product"), Valid("product"), nullptr);
  ASSERT_EQ(Paths(changes), "id;name;material;routing;batch_size;bom;");
  EXPECT_TRUE(changes[5].new_value.is_null());
}

constexpr TimeMicros kDay = 86'400'000'000;
constexpr TimeMicros kT0 = 1'700'000'000'000'000;

VersionFacts Approved(std::int64_t version, TimeMicros from, std::string action = "define") {
  return {version, VersionState::kApproved, std::move(action), from};
}

TEST(MasterdataEffectivityTest, FutureEffectiveFrom) {
  ORDO_VERIFIES("A11-08", "ORDO-MD-02");
  std::vector<VersionFacts> v = {Approved(1, kT0 + kDay)};
  EXPECT_EQ(EffectiveVersion(v, kT0), std::nullopt);
  EXPECT_EQ(DeriveStatuses(v, kT0), std::vector<std::string>{"approved"});
  EXPECT_EQ(EffectiveVersion(v, kT0 + kDay), 1);
  EXPECT_EQ(DeriveStatuses(v, kT0 + kDay), std::vector<std::string>{"effective"});
}

TEST(MasterdataEffectivityTest, LaterEffectiveSupersedes) {
  ORDO_VERIFIES("A11-08", "ORDO-MD-02");
  std::vector<VersionFacts> v = {Approved(1, kT0), Approved(2, kT0 + 10 * kDay)};
  EXPECT_EQ(EffectiveVersion(v, kT0 + 5 * kDay), 1);
  EXPECT_EQ(DeriveStatuses(v, kT0 + 5 * kDay), (std::vector<std::string>{"effective", "approved"}));
  EXPECT_EQ(EffectiveVersion(v, kT0 + 10 * kDay), 2);
  EXPECT_EQ(DeriveStatuses(v, kT0 + 10 * kDay),
            (std::vector<std::string>{"superseded", "effective"}));
  // The latest effective_from wins, not the highest version.
  v = {Approved(1, kT0 + 10 * kDay), Approved(2, kT0 + 5 * kDay)};
  EXPECT_EQ(EffectiveVersion(v, kT0 + 20 * kDay), 1);
  EXPECT_EQ(DeriveStatuses(v, kT0 + 20 * kDay),
            (std::vector<std::string>{"effective", "superseded"}));
  // Ties: the higher version.
  v = {Approved(2, kT0), Approved(1, kT0)};
  EXPECT_EQ(EffectiveVersion(v, kT0), 2);
  EXPECT_EQ(DeriveStatuses(v, kT0), (std::vector<std::string>{"effective", "superseded"}));
}

TEST(MasterdataEffectivityTest, ObsoleteAndOpenStates) {
  ORDO_VERIFIES("ORDO-MD-02");
  std::vector<VersionFacts> v = {Approved(1, kT0),
                                 Approved(2, kT0 + kDay, "obsolete"),
                                 {3, VersionState::kDraft, "define", std::nullopt},
                                 {4, VersionState::kInReview, "define", std::nullopt},
                                 {5, VersionState::kWithdrawn, "define", kT0}};
  EXPECT_EQ(EffectiveVersion(v, kT0), 1);
  EXPECT_EQ(DeriveStatuses(v, kT0),
            (std::vector<std::string>{"effective", "approved", "draft", "in_review", "withdrawn"}));
  EXPECT_EQ(EffectiveVersion(v, kT0 + kDay), 2);
  EXPECT_EQ(
      DeriveStatuses(v, kT0 + kDay),
      (std::vector<std::string>{"superseded", "obsolete", "draft", "in_review", "withdrawn"}));
  EXPECT_EQ(EffectiveVersion({{1, VersionState::kDraft, "define", kT0}}, kT0 + kDay), std::nullopt);
  EXPECT_EQ(EffectiveVersion({}, kT0), std::nullopt);
}

}  // namespace
}  // namespace ordo::masterdata
