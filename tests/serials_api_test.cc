// Integration tests of serial numbers against the real server (issue 11 section 1): the
// material's serial_pattern is validated on save and travels through plant export and
// apply.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kPenOrder = "WO-SER-1";
const std::string kPenOp = "/api/v1/orders/" + kPenOrder + "/operations/10";
const std::string kPen = "FG-DOSEPEN-3ML";

class SerialsApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
  }

  // Creates and releases an order of `product`.
  void Order(const std::string& order, const std::string& product, double quantity) {
    HttpReply c = http().Post("/api/v1/orders",
                              Json{{"order_id", order},
                                   {"product", product},
                                   {"quantity", quantity},
                                   {"unit", "ea"},
                                   {"due_date", "2099-01-31"}},
                              supervisor_);
    ASSERT_EQ(c.status, 201) << c.Describe();
    HttpReply r = http().Post("/api/v1/orders/" + order + "/release", Json::object(), supervisor_);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }

  // Starts operation `op` of `order` on `work_unit` and acknowledges its instructions.
  void Run(const std::string& op, const std::string& work_unit) {
    HttpReply s = http().Post(op + "/start", Json{{"work_unit", work_unit}}, operator_);
    ASSERT_EQ(s.status, 200) << s.Describe();
    HttpReply a = http().Post(op + "/acknowledge-instructions", Json::object(), operator_);
    ASSERT_EQ(a.status, 200) << a.Describe();
  }

  // The pen order, its kitting operation running.
  void PenRunning() {
    Order(kPenOrder, "PD-DOSEPEN-3ML", 100);
    if (HasFatalFailure()) return;
    Run(kPenOp, "WU-KIT-01");
  }

  std::string supervisor_, operator_;
};

TEST_F(SerialsApiTest, TheSerialPatternIsValidatedOnSaveNamingTheField) {
  ORDO_VERIFIES("ORDO-LOT-32", "ORDO-API-02");
  Json pen = Effective("material", kPen);
  EXPECT_EQ(pen.value("serial_pattern", ""), "DP{yyyy}{mm}-{seq:6}") << pen.dump();
  const std::string cr = OpenCr(engineer_, "Serial pattern");
  struct Case {
    std::string pattern, says;
  };
  for (const Case& c : {Case{"DP{hh}{seq:4}", "{hh}"}, Case{"DP{yyyy}", "{seq:N}"},
                        Case{"DP{seq:0}", "1 to 12"}, Case{"DP {seq:4}", "' '"}}) {
    Json content = pen;
    content["serial_pattern"] = c.pattern;
    const std::int64_t head = HeadSeq(http());
    HttpReply put = PutDraft(engineer_, cr, "material", kPen, content);
    EXPECT_EQ(put.status, 400) << c.pattern << " " << put.Describe();
    EXPECT_NE(put.body.find("serial_pattern"), std::string::npos) << put.Describe();
    EXPECT_NE(put.body.find(c.says), std::string::npos) << c.pattern << " " << put.Describe();
    EXPECT_EQ(HeadSeq(http()), head);
  }
  // A pattern on a lot-tracked material is refused too.
  Json lot_tracked = Effective("material", "RM-PCM-API");
  lot_tracked["serial_pattern"] = "X{seq:4}";
  HttpReply put = PutDraft(engineer_, cr, "material", "RM-PCM-API", lot_tracked);
  EXPECT_EQ(put.status, 400) << put.Describe();
  EXPECT_NE(put.body.find("only allowed when tracking is serial"), std::string::npos)
      << put.Describe();
  // A valid one is saved as a draft.
  Json good = pen;
  good["serial_pattern"] = "PEN{yy}{dd}/{seq:5}";
  HttpReply saved = PutDraft(engineer_, cr, "material", kPen, good);
  EXPECT_EQ(saved.status, 200) << saved.Describe();
}

TEST_F(SerialsApiTest, ThePatternTravelsThroughPlantExportAndApply) {
  ORDO_VERIFIES("ORDO-LOT-32", "ORDO-MD-06");
  HttpReply exported = http().Get("/api/v1/plant/export", engineer_);
  ASSERT_EQ(exported.status, 200) << exported.Describe();
  Json files = exported.json()["files"];
  std::string* text = nullptr;
  for (auto& f : files)
    if (f["path"] == "materials/" + kPen + ".yaml") text = &f["text"].get_ref<std::string&>();
  ASSERT_NE(text, nullptr);
  const std::string line = "serial_pattern: DP{yyyy}{mm}-{seq:6}\n";
  const auto at = text->find(line);
  ASSERT_NE(at, std::string::npos) << *text;
  text->replace(at, line.size(), "serial_pattern: DP{yy}-{seq:7}\n");
  HttpReply applied = http().Post("/api/v1/plant/apply",
                                  Json{{"files", files}, {"title", "serial pattern"}}, engineer_);
  ASSERT_EQ(applied.status, 201) << applied.Describe();
  const Json items = applied.json()["change_request"]["items"];
  ASSERT_EQ(items.size(), 1u) << applied.Describe();
  EXPECT_EQ(items[0]["changes"][0]["path"], "serial_pattern") << applied.Describe();
  // A bad pattern in a file names the file and the field.
  text->replace(text->find("serial_pattern: DP{yy}-{seq:7}\n"),
                std::string("serial_pattern: DP{yy}-{seq:7}\n").size(),
                "serial_pattern: DP{yy}-{sec:7}\n");
  HttpReply bad = http().Post("/api/v1/plant/apply",
                              Json{{"files", files}, {"title", "serial pattern"}}, engineer_);
  ASSERT_EQ(bad.status, 400) << bad.Describe();
  const Json errors = bad.json()["errors"];
  ASSERT_EQ(errors.size(), 1u) << bad.Describe();
  EXPECT_EQ(errors[0]["file"], "materials/" + kPen + ".yaml");
  EXPECT_EQ(errors[0]["field"], "serial_pattern") << bad.Describe();
}

}  // namespace
}  // namespace ordo::testing
