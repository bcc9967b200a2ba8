// Test support for an MIS that follows a real MES's ledger (tests/mis): the MES side of
// it, as an admin sets it up: the feed account (role feed_reader) and a REST source of
// machine data.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "support/ordo.h"

namespace ordo::testing {

// The feed account's name and password (after its first sign-in), and the REST source.
inline constexpr const char* kFeedUser = "mis.feed";
inline constexpr const char* kFeedPassword = "feed account password 2026";
inline constexpr const char* kFeedSource = "press-plc";

// On the MES behind `mes`: an admin (`admin_token`) creates user kFeedUser with role
// feed_reader and a one-time password, its first sign-in sets kFeedPassword, and an
// engineer (`engineer_token`) registers the REST source kFeedSource for `work_unit`
// (counter increment). *source_key gets the source's API key. A failure names the step
// and the MES's reply.
::testing::AssertionResult SetUpFeedAccount(const HttpClient& mes, const std::string& admin_token,
                                            const std::string& engineer_token,
                                            const std::string& work_unit, std::string* source_key);

// The flags of `ordo-mis serve` that follow the MES on loopback port `mes_port` as
// kFeedUser, its password in `password_file`.
std::vector<std::string> FeedFlags(std::uint16_t mes_port, const std::string& password_file);

}  // namespace ordo::testing
