// Shared fixture of the API tests that produce: the supervisor and the operator signed in
// beside the master data fixture's users, supplier lots received and released, and an
// order created, released and started (operation 10 on a dispensing booth, instructions
// acknowledged) ready to consume and produce; or only created and released.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "masterdata_fixture.h"

namespace ordo::testing {

class ProductionTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
  }

  // Path of operation `operation` of `order`.
  static std::string OperationPath(const std::string& order, const std::string& operation = "10") {
    return "/api/v1/orders/" + order + "/operations/" + operation;
  }

  // Receives `kg` of supplier lot `lot` of `material` and releases it (quality signs).
  void ReceiveReleasedLot(const std::string& lot, const std::string& material = "RM-PCM-API",
                          double kg = 10) {
    HttpReply r = http().Post("/api/v1/lots",
                              Json{{"lot", lot},
                                   {"material", material},
                                   {"supplier", "Acme"},
                                   {"supplier_lot", "S-" + lot},
                                   {"quantity", kg},
                                   {"unit", "kg"},
                                   {"expiry", "2099-01-31"}},
                              supervisor_);
    ASSERT_EQ(r.status, 201) << r.Describe();
    HttpReply released =
        http().Post("/api/v1/lots/" + lot + "/release", SigOf("quality"), quality_);
    ASSERT_EQ(released.status, 200) << released.Describe();
  }

  // Creates and releases `order` of `quantity` ea of `product` (the supervisor).
  void ReleaseOrder(const std::string& order, const std::string& product = "PD-PCM500-20",
                    double quantity = 1500) {
    HttpReply created = http().Post("/api/v1/orders",
                                    Json{{"order_id", order},
                                         {"product", product},
                                         {"quantity", quantity},
                                         {"unit", "ea"},
                                         {"due_date", "2099-01-31"}},
                                    supervisor_);
    ASSERT_EQ(created.status, 201) << created.Describe();
    HttpReply released =
        http().Post("/api/v1/orders/" + order + "/release", Json::object(), supervisor_);
    ASSERT_EQ(released.status, 200) << released.Describe();
  }

  // Creates and releases `order` (ReleaseOrder), starts its operation 10 on WU-DISP-BOOTH1
  // and acknowledges the instructions.
  void StartOrder(const std::string& order, const std::string& product = "PD-PCM500-20",
                  double quantity = 1500) {
    ReleaseOrder(order, product, quantity);
    if (HasFatalFailure()) return;
    const std::string op = OperationPath(order);
    HttpReply s = http().Post(op + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_);
    ASSERT_EQ(s.status, 200) << s.Describe();
    HttpReply a = http().Post(op + "/acknowledge-instructions", Json::object(), operator_);
    ASSERT_EQ(a.status, 200) << a.Describe();
  }

  // Consumes `kg` of `lot` at operation 10 of `order`.
  void Consume(const std::string& order, const std::string& lot, double kg) {
    HttpReply c = http().Post(OperationPath(order) + "/consume",
                              Json{{"lot", lot}, {"quantity", kg}}, operator_);
    ASSERT_EQ(c.status, 200) << c.Describe();
  }

  std::string supervisor_, operator_;
};

}  // namespace ordo::testing
