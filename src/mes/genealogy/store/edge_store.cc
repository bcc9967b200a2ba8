// gen_edge: migration, row mapping and the batched reader (edge_store.h). Quantities are
// stored as the JSON text of the number, like lots' tables, so a replay writes the same
// bytes.
#include "mes/genealogy/store/edge_store.h"

#include <array>
#include <string_view>
#include <vector>

#include "core/canonical_json.h"
#include "store/row_seal.h"

namespace ordo::genealogy {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS gen_edge(
  seq INTEGER NOT NULL,
  parent TEXT NOT NULL,
  child TEXT NOT NULL,
  kind TEXT NOT NULL,
  quantity TEXT NOT NULL,
  base_unit TEXT NOT NULL,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  PRIMARY KEY(seq, parent, child));
CREATE INDEX IF NOT EXISTS gen_edge_by_parent ON gen_edge(parent);
CREATE INDEX IF NOT EXISTS gen_edge_by_child ON gen_edge(child);
INSERT OR IGNORE INTO gen_edge(seq, parent, child, kind, quantity, base_unit, order_id, operation)
  SELECT c.seq, 'lot:' || c.lot, 'order:' || c.order_id, 'consumed', c.base_quantity,
         COALESCE(l.base_unit, ''), c.order_id, c.operation
  FROM lot_consumption c LEFT JOIN lot l ON l.lot = c.lot;
)sql";
// The INSERT is the backfill of a store upgraded from a release without genealogy: the
// consumptions it already projected (lots' lot_consumption, with the quantity in the
// same JSON text and the lot's base unit, as EdgesOfConsumed writes them) become edges
// once; the engine seals them at its next start (a guarded table new to the seal file).
// On a new store, and in a replay's scratch store, lot_consumption is empty here.

constexpr const char* kColumns =
    "SELECT parent, child, kind, quantity, base_unit, order_id, operation, seq FROM gen_edge ";

// The IN-list sizes the reader prepares (powers of two up to kChunk): a chunk is padded
// with its last node repeated up to the next one, so a level costs at most twice its
// binds and the connection caches nine statements per column.
std::size_t PaddedSize(std::size_t n) {
  std::size_t size = 1;
  while (size < n) size *= 2;
  return size;
}

std::string BuildSelectSql(const char* column, std::size_t n) {
  std::string sql = std::string(kColumns) + "WHERE " + column + " IN (?";
  for (std::size_t i = 1; i < n; ++i) sql += ",?";
  return sql + ")";
}

// The statement text for `n` nodes by `column` (built once per size and column).
const std::string& SelectSql(const char* column, std::size_t n) {
  static const std::array<std::vector<std::string>, 2> texts = [] {
    std::array<std::vector<std::string>, 2> t;
    for (std::size_t i = 0; i <= StoreEdgeReader::kChunk; ++i) {
      t[0].push_back(BuildSelectSql("child", i));
      t[1].push_back(BuildSelectSql("parent", i));
    }
    return t;
  }();
  return texts[std::string_view(column) == "child" ? 0 : 1][n];
}

Edge FromRow(const storage::Statement& s) {
  Edge e;
  e.parent = s.Text(0);
  e.child = s.Text(1);
  e.kind = ParseEdgeKind(s.Text(2)).value_or(EdgeKind::kConsumed);
  const std::string q = s.Text(3);
  e.quantity = q.empty() ? 0 : std::strtod(q.c_str(), nullptr);
  e.base_unit = s.Text(4);
  e.order_id = s.Text(5);
  e.operation = s.Text(6);
  e.seq = s.Int(7);
  return e;
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{
      "genealogy", {store::Migration{1, kTablesV1}}, {{"gen_edge", "seq, parent, child"}}};
}

void RegisterGuards() {
  store::RegisterGuardedTable(
      {"gen_edge",
       {"seq", "parent", "child"},
       {"seq", "parent", "child", "kind", "quantity", "base_unit", "order_id", "operation"}});
}

Status InsertEdge(storage::Database& db, const Edge& e) {
  auto st = db.Prepare(
      "INSERT INTO gen_edge(seq, parent, child, kind, quantity, base_unit, order_id, operation) "
      "VALUES(?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, e.seq).Bind(2, e.parent).Bind(3, e.child).Bind(4, EdgeKindName(e.kind));
  s.Bind(5, Json(e.quantity).dump()).Bind(6, e.base_unit).Bind(7, e.order_id);
  s.Bind(8, e.operation);
  return s.Run();
}

Result<std::vector<Edge>> StoreEdgeReader::EdgesInto(const std::vector<std::string>& children) {
  return Select(children, "child");
}

Result<std::vector<Edge>> StoreEdgeReader::EdgesOutOf(const std::vector<std::string>& parents) {
  return Select(parents, "parent");
}

Result<std::vector<Edge>> StoreEdgeReader::Select(const std::vector<std::string>& nodes,
                                                  const char* column) {
  std::vector<Edge> out;
  for (std::size_t begin = 0; begin < nodes.size(); begin += kChunk) {
    const std::size_t n = std::min(kChunk, nodes.size() - begin);
    const std::size_t size = PaddedSize(n);
    auto st = db_.Prepare(SelectSql(column, size));
    if (!st.ok()) return st.error();
    storage::Statement& s = **st;
    for (std::size_t i = 0; i < size; ++i)
      s.Bind(static_cast<int>(i + 1), nodes[begin + std::min(i, n - 1)]);
    while (true) {
      auto row = s.Step();
      if (!row.ok()) {
        s.Reset();
        return row.error();
      }
      if (!*row) break;
      out.push_back(FromRow(s));
    }
    s.Reset();
  }
  if (checked_)
    for (const Edge& e : out)
      ORDO_TRY(store::CheckSealedRow(db_, "gen_edge", {std::to_string(e.seq), e.parent, e.child}));
  return out;
}

ReadSnapshot::ReadSnapshot(storage::Database& db) : db_(db) {
  if (!db_.InTransaction()) began_ = db_.Exec("BEGIN").ok();
}

ReadSnapshot::~ReadSnapshot() {
  if (began_ && db_.InTransaction()) (void)db_.Exec("COMMIT");
}

Result<bool> HasEdges(storage::Database& db, const std::string& node) {
  for (const char* sql : {"SELECT 1 FROM gen_edge WHERE parent = ? LIMIT 1",
                          "SELECT 1 FROM gen_edge WHERE child = ? LIMIT 1"}) {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.error();
    (*st)->Bind(1, node);
    auto row = (*st)->Step();
    (*st)->Reset();
    if (!row.ok()) return row.error();
    if (*row) return true;
  }
  return false;
}

}  // namespace ordo::genealogy
