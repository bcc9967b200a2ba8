// Reading the pinned operation spec into OperationSpec (facts.h), its instruction hash,
// and when an operation counts as done.
#include "core/crypto.h"
#include "core/json_fields.h"
#include "mes/execution/domain/facts.h"

namespace ordo::execution {

namespace {

std::optional<double> Number(const Json& j, const char* key) {
  if (j.contains(key) && j.at(key).is_number()) return j.at(key).get<double>();
  return std::nullopt;
}

const Json& List(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  if (j.contains(key) && j.at(key).is_array()) return j.at(key);
  return kEmpty;
}

}  // namespace

Result<OperationSpec> SpecFromJson(const Json& spec) {
  if (!spec.is_object())
    return Error::Make(ErrorCode::kInternal, "the pinned operation spec is not an object");
  OperationSpec out;
  try {
    for (const Json& p : List(spec, "parameters")) {
      ParameterSpec ps;
      ps.name = p.at("name").get<std::string>();
      ps.unit = TextField(p, "unit");
      std::string source = TextField(p, "source");
      if (!source.empty()) ps.source = source;
      ps.target = Number(p, "target");
      ps.low = Number(p, "low");
      ps.high = Number(p, "high");
      ps.critical =
          p.contains("critical") && p.at("critical").is_boolean() && p.at("critical").get<bool>();
      out.parameters.push_back(std::move(ps));
    }
    for (const Json& c : List(spec, "characteristics")) {
      CharacteristicSpec cs;
      cs.name = c.at("name").get<std::string>();
      cs.unit = TextField(c, "unit");
      cs.lower_spec = Number(c, "lower_spec");
      cs.upper_spec = Number(c, "upper_spec");
      if (c.contains("sample_size") && c.at("sample_size").is_number_integer())
        cs.sample_size = c.at("sample_size").get<std::int64_t>();
      if (cs.sample_size < 1) cs.sample_size = 1;
      out.characteristics.push_back(std::move(cs));
    }
    for (const Json& q : List(spec, "qualifications"))
      out.qualifications.push_back(q.get<std::string>());
  } catch (const Json::exception& ex) {
    return Error::Make(ErrorCode::kInternal,
                       std::string("the pinned operation spec does not fit: ") + ex.what());
  }
  out.second_person_verification = spec.contains("second_person_verification") &&
                                   spec.at("second_person_verification").is_boolean() &&
                                   spec.at("second_person_verification").get<bool>();
  out.instruction_hash = InstructionContentHash(spec);
  return out;
}

std::string InstructionContentHash(const Json& spec) {
  const std::string instructions = spec.is_object() ? TextField(spec, "instructions") : "";
  const Json attachments = spec.is_object() ? List(spec, "attachments") : Json::array();
  if (instructions.empty() && attachments.empty()) return "";
  Json content{{"instructions", instructions}, {"attachments", attachments}};
  return Sha256Hex(CanonicalJson(content));
}

bool OperationDone(const std::string& state, bool needs_verification) {
  if (state == kOpVerified) return true;
  return state == kOpCompleted && !needs_verification;
}

}  // namespace ordo::execution
