// Canonical form, hashing and JSON conversion of ledger entries.
#include "ledger/entry.h"

#include "core/crypto.h"

namespace ordo::ledger {

namespace {

Json BodyJson(const LedgerEntry& e) {
  Json body = Json::object();
  body["seq"] = e.seq;
  body["time_us"] = e.time_us;
  body["actor"] = e.actor;
  body["role"] = e.role;
  body["type"] = e.type;
  body["schema_version"] = e.schema_version;
  body["subject"] = {
      {"kind", e.subject.kind}, {"id", e.subject.id}, {"version", e.subject.version}};
  body["payload"] = e.payload;
  body["reason"] = e.reason ? Json(*e.reason) : Json(nullptr);
  body["signatures"] = e.signatures;
  body["prev_hash"] = e.prev_hash;
  if (e.origin) body["origin"] = ToJson(*e.origin);
  return body;
}

}  // namespace

std::string CanonicalBody(const LedgerEntry& entry) {
  return CanonicalBody(entry, CanonicalJson(entry.payload));
}

std::string CanonicalBody(const LedgerEntry& e, const std::string& canonical_payload) {
  // The same bytes as CanonicalJson(BodyJson(e)), written out in sorted key order so
  // that the payload is not copied into a temporary object (this runs per entry on the
  // writer's hot path; ledger_test checks the two forms agree).
  auto str = [](const std::string& s) {
    return Json(s).dump(-1, ' ', false, Json::error_handler_t::strict);
  };
  std::string out;
  out.reserve(canonical_payload.size() + 400);
  out += "{\"actor\":" + str(e.actor);
  if (e.origin) out += ",\"origin\":" + CanonicalJson(ToJson(*e.origin));
  out += ",\"payload\":" + canonical_payload;
  out += ",\"prev_hash\":" + str(e.prev_hash);
  out += ",\"reason\":" + (e.reason ? str(*e.reason) : std::string("null"));
  out += ",\"role\":" + str(e.role);
  out += ",\"schema_version\":" + std::to_string(e.schema_version);
  out += ",\"seq\":" + std::to_string(e.seq);
  out += ",\"signatures\":" + CanonicalJson(e.signatures);
  out += ",\"subject\":{\"id\":" + str(e.subject.id) + ",\"kind\":" + str(e.subject.kind) +
         ",\"version\":" + std::to_string(e.subject.version) + "}";
  out += ",\"time_us\":" + std::to_string(e.time_us);
  out += ",\"type\":" + str(e.type) + "}";
  return out;
}

Json ToJson(const Origin& origin) {
  return Json{{"address", origin.address},
              {"session", origin.session > 0 ? Json(origin.session) : Json(nullptr)},
              {"terminal", origin.terminal.empty() ? Json(nullptr) : Json(origin.terminal)}};
}

Result<Origin> OriginFromJson(const Json& j) {
  if (!j.is_object() || !j.contains("address") || !j["address"].is_string())
    return Error::Invalid("origin", "origin must be an object with a string address");
  Origin o;
  o.address = j["address"].get<std::string>();
  const Json session = j.value("session", Json(nullptr));
  if (session.is_number_integer() && session.get<std::int64_t>() > 0)
    o.session = session.get<std::int64_t>();
  else if (!session.is_null())
    return Error::Invalid("origin.session", "origin.session must be a positive seq or null");
  const Json terminal = j.value("terminal", Json(nullptr));
  if (terminal.is_string() && !terminal.get<std::string>().empty())
    o.terminal = terminal.get<std::string>();
  else if (!terminal.is_null())
    return Error::Invalid("origin.terminal", "origin.terminal must be a non-empty string or null");
  return o;
}

std::string ComputeHash(const LedgerEntry& entry) {
  return Sha256Hex(entry.prev_hash + CanonicalBody(entry));
}

std::string ComputeHash(const LedgerEntry& entry, const std::string& canonical_payload) {
  return Sha256Hex(entry.prev_hash + CanonicalBody(entry, canonical_payload));
}

std::string CanonicalBodyViaJson(const LedgerEntry& entry) {
  return CanonicalJson(BodyJson(entry));
}

Json ToJson(const LedgerEntry& entry) {
  Json j = BodyJson(entry);
  j["hash"] = entry.hash;
  j["time"] = FormatUtcMicros(entry.time_us);
  return j;
}

Result<LedgerEntry> FromJson(const Json& j) {
  if (!j.is_object()) return Error::Invalid("entry", "a ledger entry must be a JSON object");
  LedgerEntry e;
  auto need = [&](const char* name, Json::value_t type) -> const Json* {
    auto it = j.find(name);
    if (it == j.end()) return nullptr;
    if (it->type() != type && !(type == Json::value_t::number_integer && it->is_number_unsigned()))
      return nullptr;
    return &*it;
  };
  using V = Json::value_t;
  const Json* seq = need("seq", V::number_integer);
  const Json* time = need("time_us", V::number_integer);
  const Json* actor = need("actor", V::string);
  const Json* role = need("role", V::string);
  const Json* type = need("type", V::string);
  const Json* version = need("schema_version", V::number_integer);
  const Json* subject = need("subject", V::object);
  const Json* prev = need("prev_hash", V::string);
  const Json* hash = need("hash", V::string);
  if (!seq) return Error::Invalid("seq", "entry needs an integer seq");
  if (!time) return Error::Invalid("time_us", "entry needs an integer time_us");
  if (!actor || !role || !type) return Error::Invalid("actor", "entry needs actor, role, type");
  if (!version) return Error::Invalid("schema_version", "entry needs schema_version");
  if (!subject || !subject->contains("kind") || !subject->contains("id") ||
      !subject->contains("version") || !(*subject)["kind"].is_string() ||
      !(*subject)["id"].is_string() || !(*subject)["version"].is_number_integer())
    return Error::Invalid("subject", "entry needs subject {kind, id, version}");
  if (!prev || !hash) return Error::Invalid("hash", "entry needs prev_hash and hash");
  if (!j.contains("payload")) return Error::Invalid("payload", "entry needs a payload");
  e.seq = seq->get<std::int64_t>();
  e.time_us = time->get<std::int64_t>();
  e.actor = actor->get<std::string>();
  e.role = role->get<std::string>();
  e.type = type->get<std::string>();
  e.schema_version = version->get<int>();
  e.subject = Subject{(*subject)["kind"].get<std::string>(), (*subject)["id"].get<std::string>(),
                      (*subject)["version"].get<std::int64_t>()};
  e.payload = j["payload"];
  if (j.contains("reason") && j["reason"].is_string()) e.reason = j["reason"].get<std::string>();
  e.signatures = j.value("signatures", Json::array());
  e.prev_hash = prev->get<std::string>();
  e.hash = hash->get<std::string>();
  if (j.contains("origin")) {
    auto origin = OriginFromJson(j["origin"]);
    if (!origin.ok()) return origin.error();
    e.origin = std::move(*origin);
  }
  return e;
}

}  // namespace ordo::ledger
