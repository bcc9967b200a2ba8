// Sealed versions read back and the block check of verify --record (sealed.h).
#include "mes/batchrecord/domain/sealed.h"

#include "mes/batchrecord/domain/diff.h"

namespace ordo::batchrecord {

namespace {

// `prefix` joined with a path DiffPaths named relative to it ("$" is the prefix itself).
std::string Under(const std::string& prefix, const std::string& path) {
  if (path == "$") return prefix;
  return path.front() == '[' ? prefix + path : prefix + "." + path;
}

void AddDiff(const Json& expected, const Json& actual, const std::string& prefix, std::size_t limit,
             std::vector<std::string>& out) {
  if (out.size() >= limit) return;
  for (const auto& p : DiffPaths(expected, actual, limit - out.size()))
    out.push_back(Under(prefix, p));
}

const Json* LineOf(const Json& review, const std::string& exception_id) {
  if (!review.is_object() || !review.contains("exceptions")) return nullptr;
  for (const auto& line : review["exceptions"])
    if (line.is_object() && line.value("exception_id", "") == exception_id) return &line;
  return nullptr;
}

}  // namespace

Json ReviewLine(const std::string& exception_id, const std::string& kind,
                const std::string& deviation, bool deviation_open, const ReviewMark* mark) {
  Json line{{"exception_id", exception_id}, {"kind", kind}};
  if (kind == kDeviation) {
    line["status"] = deviation_open ? "open" : "cleared_by_disposition";
    line["deviation"] = deviation;
  } else if (mark != nullptr) {
    line["status"] = mark->outcome;
    line["comment"] = mark->comment;
    line["reviewer"] = mark->reviewer;
    line["time"] = ManifestTime(mark->time_us);
    line["seq"] = mark->seq;
  } else {
    line["status"] = "open";
  }
  return line;
}

Json VersionLine(const SealedVersion& v) {
  return Json{{"version", v.version},
              {"content_hash", v.content_hash},
              {"checkpoint_seq", v.checkpoint_seq},
              {"seq", v.seq},
              {"time", ManifestTime(v.time_us)},
              {"released_by", v.released_by},
              {"signature", v.signature},
              {"amendment_reason", v.amendment_reason ? Json(*v.amendment_reason) : Json(nullptr)}};
}

Json SealedReview(const SealedVersion& v, const Facts& facts) {
  const Reviews reviews = ReviewsOf(facts, v.seq);
  Json lines = Json::array();
  Json open = Json::array();
  const Json exceptions = v.record.value("exceptions", Json::array());
  for (const auto& x : exceptions) {
    if (!x.is_object()) continue;
    const std::string id = x.value("id", "");
    const std::string kind = x.value("kind", "");
    auto mark = reviews.find(id);
    Json line = ReviewLine(id, kind, x.value("deviation", ""), false,
                           mark == reviews.end() ? nullptr : &mark->second);
    if (line["status"] == "open") open.push_back(id);
    lines.push_back(std::move(line));
  }
  return Json{{"exceptions", lines}, {"open", open}, {"open_deviations", Json::array()}};
}

std::optional<Json> SealedView(const Facts& facts, std::int64_t version) {
  const std::vector<SealedVersion> versions = SealedVersionsOf(facts);
  Json lines = Json::array();
  for (const auto& v : versions) {
    lines.push_back(VersionLine(v));
    if (v.version != version) continue;
    Json record = v.record;
    record["content_hash"] = v.content_hash;
    record["state"] = "sealed";
    record["review"] = SealedReview(v, facts);
    record["release"] = Json{{"released", true}, {"versions", lines}};
    return record;
  }
  return std::nullopt;
}

std::vector<std::string> BlockDifferences(const Json& exported, const Json& versions,
                                          const Json& review_at_seal, std::size_t limit) {
  std::vector<std::string> out;
  bool claims_sealed = exported.value("state", "") == "sealed";
  if (exported.contains("release")) {
    const Json& release = exported["release"];
    const Json listed = release.is_object() ? release.value("versions", Json::array()) : Json();
    // The sealed versions the file lists (a prefix of the ledger's), as the ledger has them.
    Json expected_lines = Json::array();
    for (std::size_t i = 0; listed.is_array() && i < listed.size() && i < versions.size(); ++i)
      expected_lines.push_back(versions[i]);
    if (listed.is_array() && listed.size() > versions.size())
      out.push_back("release.versions[" + std::to_string(versions.size()) + "]");
    else
      AddDiff(Json{{"released", !expected_lines.empty()}, {"versions", expected_lines}}, release,
              "release", limit, out);
    claims_sealed = claims_sealed || (listed.is_array() && !listed.empty());
  }
  if (exported.contains("review") && out.size() < limit) {
    const Json& review = exported["review"];
    if (claims_sealed || !review.is_object() || !review.contains("exceptions") ||
        !review["exceptions"].is_array()) {
      AddDiff(review_at_seal, review, "review", limit, out);
    } else {
      // An export made before the release: each line it shows reviewed must be the sealed one.
      const Json& lines = review["exceptions"];
      for (std::size_t i = 0; i < lines.size() && out.size() < limit; ++i) {
        const std::string at = "review.exceptions[" + std::to_string(i) + "]";
        if (!lines[i].is_object()) {
          out.push_back(at);
          continue;
        }
        if (lines[i].value("status", "") == "open") continue;
        const Json* sealed = LineOf(review_at_seal, lines[i].value("exception_id", ""));
        if (sealed == nullptr)
          out.push_back(at + ".exception_id");
        else
          AddDiff(*sealed, lines[i], at, limit, out);
      }
    }
  }
  return out;
}

}  // namespace ordo::batchrecord
