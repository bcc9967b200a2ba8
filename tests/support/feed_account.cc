// The MES side of an MIS following its ledger (feed_account.h).
#include "support/feed_account.h"

namespace ordo::testing {

namespace {

constexpr const char* kOneTimePassword = "feed-one-time-password-2026";

}  // namespace

::testing::AssertionResult SetUpFeedAccount(const HttpClient& mes, const std::string& admin_token,
                                            const std::string& engineer_token,
                                            const std::string& work_unit, std::string* source_key) {
  HttpReply created = mes.Post("/api/v1/users",
                               Json{{"name", kFeedUser},
                                    {"display_name", "MIS ledger feed"},
                                    {"roles", {"feed_reader"}},
                                    {"password", kOneTimePassword}},
                               admin_token);
  if (created.status != 201)
    return ::testing::AssertionFailure() << "creating the feed account: " << created.Describe();
  HttpReply first;
  if (FirstSignIn(mes, kFeedUser, kOneTimePassword, kFeedPassword, &first).empty())
    return ::testing::AssertionFailure()
           << "the feed account's first sign-in: " << first.Describe();
  HttpReply source = mes.Post("/api/v1/sources",
                              Json{{"name", kFeedSource},
                                   {"kind", "rest"},
                                   {"work_units", {work_unit}},
                                   {"counter", "increment"}},
                              engineer_token);
  if (source.status != 201)
    return ::testing::AssertionFailure() << "registering the source: " << source.Describe();
  *source_key = source.json().value("api_key", "");
  if (source_key->empty())
    return ::testing::AssertionFailure() << "the source has no api_key: " << source.body;
  return ::testing::AssertionSuccess();
}

std::vector<std::string> FeedFlags(std::uint16_t mes_port, const std::string& password_file) {
  return {"--mes",
          "http://127.0.0.1:" + std::to_string(mes_port),
          "--mes-user",
          kFeedUser,
          "--mes-password-file",
          password_file};
}

}  // namespace ordo::testing
