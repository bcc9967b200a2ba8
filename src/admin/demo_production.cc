// The demo's lots and orders through the engine commands (see demo_production.h).
#include "admin/demo_production.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "admin/demo_dates.h"
#include "admin/demo_plant.h"
#include "mes/batchrecord/commands/batchrecord_commands.h"
#include "mes/deviations/commands/deviation_commands.h"
#include "mes/execution/commands/execution_commands.h"
#include "mes/lots/commands/lot_commands.h"
#include "mes/orders/commands/order_commands.h"
#include "mes/signatures/commands/policy_commands.h"

namespace ordo::admin {

namespace {

Error Fail(const std::string& message) {
  return Error::Make(ErrorCode::kInternal, "the demo production: " + message);
}

// Commands queued on the engine without waiting for each: the writer runs them in the
// order they were added, each against the state the earlier ones left, and commits them
// in few groups (a demo init waits for a handful of commits, not one per command).
class Pipeline {
 public:
  explicit Pipeline(engine::Engine& engine) : engine_(engine) {}
  // Waits for the completions still to run (they refer to this pipeline).
  ~Pipeline() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return done_ == slots_.size(); });
  }

  void Add(engine::Command command, std::string what) {
    auto slot = std::make_shared<Slot>();
    slot->what = std::move(what);
    {
      std::lock_guard lock(mu_);
      slots_.push_back(slot);
    }
    engine_.Submit(std::move(command), [this, slot](Result<engine::CommandReply> reply) {
      std::lock_guard lock(mu_);
      slot->reply = std::move(reply);
      ++done_;
      cv_.notify_all();
    });
  }

  // Waits for every command added; the first that failed or was refused (an execution
  // refusal, {"refused": ...}, is a failure here) fails the whole.
  Status Wait() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return done_ == slots_.size(); });
    for (const auto& slot : slots_) {
      const auto& reply = *slot->reply;
      if (!reply.ok()) return Fail(slot->what + ": " + reply.error().message);
      if (auto refused = execution::RefusalOf(reply->body))
        return Fail(slot->what + ": " + refused->message);
    }
    return Ok();
  }

 private:
  struct Slot {
    std::string what;
    std::optional<Result<engine::CommandReply>> reply;
  };
  engine::Engine& engine_;
  std::vector<std::shared_ptr<Slot>> slots_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t done_ = 0;
};

struct BomLine {
  std::string material;
  double quantity = 0;  // per unit of the product
  std::string unit;
  bool tracked = true;  // by lot or serial (an untracked material has no lots)
};

struct Characteristic {
  std::string name;
  double value = 0;  // in the middle of the specification
  int sample_size = 1;
};

struct Operation {
  std::string id, operation_class;
  std::vector<execution::RecordParameter> parameters;
  std::vector<Characteristic> characteristics;
  bool verified = false;  // second_person_verification
};

// What an operation produces: serial numbers generated from the product's pattern, or
// one output lot of the operation's quantity.
struct Output {
  std::int64_t serials = 0;
  std::string lot;
};

struct Product {
  std::string id, unit;
  std::vector<BomLine> bom;  // the lines of materials tracked by lot or serial
  std::vector<Operation> operations;
};

std::optional<std::string> DemoFile(const std::string& path) {
  for (const auto& f : DemoFiles())
    if (f.path == path) return std::string(f.data);
  return std::nullopt;
}

double Middle(const YAML::Node& c) {
  const bool low = bool(c["lower_spec"]), high = bool(c["upper_spec"]);
  if (low && high) return (c["lower_spec"].as<double>() + c["upper_spec"].as<double>()) / 2;
  if (high) return c["upper_spec"].as<double>() / 2;  // an upper limit of 0 gives 0
  if (low) return c["lower_spec"].as<double>() + 1;
  return 0;
}

Result<Product> ReadProduct(const std::string& id) {
  Product p;
  p.id = id;
  try {
    auto product_text = DemoFile("plant/products/" + id + ".yaml");
    if (!product_text) return Fail("no product file " + id);
    YAML::Node product = YAML::Load(*product_text);
    for (const auto& line : product["bom"]) {
      BomLine b{line["material"].as<std::string>(), line["quantity"].as<double>(),
                line["unit"].as<std::string>()};
      auto component = DemoFile("plant/materials/" + b.material + ".yaml");
      if (!component) return Fail("no material file " + b.material);
      const YAML::Node tracking = YAML::Load(*component)["tracking"];
      b.tracked = !tracking || tracking.as<std::string>() != "none";
      if (b.tracked) p.bom.push_back(b);
    }
    auto material = DemoFile("plant/materials/" + product["material"].as<std::string>() + ".yaml");
    if (!material) return Fail("no material file for " + id);
    p.unit = YAML::Load(*material)["base_unit"].as<std::string>();
    const std::string routing_id = product["routing"].as<std::string>();
    auto routing_text = DemoFile("plant/routings/" + routing_id + ".yaml");
    if (!routing_text) return Fail("no routing file " + routing_id);
    for (const auto& o : YAML::Load(*routing_text)["operations"]) {
      Operation op;
      op.id = o["id"].as<std::string>();
      op.operation_class = o["operation_class"].as<std::string>();
      op.verified = o["second_person_verification"] && o["second_person_verification"].as<bool>();
      for (const auto& q : o["parameters"]) {
        execution::RecordParameter r;
        r.name = q["name"].as<std::string>();
        r.value = q["target"] ? q["target"].as<double>()
                              : (q["low"].as<double>() + q["high"].as<double>()) / 2;
        // Typed in from the display, also where the routing captures it from equipment:
        // only a registered device source records equipment values, and the demo's
        // history is made before any exists.
        r.source = "manual";
        op.parameters.push_back(r);
      }
      for (const auto& c : o["characteristics"])
        op.characteristics.push_back(
            {c["name"].as<std::string>(), Middle(c), c["sample_size"].as<int>()});
      p.operations.push_back(std::move(op));
    }
  } catch (const YAML::Exception& e) {
    return Fail(id + ": " + e.what());
  }
  return p;
}

// The demo work unit that runs an operation class. The demo's running granulation is on
// the small granulator WU-HSG-150, so WU-HSG-300 is free for the first order a user runs.
std::optional<std::string> WorkUnitFor(const std::string& operation_class) {
  static const std::map<std::string, std::string> units = {{"kitting", "WU-KIT-01"},
                                                           {"sub_assembly", "WU-ASM-01"},
                                                           {"final_assembly", "WU-ASM-01"},
                                                           {"functional_test", "WU-TEST-01"},
                                                           {"laser_marking", "WU-LASER-01"},
                                                           {"device_packaging", "WU-PKG-01"},
                                                           {"dispensing", "WU-DISP-BOOTH1"},
                                                           {"granulation", "WU-HSG-150"},
                                                           {"drying", "WU-FBD-300"},
                                                           {"milling_blending", "WU-BLEND-01"},
                                                           {"compression", "WU-PRESS-01"},
                                                           {"coating", "WU-COAT-01"},
                                                           {"blister_packaging", "WU-BLISTER-01"}};
  auto it = units.find(operation_class);
  if (it == units.end()) return std::nullopt;
  return it->second;
}

class Demo {
 public:
  void Add(engine::Command command, std::string what) {
    pipeline_.Add(std::move(command), std::move(what));
  }
  Status Wait() { return pipeline_.Wait(); }

  Demo(engine::Engine& engine, const std::map<std::string, engine::Actor>& users,
       std::string_view today)
      : pipeline_(engine),
        operator_(users.at("operator")),
        supervisor_(users.at("supervisor")),
        quality_(users.at("quality")),
        qa_lead_(users.at(kDemoQaLead)),
        today_(today) {}

  // One lot per bill of materials line, enough for several orders, released.
  Status ReceiveLots(const Product& product) {
    const std::string expiry = AddDays(today_, 300).value_or("");
    for (const auto& line : product.bom) {
      if (received_.count(line.material)) continue;
      received_.insert(line.material);
      lots::ReceiveLot lot;
      lot.lot = DemoLotOf(line.material);
      lot.material = line.material;
      lot.supplier = line.material.rfind("DV-", 0) == 0   ? "Moulder AG"
                     : line.material.rfind("PK-", 0) == 0 ? "PackSource GmbH"
                                                          : "Acme Pharma";
      lot.supplier_lot = "S-" + line.material + "-7";
      lot.quantity = std::ceil(line.quantity * 20000);
      lot.unit = line.unit;
      lot.expiry = expiry;
      Add(lots::ReceiveLotCommand(supervisor_, lot), "receive " + lot.lot);
      Add(lots::DispositionCommand(quality_, lot.lot, lots::LotAction::kRelease, "",
                                   {quality_.user_id, quality_.name, "released",
                                    std::string("Certificate of analysis reviewed")}),
          "release " + lot.lot);
    }
    return Ok();
  }

  Status CreateAndRelease(const Product& product, const std::string& order_id, double quantity,
                          int due_in_days, int priority) {
    orders::CreateOrder order;
    order.order_id = order_id;
    order.product = product.id;
    order.quantity = quantity;
    order.unit = product.unit;
    order.due_date = AddDays(today_, due_in_days).value_or("");
    order.priority = priority;
    Add(orders::CreateOrderCommand(supervisor_, order), "create " + order_id);
    Add(orders::ReleaseOrderCommand(supervisor_, order_id), "release " + order_id);
    return Ok();
  }

  Status Hold(const std::string& order_id, const std::string& reason) {
    Add(orders::OrderStateCommand(supervisor_, order_id, orders::OrderAction::kHold, reason),
        "hold " + order_id);
    return Ok();
  }

  // Starts `op` and acknowledges its instructions.
  Status Start(const std::string& order_id, const Operation& op) {
    const std::string what = order_id + "/" + op.id;
    auto unit = WorkUnitFor(op.operation_class);
    if (!unit) return Fail("no demo work unit runs " + op.operation_class);
    const execution::OperationRef ref{order_id, op.id};
    Add(execution::StartOperationCommand(operator_, ref, *unit), "start " + what);
    Add(execution::AcknowledgeCommand(operator_, ref, std::nullopt), "acknowledge " + what);
    return Ok();
  }

  // Runs `op` from start to completion (and verification): Record, then Finish.
  Status RunOperation(const std::string& order_id, const Operation& op, double quantity,
                      const std::vector<BomLine>& consume, const Output& output = {}) {
    ORDO_TRY(Record(order_id, op, quantity, consume, output));
    return Finish(order_id, op, quantity);
  }

  // Starts `op` and records it: consumes `consume` (bill of materials lines) for
  // `quantity` units, records every parameter and characteristic, and produces `output`.
  Status Record(const std::string& order_id, const Operation& op, double quantity,
                const std::vector<BomLine>& consume, const Output& output = {}) {
    const std::string what = order_id + "/" + op.id;
    const execution::OperationRef ref{order_id, op.id};
    ORDO_TRY(Start(order_id, op));
    for (const auto& line : consume) {
      execution::ConsumeInput in;
      in.lot = DemoLotOf(line.material);
      in.quantity = line.quantity * quantity;
      in.unit = line.unit;
      Add(execution::ConsumeCommand(operator_, ref, in), "consume " + in.lot + " on " + what);
    }
    for (const auto& p : op.parameters)
      Add(execution::RecordParameterCommand(operator_, ref, p), "record " + p.name + " on " + what);
    for (const auto& c : op.characteristics) {
      execution::RecordCharacteristic r;
      r.name = c.name;
      r.values.assign(static_cast<std::size_t>(c.sample_size), c.value);
      Add(execution::RecordCharacteristicCommand(operator_, ref, r),
          "record " + c.name + " on " + what);
    }
    if (output.serials > 0) {
      execution::ProduceInput produce;
      produce.count = output.serials;
      Add(execution::ProduceCommand(operator_, ref, produce),
          "produce " + std::to_string(output.serials) + " serials on " + what);
    }
    if (!output.lot.empty()) {
      execution::ProduceInput produce;
      produce.lot = output.lot;
      produce.quantity = quantity;
      produce.expiry = AddDays(today_, 730).value_or("");
      Add(execution::ProduceCommand(operator_, ref, produce),
          "produce " + output.lot + " on " + what);
    }
    return Ok();
  }

  // Completes `op` with `quantity` good units and, when the routing asks, verifies it.
  Status Finish(const std::string& order_id, const Operation& op, double quantity) {
    const std::string what = order_id + "/" + op.id;
    const execution::OperationRef ref{order_id, op.id};
    execution::CompleteCommand complete;
    complete.good = quantity;
    Add(execution::CompleteOperationCommand(operator_, ref, complete), "complete " + what);
    if (op.verified)
      Add(execution::VerifyOperationCommand(supervisor_, ref,
                                            {supervisor_.user_id, supervisor_.name, "verified",
                                             std::string("Checked against the batch record")}),
          "verify " + what);
    return Ok();
  }

  // Quality investigates the deviation `id` (a note, the root cause, a CAPA reference),
  // then quality and the QA lead sign its disposition use_as_is (two signers, neither
  // its author: a critical deviation needs both), which closes it.
  Status InvestigateAndDisposition(const std::string& id) {
    Add(signatures::AcknowledgeSignaturePolicy(qa_lead_, 1),
        "acknowledge the signature policy as " + qa_lead_.name);
    deviations::DeviationUpdated update;
    update.id = id;
    update.investigation_note =
        "Inlet air temperature reached 67 C for 4 minutes after the steam valve stuck open; "
        "the valve was freed and the temperature returned within limits. Product "
        "temperature stayed below 45 C; loss on drying within specification.";
    update.root_cause = "DEV-CPP-EXCURSION";
    update.capa = "CAPA-DEMO-0042: replace the steam valve actuator of WU-FBD-300";
    Add(deviations::UpdateDeviationCommand(quality_, update), "investigate " + id);
    const std::string comment =
        "Excursion short, product temperature and loss on drying within specification";
    for (const engine::Actor* signer : {&quality_, &qa_lead_})
      Add(deviations::DispositionCommand(
              *signer, id, "use_as_is", comment,
              {signer->user_id, signer->name, "dispositioned", std::string(comment)}),
          "disposition " + id + " as " + signer->name);
    return Ok();
  }

  // Quality releases the order's batch record (signed, meaning released).
  Status ReleaseBatch(const std::string& order_id) {
    Add(batchrecord::ReleaseCommand(
            quality_, order_id, std::nullopt,
            {quality_.user_id, quality_.name, "released",
             std::string("Batch record reviewed by exception: complete, no exceptions")}),
        "release the batch record of " + order_id);
    return Ok();
  }

 private:
  Pipeline pipeline_;
  const engine::Actor& operator_;
  const engine::Actor& supervisor_;
  const engine::Actor& quality_;
  const engine::Actor& qa_lead_;
  std::string today_;
  std::set<std::string> received_;
};

}  // namespace

std::string DemoLotOf(std::string_view material) { return "L-" + std::string(material) + "-01"; }

Status LoadDemoProduction(engine::Engine& engine, const std::map<std::string, engine::Actor>& users,
                          std::string_view today) {
  for (const char* name : {"operator", "supervisor", "quality", kDemoQaLead})
    if (!users.count(name)) return Fail(std::string("the demo user ") + name + " is needed");
  auto pen = ReadProduct("PD-DOSEPEN-3ML");
  if (!pen.ok()) return pen.error();
  auto tablets = ReadProduct("PD-PCM500-20");
  if (!tablets.ok()) return tablets.error();
  if (pen->operations.size() < 2 || tablets->operations.size() < 2)
    return Fail("a demo routing has fewer than two operations");

  Demo demo(engine, users, today);
  ORDO_TRY(demo.ReceiveLots(*tablets));
  ORDO_TRY(demo.ReceiveLots(*pen));

  // Completed: every operation, the bill of materials consumed at kitting, and at laser
  // marking one serial number per device (the device history; genealogy from a serial
  // back to the component lots).
  const double pen_quantity = 500;
  ORDO_TRY(demo.CreateAndRelease(*pen, kDemoOrderCompleted, pen_quantity, 7, 4));
  bool marked = false;
  for (std::size_t i = 0; i < pen->operations.size(); ++i) {
    const bool marking = !marked && pen->operations[i].operation_class == "laser_marking";
    marked = marked || marking;
    ORDO_TRY(demo.RunOperation(kDemoOrderCompleted, pen->operations[i], pen_quantity,
                               i == 0 ? pen->bom : std::vector<BomLine>{},
                               {marking ? static_cast<std::int64_t>(pen_quantity) : 0, ""}));
  }
  if (!marked) return Fail("the pen injector's routing has no laser_marking operation");

  const double tablet_quantity = 1500;
  std::vector<BomLine> raw;
  for (const auto& line : tablets->bom)
    if (line.material.rfind("RM-", 0) == 0) raw.push_back(line);
  // Two batches run before the one in progress leaves granulation busy, every operation
  // (the raw materials at dispensing, the packaging at the last operation, which produces
  // the finished lot): one released by quality, one with a dispositioned deviation.
  std::vector<BomLine> packaging;
  for (const auto& line : tablets->bom)
    if (line.material.rfind("PK-", 0) == 0) packaging.push_back(line);
  const std::size_t last = tablets->operations.size() - 1;
  auto consumed_at = [&](std::size_t i) {
    return i == 0 ? raw : i == last ? packaging : std::vector<BomLine>{};
  };
  ORDO_TRY(demo.CreateAndRelease(*tablets, kDemoOrderBatchReleased, tablet_quantity, 2, 2));
  for (std::size_t i = 0; i <= last; ++i)
    ORDO_TRY(demo.RunOperation(kDemoOrderBatchReleased, tablets->operations[i], tablet_quantity,
                               consumed_at(i), {0, i == last ? kDemoBatchLot : ""}));
  ORDO_TRY(demo.ReleaseBatch(kDemoOrderBatchReleased));

  ORDO_TRY(demo.CreateAndRelease(*tablets, kDemoOrderDeviation, tablet_quantity, 3, 2));
  bool excursion = false;
  for (std::size_t i = 0; i <= last; ++i) {
    Operation op = tablets->operations[i];
    bool here = false;
    for (auto& p : op.parameters)
      if (!excursion && p.name == kDemoExcursionParameter) {
        p.value = kDemoExcursionValue;
        here = excursion = true;
      }
    ORDO_TRY(demo.Record(kDemoOrderDeviation, op, tablet_quantity, consumed_at(i),
                         {0, i == last ? kDemoDeviationLot : ""}));
    if (here) ORDO_TRY(demo.InvestigateAndDisposition(kDemoDeviation));
    ORDO_TRY(demo.Finish(kDemoOrderDeviation, op, tablet_quantity));
  }
  if (!excursion)
    return Fail(std::string("the paracetamol routing has no parameter ") + kDemoExcursionParameter);

  // In progress: dispensing (the raw materials) done and verified, granulation running.
  ORDO_TRY(demo.CreateAndRelease(*tablets, kDemoOrderInProgress, tablet_quantity, 5, 3));
  ORDO_TRY(demo.RunOperation(kDemoOrderInProgress, tablets->operations[0], tablet_quantity, raw));
  ORDO_TRY(demo.Start(kDemoOrderInProgress, tablets->operations[1]));
  if (!tablets->operations[1].parameters.empty())
    demo.Add(execution::RecordParameterCommand(users.at("operator"),
                                               {kDemoOrderInProgress, tablets->operations[1].id},
                                               tablets->operations[1].parameters.front()),
             "record a parameter on " + std::string(kDemoOrderInProgress));

  ORDO_TRY(demo.CreateAndRelease(*tablets, kDemoOrderReleased, tablet_quantity, 12, 5));
  ORDO_TRY(demo.CreateAndRelease(*pen, kDemoOrderOnHold, 2000, 20, 6));
  ORDO_TRY(
      demo.Hold(kDemoOrderOnHold, "Awaiting the customer's approval of the new label artwork"));
  return demo.Wait();
}

}  // namespace ordo::admin
