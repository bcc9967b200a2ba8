// The demo simulator source (demo_sim_source.h).
#include "admin/demo_sim_source.h"

#include "admin/secret_file.h"
#include "core/crypto.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/domain/source.h"
#include "mes/telemetry/commands/telemetry_commands.h"
#include "sim/plant_model.h"

namespace ordo::admin {

const std::vector<std::string>& DemoSimWorkUnits() {
  static const std::vector<std::string> kUnits = {"WU-FBD-300", "WU-HSG-300",    "WU-PRESS-01",
                                                  "WU-COAT-01", "WU-BLISTER-01", "WU-PKG-01",
                                                  "WU-ASM-01",  "WU-LASER-01"};
  return kUnits;
}

Status RegisterDemoSimSource(engine::Engine& engine, const engine::Actor& engineer,
                             const store::DataDir& dir) {
  const std::string key = "ordo_src_" + RandomHex(32);
  equipment::SourceRegistered s;
  s.name = kDemoSimSource;
  s.kind = "rest";
  s.work_units = DemoSimWorkUnits();
  s.key_hash = Sha256Hex(key);
  ORDO_TRY(equipment::ValidateSource(s));
  auto r = engine.SubmitAndWait(equipment::RegisterSourceCommand(engineer, std::move(s)));
  if (!r.ok()) return r.error();
  return WriteSecretFile(dir.root + "/" + kDemoSimKeyFile, key);
}

Status RegisterDemoSimMqtt(engine::Engine& engine, const engine::Actor& engineer) {
  equipment::SourceRegistered s;
  s.name = kDemoSimMqttSource;
  s.kind = "mqtt";
  s.work_units = DemoSimWorkUnits();
  ORDO_TRY(equipment::ValidateSource(s));
  auto r = engine.SubmitAndWait(equipment::RegisterSourceCommand(engineer, std::move(s)));
  if (!r.ok()) return r.error();
  // The limits the simulator draws for each unit with the demo's seed (plant_model.h).
  sim::PlantOptions options;
  options.work_units = DemoSimWorkUnits();
  options.seed = kDemoSimSeed;
  const sim::PlantModel model(options);
  for (const auto& unit : DemoSimWorkUnits()) {
    for (const sim::ProcessLimits& limits : model.Limits(unit)) {
      telemetry::TagDefined tag;
      tag.name = unit + "." + limits.tag;
      tag.work_unit = unit;
      tag.unit = limits.unit;
      tag.description = "Simulated " + limits.tag + " (ordo sim, make demo)";
      tag.low = limits.low;
      tag.high = limits.high;
      auto defined = engine.SubmitAndWait(telemetry::DefineTagCommand(engineer, std::move(tag)));
      if (!defined.ok()) return defined.error();
    }
  }
  return Ok();
}

}  // namespace ordo::admin
