// Tests of the local side of `ordo plant`: server URLs, the files apply sends, and an
// export folder that mirrors the plant.
#include "cli/plant_commands.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/testing/verifies.h"

namespace ordo::cli {
namespace {

namespace fs = std::filesystem;

class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "ordo-cli-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative) << text;
  }
  std::string Read(const std::string& relative) const {
    std::ifstream in(path_ / relative);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  fs::path path_;
};

TEST(ParseServerUrl, HttpAndHttps) {
  auto a = ParseServerUrl("http://127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->tls);
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  auto b = ParseServerUrl("https://mes.plant.example/");
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->tls);
  EXPECT_EQ(b->host, "mes.plant.example");
  EXPECT_EQ(b->port, 443);
  auto c = ParseServerUrl("http://[::1]:9000");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->host, "::1");
  EXPECT_EQ(c->port, 9000);
  for (const char* bad : {"127.0.0.1:8080", "ftp://x", "http://", "http://h:0", "http://h:99999",
                          "http://h:80x", "http://h/path", "http://[::1"})
    EXPECT_FALSE(ParseServerUrl(bad).ok()) << bad;
}

TEST(CollectPlantFiles, EveryYamlBelowAFolderSorted) {
  ORDO_VERIFIES("ORDO-MD-06");
  TempFolder t;
  t.Write("routings/RT-2.yaml", "b");
  t.Write("materials/M-1.yaml", "a");
  t.Write("routings/nested/deep/RT-1.yaml", "c");
  t.Write("README.md", "not yaml");
  t.Write("routings/RT-3.yml", "not .yaml");
  auto files = CollectPlantFiles(t.path().string());
  ASSERT_TRUE(files.ok()) << files.error().message;
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].path, "materials/M-1.yaml");
  EXPECT_EQ((*files)[0].text, "a");
  EXPECT_EQ((*files)[1].path, "routings/RT-2.yaml");
  EXPECT_EQ((*files)[2].path, "routings/nested/deep/RT-1.yaml");

  auto single = CollectPlantFiles((t.path() / "routings/RT-2.yaml").string());
  ASSERT_TRUE(single.ok());
  ASSERT_EQ(single->size(), 1u);
  EXPECT_EQ((*single)[0].path, "RT-2.yaml");
}

TEST(CollectPlantFiles, RefusesMissingPathsAndFoldersWithoutYaml) {
  ORDO_VERIFIES("ORDO-MD-06");
  TempFolder t;
  auto missing = CollectPlantFiles((t.path() / "nope").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no such file or folder"), std::string::npos);
  t.Write("notes.txt", "x");
  auto empty = CollectPlantFiles(t.path().string());
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no *.yaml files"), std::string::npos);
}

TEST(WritePlantFolder, MirrorsThePlant) {
  ORDO_VERIFIES("ORDO-MD-06");
  TempFolder t;
  const std::string dir = (t.path() / "plant").string();
  auto first = WritePlantFolder(dir, {{"materials/M-1.yaml", "one"}, {"routings/RT-1.yaml", "r"}});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->written, 2);
  EXPECT_EQ(t.Read("plant/materials/M-1.yaml"), "one");

  t.Write("plant/materials/OLD.yaml", "gone");
  t.Write("plant/materials/notes.md", "kept: not yaml");
  t.Write("plant/other/X.yaml", "kept: not a kind folder");
  auto second = WritePlantFolder(dir, {{"materials/M-1.yaml", "one"}, {"materials/M-2.yaml", "2"}});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->written, 1);
  EXPECT_EQ(second->unchanged, 1);
  EXPECT_EQ(second->removed, 2);  // materials/OLD.yaml and routings/RT-1.yaml
  EXPECT_FALSE(fs::exists(t.path() / "plant/materials/OLD.yaml"));
  EXPECT_FALSE(fs::exists(t.path() / "plant/routings/RT-1.yaml"));
  EXPECT_TRUE(fs::exists(t.path() / "plant/materials/notes.md"));
  EXPECT_TRUE(fs::exists(t.path() / "plant/other/X.yaml"));
}

TEST(WritePlantFolder, RefusesUnsafePathsAndAFileAsDir) {
  ORDO_VERIFIES("ORDO-MD-06");
  TempFolder t;
  const std::string dir = (t.path() / "plant").string();
  for (const char* bad : {"../escape.yaml", "/etc/x.yaml", "materials/../../x.yaml",
                          "materials/M-1.txt", "", "a\\b.yaml"}) {
    auto r = WritePlantFolder(dir, {{"materials/ok.yaml", "x"}, {bad, "x"}});
    EXPECT_FALSE(r.ok()) << bad;
  }
  EXPECT_FALSE(fs::exists(t.path() / "plant/materials/ok.yaml"));  // nothing written
  auto empty = WritePlantFolder((t.path() / "empty").string(), {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(fs::is_directory(t.path() / "empty"));  // an empty plant still gives DIR
  t.Write("file", "x");
  auto r = WritePlantFolder((t.path() / "file").string(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a folder"), std::string::npos);
}

}  // namespace
}  // namespace ordo::cli
