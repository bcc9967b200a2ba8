// The report thread: one thread at a lowered priority, its own read-only connection, one
// read transaction per computation, errors of an unopenable store as results.
#include "mis/http/context.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::http {
namespace {

namespace fs = std::filesystem;

class ContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("ordo-mis-context-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = storage::OpenSqlite((dir_ / "mis.db").string(), storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES (1)").ok());
  }
  void TearDown() override {
    context_.reset();
    db_.reset();
    fs::remove_all(dir_);
  }

  Context& MakeContext(int nice) {
    ContextOptions options;
    options.report_nice = nice;
    context_ = std::make_unique<Context>(io_, *db_, clock_, options);
    return *context_;
  }

  // Runs `work` through Context::Compute on the io thread until it answers.
  Result<Json> Run(std::function<Result<Json>(storage::Database&)> work) {
    std::optional<Result<Json>> answer;
    asio::co_spawn(
        io_,
        [this, &answer, work = std::move(work)]() mutable -> Awaitable<void> {
          auto computing = context_->Compute(std::move(work));
          Result<Json> r = co_await std::move(computing);
          answer.emplace(std::move(r));
        },
        asio::detached);
    io_.restart();
    io_.run();
    if (!answer) return Error::Make(ErrorCode::kInternal, "no answer");
    return std::move(*answer);
  }

  static std::int64_t Sum(storage::Database& db) {
    auto st = db.Prepare("SELECT sum(v) FROM t");
    if (!st.ok() || !(*st)->Step().ok()) return -1;
    const std::int64_t v = (*st)->Int(0);
    (*st)->Reset();
    return v;
  }

  fs::path dir_;
  asio::io_context io_;
  SystemClock clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Context> context_;
};

TEST_F(ContextTest, ReportsRunOnOneLowPriorityThreadOffTheIoThread) {
  ORDO_VERIFIES("ORDO-MISBENCH-06");
  Context& context = MakeContext(10);
  (void)context;
  std::set<long> threads;
  const long io_thread = syscall(SYS_gettid);
  for (int i = 0; i < 3; ++i) {
    auto r = Run([&threads](storage::Database&) -> Result<Json> {
      const long tid = syscall(SYS_gettid);
      threads.insert(tid);
      return Json{{"nice", getpriority(PRIO_PROCESS, static_cast<id_t>(tid))}};
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r.value()["nice"], 10);
  }
  EXPECT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads.count(io_thread), 0u);
}

TEST_F(ContextTest, AComputationReadsOneSnapshotThroughItsOwnReadOnlyConnection) {
  ORDO_VERIFIES("ORDO-MISBENCH-06");
  MakeContext(0);
  storage::Database* writer = db_.get();
  auto r = Run([writer](storage::Database& reader) -> Result<Json> {
    const std::int64_t before = Sum(reader);
    // Another connection commits while the computation reads: it does not see it.
    if (!writer->Exec("INSERT INTO t VALUES (10)").ok())
      return Error::Make(ErrorCode::kInternal, "w");
    const std::int64_t after = Sum(reader);
    const bool refused = !reader.Exec("INSERT INTO t VALUES (100)").ok();
    return Json{{"before", before}, {"after", after}, {"write_refused", refused}};
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value()["before"], 1);
  EXPECT_EQ(r.value()["after"], 1);
  EXPECT_EQ(r.value()["write_refused"], true);
  // The next computation sees the commit.
  auto next = Run([](storage::Database& reader) -> Result<Json> { return Json(Sum(reader)); });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value(), 11);
}

TEST_F(ContextTest, AComputationThatThrowsIsAnInternalErrorAndTheNextOneRuns) {
  ORDO_VERIFIES("ORDO-MISBENCH-06");
  MakeContext(0);
  auto r = Run([](storage::Database&) -> Result<Json> { throw std::out_of_range("at(7)"); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().message.find("at(7)"), std::string::npos) << r.error().message;
  auto next = Run([](storage::Database& reader) -> Result<Json> { return Json(Sum(reader)); });
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next.value(), 1);
}

TEST_F(ContextTest, AStoreThatCannotBeOpenedIsAnErrorNotACall) {
  ORDO_VERIFIES("ORDO-MISBENCH-06");
  MakeContext(0);
  fs::remove_all(dir_);  // the reader opens on first use: the file is gone by then
  bool called = false;
  auto r = Run([&called](storage::Database&) -> Result<Json> {
    called = true;
    return Json(1);
  });
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace ordo::mis::http
