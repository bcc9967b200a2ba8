// The engine test fixture (see engine_fixture.h).
#include "engine/testing/engine_fixture.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"

namespace ordo::engine::testing {

void EngineFixture::InitDataDir(const std::string& prefix, bool demo) {
  ASSERT_TRUE(InitCrypto());
  std::string pattern = "/tmp/" + prefix + "XXXXXX";
  std::vector<char> tmpl(pattern.begin(), pattern.end());
  tmpl.push_back('\0');
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  root_ = tmpl.data();
  dir_.root = root_ + "/data";
  admin::InitOptions init;
  init.dir = dir_;
  init.admin_password = "admin-password-1";
  init.demo = demo;
  auto r = admin::InitDataDir(init, clock_);
  ASSERT_TRUE(r.ok()) << r.error().message;
}

void EngineFixture::StartEngine(std::int64_t checkpoint_every_entries) {
  EngineOptions options;
  options.data_dir = dir_;
  options.clock = &clock_;
  options.checkpoint_every_entries = checkpoint_every_entries;
  auto e = Engine::Start(options);
  ASSERT_TRUE(e.ok()) << e.error().message;
  engine_ = std::move(*e);
}

void EngineFixture::OpenReader() {
  auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok()) << db.error().message;
  reader_ = std::move(*db);
}

void EngineFixture::TearDown() {
  reader_.reset();
  engine_.reset();
  if (!root_.empty()) std::filesystem::remove_all(root_);
}

Json EngineFixture::Run(Command command) {
  auto r = engine_->SubmitAndWait(std::move(command));
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r->body : Json();
}

}  // namespace ordo::engine::testing
