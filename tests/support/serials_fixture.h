// Shared fixture of the serial-number API tests: the production fixture's users, plus the
// pen order (kitting on WU-KIT-01, consuming the component serials) and a test build of
// the dose-logging module DV-DLM whose order produces the component serials.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "production_fixture.h"

namespace ordo::testing {

class SerialsTest : public ProductionTest {
 protected:
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

  // A product of one operation (kitting) whose material is the serial-tracked component
  // DV-DLM of the pen, made effective through a change request; its order kDlmOrder has
  // produced the component serials DLM-T-1 and DLM-T-2 at operation 10, completed (so the
  // kitting unit is free) and, when `release`, quality released its batch, which released
  // the serials (born quarantined).
  void DlmSerialsProduced(bool release = true) {
    const std::string cr = OpenCr(engineer_, "Test product of dose-logging modules");
    Json routing{{"id", "RT-DLM-TEST"},
                 {"name", "dose-logging module test build"},
                 {"operations", Json::array({Json{{"id", "10"},
                                                  {"name", "Kitting"},
                                                  {"operation_class", "kitting"},
                                                  {"work_center_class", "assembly_cell"}}})}};
    HttpReply r = PutDraft(engineer_, cr, "routing", "RT-DLM-TEST", routing);
    ASSERT_EQ(r.status, 200) << r.Describe();
    HttpReply put = PutDraft(engineer_, cr, "product", "PD-DLM-TEST",
                             Json{{"id", "PD-DLM-TEST"},
                                  {"name", "Dose-logging module test build"},
                                  {"material", "DV-DLM"},
                                  {"routing", "RT-DLM-TEST"},
                                  {"bom", Json::array()}});
    ASSERT_EQ(put.status, 200) << put.Describe();
    SubmitAndApprove(cr);
    if (HasFatalFailure()) return;
    Order(kDlmOrder, "PD-DLM-TEST", 2);
    if (HasFatalFailure()) return;
    Run(kDlmOp + "10", "WU-KIT-01");
    if (HasFatalFailure()) return;
    HttpReply made =
        http().Post(kDlmOp + "10/produce", Json{{"serials", {"DLM-T-1", "DLM-T-2"}}}, operator_);
    ASSERT_EQ(made.status, 200) << made.Describe();
    HttpReply done = http().Post(kDlmOp + "10/complete", Json{{"good", 2}}, operator_);
    ASSERT_EQ(done.status, 200) << done.Describe();
    if (!release) return;
    HttpReply released = http().Post("/api/v1/orders/" + kDlmOrder + "/batch-record/release",
                                     SigOf("quality"), quality_);
    ASSERT_EQ(released.status, 200) << released.Describe();
  }

  // The serials GET /api/v1/serials lists for `query`.
  Json SerialsOf(const std::string& query, const std::string& token) {
    HttpReply r = http().Get("/api/v1/serials" + query, token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json().value("serials", Json::array());
  }

  const std::string kPenOrder = "WO-SER-1";
  const std::string kPenOp = "/api/v1/orders/" + kPenOrder + "/operations/10";
  const std::string kPen = "FG-DOSEPEN-3ML";
  const std::string kDlmOrder = "WO-DLM-1";
  const std::string kDlmOp = "/api/v1/orders/" + kDlmOrder + "/operations/";
};

}  // namespace ordo::testing
