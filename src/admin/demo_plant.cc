// Loading the embedded demo plant through change control (see demo_plant.h).
#include "admin/demo_plant.h"

#include <yaml-cpp/yaml.h>

#include "admin/demo_dates.h"
#include "mes/masterdata/commands/apply_plant.h"
#include "mes/masterdata/commands/change_control.h"
#include "mes/masterdata/plant/plant_files.h"
#include "mes/personnel/commands/personnel_commands.h"
#include "mes/signatures/commands/policy_commands.h"

namespace ordo::admin {

namespace {

Result<Json> Run(engine::Engine& engine, engine::Command command) {
  auto reply = engine.SubmitAndWait(std::move(command));
  if (!reply.ok()) return reply.error();
  return reply->body;
}

Error Fail(const std::string& message) {
  return Error::Make(ErrorCode::kInternal, "the embedded demo plant: " + message);
}

// personnel grants: {grants: [{user, qualifications: [..], expires}]}
Result<std::vector<std::tuple<std::string, std::string, std::string>>> ReadGrants(
    std::string_view text) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  try {
    YAML::Node root = YAML::Load(std::string(text));
    for (const auto& g : root["grants"]) {
      const std::string user = g["user"].as<std::string>();
      const std::string expires = g["expires"] ? g["expires"].as<std::string>() : "";
      for (const auto& q : g["qualifications"])
        out.emplace_back(user, q.as<std::string>(), expires);
    }
  } catch (const YAML::Exception& e) {
    return Fail(std::string("plant-personnel.yaml: ") + e.what());
  }
  return out;
}

}  // namespace

const std::string& DefaultSignaturePolicy() {
  static const std::string text =
      "Electronic signature policy (version 1)\n\n"
      "1. My electronic signature in ordo is the legally binding equivalent of my handwritten "
      "signature (21 CFR 11.100(c)).\n"
      "2. I will not share my user id or password, and I will never let anyone sign with my "
      "credentials or sign for someone else.\n"
      "3. Each signature states its meaning (authored, reviewed, approved, rejected, "
      "verified, released); I sign only what I have read and understood.\n"
      "4. I report a lost or compromised password to the system administrator at once.\n"
      "5. Failed signing attempts are recorded and reported to the administrators.\n";
  return text;
}

std::vector<masterdata::plant::PlantFile> DemoPlantFiles(std::string_view today) {
  std::vector<masterdata::plant::PlantFile> files;
  for (const auto& f : DemoFiles())
    if (f.path.rfind("plant/", 0) == 0 && f.path.size() > 5 &&
        f.path.substr(f.path.size() - 5) == ".yaml")
      files.push_back({std::string(f.path.substr(6)), ResolveDemoDates(f.data, today)});
  return files;
}

Status LoadDemoPlant(engine::Engine& engine, const std::map<std::string, engine::Actor>& users,
                     std::string_view today) {
  if (!users.count("engineer") || !users.count("quality") || !users.count("supervisor") ||
      !users.count("operator"))
    return Fail("the demo users engineer, quality, supervisor and operator are needed");
  const engine::Actor& engineer = users.at("engineer");
  const engine::Actor& quality = users.at("quality");
  std::vector<masterdata::plant::PlantFile> files = DemoPlantFiles(today);
  std::string personnel;
  for (const auto& f : DemoFiles())
    if (f.path == "plant-personnel.yaml") personnel = ResolveDemoDates(f.data, today);
  if (files.empty()) return Fail("no plant files were embedded");
  masterdata::plant::ReadResult read = masterdata::plant::ReadPlantFiles(files);
  if (!read.errors.empty()) return Fail(masterdata::plant::FormatErrors(read.errors));
  std::vector<masterdata::commands::PlantObjectSource> objects;
  for (std::size_t i = 0; i < read.objects.size(); ++i)
    objects.push_back(
        {read.objects[i].kind, read.objects[i].id, files[i].path, read.objects[i].content});

  masterdata::OpenChangeRequest open{
      "Demo plant: initial configuration",
      "Equipment hierarchy, materials, products, routings, qualifications and reason codes "
      "of the demo site (solid-dose line and medical-device assembly line).",
      "Initial configuration of the demo site", "New site: no production records exist yet.",
      std::nullopt};
  auto applied = Run(engine, masterdata::commands::ApplyPlant(engineer, open, objects));
  if (!applied.ok()) return applied.error();
  const std::string cr = (*applied)["change_request"]["id"].get<std::string>();

  // Every demo user who signs (approvals, lot release, verification) acknowledges the
  // signature policy first, as a real user does on first signing.
  for (const auto* actor : {&engineer, &quality, &users.at("operator"), &users.at("supervisor")}) {
    auto ack = Run(engine, signatures::AcknowledgeSignaturePolicy(*actor, 1));
    if (!ack.ok()) return ack.error();
  }
  auto submitted =
      Run(engine,
          masterdata::commands::SubmitChangeRequest(
              engineer, cr,
              {engineer.user_id, engineer.name, "authored", std::string("Demo plant drafted")}));
  if (!submitted.ok()) return submitted.error();
  auto approved = Run(
      engine, masterdata::commands::SignChangeRequest(
                  quality, cr,
                  {quality.user_id, quality.name, "approved", std::string("Demo plant approved")}));
  if (!approved.ok()) return approved.error();

  auto grants = ReadGrants(personnel);
  if (!grants.ok()) return grants.error();
  for (const auto& [user, qualification, expires] : *grants) {
    auto holder = users.find(user);
    if (holder == users.end())
      return Fail("plant-personnel.yaml names an unknown demo user '" + user + "'");
    // Nobody grants a qualification to themselves: the supervisor grants quality's.
    const engine::Actor& granter =
        holder->second.user_id == quality.user_id ? users.at("supervisor") : quality;
    auto granted = Run(engine, personnel::GrantQualification(
                                   granter, {holder->second.user_id, qualification, expires}));
    if (!granted.ok()) return granted.error();
  }
  return Ok();
}

}  // namespace ordo::admin
