// The eq_source JSON columns read without a JSON document (source_columns.h): the same
// result as nlohmann's parse for what the projectors write, for the other JSON it falls
// back to, and for text that is no JSON, checked against the parse on fixed and on random
// texts.
#include "mes/equipment/store/source_columns.h"

#include <gtest/gtest.h>

#include <random>

#include "core/canonical_json.h"

namespace ordo::equipment {
namespace {

// What the source reads did before (a JSON document), the reference.
std::vector<std::string> ParsedStrings(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::map<std::string, std::string> ParsedMap(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  std::map<std::string, std::string> out;
  if (j.is_object())
    for (const auto& [key, value] : j.items())
      if (value.is_string()) out[key] = value.get<std::string>();
  return out;
}

void ExpectSame(const std::string& text) {
  EXPECT_EQ(StringsOfColumn(text), ParsedStrings(text)) << text;
  EXPECT_EQ(StringMapOfColumn(text), ParsedMap(text)) << text;
}

TEST(SourceColumnsTest, WhatTheProjectorsWriteReadsBackAsWritten) {
  const std::vector<std::string> units{"WU-1",      "WU \"quoted\"", "back\\slash",
                                       "tab\there", "new\nline",     "ctl\x01",
                                       "slash/ok",  "caf\xc3\xa9",   ""};
  EXPECT_EQ(StringsOfColumn(Json(units).dump()), units);
  EXPECT_TRUE(StringsOfColumn(Json(std::vector<std::string>{}).dump()).empty());
  std::map<std::string, std::string> devices;
  for (int i = 0; i < 200; ++i)
    devices["dev-" + std::to_string(i)] = "WU-SOAK-" + std::to_string(i);
  devices["d\"1"] = "WU\\1";
  devices["\xc3\xa9t\xc3\xa9"] = "WU-\x7f";
  EXPECT_EQ(StringMapOfColumn(Json(devices).dump()), devices);
  EXPECT_TRUE(StringMapOfColumn(Json(std::map<std::string, std::string>{}).dump()).empty());
  // Random strings of every ASCII character and one of two bytes.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> character(1, 0x80), length(0, 8), count(0, 6);
  for (int n = 0; n < 2000; ++n) {
    std::vector<std::string> strings;
    std::map<std::string, std::string> map;
    for (int i = count(random); i > 0; --i) {
      std::string s;
      for (int k = length(random); k > 0; --k) {
        const int c = character(random);
        s += c == 0x80 ? std::string("\xc3\xa9") : std::string(1, static_cast<char>(c));
      }
      strings.push_back(s);
      map[s] = s + "!";
    }
    ASSERT_EQ(StringsOfColumn(Json(strings).dump()), strings);
    ASSERT_EQ(StringMapOfColumn(Json(map).dump()), map);
  }
}

TEST(SourceColumnsTest, OtherJsonAndNoJsonGiveWhatTheParserGives) {
  for (const std::string text : {"",
                                 " ",
                                 "[",
                                 "]",
                                 "[]",
                                 " [] ",
                                 "[ ]",
                                 "[\"a\"",
                                 "[\"a\",]",
                                 "[,\"a\"]",
                                 "[\"a\" ,\"b\"]",
                                 "[\"a\"]x",
                                 "[\"a\"] ",
                                 "[1,\"a\",null,{\"b\":\"c\"},[\"d\"],true]",
                                 "[\"\\u0041\"]",
                                 "[\"\\ud83d\\ude00\"]",
                                 "[\"\\x\"]",
                                 "[\"a\\\"]",
                                 "[\"\\",
                                 "[\"\x01\"]",
                                 "[\"\xff\"]",
                                 "[\"\xc3\"]",
                                 "{}",
                                 " {} ",
                                 "{\"a\":\"b\"}",
                                 "{\"a\" : \"b\"}",
                                 "{\"a\":\"b\",}",
                                 "{\"a\":\"b\"",
                                 "{\"a\":1,\"b\":\"c\"}",
                                 "{\"a\":\"x\",\"a\":\"y\"}",
                                 "{\"a\":\"x\",\"a\":1}",
                                 "{\"a\"}",
                                 "{\"a\":}",
                                 "{\"\\u00e9\":\"\\u00e9\"}",
                                 "{\"a\":\"b\"}}",
                                 "null",
                                 "\"a\"",
                                 "42",
                                 "{\"k\":[\"v\"]}",
                                 "[\"a\",\"b\",\"a\"]"})
    ExpectSame(text);
}

TEST(SourceColumnsTest, RandomTextsGiveWhatTheParserGives) {
  // Texts made of JSON's punctuation, escapes and a few letters and bytes, so that most
  // are near misses of the compact shapes.
  const std::vector<std::string> pieces{"[",     "]",       "{",    "}",        "\"",   ",",
                                        ":",     "a",       "b",    " ",        "\\",   "\\\"",
                                        "\\n",   "\\u0062", "1",    "\xc3\xa9", "\x01", "\"a\"",
                                        "\"b\"", "\"a\":",  "\xff", "/",        "\x7f"};
  std::mt19937 random(12);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 12);
  int valid = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t i = length(random); i > 0; --i) text += pieces[piece(random)];
    if (!Json::parse(text, nullptr, false).is_discarded()) ++valid;
    ExpectSame(text);
    if (HasFailure()) return;
  }
  EXPECT_GT(valid, 100);  // the texts reach the parser's valid side, too
}

}  // namespace
}  // namespace ordo::equipment
