// The `ordo` executable: the one place that wires every module together. Subcommands:
// init, serve, upgrade, ledger verify|export|replay, user add|list|disable|unlock, backup,
// restore, plant
// export|apply, orders import, openapi, reference.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "admin/data_dir_ops.h"
#include "admin/integrity_audit.h"
#include "admin/restore.h"
#include "cli/batch_record_commands.h"
#include "cli/capabilities.h"
#include "cli/duration.h"
#include "cli/lots_commands.h"
#include "cli/offline_admin.h"
#include "cli/orders_commands.h"
#include "cli/passwords.h"
#include "cli/plant_commands.h"
#include "cli/reference_docs.h"
#include "cli/serve_mqtt_options.h"
#include "cli/sim_command.h"
#include "cli/telemetry_command.h"
#include "cli/trace_commands.h"
#include "core/crypto.h"
#include "core/version.h"
#include "ledger/export.h"
#include "mes/access/commands/credentials.h"
#include "mes/access/commands/users.h"
#include "mes/access/store/cracklib_blocklist.h"
#include "mes/access/users.h"
#include "mes/site/settings.h"
#include "server/api.h"
#include "server/serve.h"

namespace {

using namespace ordo;

int Fail(const std::string& message, int code = 1) {
  std::fprintf(stderr, "ordo: %s\n", message.c_str());
  return code;
}

int PrintReport(const ledger::VerifyReport& r) {
  if (r.ok) {
    std::printf("OK: %s (head seq %lld)\n", r.message.c_str(), static_cast<long long>(r.head_seq));
    return 0;
  }
  std::fprintf(stderr, "FAILED at seq %lld: %s\n", static_cast<long long>(r.first_bad_seq),
               r.message.c_str());
  return 1;
}

// Runs one command against DIR with the server stopped (the data dir lock proves it),
// as the ordo admin `admin_user` authenticated with `admin_password_file`: nothing is
// written (not even a schema upgrade) unless that admin is authenticated.
int RunOffline(const std::string& data, const std::string& admin_user,
               const std::string& admin_password_file,
               const std::function<engine::Command(engine::Actor)>& make, Json* reply) {
  store::DataDir dir{data};
  auto lock = admin::DirLock::Acquire(dir);
  if (!lock.ok()) return Fail(lock.error().message, 2);
  auto actor = cli::AuthenticateOfflineAdmin(data, admin_user, admin_password_file);
  if (!actor.ok())
    return Fail(std::string(ErrorCodeName(actor.error().code)) + ": " + actor.error().message,
                actor.error().code == ErrorCode::kInvalidArgument ? 2 : 1);
  SystemClock clock;
  auto upgraded = admin::UpgradeStore(dir, clock);
  if (!upgraded.ok()) return Fail(upgraded.error().message, 2);
  if (!upgraded->backup.empty())
    std::printf("upgraded the store schema (%s); backup taken first: %s\n",
                upgraded->applied.c_str(), upgraded->backup.c_str());
  engine::EngineOptions o;
  o.data_dir = dir;
  o.clock = &clock;
  auto engine = engine::Engine::Start(o);
  if (!engine.ok()) return Fail(engine.error().message, 2);
  auto r = (*engine)->SubmitAndWait(make(*actor));
  (*engine)->Stop();
  if (!r.ok()) return Fail(std::string(ErrorCodeName(r.error().code)) + ": " + r.error().message);
  *reply = r->body;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!InitCrypto()) return Fail("libsodium failed to initialise", 2);
  cli::RegisterCapabilities();
  CLI::App app{"ordo: manufacturing execution system for regulated plants"};
  app.require_subcommand(1);
  app.set_version_flag("--version", VersionLine());
  std::string data, password_file, site = "site", listen = "127.0.0.1:8080";
  int rc = 0;

  // init
  auto* init =
      app.add_subcommand("init", "Create a data directory with its ledger and first admin");
  bool demo = false;
  init->add_option("--data", data, "data directory to create")->required();
  init->add_option("--admin-password-file", password_file,
                   "file whose first line is the admin password (prompted when absent)");
  init->add_flag("--demo", demo, "also create demo users (one per role) and print their passwords");
  init->add_option("--site", site, "site name recorded in the ledger");
  init->callback([&] {
    std::string admin_password;
    if (!password_file.empty() || !demo) {
      auto pw = cli::ReadPassword(password_file, "admin password: ");
      if (!pw.ok()) {
        rc = Fail(pw.error().message, 2);
        return;
      }
      admin_password = *pw;
    } else {
      admin_password = RandomPassword(admin::kDemoPasswordLength);
    }
    SystemClock clock;
    auto creds = admin::InitDataDir({{data}, site, admin_password, demo}, clock);
    if (!creds.ok()) {
      rc = Fail(creds.error().message, 2);
      return;
    }
    std::printf("initialised ordo data directory %s\n", data.c_str());
    for (const auto& c : *creds)
      std::printf("demo user: %s role: %s password: %s\n", c.name.c_str(), c.role.c_str(),
                  c.password.c_str());
    if (demo) std::printf("(demo credentials: for demonstration only)\n");
  });

  // serve
  auto* serve = app.add_subcommand("serve", "Run the MES server");
  server::ServeOptions so;
  int idle_minutes = 15;
  serve->add_option("--data", data, "data directory (created by init)")->required();
  serve->add_option("--listen", listen, "address:port to listen on (port 0 = any free port)");
  serve->add_option("--tls-cert", so.http.tls_cert_file, "PEM certificate chain: serve HTTPS");
  serve->add_option("--tls-key", so.http.tls_key_file, "PEM private key for --tls-cert");
  serve->add_option("--web-dir", so.api.web_dir,
                    "serve the UI from this folder instead of the embedded copy");
  serve->add_option("--session-idle-minutes", idle_minutes, "sign out sessions idle this long")
      ->check(CLI::Range(1, 24 * 60));
  serve
      ->add_option("--checkpoint-every", so.checkpoint_every_entries,
                   "sign the ledger head every N entries")
      ->check(CLI::Range(1, 10'000'000));
  serve
      ->add_option("--checkpoint-seconds", so.checkpoint_every_seconds,
                   "... or every S seconds with new entries")
      ->check(CLI::Range(1, 86400));
  serve
      ->add_option("--admin-lockout-after", so.api.throttle.admin_lockout_after,
                   "lock admin accounts after N failed sign-ins (0 = never)")
      ->check(CLI::Range(0, 1000));
  serve->add_option("--max-body-bytes", so.http.max_body_bytes, "largest accepted request body");
  std::string audit_interval = "1h", compact_interval = "1h";
  serve->add_option("--compact-interval", compact_interval,
                    "compact telemetry past its tags' raw_days this often: 15m, 1h, 1d; 0 = only "
                    "at start");
  serve->add_option("--audit-interval", audit_interval,
                    "run the background integrity audit this often: 30s, 15m, 1h, 1d; 0 = off");
  serve
      ->add_option("--head-timeout", so.http.head_timeout_seconds,
                   "seconds a client has to send a whole request head (and TLS handshake)")
      ->check(CLI::Range(1, 300));
  serve
      ->add_option("--max-connections", so.http.max_connections,
                   "open connections at most; at the cap anonymous idle ones are closed first")
      ->check(CLI::Range(1, 100000));
  serve
      ->add_option("--max-connections-per-address", so.http.max_connections_per_address,
                   "open connections from one client address at most")
      ->check(CLI::Range(1, 100000));
  // The MQTT connector of machine data (docs/mqtt.md): a background service of serve.
  cli::ServeMqttOptions mqtt_options;
  mqtt_options.AddTo(serve);
  serve->callback([&] {
    auto interval = cli::ParseDurationSeconds(audit_interval);
    if (!interval) {
      rc =
          Fail("--audit-interval must be a whole number with s, m, h or d (e.g. 30s, 1h), or 0", 2);
      return;
    }
    so.audit_interval_seconds = *interval;
    auto compact_every = cli::ParseDurationSeconds(compact_interval);
    if (!compact_every) {
      rc = Fail("--compact-interval must be a whole number with s, m, h or d (e.g. 1h), or 0", 2);
      return;
    }
    so.task_interval_seconds["telemetry compaction"] = *compact_every;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
      rc = Fail("--listen must be address:port", 2);
      return;
    }
    so.http.address = listen.substr(0, colon);
    try {
      int port = std::stoi(listen.substr(colon + 1));
      if (port < 0 || port > 65535) throw std::out_of_range("port");
      so.http.port = static_cast<std::uint16_t>(port);
    } catch (const std::exception&) {
      rc = Fail("--listen: the port must be 0..65535", 2);
      return;
    }
    if (so.http.tls_cert_file.empty() != so.http.tls_key_file.empty()) {
      rc = Fail("--tls-cert and --tls-key go together", 2);
      return;
    }
    auto service = mqtt_options.Service();
    if (!service.ok()) {
      rc = Fail(service.error().message, 2);
      return;
    }
    if (*service) so.services.push_back(*service);
    so.data_dir = data;
    so.api.session_idle = static_cast<TimeMicros>(idle_minutes) * 60 * 1'000'000;
    rc = server::RunServer(so);
  });

  // ledger
  auto* ledger_cmd =
      app.add_subcommand("ledger", "Verify, export and replay the production ledger");
  ledger_cmd->require_subcommand(1);
  std::string export_file, db_file, public_key, out_file;
  auto* verify = ledger_cmd->add_subcommand(
      "verify", "Check the hash chain and signed checkpoints (exit 1 when broken)");
  verify->add_option("--data", data, "data directory");
  verify->add_option("--export", export_file, "verify an export file offline instead");
  verify->add_option("--db", db_file, "verify a database file (e.g. a backup) instead");
  verify->add_option("--public-key", public_key, "trusted public key (hex) for --export/--db");
  std::string record_file;
  verify->add_option("--record", record_file,
                     "check an exported batch record (JSON) against its sealed version in the "
                     "ledger (with --data DIR or --server URL)");
  auto record_connection = std::make_shared<cli::Connection>();
  // With --record, the sealed versions come from --data DIR or from a running server.
  verify->add_option("--server", record_connection->server, "with --record: server URL");
  verify->add_option("--user", record_connection->user, "with --record: user to sign in as");
  verify->add_option("--password-file", record_connection->password_file,
                     "with --record: file whose first line is the password");
  verify->add_option("--tls-ca", record_connection->tls_ca, "with --record: https CA file");
  verify->callback([&, record_connection] {
    if (!record_file.empty()) {
      rc = cli::VerifyRecordFile(record_file, data, *record_connection);
      return;
    }
    if ((!export_file.empty() || !db_file.empty()) && public_key.empty())
      std::fprintf(stderr,
                   "warning: trusting the public key recorded in the file; pin the site's key "
                   "with --public-key HEX to detect a copy re-signed with another key\n");
    if (!export_file.empty())
      rc = PrintReport(ledger::VerifyExportFile(export_file, public_key));
    else if (!db_file.empty())
      rc = PrintReport(admin::VerifyDatabaseFile(db_file, public_key));
    else if (!data.empty())
      rc = PrintReport(admin::VerifyDataDir({data}));
    else
      rc = Fail("give --data DIR, --export FILE or --db FILE", 2);
  });
  auto* exp = ledger_cmd->add_subcommand("export",
                                         "Write a self-contained, verifiable export of the ledger");
  exp->add_option("--data", data, "data directory")->required();
  exp->add_option("--to,--out", out_file, "export file to write")->required();
  exp->callback([&] {
    SystemClock clock;
    Status s = admin::ExportLedger({data}, out_file, clock);
    rc = s.ok() ? (std::printf("exported to %s\n", out_file.c_str()), 0) : Fail(s.error().message);
  });
  auto* replay = ledger_cmd->add_subcommand("replay", "Rebuild projections from the ledger");
  bool check = false;
  replay->add_option("--data", data, "data directory")->required();
  replay->add_flag("--check", check, "compare the rebuilt projections with the live ones")
      ->required();
  replay->callback([&] {
    auto diffs = admin::ReplayCheck(store::DataDir{data}.DatabasePath());
    if (!diffs.ok()) {
      rc = Fail(diffs.error().message);
      return;
    }
    for (const auto& d : *diffs) std::fprintf(stderr, "DIFF %s\n", d.c_str());
    if (diffs->empty()) std::printf("OK: projections equal a replay of the ledger\n");
    rc = diffs->empty() ? 0 : 1;
  });

  auto* audit = ledger_cmd->add_subcommand(
      "audit", "Check the guarded records against their seals and the ledger (exit 1 naming them)");
  audit->add_option("--data", data, "data directory")->required();
  audit->callback([&] {
    auto report = admin::AuditDataDir({data});
    if (!report.ok()) {
      rc = Fail(report.error().message, 2);
      return;
    }
    for (const auto& n : report->notes) std::printf("NOTE %s\n", n.c_str());
    for (const auto& v : report->violations)
      std::fprintf(stderr, "INTEGRITY %s %s: %s\n", v.table.c_str(), v.key.c_str(),
                   v.detail.c_str());
    if (report->violations.empty())
      std::printf(
          "OK: %lld ledger entries chained, %lld checkpoints, %lld guarded rows match "
          "their seals\n",
          static_cast<long long>(report->entries_checked),
          static_cast<long long>(report->checkpoints_checked),
          static_cast<long long>(report->rows_checked));
    rc = report->violations.empty() ? 0 : 1;
  });

  // backup
  auto* backup = app.add_subcommand("backup", "Consistent copy of the store while the server runs");
  backup->add_option("--data", data, "data directory")->required();
  backup->add_option("--to", out_file, "backup file to create")->required();
  backup->callback([&] {
    Status s = admin::Backup({data}, out_file);
    rc = s.ok() ? (std::printf("backup written to %s (check it with: ordo ledger verify --db %s)\n",
                               out_file.c_str(), out_file.c_str()),
                   0)
                : Fail(s.error().message);
  });

  // restore
  auto* restore = app.add_subcommand(
      "restore", "Restore a backup into a new data directory (verified before it is used)");
  std::string from_file, keys_dir;
  restore->add_option("--from", from_file, "backup file (made by ordo backup)")
      ->required()
      ->check(CLI::ExistingFile);
  restore
      ->add_option("--keys", keys_dir,
                   "copy of the site's DIR/keys/ (signing key and checkpoints.jsonl)")
      ->required()
      ->check(CLI::ExistingDirectory);
  restore->add_option("--data", data, "new data directory to create")->required();
  std::string restorer, restorer_password_file;
  restore->add_option("--user", restorer, "an ordo admin of the backed-up store")->required();
  restore
      ->add_option("--password-file", restorer_password_file,
                   "file whose first line is that admin's password")
      ->required();
  restore->callback([&] {
    SystemClock clock;
    // The restore is recorded as done by an admin of the store restored, authenticated
    // against the backup (never $USER).
    auto actor =
        cli::AuthenticateBackupAdmin(from_file, keys_dir, restorer, restorer_password_file);
    if (!actor.ok()) {
      rc = Fail(std::string(ErrorCodeName(actor.error().code)) + ": " + actor.error().message,
                actor.error().code == ErrorCode::kInvalidArgument ? 2 : 1);
      return;
    }
    auto report = admin::RestoreBackup({from_file, keys_dir, store::DataDir{data}, *actor}, clock);
    if (!report.ok()) {
      const ErrorCode code = report.error().code;
      rc = Fail(report.error().message,
                code == ErrorCode::kConflict || code == ErrorCode::kNotFound ? 2 : 1);
      return;
    }
    std::printf(
        "OK: restored %s (sha256 %s) into %s: backup head seq %lld, store.restored at seq "
        "%lld; %lld checkpoint(s) of the old log were signed after the backup (kept in "
        "keys/%s)\n",
        from_file.c_str(), report->backup_sha256.c_str(), data.c_str(),
        static_cast<long long>(report->source_head_seq),
        static_cast<long long>(report->restored_seq),
        static_cast<long long>(report->log_checkpoints_after_backup),
        report->archived_checkpoint_log.c_str());
    rc = 0;
  });

  // upgrade
  auto* upgrade = app.add_subcommand(
      "upgrade", "Upgrade the store's schema to this release (backup first; serve does it too)");
  upgrade->add_option("--data", data, "data directory")->required();
  upgrade->callback([&] {
    store::DataDir dir{data};
    auto lock = admin::DirLock::Acquire(dir);
    if (!lock.ok()) {
      rc = Fail(lock.error().message, 2);
      return;
    }
    SystemClock clock;
    auto report = admin::UpgradeStore(dir, clock);
    if (!report.ok()) {
      rc = Fail(report.error().message, 2);
      return;
    }
    if (report->backup.empty())
      std::printf("OK: the store schema is up to date; nothing to do\n");
    else
      std::printf("OK: applied %s; backup taken first: %s\n", report->applied.c_str(),
                  report->backup.c_str());
    rc = 0;
  });

  // reference
  auto* reference = app.add_subcommand(
      "reference", "Print the registered event types or permissions, or update docs/");
  reference->require_subcommand(1);
  reference->add_subcommand("events", "Event types as a Markdown table")->callback([&] {
    std::printf("%s", cli::EventTypesTable().c_str());
  });
  reference->add_subcommand("permissions", "The role -> permission matrix as Markdown")
      ->callback([&] { std::printf("%s", cli::PermissionsTable().c_str()); });
  std::string repo = ".";
  auto* update_docs = reference->add_subcommand(
      "update-docs", "Rewrite the generated tables in the repository's docs/");
  update_docs->add_option("--repo", repo, "repository root (default: .)");
  update_docs->callback([&] {
    std::size_t count = 0;
    const cli::GeneratedBlock* blocks = cli::GeneratedBlocks(&count);
    for (std::size_t i = 0; i < count && rc == 0; ++i) {
      const std::string path = repo + "/" + blocks[i].file;
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      auto updated = cli::ReplaceBlock(text.str(), blocks[i].name, blocks[i].generate());
      if (!updated.ok()) {
        rc = Fail(path + ": " + updated.error().message);
        break;
      }
      std::ofstream(path) << *updated;
      std::printf("updated %s (%s)\n", path.c_str(), blocks[i].name);
    }
  });

  // user: every change authenticates as an ordo admin (--user, --password-file)
  auto* user =
      app.add_subcommand("user", "Manage users (server stopped; use the API while it runs)");
  user->require_subcommand(1);
  std::string name, display, reason, admin_user, one_time_file;
  std::vector<std::string> roles;
  std::int64_t id = 0;
  const auto add_admin_options = [&](CLI::App* command) {
    command->add_option("--user", admin_user, "the ordo admin who makes the change")->required();
    command
        ->add_option("--password-file", password_file,
                     "file whose first line is that admin's password")
        ->required();
  };
  auto* add = user->add_subcommand("add", "Create a user with a one-time password");
  add->add_option("--data", data, "data directory")->required();
  add->add_option("--name", name, "login name")->required();
  add->add_option("--display-name", display, "printed name")->required();
  add->add_option("--role", roles,
                  "role (repeatable): operator, supervisor, quality, engineer, admin, feed_reader")
      ->required();
  add->add_option("--one-time-password-file", one_time_file,
                  "file whose first line is the one-time password (generated and printed "
                  "when absent); the user changes it at the first sign-in");
  add_admin_options(add);
  add->callback([&] {
    access::CreateUser u{name, display, roles};
    if (Status s = access::ValidateCreateUser(u); !s.ok()) {
      rc = Fail(s.error().message, 2);
      return;
    }
    std::string one_time = RandomPassword(admin::kDemoPasswordLength);
    const bool generated = one_time_file.empty();
    if (!generated) {
      auto pw = cli::ReadPassword(one_time_file, "");
      if (!pw.ok()) {
        rc = Fail(pw.error().message, 2);
        return;
      }
      one_time = *pw;
    }
    auto rules = cli::OfflinePasswordRules(data, SystemClock().NowMicros());
    if (!rules.ok()) {
      rc = Fail(rules.error().message, 1);
      return;
    }
    if (Status s = access::CheckNewPassword(one_time, *rules, {name, "ordo"},
                                            access::SystemBlocklist(), "one-time-password");
        !s.ok()) {
      rc = Fail(s.error().reason + ": " + s.error().message, 2);
      return;
    }
    auto hash = HashPassword(one_time);
    if (!hash.ok()) {
      rc = Fail(hash.error().message);
      return;
    }
    Json reply;
    rc = RunOffline(
        data, admin_user, password_file,
        [&](engine::Actor actor) {
          return access::CreateUserCommand(std::move(actor), u, *hash, /*one_time=*/true);
        },
        &reply);
    if (rc != 0) return;
    std::printf("%s\n", reply["user"].dump().c_str());
    if (generated)
      std::printf("one-time password for %s: %s (to be changed at the first sign-in)\n",
                  name.c_str(), one_time.c_str());
  });
  auto* list = user->add_subcommand("list", "List users");
  list->add_option("--data", data, "data directory")->required();
  list->callback([&] {
    auto db = store::OpenStore(store::DataDir{data}, storage::OpenMode::kReadOnly);
    if (!db.ok()) {
      rc = Fail(db.error().message);
      return;
    }
    auto users = access::ListUsers(**db);
    if (!users.ok()) {
      rc = Fail(users.error().message);
      return;
    }
    for (const auto& u : *users) std::printf("%s\n", access::ToJson(u).dump().c_str());
  });
  auto* disable = user->add_subcommand("disable", "Disable a user (users are never deleted)");
  disable->add_option("--data", data, "data directory")->required();
  disable->add_option("--id", id, "user id")->required();
  disable->add_option("--reason", reason, "why")->required();
  add_admin_options(disable);
  disable->callback([&] {
    Json reply;
    rc = RunOffline(
        data, admin_user, password_file,
        [&](engine::Actor actor) {
          return access::DisableUserCommand(std::move(actor), {id, reason});
        },
        &reply);
    if (rc == 0) std::printf("%s\n", reply["user"].dump().c_str());
  });
  auto* unlock = user->add_subcommand(
      "unlock", "Lift the lock of an account locked after failed sign-ins (recorded)");
  unlock->add_option("NAME", name, "login name of the locked account")->required();
  unlock->add_option("--data", data, "data directory")->required();
  reason = "";
  unlock->add_option("--reason", reason, "why (default: 'unlocked with ordo user unlock')");
  add_admin_options(unlock);
  unlock->callback([&] {
    Json reply;
    const std::string why = reason.empty() ? "unlocked with ordo user unlock" : reason;
    rc = RunOffline(
        data, admin_user, password_file,
        [&](engine::Actor actor) { return access::UnlockUserCommand(std::move(actor), name, why); },
        &reply);
    if (rc == 0)
      std::printf("unlocked %s (ledger entry %s)\n", name.c_str(), reply["seq"].dump().c_str());
  });

  // openapi: the document `GET /api/v1/openapi.json` serves, for linters and client
  // generators, without a server or a data directory.
  auto* openapi = app.add_subcommand(
      "openapi", "Print the HTTP API's OpenAPI 3 document (as served at /api/v1/openapi.json)");
  openapi->callback([&] { std::printf("%s\n", server::Api::OpenApiDocument().dump(2).c_str()); });

  // plant export|apply (against a running server)
  cli::AddPlantCommands(app, &rc);
  // orders import (against a running server)
  cli::AddOrdersCommands(app, &rc);
  // lots import (against a running server)
  cli::AddLotsCommands(app, &rc);
  // trace back|forward (against a running server)
  cli::AddTraceCommands(app, &rc);
  // batch-record export (against a running server)
  cli::AddBatchRecordCommands(app, &rc);
  // sim: the plant simulator (docs/simulator.md)
  cli::AddSimCommand(app, &rc);
  // telemetry compact (server stopped; docs/telemetry.md)
  cli::AddTelemetryCommands(app, &rc);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error (a missing or malformed flag, an
    // unknown subcommand) exits 2, as the usage errors ordo finds itself do.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return rc;
}
