// `ordo-mis`, the management information system beside the MES: the composition root.
// Each MIS module hands the platform its migrations and its routes here, one line each.
// Subcommands: init, set-time-zone, serve, import, kpi. `--version`, `--help`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/version.h"
#include "mis/access/http/access_routes.h"
#include "mis/access/users.h"
#include "mis/app/import_command.h"
#include "mis/app/init.h"
#include "mis/app/kpi_command.h"
#include "mis/app/options.h"
#include "mis/app/serve.h"
#include "mis/app/set_time_zone.h"
#include "mis/data_quality/http/data_quality_routes.h"
#include "mis/feed/consumer.h"
#include "mis/feed/http/entry_routes.h"
#include "mis/feed/http/feed_routes.h"
#include "mis/feed/store/feed_store.h"
#include "mis/http/health.h"
#include "mis/http/router.h"
#include "mis/http/settings_routes.h"
#include "mis/imports/http/import_routes.h"
#include "mis/imports/http/row_routes.h"
#include "mis/imports/store/schema.h"
#include "mis/kpi_source/http/kpi_routes.h"
#include "mis/kpi_source/http/loss_routes.h"
#include "mis/kpi_source/http/scope_routes.h"
#include "mis/kpi_source/http/trend_routes.h"
#include "mis/reports/http/report_routes.h"
#include "mis/snapshots/http/snapshot_routes.h"
#include "mis/snapshots/service.h"
#include "mis/snapshots/store.h"
#include "mis/store/migration.h"
#include "mis/targets/http/target_routes.h"
#include "mis/targets/targets_store.h"
#include "mis/web/pages.h"

namespace {

using namespace ordo;
using namespace ordo::mis;

// Every module's migrations, in the order they may depend on each other.
std::vector<store::Migration> Migrations() {
  std::vector<store::Migration> all;
  auto add = [&all](std::vector<store::Migration> module) {
    all.insert(all.end(), module.begin(), module.end());
  };
  add(access::Migrations());
  for (const auto& m : imports::ImportsMigrations())
    all.push_back({imports::kMigrationModule, m.version, m.sql});
  add(feed::FeedMigrations());
  add(snapshots::SnapshotMigrations());
  add(targets::TargetsMigrations());
  return all;
}

// Every module's routes.
Status AddRoutes(http::Router& router) {
  ORDO_TRY(router.Add(http::HealthRoutes()));
  ORDO_TRY(router.Add(http::SettingsRoutes()));
  ORDO_TRY(router.Add(access::Routes()));
  ORDO_TRY(router.Add(imports::Routes()));
  ORDO_TRY(router.Add(imports::RowRoutes()));
  ORDO_TRY(router.Add(kpi_source::Routes()));
  ORDO_TRY(router.Add(feed::Routes()));
  ORDO_TRY(router.Add(reports::Routes()));
  ORDO_TRY(router.Add(snapshots::Routes()));
  ORDO_TRY(router.Add(data_quality::Routes()));
  ORDO_TRY(router.Add(feed::EntryRoutes()));
  ORDO_TRY(router.Add(kpi_source::ScopeRoutes()));
  ORDO_TRY(router.Add(kpi_source::LossRoutes()));
  ORDO_TRY(router.Add(kpi_source::TrendRoutes()));
  ORDO_TRY(router.Add(targets::Routes()));
  router.SetPages(&web::ServeEmbeddedPage);  // the web UI outside /api/
  return Ok();
}

// Every module's rows cut by local days of the site time zone (set-time-zone deletes them).
std::vector<app::LocalDayRowsDeleter> LocalDayRowsDeleters() { return {&snapshots::DeleteDayRows}; }

int Fail(const std::string& message, int code = 2) {
  std::fprintf(stderr, "ordo-mis: %s\n", message.c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  if (!InitCrypto()) return Fail("libsodium failed to initialise");
  CLI::App app{
      "ordo-mis: the management information system beside the ordo MES: KPIs (OEE, ISO 22400) "
      "from the MES's ledger feed and from ERP, QMS, maintenance and finance imports. "
      "Built so far: its store, users, roles, sign-in, imports, the MES ledger feed and KPIs. "
      "Docs: "
      "docs/mis.md"};
  app.require_subcommand(1);
  std::string version = VersionLine();
  if (version.rfind("ordo ", 0) == 0) version = "ordo-mis " + version.substr(5);
  app.set_version_flag("--version", version);
  int rc = 0;

  // init
  auto* init = app.add_subcommand("init", "Create an MIS data directory, its store and the admin");
  app::InitOptions io;
  std::string admin_password_file;
  init->add_option("--data", io.data_dir, "data directory to create (holds mis.db)")->required();
  init->add_option("--admin-password-file", admin_password_file,
                   "file whose first line is the password of the user `admin` (role mis_admin; "
                   "at least 12 characters)")
      ->required();
  init->add_flag("--demo", io.demo,
                 "a demo store for ordo's demo plant: also imports a shift calendar (three "
                 "shifts a day, local times of --time-zone, from a week before for nine weeks); "
                 "the rest comes from the "
                 "MES through serve --mes");
  init->add_option(
      "--time-zone", io.time_zone,
      "the site's time zone, an IANA name such as Europe/Berlin (default UTC): "
      "local days of trends, reports, snapshots and import dates; stored in the store");
  init->callback([&] {
    auto password = app::ReadPasswordFile(admin_password_file, "admin-password-file");
    if (!password.ok()) {
      rc = Fail(password.error().message);
      return;
    }
    io.admin_password = *password;
    SystemClock clock;
    Status done = app::InitDataDir(io, Migrations(), clock);
    if (!done.ok()) {
      rc = Fail("init: " + done.error().message);
      return;
    }
    std::printf("initialised ordo-mis data directory %s (user admin, role mis_admin)%s\n",
                io.data_dir.c_str(), io.demo ? " [demo]" : "");
  });

  // set-time-zone
  auto* set_zone = app.add_subcommand(
      "set-time-zone",
      "Change the site time zone of a store (offline: stop serve first); recorded with the "
      "reason");
  app::SetTimeZoneOptions tz;
  set_zone->add_option("--data", tz.data_dir, "data directory (created by init)")->required();
  set_zone
      ->add_option("--time-zone", tz.time_zone,
                   "the site's new time zone, an IANA name such as Europe/Berlin")
      ->required();
  set_zone
      ->add_option("--reason", tz.reason,
                   "why the zone changes (required; recorded with the change, your user name "
                   "and the time)")
      ->required();
  set_zone->callback([&] {
    tz.by_os_user = app::OsUserName();
    SystemClock clock;
    auto change = app::SetTimeZone(tz, Migrations(), LocalDayRowsDeleters(), clock);
    if (!change.ok()) {
      rc = Fail("set-time-zone: " + change.error().message);
      return;
    }
    for (const std::string& applied : change->applied)
      std::printf("upgraded the store schema: %s\n", applied.c_str());
    if (!change->changed) {
      std::printf("site time zone of %s is already %s: nothing changed\n", tz.data_dir.c_str(),
                  change->new_zone.c_str());
      return;
    }
    std::printf(
        "site time zone of %s: %s -> %s; %lld snapshot day rows removed (the next refresh "
        "recomputes them in the new zone); recorded as change %lld by %s\n",
        tz.data_dir.c_str(), change->old_zone.c_str(), change->new_zone.c_str(),
        static_cast<long long>(change->rows_removed), static_cast<long long>(change->change_id),
        tz.by_os_user.c_str());
  });

  // import
  auto* import_cmd = app.add_subcommand(
      "import", "Import a CSV or JSON-lines file into a running ordo-mis (docs/mis-imports.md)");
  app::ImportCommand ic;
  import_cmd->add_option("kind", ic.kind, "equipment, calendar, states, counts, ...")->required();
  import_cmd->add_option("file", ic.file, "the file (.csv, .ndjson or .jsonl)")->required();
  import_cmd->add_option("--server", ic.server, "the ordo-mis URL, http://HOST:PORT")->required();
  import_cmd->add_option("--user", ic.user, "user to sign in as (role mis_admin or mis_analyst)")
      ->required();
  import_cmd
      ->add_option("--password-file", ic.password_file, "file whose first line is the password")
      ->required();
  import_cmd->add_option("--format", ic.format, "csv or ndjson (default: from the extension)");
  import_cmd->callback([&] { rc = app::RunImportCommand(ic); });

  // kpi
  auto* kpi_cmd = app.add_subcommand(
      "kpi", "Ask a running ordo-mis for KPI figures (GET /api/v1/kpi; docs/mis.md, KPIs)");
  app::KpiCommand kc;
  kpi_cmd->add_option("--kpi", kc.kpi, "KPI ids, comma-separated (e.g. oee,availability)")
      ->required();
  kpi_cmd->add_option("--from", kc.from, "window start, ISO 8601 with an offset")->required();
  kpi_cmd->add_option("--to", kc.to, "window end (exclusive), ISO 8601 with an offset")->required();
  kpi_cmd->add_option("--scope", kc.scope, "equipment id (default: the plant)");
  kpi_cmd->add_option("--profile", kc.profile, "iso22400 (default) or practitioner");
  kpi_cmd->add_option("--policy", kc.policy, "a policy override knob=value (repeatable)");
  kpi_cmd->add_flag("--json", kc.json, "print the API's JSON answer instead of a table");
  kpi_cmd->add_option("--server", kc.server, "the ordo-mis URL, http://HOST:PORT")->required();
  kpi_cmd->add_option("--user", kc.user, "user to sign in as (any MIS role)")->required();
  kpi_cmd->add_option("--password-file", kc.password_file, "file whose first line is the password")
      ->required();
  kpi_cmd->callback([&] { rc = app::RunKpiCommand(kc); });

  // serve
  auto* serve = app.add_subcommand("serve", "Run the MIS server");
  std::string data, listen = "127.0.0.1:8090", mes_url, mes_user, mes_password_file, mes_ca;
  std::string mes_public_key, overdue_entries, overdue_seconds;
  std::string time_zone;
  int idle_minutes = 15, nice = 10;
  serve->add_option("--data", data, "data directory (created by init)")->required();
  serve->add_option("--listen", listen,
                    "address:port to listen on (default 127.0.0.1:8090; port 0 = any free port)");
  serve->add_option("--mes", mes_url,
                    "the ordo MES to read the ledger feed from, http://HOST:PORT or "
                    "https://HOST:PORT (its certificate verified)");
  serve->add_option("--mes-user", mes_user,
                    "the MES user the MIS signs in as (MES role feed_reader); with --mes");
  serve->add_option("--mes-password-file", mes_password_file,
                    "file whose first line is that MES user's password; with --mes");
  serve->add_option("--mes-ca", mes_ca,
                    "with an https --mes: the CA certificates (PEM) to verify the MES against "
                    "(default: the system's trusted certificates)");
  serve->add_option("--mes-public-key", mes_public_key,
                    "with --mes: the site's Ed25519 public key (64 hex digits; ordo init's, the "
                    "public_key of ledger entry 1): the MES's signed checkpoints are checked "
                    "against it before entries are stored (without it they are not checked)");
  serve->add_option("--checkpoint-overdue-entries", overdue_entries,
                    "with --mes-public-key: alarm checkpoint_overdue when more than N entries "
                    "were taken past the newest verified checkpoint (default 3000; 0 = off)");
  serve->add_option("--checkpoint-overdue-seconds", overdue_seconds,
                    "with --mes-public-key: alarm checkpoint_overdue when the oldest entry taken "
                    "past the newest verified checkpoint waited more than S seconds (default "
                    "1800; 0 = off)");
  serve->add_option("--time-zone", time_zone,
                    "the site's time zone for this run, overriding the one stored by init "
                    "(an IANA name such as Europe/Berlin)");
  serve->add_option("--session-idle-minutes", idle_minutes, "sign out sessions idle this long")
      ->check(CLI::Range(1, 24 * 60));
  serve
      ->add_option("--nice", nice,
                   "the nice value to run at (0..19, default 10; KPI computations at 19): the "
                   "MIS yields the CPU to the MES on a shared host")
      ->check(CLI::Range(0, 19));
  serve->callback([&] {
    auto address = app::ParseListen(listen);
    if (!address.ok()) {
      rc = Fail(address.error().message);
      return;
    }
    auto mes =
        app::MesConnectionFromFlags(mes_url, mes_user, mes_password_file, mes_ca, mes_public_key);
    if (!mes.ok()) {
      rc = Fail(mes.error().message);
      return;
    }
    if (Status overdue = app::SetCheckpointOverdue(*mes, overdue_entries, overdue_seconds);
        !overdue.ok()) {
      rc = Fail(overdue.error().message);
      return;
    }
    http::Router router;
    if (Status added = AddRoutes(router); !added.ok()) {
      rc = Fail(added.error().message, 1);
      return;
    }
    app::ServeOptions so;
    so.data_dir = data;
    so.http.address = address->address;
    so.http.port = address->port;
    so.context.session_idle = static_cast<TimeMicros>(idle_minutes) * 60 * 1'000'000;
    so.mes = std::move(*mes);
    so.nice = nice;
    so.time_zone = time_zone;
    so.services.push_back(std::make_unique<feed::FeedConsumer>());
    so.services.push_back(std::make_unique<snapshots::SnapshotService>());
    rc = app::RunServer(std::move(so), Migrations(), router);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, as ordo's do.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return rc;
}
