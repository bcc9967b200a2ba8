// `ordo init`: creating a data directory with its first ledger entries.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "admin/data_dir_ops.h"
#include "admin/demo_dates.h"
#include "admin/demo_plant.h"
#include "admin/demo_production.h"
#include "admin/demo_sim_source.h"
#include "admin/secret_file.h"
#include "core/crypto.h"
#include "engine/engine.h"
#include "ledger/event_schema.h"
#include "mes/access/commands/users.h"
#include "mes/access/store/cracklib_blocklist.h"
#include "mes/signatures/commands/policy_commands.h"
#include "store/ledger_store.h"
#include "store/schema.h"

namespace ordo::admin {

namespace {

// The first entry of every ledger, naming the site's public key.
engine::Command InitializeLedger(const std::string& public_key, const std::string& site_name) {
  engine::Command c;
  c.actor = engine::Actor{0, "system", "system", engine::LocalOrigin()};
  c.decide = [public_key, site_name](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
    return std::vector<ledger::Event>{
        ledger::MakeEvent(ledger::LedgerInitialized{public_key, site_name, 1}, "site", site_name)};
  };
  return c;
}

// Creates a user; returns them as an actor in `role`.
Result<engine::Actor> CreateUserNow(engine::Engine& engine, const std::string& name,
                                    const std::string& display, const std::string& role,
                                    const std::string& password) {
  auto hash = HashPassword(password);
  if (!hash.ok()) return hash.error();
  // Not one-time: the first admin chose this password, and the demo users' passwords
  // are published demo credentials (docs/operations.md).
  auto r = engine.SubmitAndWait(access::CreateUserCommand(
      engine::Actor{0, "system", "system", engine::LocalOrigin()},
      access::CreateUser{name, display, {role}}, *hash, /*one_time=*/false));
  if (!r.ok()) return r.error();
  return engine::Actor{r->body["user"]["id"].get<std::int64_t>(), name, role,
                       engine::LocalOrigin()};
}

}  // namespace

Result<std::vector<DemoCredential>> InitDataDir(const InitOptions& o, const Clock& clock) {
  namespace fs = std::filesystem;
  // The password rules with their defaults (the site settings do not exist yet).
  ORDO_TRY(access::CheckNewPassword(o.admin_password, access::PasswordRules{}, {"admin", "ordo"},
                                    access::SystemBlocklist(), "admin-password"));
  std::error_code ec;
  fs::create_directories(o.dir.root, ec);
  if (ec)
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot create data directory '" + o.dir.root + "': " + ec.message());
  ::chmod(o.dir.root.c_str(), 0700);
  auto lock = DirLock::Acquire(o.dir);  // before the check: two inits cannot race
  if (!lock.ok()) return lock.error();
  if (fs::exists(o.dir.DatabasePath()) || fs::exists(o.dir.SigningKeyPath()))
    return Error::Make(
        ErrorCode::kConflict,
        "'" + o.dir.root + "' already holds an ordo store; refusing to overwrite it");

  SigningKeyPair keys = GenerateSigningKeyPair();
  {
    auto db = store::OpenStore(o.dir, storage::OpenMode::kCreate);
    if (!db.ok()) return db.error();
    ORDO_TRY(store::CreateSchema(**db));
    ORDO_TRY(store::SetMeta(**db, "ledger_public_key", keys.public_key_hex));
    ORDO_TRY(store::SetMeta(**db, "site_name", o.site_name));
    ORDO_TRY(store::SetMeta(**db, "created_at", FormatUtcMicros(clock.NowMicros())));
  }
  ORDO_TRY(store::WriteSigningKey(o.dir, keys.secret_key_hex));

  engine::EngineOptions options;
  options.data_dir = o.dir;
  options.clock = &clock;
  auto engine = engine::Engine::Start(options);
  if (!engine.ok()) return engine.error();
  auto init = (*engine)->SubmitAndWait(InitializeLedger(keys.public_key_hex, o.site_name));
  if (!init.ok()) return init.error();
  ORDO_TRY(CreateUserNow(**engine, "admin", "Administrator", "admin", o.admin_password));
  auto policy = (*engine)->SubmitAndWait(signatures::PublishSignaturePolicy(
      engine::Actor{0, "system", "system", engine::LocalOrigin()}, DefaultSignaturePolicy()));
  if (!policy.ok()) return policy.error();

  std::vector<DemoCredential> demo;
  if (o.demo) {
    demo.push_back({"admin", "admin", o.admin_password});
    const std::pair<const char*, const char*> users[] = {{"operator", "Demo Operator"},
                                                         {"supervisor", "Demo Supervisor"},
                                                         {"quality", "Demo Quality"},
                                                         {"engineer", "Demo Engineer"}};
    std::map<std::string, engine::Actor> actors;
    for (const auto& [name, display] : users) {
      DemoCredential cred{name, name, RandomPassword(kDemoPasswordLength)};
      auto actor = CreateUserNow(**engine, cred.name, display, cred.role, cred.password);
      if (!actor.ok()) return actor.error();
      actors[name] = *actor;
      demo.push_back(cred);
    }
    // A second quality signer for the demo's critical deviation (two signatures); its
    // password is not printed (one demo user per role), an admin can reset it.
    auto lead = CreateUserNow(**engine, kDemoQaLead, "Demo QA Lead", "quality",
                              RandomPassword(kDemoPasswordLength));
    if (!lead.ok()) return lead.error();
    actors[kDemoQaLead] = *lead;
    const std::string today = UtcDay(clock.NowMicros());
    ORDO_TRY(LoadDemoPlant(**engine, actors, today));
    ORDO_TRY(LoadDemoProduction(**engine, actors, today));
    // The simulator's rest source, its key in DIR/demo-sim.key, its mqtt source and the
    // tags of its process values (make demo runs ordo sim).
    ORDO_TRY(RegisterDemoSimSource(**engine, actors.at("engineer"), o.dir));
    ORDO_TRY(RegisterDemoSimMqtt(**engine, actors.at("engineer")));
    // The MIS's feed account (role feed_reader), its password in DIR/mis-feed.password:
    // make demo runs ordo-mis serve --mes with it (docs/mis.md, "The MES ledger feed").
    const std::string feed_password = RandomPassword(kDemoPasswordLength);
    auto feed = CreateUserNow(**engine, kDemoMisFeedUser, "Demo MIS ledger feed", "feed_reader",
                              feed_password);
    if (!feed.ok()) return feed.error();
    ORDO_TRY(WriteSecretFile(o.dir.root + "/" + kDemoMisFeedPasswordFile, feed_password));
  }
  auto cp = (*engine)->CheckpointNow();
  if (!cp.ok()) return cp.error();
  (*engine)->Stop();
  return demo;
}

}  // namespace ordo::admin
