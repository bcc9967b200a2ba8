// The telemetry file's index for reading a tag's values (schema versions 3 and 4): by
// device-time bucket, then tag and time. On a real SQLite file without the engine: the
// values read finds every point of its window across buckets and empty stretches and
// nothing outside it, searches the index (never scans the table), and the index of a
// version 2 file (by tag and time) or a version 3 file (buckets of 2^24 us) is replaced
// when the file is opened for writing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "mes/equipment/sample_sink.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::telemetry {
namespace {

constexpr TimeMicros kT0 = 1'796'025'600'000'000;  // 2026-11-30T08:00:00Z
constexpr TimeMicros kS = 1'000'000;
constexpr TimeMicros kBucket = TimeMicros{1} << 22;  // the index's bucket (~4.2 s)

class SampleIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ordo_sample_index_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    path_ = root_ + "/telemetry.sqlite";
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::unique_ptr<storage::Database> Open() {
    auto file = OpenTelemetryFile(path_, storage::OpenMode::kCreate);
    EXPECT_TRUE(file.ok()) << file.error().message;
    return file.ok() ? std::move(*file) : nullptr;
  }
  // One batch of `source` holding `items`, each stored as its own row.
  void Insert(storage::Database& file, const std::string& source,
              const std::vector<equipment::SampleItem>& items) {
    equipment::AcceptedSamples a;
    a.source = source;
    a.seq = ++seq_;
    a.entry_seq = seq_;
    a.received_us = kT0;
    a.samples = &items;
    Status s = InsertSamples(file, a);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  static std::vector<TimeMicros> Times(Result<std::vector<Point>> points) {
    std::vector<TimeMicros> out;
    if (!points.ok()) {
      ADD_FAILURE() << points.error().message;
      return out;
    }
    for (const Point& p : *points) out.push_back(p.time_us);
    return out;
  }
  std::vector<std::string> IndexesOfSample(storage::Database& file) {
    auto rows = storage::Rows<std::string>(
        file,
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sample' AND sql "
        "IS NOT NULL ORDER BY name",
        storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<std::string>{};
  }

  // One sample of each of `tags` tags (20 per work unit) in second `s`, a microsecond apart.
  static std::vector<equipment::SampleItem> SecondOfTags(int s, int tags) {
    std::vector<equipment::SampleItem> items;
    for (int t = 0; t < tags; ++t)
      items.push_back(
          {"WU-" + std::to_string(t / 20) + ".t" + std::to_string(t % 20), kT0 + s * kS + t, 1.5});
    return items;
  }

  std::string root_, path_;
  std::int64_t seq_ = 0;
};

TEST_F(SampleIndexTest, TheValuesOfAWindowAreFoundAcrossBucketsAndEmptyStretches) {
  ORDO_VERIFIES("ORDO-TEL-37");
  auto file = Open();
  ASSERT_TRUE(file);
  // T1 at the edges of buckets, in a bucket of its own three days later and before the
  // epoch; T2 in between (a bucket holding only another tag).
  const TimeMicros b0 = (kT0 / kBucket) * kBucket;
  const std::vector<TimeMicros> t1 = {
      -5 * kS, b0 - 1, b0, b0 + 1, b0 + kBucket - 1, b0 + kBucket, b0 + 3 * 86'400 * kS};
  std::vector<equipment::SampleItem> items;
  for (TimeMicros t : t1) items.push_back({"T1", t, 1.0});
  items.push_back({"T2", b0 + 2 * kBucket + 7, 2.0});
  items.push_back({"T2", b0 + 5, 2.0});
  Insert(*file, "press", items);

  // The whole range, by time.
  EXPECT_EQ(Times(ValuesOf(*file, "T1", -86'400 * kS, b0 + 4 * 86'400 * kS, 100)), t1);
  // From inclusive, to exclusive, at and inside bucket edges.
  EXPECT_EQ(Times(ValuesOf(*file, "T1", b0, b0 + kBucket, 100)),
            (std::vector<TimeMicros>{b0, b0 + 1, b0 + kBucket - 1}));
  EXPECT_EQ(Times(ValuesOf(*file, "T1", b0 - 1, b0 + 1, 100)),
            (std::vector<TimeMicros>{b0 - 1, b0}));
  EXPECT_EQ(Times(ValuesOf(*file, "T1", b0 + kBucket - 1, b0 + 3 * 86'400 * kS + 1, 100)),
            (std::vector<TimeMicros>{b0 + kBucket - 1, b0 + kBucket, b0 + 3 * 86'400 * kS}));
  // Windows with no T1 value: inside the gap, a bucket holding only T2, an empty window.
  EXPECT_TRUE(Times(ValuesOf(*file, "T1", b0 + kBucket + 1, b0 + 86'400 * kS, 100)).empty());
  EXPECT_TRUE(Times(ValuesOf(*file, "T1", b0 + 2 * kBucket, b0 + 3 * kBucket, 100)).empty());
  EXPECT_TRUE(Times(ValuesOf(*file, "T1", b0, b0, 100)).empty());
  EXPECT_EQ(Times(ValuesOf(*file, "T2", b0, b0 + 3 * kBucket, 100)),
            (std::vector<TimeMicros>{b0 + 5, b0 + 2 * kBucket + 7}));
  // The limit still applies (one more than asked, so the caller can tell).
  EXPECT_EQ(Times(ValuesOf(*file, "T1", -86'400 * kS, b0 + 4 * 86'400 * kS, 2)).size(), 3u);
}

TEST_F(SampleIndexTest, TheValuesReadSearchesTheBucketIndexAndNeverScansTheTable) {
  ORDO_VERIFIES("ORDO-TEL-37");
  auto file = Open();
  ASSERT_TRUE(file);
  auto plan = storage::Rows<std::string>(
      *file, "EXPLAIN QUERY PLAN " + ValuesOfQuery(),
      [](storage::Statement& s) { s.Bind(1, "T1").Bind(2, kT0).Bind(3, kT0 + kS).Bind(4, 10); },
      [](const storage::Statement& s) { return s.Text(3); });
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  std::string all;
  for (const std::string& line : *plan) all += line + "\n";
  EXPECT_NE(all.find("SEARCH sample USING INDEX sample_by_bucket (<expr>=? AND tag=? AND "
                     "time_us>? AND time_us<?)"),
            std::string::npos)
      << all;
  EXPECT_EQ(all.find("SCAN sample"), std::string::npos) << all;
}

TEST_F(SampleIndexTest, AVersion2FilesTagIndexIsReplacedWhenOpenedForWriting) {
  ORDO_VERIFIES("ORDO-TEL-37");
  {
    auto file = Open();
    ASSERT_TRUE(file);
    std::vector<equipment::SampleItem> items = {{"T1", kT0, 1.0}, {"T1", kT0 + kS, 2.0}};
    Insert(*file, "press", items);
    // Back to version 2 as an older ordo left it.
    ASSERT_TRUE(file->Exec("DROP INDEX sample_by_bucket").ok());
    ASSERT_TRUE(file->Exec("CREATE INDEX sample_by_tag ON sample(tag, time_us)").ok());
    ASSERT_TRUE(file->Exec("PRAGMA user_version = 2").ok());
  }
  {
    auto old = OpenTelemetryFile(path_, storage::OpenMode::kReadOnly);
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(IndexesOfSample(**old), (std::vector<std::string>{"sample_by_tag"}));
    // A read-only look at an old file still reads its values (without the new index).
    EXPECT_EQ(Times(ValuesOf(**old, "T1", kT0, kT0 + 2 * kS, 10)),
              (std::vector<TimeMicros>{kT0, kT0 + kS}));
  }
  auto file = Open();
  ASSERT_TRUE(file);
  EXPECT_EQ(IndexesOfSample(*file), (std::vector<std::string>{"sample_by_bucket"}));
  auto version =
      storage::FirstRow<std::int64_t>(*file, "PRAGMA user_version", storage::NoBind,
                                      [](const storage::Statement& s) { return s.Int(0); });
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->value_or(0), 4);
  EXPECT_EQ(Times(ValuesOf(*file, "T1", kT0, kT0 + 2 * kS, 10)),
            (std::vector<TimeMicros>{kT0, kT0 + kS}));
}

TEST_F(SampleIndexTest, AVersion3FilesIndexOfLargerBucketsIsReplacedWhenOpenedForWriting) {
  ORDO_VERIFIES("ORDO-TEL-37");
  {
    auto file = Open();
    ASSERT_TRUE(file);
    std::vector<equipment::SampleItem> items = {{"T1", kT0, 1.0}, {"T1", kT0 + 60 * kS, 2.0}};
    Insert(*file, "press", items);
    // Back to version 3 as an older ordo left it: buckets of 2^24 us.
    ASSERT_TRUE(file->Exec("DROP INDEX sample_by_bucket").ok());
    ASSERT_TRUE(
        file->Exec("CREATE INDEX sample_by_bucket ON sample((time_us >> 24), tag, time_us)").ok());
    ASSERT_TRUE(file->Exec("PRAGMA user_version = 3").ok());
  }
  auto file = Open();
  ASSERT_TRUE(file);
  auto sql = storage::FirstRow<std::string>(
      *file, "SELECT sql FROM sqlite_master WHERE name = 'sample_by_bucket'", storage::NoBind,
      [](const storage::Statement& s) { return s.Text(0); });
  ASSERT_TRUE(sql.ok() && sql->has_value());
  EXPECT_NE((*sql)->find("time_us >> 22"), std::string::npos) << **sql;
  EXPECT_EQ(IndexesOfSample(*file), (std::vector<std::string>{"sample_by_bucket"}));
  EXPECT_EQ(Times(ValuesOf(*file, "T1", kT0, kT0 + 61 * kS, 10)),
            (std::vector<TimeMicros>{kT0, kT0 + 60 * kS}));
}

// The write-ahead log's frames (pages written) since the last checkpoint.
std::int64_t LogFrames(storage::Database& file) {
  auto r = storage::FirstRow<std::int64_t>(file, "PRAGMA wal_checkpoint(PASSIVE)", storage::NoBind,
                                           [](const storage::Statement& s) { return s.Int(1); });
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->value_or(-1) : -1;
}

// Pages, not time: the log's frames are what a commit writes and syncs, and they do not
// depend on the machine. The same file is measured with each index.
TEST_F(SampleIndexTest, ASecondsSamplesOfManyTagsWriteFewPagesOfALargeFile) {
  ORDO_VERIFIES("ORDO-TEL-37");
  auto file = Open();
  ASSERT_TRUE(file);
  constexpr int kTags = 1000, kSeconds = 200;
  const auto second = [](int s) { return SecondOfTags(s, kTags); };
  ASSERT_TRUE(file->Exec("BEGIN").ok());
  for (int s = 0; s < kSeconds; ++s) Insert(*file, "press", second(s));
  ASSERT_TRUE(file->Exec("COMMIT").ok());
  // One more second of every tag, in one commit, with each index.
  const auto frames_of_next_second = [&](int s) {
    EXPECT_TRUE(file->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    EXPECT_EQ(LogFrames(*file), 0);
    Insert(*file, "press", second(s));
    return LogFrames(*file);
  };
  const std::int64_t by_bucket = frames_of_next_second(kSeconds);
  ASSERT_TRUE(file->Exec("DROP INDEX sample_by_bucket").ok());
  ASSERT_TRUE(file->Exec("CREATE INDEX sample_by_tag ON sample(tag, time_us)").ok());
  const std::int64_t by_tag = frames_of_next_second(kSeconds + 1);
  // By bucket: the second's 1,000 index entries land among the current bucket's (at most
  // ~4 seconds of entries), beside ~40 pages of rows. By tag first they land on most of the
  // index's ~1,500 leaf pages (measured with version 3's buckets: 152 and 1,504 frames).
  EXPECT_GT(by_bucket, 0);
  EXPECT_LT(by_bucket, 250) << by_tag;
  EXPECT_GT(by_tag, 5 * by_bucket) << "by bucket " << by_bucket << ", by tag " << by_tag;
}

// Version 4's buckets (2^22 us) against version 3's (2^24 us), on the same file: a commit
// rewrites the part of the current bucket its tags fall in, which grows with the bucket's
// seconds, so over 17 seconds (a whole bucket of 2^24 us, four of 2^22) the smaller
// buckets write fewer pages (measured: 960 frames against 1,906).
TEST_F(SampleIndexTest, SmallerBucketsWriteFewerPagesOverABucketsSeconds) {
  ORDO_VERIFIES("ORDO-TEL-37");
  auto file = Open();
  ASSERT_TRUE(file);
  constexpr int kTags = 1000, kSeconds = 100, kMeasured = 17;
  const auto second = [](int s) { return SecondOfTags(s, kTags); };
  ASSERT_TRUE(file->Exec("BEGIN").ok());
  for (int s = 0; s < kSeconds; ++s) Insert(*file, "press", second(s));
  ASSERT_TRUE(file->Exec("COMMIT").ok());
  const auto frames_of_seconds = [&](int first) {
    std::int64_t sum = 0;
    for (int s = first; s < first + kMeasured; ++s) {
      EXPECT_TRUE(file->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
      Insert(*file, "press", second(s));
      sum += LogFrames(*file);
    }
    return sum;
  };
  const std::int64_t v4 = frames_of_seconds(kSeconds);
  ASSERT_TRUE(file->Exec("DROP INDEX sample_by_bucket").ok());
  ASSERT_TRUE(
      file->Exec("CREATE INDEX sample_by_bucket ON sample((time_us >> 24), tag, time_us)").ok());
  const std::int64_t v3 = frames_of_seconds(kSeconds + kMeasured);
  EXPECT_GT(v4, 0);
  EXPECT_GT(v3 * 10, v4 * 13) << "2^22 us buckets " << v4 << " frames, 2^24 us " << v3;
}

}  // namespace
}  // namespace ordo::telemetry
