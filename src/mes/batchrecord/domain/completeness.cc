// The completeness check (completeness.h).
#include "mes/batchrecord/domain/completeness.h"

#include <set>
#include <utility>

#include "mes/execution/domain/complete.h"

namespace ordo::batchrecord {

namespace {

std::string Str(const Json& j, const char* name) {
  return j.contains(name) && j[name].is_string() ? j[name].get<std::string>() : std::string();
}

}  // namespace

Json ToJson(const Missing& m) {
  return Json{
      {"kind", m.kind}, {"operation", m.operation}, {"item", m.item}, {"message", m.message}};
}

std::vector<Missing> CheckCompleteness(const Facts& facts) {
  std::set<std::pair<std::string, std::string>> recorded;  // (operation, name)
  for (const auto& e : facts.entries)
    if (e.type == "execution.parameter_recorded" || e.type == "execution.characteristic_recorded")
      recorded.insert({Str(e.payload, "operation"), Str(e.payload, "name")});
  std::vector<Missing> missing;
  for (const auto& op : facts.operations) {
    const std::string id = Str(op, "operation");
    const std::string state = Str(op, "state");
    if (state != "completed" && state != "verified")
      missing.push_back({"operation_not_complete", id, "",
                         "operation " + id + " is " + (state.empty() ? "not started" : state)});
    const Json spec = op.contains("spec") && op["spec"].is_object() ? op["spec"] : Json::object();
    // Execution's own rule of what completion needs (execution/domain/complete.h): every
    // characteristic at least one sample, every required parameter a value.
    std::vector<std::string> required;
    if (auto parsed = execution::SpecFromJson(spec); parsed.ok()) {
      for (const auto& p : parsed->parameters)
        if (execution::ParameterRequired(p)) required.push_back(p.name);
      for (const auto& c : parsed->characteristics) required.push_back(c.name);
    } else {  // a spec that does not fit (master data validated it): everything named
      for (const char* list : {"parameters", "characteristics"})
        if (spec.contains(list) && spec[list].is_array())
          for (const auto& item : spec[list]) required.push_back(Str(item, "name"));
    }
    for (const auto& name : required)
      if (recorded.count({id, name}) == 0)
        missing.push_back({"required_value_missing", id, name,
                           "operation " + id + ": no value of " + name + " was recorded"});
    if (spec.value("second_person_verification", false) && state != "verified")
      missing.push_back({"verification_unsigned", id, "",
                         "operation " + id + " needs a second-person verification signature"});
  }
  return missing;
}

}  // namespace ordo::batchrecord
