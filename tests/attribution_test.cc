// Attribution (DI-01, ALCOA+): every ledger entry records the session and the terminal it
// came from: the client address, the session (the seq of its sign-in entry) and the
// shared station named by the `Ordo-Terminal` header.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

class AttributionTest : public ApiTest {
 protected:
  // The last entry of `type` in the ledger (null JSON when there is none).
  Json LastOfType(const std::string& token, const std::string& type) {
    std::string error;
    std::vector<Json> entries = AllLedger(http(), token, &error);
    EXPECT_TRUE(error.empty()) << error;
    Json found;
    for (const Json& e : entries)
      if (e.value("type", "") == type) found = e;
    return found;
  }
};

TEST_F(AttributionTest, EntriesRecordSessionAddressAndTerminal) {
  ORDO_VERIFIES("DI-01", "ORDO-LEDGER-08");
  const Credentials& op = sandbox_.user("operator");
  HttpReply signed_in =
      http().Post("/api/v1/session", Json{{"user", op.name}, {"password", op.password}}, "",
                  {{"Ordo-Terminal", "  Line 3 HMI "}});
  ASSERT_EQ(signed_in.status, 200) << signed_in.Describe();
  const std::string token = signed_in.json()["token"].get<std::string>();

  // The sign-in entry itself: the address and the station, no session yet.
  const std::string supervisor = TokenFor("supervisor");
  Json login = LastOfType(supervisor, "session.login_succeeded");
  ASSERT_TRUE(login.is_object());
  // The supervisor's own sign-in is the last one; find the operator's.
  std::string error;
  Json op_login;
  for (const Json& e : AllLedger(http(), supervisor, &error))
    if (e.value("type", "") == "session.login_succeeded" && e.value("actor", "") == op.name)
      op_login = e;
  ASSERT_TRUE(op_login.is_object()) << error;
  EXPECT_EQ(op_login["origin"]["address"], "127.0.0.1");
  EXPECT_EQ(op_login["origin"]["terminal"], "Line 3 HMI");  // outer spaces trimmed
  EXPECT_TRUE(op_login["origin"]["session"].is_null());
  const std::int64_t session = op_login["seq"].get<std::int64_t>();

  // A command in that session names it, and the station of this request.
  const std::int64_t at_station =
      Write(token, LogbookEntry("from the line 3 station"), {{"Ordo-Terminal", "Line 3 HMI"}});
  const std::int64_t at_desk = Write(token, LogbookEntry("from a desk"));
  ASSERT_GT(at_station, 0);
  ASSERT_GT(at_desk, 0);
  std::map<std::int64_t, Json> by_seq;
  for (const Json& e : AllLedger(http(), supervisor, &error, at_station - 1))
    by_seq[e["seq"].get<std::int64_t>()] = e;
  ASSERT_TRUE(by_seq.count(at_station) && by_seq.count(at_desk)) << error;
  EXPECT_EQ(by_seq[at_station]["origin"]["session"], session);
  EXPECT_EQ(by_seq[at_station]["origin"]["address"], "127.0.0.1");
  EXPECT_EQ(by_seq[at_station]["origin"]["terminal"], "Line 3 HMI");
  EXPECT_EQ(by_seq[at_desk]["origin"]["session"], session);
  EXPECT_TRUE(by_seq[at_desk]["origin"]["terminal"].is_null());

  // The supervisor's session is another one.
  EXPECT_NE(login["seq"], session);
}

TEST_F(AttributionTest, EveryEntryHasAnOriginIncludingInitAndFailedSignIns) {
  ORDO_VERIFIES("DI-01");
  HttpReply failed = http().Post(
      "/api/v1/session",
      Json{{"user", sandbox_.user("operator").name}, {"password", "not the password at all"}}, "",
      {{"Ordo-Terminal", "Gate 2"}});
  EXPECT_EQ(failed.status, 401) << failed.Describe();
  const std::string admin = TokenFor("admin");
  std::string error;
  std::vector<Json> entries = AllLedger(http(), admin, &error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_GT(entries.size(), 10u);
  bool saw_failed = false;
  for (const Json& e : entries) {
    ASSERT_TRUE(e.contains("origin") && e["origin"].is_object()) << e.dump();
    const std::string address = e["origin"]["address"].get<std::string>();
    if (e["actor"] == "system") {
      // Written by `ordo init` on this host: local, named by the host.
      EXPECT_EQ(address, "local") << e.dump();
      EXPECT_TRUE(e["origin"]["terminal"].is_string()) << e.dump();
    }
    if (e["type"] == "session.login_failed") {
      saw_failed = true;
      EXPECT_EQ(address, "127.0.0.1") << e.dump();
      EXPECT_EQ(e["origin"]["terminal"], "Gate 2") << e.dump();
      EXPECT_TRUE(e["origin"]["session"].is_null()) << e.dump();
    }
  }
  EXPECT_TRUE(saw_failed);
}

TEST_F(AttributionTest, MalformedTerminalHeaderIsRefusedAndChangesNothing) {
  ORDO_VERIFIES("DI-01");
  const std::string token = TokenFor("operator");
  const std::int64_t head = HeadSeq(http());
  HttpReply too_long = http().Post("/api/v1/logbook", LogbookEntry("long station name"), token,
                                   {{"Ordo-Terminal", std::string(65, 'x')}});
  ExpectProblem(too_long, 400, "invalid_argument", "Ordo-Terminal");
  HttpReply control = http().Post("/api/v1/logbook", LogbookEntry("tab in station name"), token,
                                  {{"Ordo-Terminal", "Line\t3"}});
  ExpectProblem(control, 400, "invalid_argument", "Ordo-Terminal");
  // Not UTF-8: refused before anything is written (the sign-in too, which records even a
  // failure).
  HttpReply latin1 = http().Post("/api/v1/logbook", LogbookEntry("latin-1 station name"), token,
                                 {{"Ordo-Terminal", "Station \xfc"}});
  ExpectProblem(latin1, 400, "invalid_argument", "Ordo-Terminal");
  HttpReply sign_in = http().Post("/api/v1/session",
                                  Json{{"user", "nobody-here"}, {"password", "wrong password 1"}},
                                  "", {{"Ordo-Terminal", "\xff\xfe"}});
  ExpectProblem(sign_in, 400, "invalid_argument", "Ordo-Terminal");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply utf8 = http().Post("/api/v1/logbook", LogbookEntry("UTF-8 station name"), token,
                               {{"Ordo-Terminal", "Linie 3 \xc3\x9c"}});
  EXPECT_EQ(utf8.status, 201) << utf8.Describe();
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

}  // namespace
}  // namespace ordo::testing
