// Checks of ordo-mis's --listen and --mes flags.
#include "mis/app/options.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <tuple>

#include "core/testing/verifies.h"

namespace ordo::mis::app {
namespace {

TEST(ListenTest, ParsesAddressAndPort) {
  ORDO_VERIFIES("ORDO-MIS-14");
  auto ok = ParseListen("127.0.0.1:8090");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->address, "127.0.0.1");
  EXPECT_EQ(ok->port, 8090);
  EXPECT_EQ(ParseListen("127.0.0.1:0")->port, 0);
  for (const char* bad :
       {"8090", ":8090", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x"}) {
    auto r = ParseListen(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "listen");
  }
}

TEST(MesUrlTest, AcceptsOnlyHttpOrHttpsHostPort) {
  ORDO_VERIFIES("ORDO-MIS-15", "ORDO-MISTLS-01");
  auto ok = ParseMesUrl("http://mes.plant.example:8080/");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->host, "mes.plant.example");
  EXPECT_EQ(ok->port, 8080);
  EXPECT_EQ(ok->url, "http://mes.plant.example:8080");
  EXPECT_FALSE(ok->tls);
  auto tls = ParseMesUrl("https://mes.plant.example:8443");
  ASSERT_TRUE(tls.ok()) << tls.error().message;
  EXPECT_TRUE(tls->tls);
  EXPECT_EQ(tls->port, 8443);
  EXPECT_EQ(tls->url, "https://mes.plant.example:8443");
  for (const char* bad :
       {"mes:8080", "https://mes", "http://mes", "http://mes:0", "http://mes:70000", "http://:8080",
        "http://mes:8080/api", "https://u:p@mes:8443", "http://mes:8080?x=1", "http://[::1]:8080",
        "ftp://mes:21", "HTTPS://mes:8443"}) {
    auto r = ParseMesUrl(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "mes") << bad;
    EXPECT_NE(r.error().message.find("http://HOST:PORT or https://HOST:PORT"), std::string::npos)
        << r.error().message;
  }
}

class MesFlagsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test: ctest runs the tests of this suite in parallel processes.
    file_ = (std::filesystem::path(::testing::TempDir()) /
             ("mis_mes_password_" +
              std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
                .string();
    std::ofstream(file_) << "feed-reader-password\r\nsecond line\n";
  }
  void TearDown() override { std::filesystem::remove(file_); }
  std::string file_;
};

TEST_F(MesFlagsTest, AllThreeOrNone) {
  ORDO_VERIFIES("ORDO-MIS-15");
  auto none = MesConnectionFromFlags("", "", "");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto all = MesConnectionFromFlags("http://127.0.0.1:8080", "mis-feed", file_);
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_TRUE(all->has_value());
  EXPECT_EQ((*all)->user, "mis-feed");
  EXPECT_EQ((*all)->password, "feed-reader-password");
  EXPECT_EQ((*all)->port, 8080);
  struct Case {
    const char *url, *user, *file, *field;
  };
  for (const Case& c :
       {Case{"http://h:1", "", "", "mes-user"}, Case{"", "u", "", "mes"},
        Case{"http://h:1", "u", "", "mes-password-file"}, Case{"", "", "f", "mes"}}) {
    auto r = MesConnectionFromFlags(c.url, c.user, c.file);
    ASSERT_FALSE(r.ok()) << c.url << c.user << c.file;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_NE(r.error().message.find("all three"), std::string::npos) << r.error().message;
  }
  auto user = MesConnectionFromFlags("http://h:1", "a user", file_);
  ASSERT_FALSE(user.ok());
  EXPECT_EQ(user.error().field, "mes-user");
  auto missing = MesConnectionFromFlags("http://h:1", "u", file_ + ".missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "mes-password-file");
  EXPECT_EQ(missing.error().reason, "password_file_unreadable");
  auto url = MesConnectionFromFlags("ftp://h:1", "u", file_);
  ASSERT_FALSE(url.ok());
  EXPECT_EQ(url.error().field, "mes");
}

TEST_F(MesFlagsTest, TheCaFileGoesWithHttpsAndMustBeReadable) {
  ORDO_VERIFIES("ORDO-MISTLS-01");
  auto https = MesConnectionFromFlags("https://h:1", "u", file_, file_);
  ASSERT_TRUE(https.ok()) << https.error().message;
  EXPECT_TRUE((*https)->tls);
  EXPECT_EQ((*https)->ca_file, file_);
  auto system = MesConnectionFromFlags("https://h:1", "u", file_);
  ASSERT_TRUE(system.ok()) << system.error().message;
  EXPECT_EQ((*system)->ca_file, "");  // the system's trusted certificates
  using Flags = std::tuple<std::string, std::string, std::string>;
  for (const auto& [url, user, pw] : {Flags{"http://h:1", "u", file_}, Flags{"", "", ""}}) {
    auto r = MesConnectionFromFlags(url, user, pw, file_);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error().field, "mes-ca");
    EXPECT_NE(r.error().message.find("goes with an https:// --mes"), std::string::npos);
  }
  for (const std::string& bad : {file_ + ".missing", ::testing::TempDir()}) {  // a directory
    auto missing = MesConnectionFromFlags("https://h:1", "u", file_, bad);
    ASSERT_FALSE(missing.ok()) << bad;
    EXPECT_EQ(missing.error().field, "mes-ca");
    EXPECT_EQ(missing.error().reason, "ca_file_unreadable");
  }
}

TEST_F(MesFlagsTest, ThePublicKeyIs64HexDigitsAndGoesWithMes) {
  ORDO_VERIFIES("ORDO-MISFEED-34");
  const std::string key(64, 'a');
  auto pinned =
      MesConnectionFromFlags("http://h:1", "u", file_, "", std::string(32, 'A') + key.substr(32));
  ASSERT_TRUE(pinned.ok()) << pinned.error().message;
  EXPECT_EQ((*pinned)->public_key, key);  // kept in lower case, as the MES writes it
  auto unpinned = MesConnectionFromFlags("http://h:1", "u", file_);
  ASSERT_TRUE(unpinned.ok());
  EXPECT_EQ((*unpinned)->public_key, "");
  for (const std::string& bad : {std::string(63, 'a'), std::string(65, 'a'), std::string(64, 'g'),
                                 key.substr(0, 62) + " a", std::string("not a key")}) {
    auto r = MesConnectionFromFlags("http://h:1", "u", file_, "", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "mes-public-key");
    EXPECT_EQ(r.error().reason, "invalid_public_key");
  }
  auto alone = MesConnectionFromFlags("", "", "", "", key);
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ(alone.error().field, "mes-public-key");
  EXPECT_NE(alone.error().message.find("goes with --mes"), std::string::npos);
}

TEST_F(MesFlagsTest, TheOverdueLimitsAreWholeNumbersAndGoWithThePublicKey) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  auto pinned = MesConnectionFromFlags("http://h:1", "u", file_, "", std::string(64, 'a'));
  ASSERT_TRUE(pinned.ok()) << pinned.error().message;
  ASSERT_TRUE(SetCheckpointOverdue(*pinned, "", "").ok());
  EXPECT_EQ((*pinned)->overdue_entries, 3000);  // the defaults: 3 x 1,000 entries, 3 x 600 s
  EXPECT_EQ((*pinned)->overdue_seconds, 1800);
  ASSERT_TRUE(SetCheckpointOverdue(*pinned, "5", "0").ok());
  EXPECT_EQ((*pinned)->overdue_entries, 5);
  EXPECT_EQ((*pinned)->overdue_seconds, 0);  // off
  for (const std::string& bad : {"-1", "abc", "1.5", " 5", "1000000001", "99999999999"}) {
    for (const bool entries : {true, false}) {
      Status r = SetCheckpointOverdue(*pinned, entries ? bad : "", entries ? "" : bad);
      ASSERT_FALSE(r.ok()) << bad;
      const std::string flag =
          entries ? "checkpoint-overdue-entries" : "checkpoint-overdue-seconds";
      EXPECT_EQ(r.error().field, flag) << bad;
      EXPECT_EQ(r.error().reason, "invalid_checkpoint_overdue") << bad;
      EXPECT_NE(r.error().message.find("--" + flag), std::string::npos) << r.error().message;
    }
  }
  auto unpinned = MesConnectionFromFlags("http://h:1", "u", file_);
  ASSERT_TRUE(unpinned.ok());
  std::optional<MesConnection> none;
  for (auto* mes : {&*unpinned, &none}) {
    Status r = SetCheckpointOverdue(*mes, "", "60");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "checkpoint-overdue-seconds");
    EXPECT_EQ(r.error().reason, "checkpoint_overdue_without_key");
    EXPECT_NE(r.error().message.find("--mes-public-key"), std::string::npos);
  }
}

TEST_F(MesFlagsTest, PasswordFileFirstLineMustNotBeEmpty) {
  ORDO_VERIFIES("ORDO-MIS-02");
  auto line = ReadPasswordFile(file_, "admin-password-file");
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(*line, "feed-reader-password");
  std::ofstream(file_) << "\nsecret on the second line\n";
  auto empty = ReadPasswordFile(file_, "admin-password-file");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().reason, "password_empty");
  EXPECT_EQ(empty.error().field, "admin-password-file");
}

}  // namespace
}  // namespace ordo::mis::app
