// Unit tests for the attachment checks and decision (pure domain, no I/O).
#include "mes/attachments/domain/attachment.h"

#include <gtest/gtest.h>

#include <string>

#include "core/crypto.h"
#include "core/testing/verifies.h"

namespace ordo::attachments {
namespace {

// "hello" in base64.
constexpr const char* kHello = "aGVsbG8=";

void ExpectInvalid(const Result<NewAttachment>& r, const std::string& field) {
  ASSERT_FALSE(r.ok()) << "accepted, expected an error on " << field;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, field) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
}

TEST(AttachmentParseTest, DecodesAndNamesByHash) {
  ORDO_VERIFIES("ORDO-ATT-01");
  auto a = ParseNewAttachment("sop-001.pdf", "application/pdf", kHello);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->name, "sop-001.pdf");
  EXPECT_EQ(a->media_type, "application/pdf");
  EXPECT_EQ(a->data, "hello");
  EXPECT_EQ(a->size, 5);
  EXPECT_EQ(a->sha256, Sha256Hex("hello"));
}

TEST(AttachmentParseTest, Name) {
  ORDO_VERIFIES("ORDO-ATT-01");
  for (const char* name : {"", "a/b.png", "a\\b.png", "a\nb", "a\rb"})
    ExpectInvalid(ParseNewAttachment(name, "image/png", kHello), "name");
  // The name is checked first.
  ExpectInvalid(ParseNewAttachment("", "bogus", "!!"), "name");
}

TEST(AttachmentParseTest, MediaType) {
  ORDO_VERIFIES("ORDO-ATT-01");
  for (const char* type : {"", "png", "/png", "image/", "image/p ng", "image/png;x=1"}) {
    EXPECT_FALSE(IsMediaType(type)) << type;
    ExpectInvalid(ParseNewAttachment("a.png", type, kHello), "media_type");
  }
  for (const char* type : {"image/png", "application/vnd.ms-excel", "image/svg+xml"})
    EXPECT_TRUE(IsMediaType(type)) << type;
  ExpectInvalid(ParseNewAttachment("a.png", "png", "!!"), "media_type");
}

TEST(AttachmentParseTest, Data) {
  ORDO_VERIFIES("ORDO-ATT-01");
  for (const char* data : {"!!", "aGVsbG8", "aGVs bG8="})
    ExpectInvalid(ParseNewAttachment("a.txt", "text/plain", data), "data");
  auto empty = ParseNewAttachment("a.txt", "text/plain", "");
  ExpectInvalid(empty, "data");
  EXPECT_NE(empty.error().message.find("empty"), std::string::npos);
}

TEST(AttachmentDecideTest, StoresNewContent) {
  ORDO_VERIFIES("ORDO-ATT-01");
  auto a = ParseNewAttachment("a.txt", "text/plain", kHello);
  ASSERT_TRUE(a.ok());
  auto e = DecideStoreAttachment(*a, false);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "attachment.stored");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "attachment");
  EXPECT_EQ(e->subject_id, a->sha256);
  EXPECT_EQ(
      e->payload,
      (Json{{"sha256", a->sha256}, {"name", "a.txt"}, {"media_type", "text/plain"}, {"size", 5}}));
}

TEST(AttachmentDecideTest, SameContentIsStoredOnce) {
  ORDO_VERIFIES("ORDO-ATT-01");
  auto a = ParseNewAttachment("a.txt", "text/plain", kHello);
  ASSERT_TRUE(a.ok());
  auto e = DecideStoreAttachment(*a, true);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kConflict);
  EXPECT_EQ(e.error().field, "data");
  EXPECT_EQ(e.error().reason, "attachment_exists");
  EXPECT_NE(e.error().message.find(a->sha256), std::string::npos);
}

}  // namespace
}  // namespace ordo::attachments
