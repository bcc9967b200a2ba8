// Tests of the plant YAML writer: the exact format, and byte-identical round trips
// through the reader for every kind and awkward strings and numbers.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/masterdata/plant/detail/reader.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant {
namespace {

const masterdata::KindDef& Kind(const std::string& name) { return *masterdata::FindKind(name); }

// Writes, reads back (typing only, no validation) and writes again.
std::string RoundTrip(const std::string& kind, const Json& content, Json* read_back = nullptr) {
  std::string first = WriteObjectYaml(Kind(kind), content);
  ReadResult r = detail::ReadPlantFilesWith({{"x.yaml", first}}, nullptr);
  EXPECT_TRUE(r.errors.empty()) << FormatErrors(r.errors) << first;
  if (r.objects.size() != 1) return "<unreadable>";
  if (read_back) *read_back = r.objects[0].content;
  EXPECT_EQ(r.objects[0].content, content) << first;
  return WriteObjectYaml(Kind(kind), r.objects[0].content);
}

Json Routing() {
  return Json::parse(R"({
    "id": "RT-100", "name": "Tablet line",
    "operations": [
      {"id": "10", "name": "Granulate", "operation_class": "granulation",
       "setup_minutes": 30, "run_minutes": 0.1, "ideal_cycle_seconds": 1e-07,
       "parameters": [{"name": "inlet_temperature", "unit": "C", "target": 60, "low": 55.5,
                       "high": 65, "critical": true, "source": "equipment"}],
       "instructions": "# Granulate\n\n1. Load the bowl.\n2. Start: mix.\n",
       "qualifications": ["Q-GRAN"]},
      {"id": "20", "name": "Compress", "operation_class": "compression",
       "predecessors": ["10"], "second_person_verification": false,
       "characteristics": [{"name": "hardness", "lower_spec": -3, "upper_spec": 100,
                            "sample_size": 10}],
       "instructions": "Press.\nCheck weight"}
    ]})");
}

TEST(WriteObjectYaml, RoutingGolden) {
  ORDO_VERIFIES("ORDO-MD-06");
  EXPECT_EQ(WriteObjectYaml(Kind("routing"), Routing()),
            R"(kind: routing
id: RT-100
name: Tablet line
operations:
  - id: "10"
    name: Granulate
    operation_class: granulation
    setup_minutes: 30
    run_minutes: 0.1
    ideal_cycle_seconds: 1e-07
    parameters:
      - name: inlet_temperature
        unit: C
        target: 60
        low: 55.5
        high: 65
        critical: true
        source: equipment
    instructions: |
      # Granulate

      1. Load the bowl.
      2. Start: mix.
    qualifications:
      - Q-GRAN
  - id: "20"
    name: Compress
    operation_class: compression
    predecessors:
      - "10"
    characteristics:
      - name: hardness
        lower_spec: -3
        upper_spec: 100
        sample_size: 10
    second_person_verification: false
    instructions: |-
      Press.
      Check weight
)");
}

TEST(WriteObjectYaml, QuotesOnlyWhenNeeded) {
  ORDO_VERIFIES("ORDO-MD-06");
  Json c = {{"id", "Q-1"}, {"name", "10"}, {"description", "a: b"}};
  EXPECT_EQ(WriteObjectYaml(Kind("qualification"), c),
            "kind: qualification\nid: Q-1\nname: \"10\"\ndescription: \"a: b\"\n");
  for (const char* s : {"true", "null", "1.5", "#x", " lead", "trail ", "", "~", "No", "2026-01-01",
                        "-x", "[a]", "say \"hi\"\ttab", "x #y", "end:"}) {
    std::string yaml = WriteObjectYaml(Kind("qualification"), {{"id", "Q"}, {"name", s}});
    EXPECT_NE(yaml.find("name: \""), std::string::npos) << s;
  }
  for (const char* s :
       {"Granulate", "a:b", "http://x/y", "10 mg", "Grün über", "a#b", "it's", "O'Brien (QA)"}) {
    std::string yaml = WriteObjectYaml(Kind("qualification"), {{"id", "Q"}, {"name", s}});
    EXPECT_NE(yaml.find(std::string("name: ") + s + "\n"), std::string::npos) << yaml;
  }
}

TEST(WriteObjectYaml, TextBlocksFollowTheTrailingNewlines) {
  ORDO_VERIFIES("ORDO-MD-06");
  auto write = [](const std::string& text) {
    return WriteObjectYaml(Kind("qualification"),
                           {{"id", "Q"}, {"name", "Note"}, {"description", text}});
  };
  EXPECT_EQ(write("a\nb"), "kind: qualification\nid: Q\nname: Note\ndescription: |-\n  a\n  b\n");
  EXPECT_EQ(write("a\nb\n"), "kind: qualification\nid: Q\nname: Note\ndescription: |\n  a\n  b\n");
  EXPECT_EQ(write("a\n\nb\n\n\n"),
            "kind: qualification\nid: Q\nname: Note\ndescription: |+\n  a\n\n  b\n\n\n");
  EXPECT_EQ(write(" indented\nx"),
            "kind: qualification\nid: Q\nname: Note\ndescription: \" indented\\nx\"\n");
  EXPECT_EQ(write("one line"), "kind: qualification\nid: Q\nname: Note\ndescription: one line\n");
}

TEST(WriteObjectYaml, EmptyListsAreOmittedAndUnknownFieldsFollow) {
  ORDO_VERIFIES("ORDO-MD-06");
  Json c = {{"zeta", 1},        {"id", "M-1"},      {"name", "Water"},
            {"class", "raw"},   {"base_unit", "L"}, {"conversions", Json::array()},
            {"tracking", "lot"}};
  EXPECT_EQ(WriteObjectYaml(Kind("material"), c),
            "kind: material\nid: M-1\nname: Water\nclass: raw\nbase_unit: L\ntracking: lot\n"
            "zeta: 1\n");
}

TEST(ExportFiles, OneFilePerObjectSortedByPath) {
  ORDO_VERIFIES("ORDO-MD-06");
  std::vector<PlantObject> objects = {
      {"routing", "RT-1", {{"id", "RT-1"}, {"name", "r"}}},
      {"material", "M-2", {{"id", "M-2"}, {"name", "m"}}},
      {"nonsense", "X", Json::object()},
      {"material", "M-1", {{"id", "M-1"}, {"name", "m"}}},
      {"reason_codes", "DT", {{"id", "DT"}, {"name", "d"}}},
  };
  auto files = ExportFiles(objects);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[0].path, "materials/M-1.yaml");
  EXPECT_EQ(files[1].path, "materials/M-2.yaml");
  EXPECT_EQ(files[2].path, "reason-codes/DT.yaml");
  EXPECT_EQ(files[3].path, "routings/RT-1.yaml");
  EXPECT_EQ(files[3].text, "kind: routing\nid: RT-1\nname: r\n");
}

TEST(RoundTrip, EveryKind) {
  ORDO_VERIFIES("VAL-08", "ORDO-MD-06");
  const std::vector<std::pair<std::string, Json>> samples = {
      {"qualification",
       {{"id", "Q-GRAN"},
        {"name", "Granulation"},
        {"description", "Covers **all**\n"},
        {"validity_days", 365}}},
      {"reason_codes",
       {{"id", "DT"},
        {"name", "Downtime"},
        {"category", "downtime"},
        {"codes",
         {{{"code", "10"}, {"description", "Breakdown"}, {"planned", false}},
          {{"code", "PM"}, {"description", "Planned: maintenance"}, {"planned", true}}}}}},
      {"material",
       {{"id", "M-API"},
        {"name", "Active"},
        {"class", "raw"},
        {"base_unit", "kg"},
        {"conversions", {{{"unit", "g"}, {"factor", 0.001}}}},
        {"shelf_life_days", 730},
        {"storage_conditions", "15-25 C, dry"},
        {"tracking", "lot"}}},
      {"equipment",
       {{"id", "WU-1"},
        {"name", "Press 1"},
        {"level", "work_unit"},
        {"parent", "WC-1"},
        {"equipment_class", "tablet_press"},
        {"capabilities", {"compression", "10"}},
        {"status", "available"},
        {"ideal_cycle_times", {{{"product", "P-1"}, {"seconds", 0.25}}}},
        {"calibration_due", "2027-01-31"},
        {"cleaning_status", "clean"},
        {"cleaning_due", "2026-12-01"}}},
      {"routing", Routing()},
      {"product",
       {{"id", "P-1"},
        {"name", "Tablet 10 mg"},
        {"material", "M-TAB"},
        {"routing", "RT-100"},
        {"batch_size", 100000},
        {"bom",
         {{{"material", "M-API"},
           {"quantity", 0.01},
           {"unit", "g"},
           {"scrap_factor", 0.02},
           {"alternates", {"M-API2"}}}}}}},
  };
  for (const auto& [kind, content] : samples) {
    std::string first = WriteObjectYaml(Kind(kind), content);
    EXPECT_EQ(RoundTrip(kind, content), first) << kind;
  }
}

TEST(RoundTrip, AwkwardStrings) {
  ORDO_VERIFIES("VAL-08", "ORDO-MD-06");
  const std::vector<std::string> strings = {"10",
                                            "true",
                                            "false",
                                            "null",
                                            "Null",
                                            "~",
                                            "1.5",
                                            "1e3",
                                            ".5",
                                            "0x1F",
                                            "a: b",
                                            "#x",
                                            "x #y",
                                            " lead",
                                            "trail ",
                                            "  both  ",
                                            "",
                                            "Grün über Öl 日本語 🙂",
                                            "tab\there",
                                            "quote \" and \\ back",
                                            "'single'",
                                            "a:b",
                                            "- dash",
                                            "? q",
                                            "@at",
                                            "`tick",
                                            "%pct",
                                            "!bang",
                                            "&amp",
                                            "*star",
                                            "|pipe",
                                            ">gt",
                                            "{brace}",
                                            "[bracket]",
                                            "comma, here",
                                            "yes",
                                            "NO",
                                            "on",
                                            "Off",
                                            "y",
                                            "2026-01-01",
                                            "12:30",
                                            "-3",
                                            "+3",
                                            ".inf",
                                            "ctl\x01",
                                            "del\x7f",
                                            "nel\xC2\x85",
                                            "ls\xE2\x80\xA8",
                                            "ends with colon:",
                                            "=",
                                            "<<",
                                            "---",
                                            "...",
                                            "a\\nb"};
  for (const auto& s : strings) {
    Json c = {{"id", "Q-1"}, {"name", s}, {"description", s}};
    std::string first = WriteObjectYaml(Kind("qualification"), c);
    EXPECT_EQ(RoundTrip("qualification", c), first) << "[" << s << "]";
  }
}

TEST(RoundTrip, MultiLineText) {
  ORDO_VERIFIES("VAL-08", "ORDO-MD-06");
  const std::vector<std::string> texts = {
      "# Title\n\nSome *Markdown*:\n\n- item\n  - nested\n\n```\ncode: here\n```\n",
      "no trailing newline\nsecond",
      "two trailing\n\n",
      "three\n\n\n",
      "a\n\n\nb",
      "\nleading newline",
      " leading space\nx",
      "\tleading tab\nx",
      "x\n\ttab line\n",
      "x\n   \ny",
      "x\n  ",
      "x\r\ny",
      "x\n#comment-like\n---\n...\n",
      "x\n  indented more\nback",
      "trailing spaces  \nnext  ",
      "unicode ü\n日本\n",
      "x\n\n",
      "\n",
      "\n\n",
      "x\n- a: b\n"};
  for (const auto& t : texts) {
    Json c = {{"id", "Q-1"}, {"name", "n"}, {"description", t}};
    std::string first = WriteObjectYaml(Kind("qualification"), c);
    EXPECT_EQ(RoundTrip("qualification", c), first) << "[" << t << "]\n" << first;
  }
  Json routing = Routing();
  routing["operations"][1]["instructions"] = "Step\n\n  code block\n\n\n";
  EXPECT_EQ(RoundTrip("routing", routing), WriteObjectYaml(Kind("routing"), routing));
}

TEST(RoundTrip, Numbers) {
  ORDO_VERIFIES("VAL-08", "ORDO-MD-06");
  for (Json n : {Json(0.1), Json(1e-07), Json(-3), Json(100), Json(100.0), Json(1.5e300), Json(0),
                 Json(-0.25), Json(123456789012345), Json(2.5e-12)}) {
    Json c = {{"id", "M-1"},        {"name", "m"},
              {"class", "raw"},     {"base_unit", "kg"},
              {"tracking", "none"}, {"conversions", {{{"unit", "g"}, {"factor", n}}}}};
    Json back;
    std::string first = WriteObjectYaml(Kind("material"), c);
    EXPECT_EQ(RoundTrip("material", c, &back), first) << n.dump();
    EXPECT_NE(first.find("factor: " + n.dump() + "\n"), std::string::npos) << first;
  }
}

}  // namespace
}  // namespace ordo::masterdata::plant
