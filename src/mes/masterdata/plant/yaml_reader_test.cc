// Tests of the plant YAML reader: typing by the kinds table and every error at its exact
// file:line (with a fake validator; validation_test.cc uses the real one).
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/masterdata/plant/detail/reader.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant {
namespace {

ReadResult Read(const std::vector<PlantFile>& files, const detail::Validator& v = nullptr) {
  return detail::ReadPlantFilesWith(files, v);
}

std::string Errors(const std::vector<PlantFile>& files, const detail::Validator& v = nullptr) {
  return FormatErrors(Read(files, v).errors);
}

const char* kRouting = R"(kind: routing
id: RT-1
name: Line
operations:
  - id: 10
    name: Mix
    operation_class: mixing
    setup_minutes: 5
    parameters:
      - name: speed
        unit: rpm
        target: 60
        critical: true
        source: manual
  - id: "20"
    name: Press
    operation_class: compression
    predecessors: [10]
)";

TEST(ReadPlantFiles, TypesValuesByTheKindsTable) {
  ORDO_VERIFIES("ORDO-MD-06");
  ReadResult r = Read({{"routings/RT-1.yaml", kRouting}});
  ASSERT_TRUE(r.errors.empty()) << FormatErrors(r.errors);
  ASSERT_EQ(r.objects.size(), 1u);
  EXPECT_EQ(r.objects[0].kind, "routing");
  EXPECT_EQ(r.objects[0].id, "RT-1");
  const Json& ops = r.objects[0].content["operations"];
  EXPECT_EQ(ops[0]["id"], "10");  // a string field stays a string
  EXPECT_EQ(ops[0]["setup_minutes"], 5);
  EXPECT_TRUE(ops[0]["parameters"][0]["critical"].get<bool>());
  EXPECT_EQ(ops[1]["predecessors"], Json::array({"10"}));
  EXPECT_FALSE(r.objects[0].content.contains("kind"));
}

TEST(ReadPlantFiles, SyntaxErrorAtItsLine) {
  ORDO_VERIFIES("ORDO-MD-06");
  EXPECT_EQ(Errors({{"a.yaml", "kind: material\nid: M-1\nname: [unclosed\nclass: raw\n"}}),
            "a.yaml:4: YAML syntax: end of sequence flow not found\n");
  EXPECT_EQ(Errors({{"b.yaml", "kind: material\nid: M-1\n  name: x\n"}}),
            "b.yaml:3: YAML syntax: illegal map value\n");
}

TEST(ReadPlantFiles, UnknownKeyWrongTypeAndEmptyValues) {
  ORDO_VERIFIES("ORDO-MD-06");
  EXPECT_EQ(Errors({{"m.yaml",
                     "kind: material\nid: M-1\nname: Water\nclass: raw\nbase_unit: L\n"
                     "tracking: lot\ncolour: blue\nshelf_life_days: \"30\"\n"
                     "conversions: g\nstorage_conditions:\n"}}),
            "m.yaml:7: colour: unknown field\n"
            "m.yaml:8: shelf_life_days: must be a whole number\n"
            "m.yaml:9: conversions: must be a list of items\n"
            "m.yaml:10: storage_conditions: is empty; give a value or leave the field out\n");
  EXPECT_EQ(Errors({{"r.yaml",
                     "kind: routing\nid: R\nname: R\noperations:\n  - id: '10'\n"
                     "    name: x\n    operation_class: y\n    run_minutes: 1.5.2\n"
                     "    second_person_verification: yes\n    qualifications:\n"
                     "      - a\n      - [b]\n    parameters:\n      - name: t\n"
                     "        unit: C\n        source: manual\n        oops: 1\n"}}),
            "r.yaml:8: operations[id=10].run_minutes: must be a number\n"
            "r.yaml:9: operations[id=10].second_person_verification: must be true or false\n"
            "r.yaml:12: operations[id=10].qualifications[1]: must be a string\n"
            "r.yaml:17: operations[id=10].parameters[name=t].oops: unknown field\n");
  EXPECT_EQ(Errors({{"d.yaml", "kind: material\nid: M\nid: N\n"}}),
            "d.yaml:3: id: duplicate key\n");
}

TEST(ReadPlantFiles, MissingOrUnknownKindAndNotAMapping) {
  ORDO_VERIFIES("ORDO-MD-06");
  EXPECT_EQ(Errors({{"a.yaml", "\n\nid: M-1\nname: x\n"}}),
            "a.yaml:3: kind: missing: every file starts with kind: <kind>\n");
  EXPECT_EQ(Errors({{"b.yaml", "id: M-1\nkind: widget\n"}}),
            "b.yaml:2: kind: unknown kind; expected one of qualification, reason_codes, "
            "material, equipment, routing, product, site_settings, signature_policy\n");
  EXPECT_EQ(Errors({{"c.yaml", "- just a list\n"}}),
            "c.yaml:1: must be a YAML mapping that starts with kind:\n");
  EXPECT_EQ(Errors({{"e.yaml", ""}}), "e.yaml:1: must be a YAML mapping that starts with kind:\n");
  EXPECT_EQ(Errors({{"f.yaml", "kind: qualification\nid: Q\nname: q\n---\nkind: qualification\n"}}),
            "f.yaml:4: one object per file: found a second YAML document\n");
}

TEST(ReadPlantFiles, DuplicateKindAndIdAcrossFiles) {
  ORDO_VERIFIES("ORDO-MD-06");
  const std::string q = "kind: qualification\nid: Q-1\nname: One\n";
  ReadResult r = Read({{"qualifications/Q-1.yaml", q},
                       {"material.yaml", "kind: material\nid: Q-1\nname: m\n"},
                       {"other/copy.yaml", "# a copy\n" + q}});
  EXPECT_EQ(FormatErrors(r.errors),
            "other/copy.yaml:3: id: duplicate: qualification Q-1 is also defined in "
            "qualifications/Q-1.yaml:2\n");
  EXPECT_EQ(r.objects.size(), 2u);  // the same id in another kind is fine
}

TEST(ReadPlantFiles, FieldErrorsFromValidationAtTheFieldOrItsNearestAncestor) {
  ORDO_VERIFIES("ORDO-MD-01", "ORDO-MD-06");
  detail::Validator fake = [](const masterdata::KindDef&, const std::string& id, const Json&) {
    EXPECT_EQ(id, "RT-1");
    return std::vector<masterdata::FieldError>{
        {"operations[id=10].parameters[name=speed].target", "must be <= high"},
        {"operations[id=10].parameters[name=speed].low", "is required"},
        {"operations[id=20].predecessors[0]", "must name an earlier operation"},
        {"operations[id=30]", "no such"},
        {"description", "is required"},
        {"", "content is bad"},
    };
  };
  ReadResult r = Read({{"routings/RT-1.yaml", kRouting}}, fake);
  EXPECT_EQ(FormatErrors(r.errors),
            "routings/RT-1.yaml:12: operations[id=10].parameters[name=speed].target: must be "
            "<= high\n"
            "routings/RT-1.yaml:10: operations[id=10].parameters[name=speed].low: is required\n"
            "routings/RT-1.yaml:18: operations[id=20].predecessors[0]: must name an earlier "
            "operation\n"
            "routings/RT-1.yaml:4: operations[id=30]: no such\n"
            "routings/RT-1.yaml:1: description: is required\n"
            "routings/RT-1.yaml:1: content is bad\n");
  EXPECT_TRUE(r.objects.empty());
}

TEST(ReadPlantFiles, NeverThrowsOnOddInput) {
  ORDO_VERIFIES("ORDO-API-01", "ORDO-MD-06");
  for (const char* text :
       {"kind: [routing]\n", "kind: routing\n? [a, b]\n: c\n", "kind: routing\nid: *nope\n",
        "\t\tkind: x", "kind: routing\noperations:\n  - - 1\n", "kind: routing\n!!binary x: y\n",
        "\xff\xfe"}) {
    ReadResult r = Read({{"x.yaml", text}});
    EXPECT_FALSE(r.errors.empty()) << text;
  }
}

TEST(FormatErrors, OneLinePerError) {
  ORDO_VERIFIES("ORDO-MD-06");
  EXPECT_EQ(FormatErrors({{"a.yaml", 3, "name", "is required", ""}, {"b.yaml", 1, "", "bad", ""}}),
            "a.yaml:3: name: is required\nb.yaml:1: bad\n");
}

}  // namespace
}  // namespace ordo::masterdata::plant

namespace ordo::masterdata::plant {
namespace {

// Inputs the fuzzer found or that target yaml-cpp's weak spots: each must end with
// an error naming the file, never hang or overflow the stack.
TEST(ReadPlantFiles, HostileInputsGiveErrors) {
  ORDO_VERIFIES("ORDO-API-01", "ORDO-MD-06");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {",", "must be a YAML mapping"},
      {"kind: material\n---\nkind: material\n", "x.yaml:2: one object per file"},
      {"kind: material\n...\nid: x\n", "x.yaml:3: one object per file"},
      {std::string(200, '[') + std::string(200, ']'), "nested more than 32"},
      {"kind: material\nid: {a: [" + std::string(40, '[') + "]}\n", "nested more than 32"},
  };
  for (const auto& [text, expected] : cases) {
    ReadResult r = ReadPlantFiles({{"x.yaml", text}});
    EXPECT_TRUE(r.objects.empty()) << text;
    EXPECT_NE(FormatErrors(r.errors).find(expected), std::string::npos)
        << text << " -> " << FormatErrors(r.errors);
  }
}

TEST(ReadPlantFiles, LeadingDocumentMarkerAndCommentsAreFine) {
  ORDO_VERIFIES("ORDO-MD-06");
  ReadResult r =
      ReadPlantFiles({{"q.yaml", "# a comment\n---\nkind: qualification\nid: Q-1\nname: Q one\n"}});
  EXPECT_TRUE(r.errors.empty()) << FormatErrors(r.errors);
  EXPECT_EQ(r.objects.size(), 1u);
}

}  // namespace
}  // namespace ordo::masterdata::plant
