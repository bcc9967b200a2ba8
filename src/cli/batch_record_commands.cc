// `ordo batch-record export` and `ordo ledger verify --record` (batch_record_commands.h).
#include "cli/batch_record_commands.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "admin/data_dir_ops.h"
#include "cli/url_path.h"
#include "mes/batchrecord/domain/compile.h"
#include "mes/batchrecord/domain/diff.h"
#include "mes/batchrecord/domain/review.h"
#include "mes/batchrecord/domain/sealed.h"
#include "mes/batchrecord/events.h"
#include "store/data_dir.h"
#include "store/ledger_store.h"

namespace ordo::cli {

namespace {

int Export(const Connection& c, const std::string& order, const std::string& file, bool html) {
  const std::string path =
      "/api/v1/orders/" + PathSegment(order) + "/batch-record" + (html ? "?format=html" : "");
  return WithSession(c, [&](const client::HttpClient& client, const std::string& token) {
    client::HttpReply r = client.Get(path, token);
    if (!r.ok()) return Fail(Problem("exporting the batch record of " + order, r));
    std::string body = r.body;
    std::string hash;
    if (!html) {
      Json j = r.json();
      if (!j.is_object() || !j.contains("batch_record"))
        return Fail("the server's answer holds no batch record");
      hash = j["batch_record"].value("content_hash", "");
      body = j["batch_record"].dump(2) + "\n";
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << body;
    out.close();
    if (!out) return Fail("cannot write " + file);
    std::printf("wrote the batch record of %s to %s%s\n", order.c_str(), file.c_str(),
                hash.empty() ? "" : (" (content hash " + hash + ")").c_str());
    return 0;
  });
}

constexpr const char* kLedgerUnverified = "ledger_unverified";

// The order's own entries (subject kind batch_record) as the domain reads them.
Result<batchrecord::Facts> RecordEntries(storage::Database& db, const std::string& order) {
  store::LedgerQuery q;
  q.subject = order;
  q.limit = 1000000;
  auto entries = store::QueryEntries(db, q);
  if (!entries.ok()) return entries.error();
  batchrecord::Facts facts;
  for (const auto& e : *entries) {
    if (e.subject.kind != batchrecord::kSubjectKind || e.subject.id != order) continue;
    facts.entries.push_back(batchrecord::Entry{e.seq, e.time_us, e.actor, e.role, e.type,
                                               e.subject.kind, e.subject.id, e.reason.value_or(""),
                                               e.payload});
  }
  return facts;
}

// The sealed versions of `order` from the ledger of DIR, after the ledger itself verified
// (hash chain and signed checkpoints): a failure is a line for the person, exit 1.
Result<std::vector<SealedRecord>> SealedFromData(const std::string& data_dir,
                                                 const std::string& order) {
  const ledger::VerifyReport report = admin::VerifyDataDir(store::DataDir{data_dir});
  if (!report.ok)
    return Error{ErrorCode::kFailedPrecondition,
                 "FAILED: the ledger of " + data_dir + " itself fails verification (at seq " +
                     std::to_string(report.first_bad_seq) + ": " + report.message +
                     "), so its sealed batch records cannot be trusted; nothing was compared",
                 "", kLedgerUnverified};
  auto db = store::OpenStore(store::DataDir{data_dir}, storage::OpenMode::kReadOnly);
  if (!db.ok()) return db.error();
  auto facts = RecordEntries(**db, order);
  if (!facts.ok()) return facts.error();
  std::vector<SealedRecord> out;
  for (const auto& v : batchrecord::SealedVersionsOf(*facts))
    out.push_back({v.version, v.seq, v.checkpoint_seq, v.content_hash, v.record,
                   batchrecord::VersionLine(v), batchrecord::SealedReview(v, *facts)});
  return out;
}

// "; first differing path: a (then b c)", or "" when there is none.
std::string PathList(const std::vector<std::string>& paths) {
  if (paths.empty()) return "";
  std::string msg = "; first differing path: " + paths.front();
  if (paths.size() > 1) {
    msg += " (then";
    for (std::size_t i = 1; i < paths.size(); ++i) msg += " " + paths[i];
    msg += ")";
  }
  return msg;
}

int VerifyAgainst(const Json& exported, const std::vector<SealedRecord>& sealed,
                  const Json& sealed_version) {
  RecordVerdict v = CheckRecord(exported, sealed, sealed_version);
  std::fputs((v.message + "\n").c_str(), v.ok ? stdout : stderr);
  return v.ok ? 0 : 1;
}

}  // namespace

RecordVerdict CheckRecord(const Json& exported, const std::vector<SealedRecord>& sealed,
                          const Json& sealed_version) {
  if (!exported.is_object() || !exported.contains("order_id"))
    return {false, "the file is not an exported batch record (no order_id)"};
  const std::string order = exported.value("order_id", "");
  const std::string recomputed = batchrecord::ContentHash(exported);
  const std::string claimed = exported.value("content_hash", "");
  if (sealed.empty())
    return {false,
            "DIFFERS: the batch record of " + order + " has no sealed version in the ledger"};
  // The ledger's sealed records are checked too: each must still hash to the content hash
  // sealed with it, or the ledger row itself is not to be trusted.
  for (const auto& s : sealed)
    if (batchrecord::ContentHash(s.record) != s.content_hash)
      return {false, "DIFFERS: sealed version " + std::to_string(s.version) + " of " + order +
                         " in the ledger (seq " + std::to_string(s.seq) +
                         ") does not hash to its sealed content hash " + s.content_hash};
  Json lines = Json::array();
  for (const auto& s : sealed) lines.push_back(s.release);
  for (const auto& s : sealed) {
    if (s.content_hash != recomputed) continue;
    std::vector<std::string> paths;
    if (!claimed.empty() && claimed != recomputed) paths.push_back("content_hash");
    // The answer of GET .../versions/{n} around the record names the version it is.
    if (sealed_version.is_object())
      for (const auto& p : batchrecord::DiffPaths(Json{{"order_id", order},
                                                       {"version", s.version},
                                                       {"content_hash", s.content_hash},
                                                       {"seq", s.seq},
                                                       {"record", sealed_version["record"]}},
                                                  sealed_version, 5))
        paths.push_back(p);
    for (const auto& p : batchrecord::BlockDifferences(exported, lines, s.review, 5))
      if (paths.size() < 5) paths.push_back(p);
    if (!paths.empty())
      return {false,
              "DIFFERS: the file's content is sealed version " + std::to_string(s.version) +
                  " of " + order +
                  ", but its review, release or sealed-version fields do not match the ledger" +
                  PathList(paths)};
    return {true, "OK: the file is sealed version " + std::to_string(s.version) + " of " + order +
                      " (content hash " + recomputed + ", ledger seq " + std::to_string(s.seq) +
                      ", checkpoint at seq " + std::to_string(s.checkpoint_seq) +
                      "; review and release blocks as sealed)"};
  }
  const SealedRecord* against = &sealed.back();
  for (const auto& s : sealed)
    if (s.content_hash == claimed) against = &s;
  Json content = exported;
  for (const char* k : {"review", "release", "content_hash", "state", "completeness", "amendment"})
    content.erase(k);
  auto paths = batchrecord::DiffPaths(against->record, content, 5);
  return {false, "DIFFERS: the file's content hash is " + recomputed + ", sealed version " +
                     std::to_string(against->version) + " has " + against->content_hash +
                     PathList(paths)};
}

int VerifyRecordFile(const std::string& file, const std::string& data_dir,
                     const Connection& connection) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "ordo: cannot read %s\n", file.c_str());
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  Json exported = Json::parse(text.str(), nullptr, false);
  if (exported.is_discarded() || !exported.is_object()) {
    std::fprintf(stderr, "ordo: %s is not JSON (verify the JSON export, not the HTML)\n",
                 file.c_str());
    return 2;
  }
  Json sealed_version = nullptr;  // a sealed version as GET .../versions/{n} answers it
  if (exported.contains("record") && exported["record"].is_object()) {
    sealed_version = exported;
    exported = exported["record"];
  } else if (exported.contains("batch_record") && exported["batch_record"].is_object())
    exported = exported["batch_record"];
  const std::string order = exported.value("order_id", "");
  if (order.empty()) {
    std::fprintf(stderr, "ordo: %s is not an exported batch record (no order_id)\n", file.c_str());
    return 2;
  }
  if (!data_dir.empty()) {
    auto sealed = SealedFromData(data_dir, order);
    if (!sealed.ok() && sealed.error().reason == kLedgerUnverified) {
      std::fprintf(stderr, "%s\n", sealed.error().message.c_str());
      return 1;
    }
    if (!sealed.ok()) return Fail(sealed.error().message);
    return VerifyAgainst(exported, *sealed, sealed_version);
  }
  if (connection.server.empty()) {
    std::fprintf(stderr, "ordo: give --data DIR or --server URL with --record\n");
    return 2;
  }
  return WithSession(connection, [&](const client::HttpClient& client, const std::string& token) {
    const std::string base = "/api/v1/orders/" + PathSegment(order) + "/batch-record";
    client::HttpReply r = client.Get(base, token);
    if (!r.ok()) return Fail(Problem("reading the batch record of " + order, r));
    Json versions = r.json()["batch_record"]["release"]["versions"];
    std::vector<SealedRecord> sealed;
    for (const auto& v : versions) {
      const std::int64_t n = v.value("version", std::int64_t{0});
      client::HttpReply one = client.Get(base + "/versions/" + std::to_string(n), token);
      if (!one.ok()) return Fail(Problem("reading sealed version " + std::to_string(n), one));
      Json record = one.json()["record"];
      Json review = record.contains("review") ? record["review"] : Json(nullptr);
      for (const char* k : {"content_hash", "state", "review", "release"}) record.erase(k);
      sealed.push_back({n, v.value("seq", std::int64_t{0}),
                        v.value("checkpoint_seq", std::int64_t{0}), v.value("content_hash", ""),
                        record, v, review});
    }
    return VerifyAgainst(exported, sealed, sealed_version);
  });
}

void AddBatchRecordCommands(CLI::App& app, int* rc) {
  auto connection = std::make_shared<Connection>();
  auto order = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto html = std::make_shared<bool>(false);
  auto* br = app.add_subcommand("batch-record", "Electronic batch records (docs/batch-record.md)");
  br->require_subcommand(1);
  auto* exp = br->add_subcommand(
      "export", "Write an order's batch record as JSON (default) or printable HTML");
  exp->add_option("ORDER", *order, "order id")->required();
  exp->add_option("--to", *file, "file to write")->required();
  exp->add_flag("--html", *html, "the printable HTML instead of JSON");
  AddConnectionOptions(exp, connection.get());
  exp->callback([=] { *rc = Export(*connection, *order, *file, *html); });
}

}  // namespace ordo::cli
