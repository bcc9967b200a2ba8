// CheckRecord (batch_record_commands.h): the verdict of ordo ledger verify --record.
#include "cli/batch_record_commands.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/batchrecord/domain/compile.h"

namespace ordo::cli {
namespace {

Json Content() {
  return Json{{"order_id", "PO-1"}, {"operations", Json::array({Json{{"value", 25}}})}};
}

TEST(BatchRecordVerifyTest, ASealedRecordThatNoLongerHashesToItsHashDiffers) {
  ORDO_VERIFIES("ORDO-BR-43", "DI-08");
  const Json content = Content();
  const std::string hash = batchrecord::ContentHash(content);
  std::vector<SealedRecord> sealed{{1, 10, 10, hash, content}};
  EXPECT_TRUE(CheckRecord(content, sealed).ok);
  // The ledger's sealed record was edited (its hash column left as it was).
  sealed[0].record["operations"][0]["value"] = 26;
  const RecordVerdict v = CheckRecord(content, sealed);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.message.find("DIFFERS"), std::string::npos) << v.message;
  EXPECT_NE(v.message.find("sealed version 1"), std::string::npos) << v.message;
}

TEST(BatchRecordVerifyTest, MatchingContentWithAnEditedReleaseOrReviewBlockDiffers) {
  ORDO_VERIFIES("ORDO-BR-45", "ORDO-BR-46", "DI-08", "A11-06");
  const Json content = Content();
  const std::string hash = batchrecord::ContentHash(content);
  const Json line{
      {"version", 1},
      {"content_hash", hash},
      {"checkpoint_seq", 12},
      {"seq", 12},
      {"signature",
       Json{{"signer", "qa"}, {"printed_name", "Quinn Quality"}, {"meaning", "released"}}}};
  const Json review{{"exceptions", Json::array({Json{{"exception_id", "EX-5"},
                                                     {"status", "acknowledged"},
                                                     {"comment", "ok"},
                                                     {"reviewer", "qa"}}})},
                    {"open", Json::array()},
                    {"open_deviations", Json::array()}};
  const std::vector<SealedRecord> sealed{{1, 12, 12, hash, content, line, review}};
  Json exported = content;
  exported["release"] = Json{{"released", true}, {"versions", Json::array({line})}};
  exported["review"] = review;
  const RecordVerdict ok = CheckRecord(exported, sealed);
  EXPECT_TRUE(ok.ok) << ok.message;
  EXPECT_EQ(ok.message.rfind("OK: the file is sealed version 1 of PO-1", 0), 0u) << ok.message;

  Json signer = exported;
  signer["release"]["versions"][0]["signature"]["printed_name"] = "Someone Else";
  const RecordVerdict v = CheckRecord(signer, sealed);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message.rfind("DIFFERS: ", 0), 0u) << v.message;
  EXPECT_NE(v.message.find("first differing path: release.versions[0].signature.printed_name"),
            std::string::npos)
      << v.message;
  Json comment = exported;
  comment["review"]["exceptions"][0]["comment"] = "edited";
  const RecordVerdict c = CheckRecord(comment, sealed);
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.message.find("first differing path: review.exceptions[0].comment"), std::string::npos)
      << c.message;
  // The hash the file states, and the version a sealed version's answer names, are checked.
  Json claimed = exported;
  claimed["content_hash"] = std::string(64, '0');
  EXPECT_NE(CheckRecord(claimed, sealed).message.find("first differing path: content_hash"),
            std::string::npos);
  Json answer{{"order_id", "PO-1"},
              {"version", 1},
              {"content_hash", hash},
              {"seq", 12},
              {"record", exported}};
  EXPECT_TRUE(CheckRecord(exported, sealed, answer).ok);
  answer["version"] = 2;
  const RecordVerdict w = CheckRecord(exported, sealed, answer);
  EXPECT_FALSE(w.ok);
  EXPECT_NE(w.message.find("first differing path: version"), std::string::npos) << w.message;
}

}  // namespace
}  // namespace ordo::cli
