// Plant stories: scenarios written as data (tests/stories/*.json), each a sequence of
// commands with the demo user who gives it and the outcome expected, down to the exact
// refusal code. Each story runs against its own real server on a fresh demo site; the
// format is described in tests/stories/README.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/ordo.h"
#include "support/story_runner.h"

namespace ordo::testing {
namespace {

std::vector<std::string> StoryFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(ORDO_STORIES_DIR))
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

class PlantStory : public ::testing::TestWithParam<std::string> {};

TEST_P(PlantStory, RunsAsWritten) {
  std::ifstream in(GetParam());
  ASSERT_TRUE(in) << "cannot read " << GetParam();
  std::stringstream text;
  text << in.rdbuf();
  Json story = Json::parse(text.str(), nullptr, false);
  ASSERT_FALSE(story.is_discarded()) << GetParam() << ": not JSON";
  ASSERT_TRUE(story.contains("requirements") && story["requirements"].is_array() &&
              !story["requirements"].empty())
      << GetParam() << ": every story names the requirements it verifies";
  std::string ids;
  for (const auto& id : story["requirements"])
    ids += (ids.empty() ? "" : ",") + id.get<std::string>();
  ::testing::Test::RecordProperty("verifies", ids);

  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  OrdoServer server(sandbox.data(), sandbox.root());
  ASSERT_TRUE(server.Start(&error)) << error;
  // A `restart` step: the server stops (cleanly) and runs again `days_later` days on.
  auto restart = [&](int days_later, HttpClient* client, std::string* why) {
    auto stopped = server.Stop();
    if (!stopped || stopped->code != 0) {
      *why = "the server did not stop cleanly:\n" + server.Logs();
      return false;
    }
    server.set_clock_days_ahead(days_later);
    if (!server.Start(why)) return false;
    *client = server.Client();
    return true;
  };
  StoryRunner runner(server.Client(), sandbox, restart);
  runner.Run(story);
  if (HasFailure()) std::fprintf(stderr, "%s\n", server.Logs().c_str());

  auto status = server.Stop();
  ASSERT_TRUE(status.has_value()) << server.Logs();
  EXPECT_EQ(status->code, 0) << server.Logs();
  RunResult replay = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();
}

std::string StoryName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = std::filesystem::path(info.param).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Stories, PlantStory, ::testing::ValuesIn(StoryFiles()), StoryName);

}  // namespace
}  // namespace ordo::testing
