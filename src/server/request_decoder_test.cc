// Unit tests for DecodeRequest: every malformed body is refused with a field and a message.
#include "server/request_decoder.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"

namespace ordo::server {
namespace {

RequestSchema Schema() {
  RequestSchema s;
  s.fields = {
      {"subject", FieldType::kString, true, 8, "equipment id"},
      {"count", FieldType::kInteger, false, 0, ""},
      {"urgent", FieldType::kBoolean, false, 0, ""},
      {"roles", FieldType::kStringArray, false, 2, ""},
  };
  return s;
}

// Decodes `body`, expects a 400 with the given field and reason, and a message.
void ExpectRefused(const std::string& body, const std::string& field, const std::string& reason) {
  auto r = DecodeRequest(body, Schema());
  ASSERT_FALSE(r.ok()) << "accepted: " << body;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(r.error().field.empty()) << body;
  EXPECT_FALSE(r.error().message.empty()) << body;
  EXPECT_EQ(r.error().field, field) << r.error().message;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
}

TEST(RequestDecoderTest, AcceptsValidBodies) {
  ORDO_VERIFIES("ORDO-API-01");
  auto r =
      DecodeRequest(R"({"subject":"GRAN-01","count":3,"urgent":true,"roles":["a","b"]})", Schema());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["subject"], "GRAN-01");
  EXPECT_EQ((*r)["count"], 3);
  EXPECT_EQ((*r)["urgent"], true);
  EXPECT_EQ((*r)["roles"], Json::array({"a", "b"}));
  auto minimal = DecodeRequest(R"({"subject":"12345678"})", Schema());  // at the length limit
  ASSERT_TRUE(minimal.ok());
  EXPECT_EQ(minimal->size(), 1u);
}

TEST(RequestDecoderTest, NullForOptionalIsDropped) {
  ORDO_VERIFIES("ORDO-API-01");
  auto r = DecodeRequest(R"({"subject":"A","count":null,"roles":null})", Schema());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->contains("count"));
  EXPECT_FALSE(r->contains("roles"));
  EXPECT_EQ(*r, (Json{{"subject", "A"}}));
}

TEST(RequestDecoderTest, MalformedJson) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused("", "body", "empty_body");
  ExpectRefused("{", "body", "malformed_json");
  ExpectRefused(R"({"subject":"A",})", "body", "malformed_json");
  ExpectRefused(R"({"subject":'A'})", "body", "malformed_json");
  ExpectRefused(R"({"subject":"A"} trailing)", "body", "malformed_json");
}

TEST(RequestDecoderTest, DuplicateKeysAreRefused) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused(R"({"subject":"A","subject":"B"})", "subject", "duplicate_field");
  // The same key in different objects is fine; a duplicate inside a nested one is not.
  auto ok = DecodeRequest(R"({"subject":"A","roles":["x"]})", Schema());
  EXPECT_TRUE(ok.ok());
  ExpectRefused(R"({"subject":"A","extra":{"k":1,"k":2}})", "k", "duplicate_field");
  ExpectRefused(R"({"":1,"":2})", "(empty name)", "duplicate_field");
}

TEST(RequestDecoderTest, NotAnObject) {
  ORDO_VERIFIES("ORDO-API-01");
  for (const char* body : {"[]", "\"subject\"", "42", "null", "true"})
    ExpectRefused(body, "body", "not_an_object");
}

TEST(RequestDecoderTest, UnknownField) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused(R"({"subject":"A","admin":true})", "admin", "unknown_field");
  ExpectRefused(R"({"subject":"A","":1})", "(empty name)", "unknown_field");
  auto r = DecodeRequest(R"({"subject":"A","Subject":"B"})", Schema());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("subject, count, urgent, roles"), std::string::npos)
      << r.error().message;
  RequestSchema none;
  auto empty = DecodeRequest(R"({"x":1})", none);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "x");
  EXPECT_TRUE(DecodeRequest("{}", none).ok());
}

TEST(RequestDecoderTest, WrongTypes) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused(R"({"subject":5})", "subject", "wrong_type");
  ExpectRefused(R"({"subject":["A"]})", "subject", "wrong_type");
  ExpectRefused(R"({"subject":"A","count":"3"})", "count", "wrong_type");
  ExpectRefused(R"({"subject":"A","count":1.5})", "count", "wrong_type");
  ExpectRefused(R"({"subject":"A","count":true})", "count", "wrong_type");
  ExpectRefused(R"({"subject":"A","urgent":1})", "urgent", "wrong_type");
  ExpectRefused(R"({"subject":"A","urgent":"true"})", "urgent", "wrong_type");
  ExpectRefused(R"({"subject":"A","roles":"operator"})", "roles", "wrong_type");
  ExpectRefused(R"({"subject":"A","roles":["a",1]})", "roles", "wrong_type");
  ExpectRefused(R"({"subject":"A","roles":[["a"]]})", "roles", "wrong_type");
}

TEST(RequestDecoderTest, MissingRequired) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused(R"({})", "subject", "missing_field");
  ExpectRefused(R"({"count":1})", "subject", "missing_field");
  ExpectRefused(R"({"subject":null})", "subject", "missing_field");
}

TEST(RequestDecoderTest, TooLong) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused(R"({"subject":"123456789"})", "subject", "wrong_type");
  ExpectRefused(R"({"subject":"A","roles":["a","b","c"]})", "roles", "wrong_type");
  const std::string long_item(201, 'r');
  ExpectRefused(R"({"subject":"A","roles":[")" + long_item + R"("]})", "roles", "wrong_type");
  auto r = DecodeRequest(R"({"subject":"123456789"})", Schema());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("at most 8 bytes"), std::string::npos) << r.error().message;
}

TEST(RequestDecoderTest, TooDeepNesting) {
  ORDO_VERIFIES("ORDO-API-01");
  std::string deep = R"({"subject":)";
  for (int i = 0; i < kMaxJsonDepth; ++i) deep += "[";
  for (int i = 0; i < kMaxJsonDepth; ++i) deep += "]";
  deep += "}";
  ExpectRefused(deep, "body", "too_deep");
  // Brackets inside strings do not count.
  const std::string quoted = R"({"subject":"[[[[[[[[[[[[[[[[[[[[[["})";
  ExpectRefused(quoted, "subject", "wrong_type");  // too long, but not too deep
  // Exactly at the limit is parsed (and then refused for its type, not its depth).
  std::string at_limit = R"({"subject":)";
  for (int i = 1; i < kMaxJsonDepth; ++i) at_limit += "[";
  for (int i = 1; i < kMaxJsonDepth; ++i) at_limit += "]";
  at_limit += "}";
  ExpectRefused(at_limit, "subject", "wrong_type");
  // A pathological body is refused without recursing through it.
  ExpectRefused(std::string(100000, '['), "body", "too_deep");
}

TEST(RequestDecoderTest, InvalidUtf8) {
  ORDO_VERIFIES("ORDO-API-01");
  ExpectRefused("{\"subject\":\"\xC3\x28\"}", "body", "malformed_json");
  ExpectRefused("{\"subject\":\"\xFF\"}", "body", "malformed_json");
  ExpectRefused("{\"subj\xE2\x82\":\"A\"}", "body", "malformed_json");
  auto ok = DecodeRequest("{\"subject\":\"\xC3\xA9t\xC3\xA9\"}", Schema());  // "été"
  ASSERT_TRUE(ok.ok()) << ok.error().message;
}

TEST(RequestDecoderTest, SchemaToOpenApi) {
  ORDO_VERIFIES("ORDO-API-03");
  Json o = SchemaToOpenApi(Schema());
  EXPECT_EQ(o["type"], "object");
  EXPECT_EQ(o["additionalProperties"], false);
  EXPECT_EQ(o["required"], Json::array({"subject"}));
  EXPECT_EQ(o["properties"]["subject"]["maxLength"], 8);
  EXPECT_EQ(o["properties"]["subject"]["description"], "equipment id");
  EXPECT_EQ(o["properties"]["count"]["type"], "integer");
  EXPECT_EQ(o["properties"]["roles"]["maxItems"], 2);
}

TEST(RequestDecoderTest, NumbersAcceptIntegersAndDecimalsOnly) {
  ORDO_VERIFIES("ORDO-ORDER-15");
  RequestSchema s;
  s.fields = {{"quantity", FieldType::kNumber, true, 0, "a quantity"}};
  auto whole = DecodeRequest(R"({"quantity":1500})", s);
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_EQ((*whole)["quantity"].get<double>(), 1500);
  auto decimal = DecodeRequest(R"({"quantity":-12.5e-1})", s);
  ASSERT_TRUE(decimal.ok()) << decimal.error().message;
  EXPECT_EQ((*decimal)["quantity"].get<double>(), -1.25) << "the range is the handler's check";
  for (const char* bad : {R"({"quantity":"12"})", R"({"quantity":true})", R"({"quantity":[1]})"}) {
    auto r = DecodeRequest(bad, s);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "quantity");
    EXPECT_EQ(r.error().reason, "wrong_type");
    EXPECT_NE(r.error().message.find("a number"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(SchemaToOpenApi(s)["properties"]["quantity"]["type"], "number");
}

}  // namespace
}  // namespace ordo::server
