// SQL reads over the signature, policy, settings, personnel and attachment projections
// (see masterdata_queries.h).
#include "store/masterdata_queries.h"

#include <algorithm>
#include <functional>

namespace ordo::store {

namespace {

template <typename T>
Result<std::vector<T>> Rows(storage::Database& db, const std::string& sql,
                            const std::function<void(storage::Statement&)>& bind,
                            const std::function<T(const storage::Statement&)>& read) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  std::vector<T> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read(**st));
  }
  (*st)->Reset();
  return out;
}

const std::function<void(storage::Statement&)> kNoBind = [](storage::Statement&) {};

}  // namespace

Result<std::vector<signatures::Signature>> SignaturesOn(storage::Database& db,
                                                        const std::string& record_kind,
                                                        const std::string& record_id) {
  return Rows<signatures::Signature>(
      db,
      "SELECT id, signer_id, signer, printed_name, meaning, comment, time_us, record_kind, "
      "record_id, record_version, content_hash FROM signature WHERE record_kind = ? AND "
      "record_id = ? ORDER BY id",
      [&](storage::Statement& s) { s.Bind(1, record_kind).Bind(2, record_id); },
      [](const storage::Statement& s) {
        signatures::Signature g;
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

Result<std::optional<SignaturePolicy>> CurrentPolicy(storage::Database& db) {
  auto rows = Rows<SignaturePolicy>(
      db, "SELECT version, text, time_us FROM signature_policy ORDER BY version DESC LIMIT 1",
      kNoBind, [](const storage::Statement& s) {
        return SignaturePolicy{s.Int(0), s.Text(1), s.Int(2)};
      });
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<SignaturePolicy>();
  return std::optional<SignaturePolicy>(rows->front());
}

Result<bool> HasAcknowledged(storage::Database& db, std::int64_t user_id, std::int64_t version) {
  auto rows = Rows<int>(
      db, "SELECT 1 FROM policy_acknowledgement WHERE user_id = ? AND version = ?",
      [&](storage::Statement& s) { s.Bind(1, user_id).Bind(2, version); },
      [](const storage::Statement&) { return 1; });
  if (!rows.ok()) return rows.error();
  return !rows->empty();
}

Result<SiteSettings> GetSiteSettings(storage::Database& db) {
  auto rows = Rows<std::pair<std::string, std::string>>(
      db, "SELECT key, value FROM site_setting", kNoBind,
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!rows.ok()) return rows.error();
  SiteSettings out;
  for (const auto& [key, text] : *rows) {
    Json v = Json::parse(text, nullptr, false);
    if (key == "approvals_required" && v.is_number_integer()) out.approvals_required = v.get<int>();
    if (key == "signing_password_only" && v.is_boolean()) out.signing_password_only = v.get<bool>();
  }
  return out;
}

Json ToJson(const SiteSettings& s) {
  return Json{{"approvals_required", s.approvals_required},
              {"signing_password_only", s.signing_password_only}};
}

Result<std::vector<GrantRow>> ListGrants(storage::Database& db, std::int64_t user_id) {
  return Rows<GrantRow>(
      db,
      "SELECT seq, user_id, qualification, expires, granted_by, time_us, revoked_seq FROM "
      "qualification_grant WHERE (? = 0 OR user_id = ?) ORDER BY user_id, qualification, seq",
      [&](storage::Statement& s) { s.Bind(1, user_id).Bind(2, user_id); },
      [](const storage::Statement& s) {
        GrantRow g;
        g.seq = s.Int(0);
        g.user_id = s.Int(1);
        g.qualification = s.Text(2);
        if (!s.IsNull(3)) g.expires = s.Text(3);
        g.granted_by = s.Text(4);
        g.time_us = s.Int(5);
        g.revoked = !s.IsNull(6);
        return g;
      });
}

Result<std::optional<AttachmentRow>> FindAttachment(storage::Database& db,
                                                    const std::string& sha256) {
  auto rows = Rows<AttachmentRow>(
      db, "SELECT sha256, name, media_type, size, seq FROM attachment WHERE sha256 = ?",
      [&](storage::Statement& s) { s.Bind(1, sha256); },
      [](const storage::Statement& s) {
        return AttachmentRow{s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4)};
      });
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<AttachmentRow>();
  return std::optional<AttachmentRow>(rows->front());
}

Result<std::optional<std::string>> AttachmentData(storage::Database& db,
                                                  const std::string& sha256) {
  auto rows = Rows<std::string>(
      db, "SELECT data FROM attachment_data WHERE sha256 = ?",
      [&](storage::Statement& s) { s.Bind(1, sha256); },
      [](const storage::Statement& s) { return s.Blob(0); });
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front());
}

Status PutAttachmentData(storage::Database& db, const std::string& sha256,
                         const std::string& data) {
  auto st = db.Prepare("INSERT OR IGNORE INTO attachment_data(sha256, data) VALUES(?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, sha256).BindBlob(2, data);
  return (*st)->Run();
}

Result<std::vector<TrainingRow>> ListTraining(storage::Database& db, std::int64_t user_id) {
  return Rows<TrainingRow>(
      db,
      "SELECT seq, user_id, course, completed, trainer, recorded_by FROM training_record WHERE "
      "(? = 0 OR user_id = ?) ORDER BY seq DESC",
      [&](storage::Statement& s) { s.Bind(1, user_id).Bind(2, user_id); },
      [](const storage::Statement& s) {
        TrainingRow t;
        t.seq = s.Int(0);
        t.user_id = s.Int(1);
        t.course = s.Text(2);
        t.completed = s.Text(3);
        if (!s.IsNull(4)) t.trainer = s.Text(4);
        t.recorded_by = s.Text(5);
        return t;
      });
}

}  // namespace ordo::store
