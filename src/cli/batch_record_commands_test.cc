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

}  // namespace
}  // namespace ordo::cli
