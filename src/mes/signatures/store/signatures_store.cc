// The signature, signature_policy and policy_acknowledgement tables: migration,
// projectors and read queries.
#include "mes/signatures/store/signatures_store.h"

#include "mes/access/users.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/in_force.h"
#include "mes/signatures/events.h"
#include "mes/signatures/signing.h"
#include "mes/site/settings.h"
#include "storage/rows.h"
#include "store/projector.h"

namespace ordo::signatures {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS signature(
  id INTEGER PRIMARY KEY,
  signer_id INTEGER NOT NULL,
  signer TEXT NOT NULL,
  printed_name TEXT NOT NULL,
  meaning TEXT NOT NULL,
  comment TEXT,
  time_us INTEGER NOT NULL,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS signature_by_record ON signature(record_kind, record_id);

CREATE TABLE IF NOT EXISTS signature_policy(
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS policy_acknowledgement(
  user_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL,
  PRIMARY KEY(user_id, version));
)sql";

Status ProjectSignature(storage::Database& db, const ledger::LedgerEntry& e,
                        const SignatureApplied& p) {
  const Signature g = SignatureOf(p, e.seq, e.time_us);
  auto st = db.Prepare(
      "INSERT INTO signature(id, signer_id, signer, printed_name, meaning, comment, "
      "time_us, record_kind, record_id, record_version, content_hash) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, g.signature_id).Bind(2, g.signer_id).Bind(3, g.signer).Bind(4, g.printed_name);
  s.Bind(5, g.meaning).Bind(6, g.comment).Bind(7, g.time_us).Bind(8, g.record_kind);
  s.Bind(9, g.record_id).Bind(10, g.record_version).Bind(11, g.content_hash);
  return s.Run();
}

Status ProjectPolicy(storage::Database& db, const ledger::LedgerEntry& e,
                     const PolicyPublished& p) {
  auto st = db.Prepare("INSERT INTO signature_policy(version, text, seq, time_us) VALUES(?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, p.version).Bind(2, p.text).Bind(3, e.seq).Bind(4, e.time_us);
  return (*st)->Run();
}

Status ProjectAcknowledgement(storage::Database& db, const ledger::LedgerEntry& e,
                              const PolicyAcknowledged& p) {
  auto st = db.Prepare(
      "INSERT OR IGNORE INTO policy_acknowledgement(user_id, version, seq, time_us) "
      "VALUES(?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, p.user_id).Bind(2, p.version).Bind(3, e.seq).Bind(4, e.time_us);
  return (*st)->Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"signatures",
                         {store::Migration{1, kTablesV1}},
                         {{"signature", "id"},
                          {"signature_policy", "version"},
                          {"policy_acknowledgement", "user_id, version"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<SignatureApplied>(&ProjectSignature);
  store::RegisterProjector<PolicyPublished>(&ProjectPolicy);
  store::RegisterProjector<PolicyAcknowledged>(&ProjectAcknowledgement);
}

Result<std::vector<Signature>> SignaturesOn(storage::Database& db, const std::string& record_kind,
                                            const std::string& record_id) {
  return storage::Rows<Signature>(
      db,
      "SELECT id, signer_id, signer, printed_name, meaning, comment, time_us, record_kind, "
      "record_id, record_version, content_hash FROM signature WHERE record_kind = ? AND "
      "record_id = ? ORDER BY id",
      [&](storage::Statement& s) { s.Bind(1, record_kind).Bind(2, record_id); },
      [](const storage::Statement& s) {
        Signature g;
        g.signature_id = s.Int(0);
        g.signer_id = s.Int(1);
        g.signer = s.Text(2);
        g.printed_name = s.Text(3);
        g.meaning = s.Text(4);
        if (!s.IsNull(5)) g.comment = s.Text(5);
        g.time_us = s.Int(6);
        g.record_kind = s.Text(7);
        g.record_id = s.Text(8);
        g.record_version = s.Int(9);
        g.content_hash = s.Text(10);
        return g;
      });
}

Result<std::optional<SignaturePolicy>> CurrentPolicy(storage::Database& db, TimeMicros now) {
  auto published = storage::FirstRow<SignaturePolicy>(
      db, "SELECT version, text, time_us FROM signature_policy ORDER BY version DESC LIMIT 1",
      storage::NoBind, [](const storage::Statement& s) {
        return SignaturePolicy{s.Int(0), s.Text(1), s.Int(2), ""};
      });
  if (!published.ok()) return published.error();
  auto approved = masterdata::InForce(db, masterdata::kSignaturePolicyKind,
                                      masterdata::kConfigurationObjectId, now);
  if (!approved.ok()) return approved.error();
  if (!*approved) return *published;
  const masterdata::VersionRow& row = **approved;
  SignaturePolicy policy;
  policy.version = (*published ? (*published)->version : 0) + row.version;
  policy.text = row.content.value("text", std::string());
  policy.published_us = row.effective_from.value_or(row.created_us);
  policy.change_request = row.change_request;
  return std::optional<SignaturePolicy>(std::move(policy));
}

Status RecheckSigningMode(storage::Database& db, TimeMicros now, const SignerIdentity& identity) {
  if (!identity.password_only) return Ok();
  auto settings = site::GetSiteSettings(db, now);
  if (!settings.ok()) return settings.error();
  if (settings->signing_password_only) return Ok();
  return Error::Invalid("signature.user",
                        "enter your user id and password: the site settings in force no longer "
                        "allow the password alone",
                        "missing_field");
}

Result<bool> AcknowledgedPolicyInForce(storage::Database& db, std::int64_t user_id,
                                       TimeMicros now) {
  auto policy = CurrentPolicy(db, now);
  if (!policy.ok()) return policy.error();
  if (!*policy) return false;
  return HasAcknowledged(db, user_id, (*policy)->version);
}

Result<bool> HasAcknowledged(storage::Database& db, std::int64_t user_id, std::int64_t version) {
  auto row = storage::FirstRow<int>(
      db, "SELECT 1 FROM policy_acknowledgement WHERE user_id = ? AND version = ?",
      [&](storage::Statement& s) { s.Bind(1, user_id).Bind(2, version); },
      [](const storage::Statement&) { return 1; });
  if (!row.ok()) return row.error();
  return row->has_value();
}

Result<SignerState> LoadSignerState(storage::Database& db, TimeMicros now,
                                    const SignerIdentity& identity) {
  ORDO_TRY(RecheckSigningMode(db, now, identity));
  SignerState s;
  s.user_id = identity.user_id;
  s.name = identity.name;
  s.meaning = identity.meaning;
  s.comment = identity.comment;
  auto account = access::FindUserById(db, identity.user_id);
  if (!account.ok()) return account.error();
  if (!*account || (*account)->disabled) return s;
  s.active = true;
  s.printed_name = (*account)->display_name;
  auto acknowledged = AcknowledgedPolicyInForce(db, identity.user_id, now);
  if (!acknowledged.ok()) return acknowledged.error();
  s.policy_acknowledged = *acknowledged;
  return s;
}

}  // namespace ordo::signatures
