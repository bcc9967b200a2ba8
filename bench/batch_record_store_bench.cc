// The batch record read from a real store (batch_record_store_bench.h).
#include "batch_record_store_bench.h"

#include <boost/beast/http.hpp>
#include <stdexcept>

#include "bench_util.h"
#include "cli/capabilities.h"
#include "core/clock.h"
#include "engine/engine.h"
#include "http_support.h"
#include "ledger/event_type.h"
#include "mes/batchrecord/commands/batchrecord_commands.h"
#include "mes/batchrecord/events.h"
#include "mes/batchrecord/store/gather.h"
#include "mes/execution/events.h"
#include "mes/lots/events.h"
#include "mes/orders/events.h"
#include "server/worklist.h"
#include "store/data_dir.h"

namespace ordo::bench {

namespace {

using ledger::Event;
using ledger::MakeEvent;

constexpr const char* kBigOrder = "WO-BENCH-BR";
constexpr const char* kWorkUnit = "WU-DISP-BOOTH1";  // a demo work unit (equipment at start)
constexpr std::int64_t kOperator = 3, kSupervisor = 4;

}  // namespace

Json BenchOperationSpec() {
  Json params = Json::array();
  for (int p = 0; p < 4; ++p)
    params.push_back(Json{{"name", "p" + std::to_string(p)},
                          {"unit", "C"},
                          {"low", 10},
                          {"high", 90},
                          {"source", "manual"}});
  return Json{{"parameters", params},
              {"characteristics",
               Json::array({Json{{"name", "weight"}, {"lower_spec", -1}, {"upper_spec", 1}}})},
              {"second_person_verification", true}};
}

namespace {

// The entries of order `id`, received lots to produced lot: `operations` operations run
// and verified (4 parameters and 1 characteristic each), `lots` received lots consumed
// spread over them (lot ids "<id>-L<n>"), one produced lot, the completion.
std::vector<Event> OrderEntries(const std::string& id, int operations, int lots) {
  std::vector<Event> out;
  auto lot_id = [&](int l) { return id + "-L" + std::to_string(l); };
  for (int l = 0; l < lots; ++l) {
    lots::LotReceived r{lot_id(l),    "RM-BENCH", "Acme", "S-" + std::to_string(l),
                        10,           "kg",       10,     "kg",
                        "2099-12-31", "",         "api"};
    out.push_back(MakeEvent(r, "lot", r.lot));
  }
  orders::OrderCreated created;
  created.order_id = id;
  created.product = "PD-BENCH";
  created.quantity = created.base_quantity = 1000;
  created.unit = created.base_unit = "ea";
  created.due_date = "2099-12-31";
  created.source = "api";
  out.push_back(MakeEvent(created, orders::kSubjectKind, id));
  orders::OrderReleased released;
  released.order_id = id;
  released.product = "PD-BENCH";
  released.product_version = released.routing_version = 1;
  released.product_hash = std::string(64, 'a');
  released.routing = "RT-BENCH";
  released.routing_hash = std::string(64, 'b');
  released.material = "FG-BENCH";
  released.base_unit = "ea";
  released.batch_size = 1000;
  if (lots > 0)
    released.bom.push_back(
        orders::PinnedBomLine{"RM-BENCH", 1.5 * lots, "kg", 1.5 * lots, "kg", 0, {}, ""});
  for (int i = 0; i < operations; ++i) {
    orders::PinnedOperationLine op;
    op.operation = std::to_string((i + 1) * 10);
    op.position = i + 1;
    op.name = "Step " + op.operation;
    op.operation_class = "dispensing";
    op.work_center_class = "dispensary";
    if (i > 0) op.predecessors = {std::to_string(i * 10)};
    op.planned_quantity = 1000;
    op.spec = BenchOperationSpec();
    released.operations.push_back(op);
  }
  out.push_back(MakeEvent(released, orders::kSubjectKind, id));
  int next_lot = 0;
  for (int i = 0; i < operations; ++i) {
    const std::string op = std::to_string((i + 1) * 10);
    if (i == 0) out.push_back(MakeEvent(orders::OrderStarted{id, op}, orders::kSubjectKind, id));
    out.push_back(MakeEvent(orders::OperationStarted{id, op, kWorkUnit, kOperator, {}},
                            orders::kSubjectKind, id));
    execution::InstructionsAcknowledged ack{id, op, kOperator, "operator", std::string(64, 'c'), 1};
    out.push_back(MakeEvent(ack, orders::kSubjectKind, id));
    for (int p = 0; p < 4; ++p) {
      execution::ParameterRecorded v;
      v.order_id = id;
      v.operation = op;
      v.name = "p" + std::to_string(p);
      v.unit = "C";
      v.value = 50;
      v.low = 10;
      v.high = 90;
      v.source = v.spec_source = "manual";
      v.work_unit = kWorkUnit;
      v.user_id = kOperator;
      out.push_back(MakeEvent(v, orders::kSubjectKind, id));
    }
    execution::CharacteristicRecorded c;
    c.order_id = id;
    c.operation = op;
    c.name = "weight";
    c.values = {0.1};
    c.lower_spec = -1;
    c.upper_spec = 1;
    c.user_id = kOperator;
    out.push_back(MakeEvent(c, orders::kSubjectKind, id));
    for (int l = 0; l < lots / operations + (i < lots % operations ? 1 : 0); ++l) {
      lots::MaterialConsumed m;
      m.lot = lot_id(next_lot++);
      m.material = m.bom_material = "RM-BENCH";
      m.quantity = m.base_quantity = 1.5;
      m.unit = m.base_unit = "kg";
      m.order_id = id;
      m.operation = op;
      m.work_unit = kWorkUnit;
      m.user_id = kOperator;
      out.push_back(MakeEvent(m, "lot", m.lot));
    }
    orders::OperationCompleted done;
    done.order_id = id;
    done.operation = op;
    done.work_unit = kWorkUnit;
    done.unit = "ea";
    done.good = 1000;
    done.user_id = kOperator;
    out.push_back(MakeEvent(done, orders::kSubjectKind, id));
    out.push_back(MakeEvent(orders::OperationVerified{id, op, kSupervisor, "supervisor"},
                            orders::kSubjectKind, id));
  }
  lots::LotProduced produced;
  produced.lot = "FG-" + id;
  produced.material = "FG-BENCH";
  produced.quantity = produced.base_quantity = 1000;
  produced.unit = produced.base_unit = "ea";
  produced.order_id = id;
  produced.operation = std::to_string(operations * 10);
  produced.work_unit = kWorkUnit;
  produced.expiry = "2099-12-31";
  out.push_back(MakeEvent(produced, "lot", produced.lot));
  out.push_back(MakeEvent(orders::OrderCompleted{id}, orders::kSubjectKind, id));
  return out;
}

engine::Command Append(std::function<Result<std::vector<Event>>(engine::WriteContext&)> decide) {
  engine::Command c;
  c.actor = engine::Actor{0, "system", "system", engine::LocalOrigin()};
  c.decide = std::move(decide);
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) { return Json(); };
  return c;
}

void Must(engine::Engine& engine, engine::Command c, const std::string& what) {
  auto r = engine.SubmitAndWait(std::move(c));
  if (!r.ok()) throw std::runtime_error(what + ": " + r.error().message);
}

// Seals each of `ids` at its current content (batchrecord.released, version 1).
engine::Command Seal(std::vector<std::string> ids) {
  return Append([ids](engine::WriteContext& ctx) -> Result<std::vector<Event>> {
    std::vector<Event> out;
    for (const auto& id : ids) {
      auto view = batchrecord::RecordView(ctx.db, id);
      if (!view.ok()) return view.error();
      batchrecord::Released r{id, 1, (*view)["content_hash"].get<std::string>(),
                              ctx.next_seq + static_cast<std::int64_t>(out.size()), *view};
      out.push_back(MakeEvent(r, batchrecord::kSubjectKind, id));
    }
    return out;
  });
}

std::string SmallOrder(int i) {
  char id[32];
  std::snprintf(id, sizeof id, "WO-BENCH-S%05d", i);
  return id;
}

template <typename F>
double TimeMs(F&& f) {
  auto t0 = SteadyClock::now();
  f();
  return SecondsSince(t0) * 1000;
}

}  // namespace

StoreBenchFigures RunBatchRecordStoreBench(const StoreBenchOptions& o) {
  cli::RegisterCapabilities();
  ScratchDir dir(o.work_dir, "batch-record-store", o.keep);
  DemoServer server = InitDemo(o.ordo_bin, dir.path());
  StoreBenchFigures fig;
  const store::DataDir data{dir.path() + "/data"};
  SystemClock clock;
  {
    engine::EngineOptions options;
    options.data_dir = data;
    options.clock = &clock;
    auto engine = engine::Engine::Start(options);
    if (!engine.ok()) throw std::runtime_error("engine: " + engine.error().message);
    engine::Engine& e = **engine;
    auto big = OrderEntries(kBigOrder, o.operations, o.lots);
    Must(e, Append([big](engine::WriteContext&) -> Result<std::vector<Event>> { return big; }),
         "the big order");
    // The sealed orders, 100 per command: their entries, then their seals.
    for (int first = 0; first < o.sealed; first += 100) {
      std::vector<Event> entries;
      std::vector<std::string> ids;
      for (int i = first; i < std::min(o.sealed, first + 100); ++i) {
        ids.push_back(SmallOrder(i));
        auto one = OrderEntries(ids.back(), 1, 0);
        entries.insert(entries.end(), one.begin(), one.end());
      }
      Must(e, Append([entries](engine::WriteContext&) -> Result<std::vector<Event>> {
             return entries;
           }),
           "sealed orders");
      Must(e, Seal(ids), "seals");
    }
    // The oldest sealed record changes: a value entered late at its operation.
    if (o.sealed > 0) {
      execution::ParameterRecorded late;
      late.order_id = SmallOrder(0);
      late.operation = "10";
      late.name = "p0";
      late.unit = "C";
      late.value = 55;
      late.low = 10;
      late.high = 90;
      late.source = late.spec_source = "manual";
      late.user_id = kOperator;
      Event ev = MakeEvent(late, orders::kSubjectKind, late.order_id);
      Must(e, Append([ev](engine::WriteContext&) -> Result<std::vector<Event>> {
             return std::vector<Event>{ev};
           }),
           "the change");
    }

    // Reads on a reader connection while the engine (and its seal key) is installed.
    auto db = store::OpenStore(data, storage::OpenMode::kReadOnly);
    if (!db.ok()) throw std::runtime_error("reader: " + db.error().message);
    const server::WorklistSource* source = nullptr;
    for (const auto& s : server::RegisteredWorklistSources())
      if (s.name == "batchrecord.awaiting_review") source = &s;
    if (!source) throw std::runtime_error("no worklist source batchrecord.awaiting_review");
    server::Session quality;
    quality.user_name = "quality";
    quality.roles = {"quality"};
    for (int r = 0; r < o.runs; ++r) {
      fig.gather_ms.push_back(TimeMs([&] {
        auto facts = batchrecord::GatherFacts(**db, kBigOrder);
        if (!facts.ok() || !*facts) throw std::runtime_error("gather failed");
        fig.entries = (**facts).entries.size();
      }));
      fig.view_ms.push_back(TimeMs([&] {
        auto view = batchrecord::RecordView(**db, kBigOrder);
        if (!view.ok()) throw std::runtime_error("view: " + view.error().message);
      }));
      fig.worklist_ms.push_back(TimeMs([&] {
        auto items = source->fn(**db, quality, clock.NowMicros());
        if (!items.ok()) throw std::runtime_error("worklist: " + items.error().message);
        fig.worklist_items = 0;
        for (const auto& item : *items)
          if (item.state == "amended: release again") ++fig.worklist_items;
      }));
    }
    db->reset();
    e.Stop();
  }

  // The GET through the real server, as a quality user.
  Serve(o.ordo_bin, dir.path(), server);
  try {
    Client client(server.port);
    namespace http = boost::beast::http;
    Json login{{"user", "quality"}, {"password", server.passwords.at("quality")}};
    auto session = client.Send(http::verb::post, "/api/v1/session", login.dump());
    const Json s = Json::parse(session.body(), nullptr, false);
    if (session.result_int() != 200 && session.result_int() != 201)
      throw std::runtime_error("sign-in failed: " + session.body());
    client.set_token(s.value("token", ""));
    const std::string target = std::string("/api/v1/orders/") + kBigOrder + "/batch-record";
    for (int r = 0; r < o.runs; ++r)
      fig.get_ms.push_back(TimeMs([&] {
        auto reply = client.Send(http::verb::get, target, "");
        if (reply.result_int() != 200)
          throw std::runtime_error("GET " + target + ": " + reply.body().substr(0, 300));
        fig.get_bytes = reply.body().size();
      }));
  } catch (...) {
    StopServer(server.pid);
    throw;
  }
  StopServer(server.pid);
  return fig;
}

}  // namespace ordo::bench
