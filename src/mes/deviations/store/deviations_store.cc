// The deviation table (deviations_store.h) and the public reads (deviations.h). One row
// per deviation: the searchable columns and the whole projected state as JSON (`doc`),
// inserted by the opening's projector and updated by each later event's projector from
// the previous row and the entry only.
#include "mes/deviations/store/deviations_store.h"

#include <algorithm>

#include "ledger/event_type.h"
#include "mes/deviations/deviations.h"
#include "mes/deviations/events.h"
#include "storage/rows.h"
#include "store/ledger_store.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::deviations {

namespace {

constexpr const char* kTableV1 = R"sql(
CREATE TABLE IF NOT EXISTS deviation(
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  state TEXT NOT NULL,
  classification TEXT NOT NULL,
  blocks_completion INTEGER NOT NULL,
  opened_seq INTEGER NOT NULL,
  doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS deviation_by_order ON deviation(order_id, operation, state);
CREATE INDEX IF NOT EXISTS deviation_by_state ON deviation(state, opened_seq);
)sql";

constexpr const char* kSelect = "SELECT id, doc FROM deviation ";

struct RawRow {
  std::string id, doc;
};

RawRow FromRow(const storage::Statement& s) { return RawRow{s.Text(0), s.Text(1)}; }

Deviation Parse(const RawRow& r) {
  Json j = Json::parse(r.doc, nullptr, false);
  return j.is_object() ? FromJson(j) : Deviation{r.id};
}

// The columns after id, in the order both statements bind them (2..8).
void BindColumns(storage::Statement& s, const Deviation& d) {
  s.Bind(2, d.order_id).Bind(3, d.operation).Bind(4, d.state);
  s.Bind(5, d.classification).Bind(6, std::int64_t{d.blocks_completion ? 1 : 0});
  s.Bind(7, d.opened_seq).Bind(8, CanonicalJson(ToJson(d)));
}

// The row of a new deviation. A second opening of an id is refused, never merged into
// the first: it can only come from a bug or an edited ledger, and replay must say so.
Status Insert(storage::Database& db, const Deviation& d) {
  auto seen = storage::FirstRow<std::int64_t>(
      db, "SELECT opened_seq FROM deviation WHERE id = ?",
      [&](storage::Statement& s) { s.Bind(1, d.id); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!seen.ok()) return seen.error();
  if (*seen)
    return Error::Make(ErrorCode::kInternal, "deviation " + d.id + " is opened again at seq " +
                                                 std::to_string(d.opened_seq) +
                                                 "; it was opened at seq " +
                                                 std::to_string(**seen));
  auto st = db.Prepare(
      "INSERT INTO deviation(id, order_id, operation, state, classification, "
      "blocks_completion, opened_seq, doc) VALUES(?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, d.id);
  BindColumns(s, d);
  return s.Run();
}

// The row of an existing deviation (Stored found it), rewritten by a later event.
Status Update(storage::Database& db, const Deviation& d) {
  auto st = db.Prepare(
      "UPDATE deviation SET order_id = ?2, operation = ?3, state = ?4, classification = ?5, "
      "blocks_completion = ?6, opened_seq = ?7, doc = ?8 WHERE id = ?1");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, d.id);
  BindColumns(s, d);
  return s.Run();
}

Result<Deviation> Stored(storage::Database& db, const std::string& id) {
  auto row = storage::FirstRow<RawRow>(
      db, std::string(kSelect) + "WHERE id = ?", [&](storage::Statement& s) { s.Bind(1, id); },
      &FromRow);
  if (!row.ok()) return row.error();
  if (!*row) return Error::Make(ErrorCode::kInternal, "no deviation row for " + id);
  return Parse(**row);
}

template <typename P, typename F>
void Projector(F apply) {
  store::RegisterProjector<P>(
      [apply](storage::Database& db, const ledger::LedgerEntry& e, const P& p) -> Status {
        auto d = Stored(db, p.id);
        if (!d.ok()) return d.error();
        apply(*d, e, p);
        return Update(db, *d);
      });
}

Result<std::vector<Deviation>> Checked(storage::Database& db, const std::string& where,
                                       const std::function<void(storage::Statement&)>& bind) {
  auto rows = storage::Rows<RawRow>(db, std::string(kSelect) + where, bind, &FromRow);
  if (!rows.ok()) return rows.error();
  std::vector<Deviation> out;
  for (const auto& r : *rows) {
    ORDO_TRY(store::CheckSealedRow(db, "deviation", {r.id}));
    out.push_back(Parse(r));
  }
  return out;
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"deviations", {store::Migration{1, kTableV1}}, {{"deviation", "id"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<DeviationOpened>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const DeviationOpened& p) {
        return Insert(db, Opened(p, e.seq, e.actor, e.time_us));
      });
  Projector<DeviationUpdated>([](Deviation& d, const ledger::LedgerEntry& e,
                                 const DeviationUpdated& p) { Apply(d, p, e.actor, e.time_us); });
  Projector<DispositionSigned>(
      [](Deviation& d, const ledger::LedgerEntry& e, const DispositionSigned& p) {
        Apply(d, p, e.actor, e.seq, e.time_us);
      });
  Projector<DeviationClosed>([](Deviation& d, const ledger::LedgerEntry& e,
                                const DeviationClosed& p) { Apply(d, p, e.time_us); });
}

void RegisterGuards() {
  store::RegisterGuardedTable({"deviation",
                               {"id"},
                               {"id", "order_id", "operation", "state", "classification",
                                "blocks_completion", "opened_seq", "doc"}});
}

Result<std::int64_t> CountOpened(storage::Database& db) {
  store::LedgerQuery opened;
  opened.type = DeviationOpened::kType;
  auto span = store::SpanOf(db, opened);
  if (!span.ok()) return span.error();
  return span->count;
}

Result<std::vector<Deviation>> ListDeviations(storage::Database& db, const std::string& state,
                                              const std::string& order_id, std::int64_t limit) {
  return Checked(db,
                 "WHERE (?1 = '' OR state = ?1) AND (?2 = '' OR order_id = ?2) "
                 "ORDER BY opened_seq DESC LIMIT ?3",
                 [&](storage::Statement& s) { s.Bind(1, state).Bind(2, order_id).Bind(3, limit); });
}

Result<std::vector<Deviation>> OldestOpenDeviations(storage::Database& db, std::int64_t limit) {
  return Checked(db, "WHERE state = 'open' ORDER BY opened_seq LIMIT ?",
                 [&](storage::Statement& s) { s.Bind(1, limit); });
}

Result<std::int64_t> CountOpenDeviations(storage::Database& db) {
  auto n = storage::FirstRow<std::int64_t>(
      db, "SELECT COUNT(*) FROM deviation WHERE state = 'open'", storage::NoBind,
      [](const storage::Statement& s) { return s.Int(0); });
  if (!n.ok()) return n.error();
  return *n ? **n : 0;
}

Result<std::optional<Deviation>> FindDeviation(storage::Database& db, const std::string& id) {
  auto rows = Checked(db, "WHERE id = ?", [&](storage::Statement& s) { s.Bind(1, id); });
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<Deviation>();
  return std::optional<Deviation>(std::move(rows->front()));
}

Result<std::vector<Deviation>> OpenDeviationsOf(storage::Database& db, const std::string& order_id,
                                                const std::string& operation) {
  return Checked(db, "WHERE order_id = ? AND operation = ? AND state = 'open' ORDER BY opened_seq",
                 [&](storage::Statement& s) { s.Bind(1, order_id).Bind(2, operation); });
}

Result<std::vector<Deviation>> OpenDeviationsTouchingLot(storage::Database& db,
                                                         const std::string& lot) {
  auto open = Checked(db, "WHERE state = 'open' ORDER BY opened_seq", [](storage::Statement&) {});
  if (!open.ok()) return open.error();
  std::vector<Deviation> out;
  for (auto& d : *open)
    if (std::find(d.lots.begin(), d.lots.end(), lot) != d.lots.end()) out.push_back(std::move(d));
  return out;
}

Result<std::vector<Deviation>> DeviationsOfOrder(storage::Database& db,
                                                 const std::string& order_id) {
  return Checked(db, "WHERE order_id = ? ORDER BY opened_seq",
                 [&](storage::Statement& s) { s.Bind(1, order_id); });
}

}  // namespace ordo::deviations
