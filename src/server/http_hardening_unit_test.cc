// Unit tests of the transport's pure decisions: connection admission and shedding
// (ConnectionTable) and the escaping of logged fields (EscapeForLog).
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "server/connection_table.h"
#include "server/log_escape.h"
#include "server/request_framing.h"
#include "server/security_headers.h"

namespace ordo::server {
namespace {

TEST(ConnectionTableTest, RefusesPastThePerAddressCapButAdmitsOtherAddresses) {
  ORDO_VERIFIES("ORDO-HTTP-02");
  ConnectionTable table(/*max_total=*/10, /*max_per_address=*/2);
  EXPECT_TRUE(table.Admit("10.0.0.1").id);
  EXPECT_TRUE(table.Admit("10.0.0.1").id);
  auto third = table.Admit("10.0.0.1");
  EXPECT_FALSE(third.id);
  EXPECT_NE(third.refusal.find("per-address"), std::string::npos) << third.refusal;
  EXPECT_TRUE(table.Admit("10.0.0.2").id);
  EXPECT_EQ(table.CountFrom("10.0.0.1"), 2);
  EXPECT_EQ(table.size(), 3);
}

TEST(ConnectionTableTest, AtTheGlobalCapShedsTheOldestUnauthenticatedIdleConnection) {
  ORDO_VERIFIES("ORDO-HTTP-03");
  ConnectionTable table(/*max_total=*/3, /*max_per_address=*/3);
  auto signed_in = table.Admit("10.0.0.1");  // oldest, but authenticated
  table.SetAuthenticated(*signed_in.id);
  auto busy = table.Admit("10.0.0.2");  // being answered
  table.SetBusy(*busy.id, true);
  auto idle = table.Admit("10.0.0.3");  // an anonymous idle (or dribbling) connection
  auto next = table.Admit("10.0.0.4");
  ASSERT_TRUE(next.id) << next.refusal;
  ASSERT_TRUE(next.evict);
  EXPECT_EQ(*next.evict, *idle.id);
  EXPECT_EQ(table.CountFrom("10.0.0.3"), 0);
  EXPECT_EQ(table.size(), 3);
  table.Remove(*idle.id);  // the evicted connection ends later: no double count
  EXPECT_EQ(table.size(), 3);
}

TEST(ConnectionTableTest, RefusesWhenEveryConnectionIsAuthenticatedOrBusy) {
  ORDO_VERIFIES("ORDO-HTTP-03");
  ConnectionTable table(/*max_total=*/2, /*max_per_address=*/2);
  auto a = table.Admit("10.0.0.1");
  table.SetAuthenticated(*a.id);
  auto b = table.Admit("10.0.0.2");
  table.SetBusy(*b.id, true);
  auto c = table.Admit("10.0.0.3");
  EXPECT_FALSE(c.id);
  EXPECT_FALSE(c.evict);
  EXPECT_NE(c.refusal.find("connection limit"), std::string::npos) << c.refusal;
  table.SetBusy(*b.id, false);  // finished answering: sheddable again
  auto d = table.Admit("10.0.0.3");
  ASSERT_TRUE(d.id);
  ASSERT_TRUE(d.evict);
  EXPECT_EQ(*d.evict, *b.id);
  table.Remove(*a.id);
  EXPECT_EQ(table.size(), 1);
  EXPECT_EQ(table.CountFrom("10.0.0.1"), 0);
}

TEST(LogEscapeTest, EscapesControlBytesSpacesBackslashesAndInvalidUtf8) {
  ORDO_VERIFIES("ORDO-HTTP-04");
  EXPECT_EQ(EscapeForLog("/api/v1/health"), "/api/v1/health");
  EXPECT_EQ(EscapeForLog(std::string("/a\nstatus=200\r\0b", 16)), "/a\\x0astatus=200\\x0d\\x00b");
  EXPECT_EQ(EscapeForLog("a b\\x0a\t\x7f"), "a\\x20b\\x5cx0a\\x09\\x7f");
  EXPECT_EQ(EscapeForLog("\xff\xc0\xaf"), "\\xff\\xc0\\xaf");  // not UTF-8, overlong
  EXPECT_EQ(EscapeForLog("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(EscapeForLog("Gr\xc3\xbc\xc3\x9f \xe2\x82\xac"), "Gr\xc3\xbc\xc3\x9f\\x20\xe2\x82\xac");
  EXPECT_EQ(EscapeForLog("\xe2\x82"), "\\xe2\\x82");  // truncated sequence
}

TEST(RequestFramingTest, AcceptsOnlyAPlainChunkedCodingWithoutContentLength) {
  ORDO_VERIFIES("ORDO-HTTP-05");
  EXPECT_EQ(FramingProblem({}, true), "");
  EXPECT_EQ(FramingProblem({}, false), "");
  EXPECT_EQ(FramingProblem({"chunked"}, false), "");
  EXPECT_EQ(FramingProblem({" Chunked "}, false), "");
  EXPECT_NE(FramingProblem({"chunked"}, true), "");
  EXPECT_NE(FramingProblem({"chunked, identity"}, false), "");
  EXPECT_NE(FramingProblem({"gzip, chunked"}, false), "");
  EXPECT_NE(FramingProblem({"gzip"}, false), "");
  EXPECT_NE(FramingProblem({"identity"}, false), "");
  EXPECT_NE(FramingProblem({""}, false), "");
  EXPECT_NE(FramingProblem({"chunked", "chunked"}, false), "");
}

TEST(SecurityHeadersTest, AttachmentFileNamesAreEscapedForBothParameters) {
  ORDO_VERIFIES("ORDO-HTTP-09");
  EXPECT_EQ(AttachmentContentDisposition("report.pdf"),
            "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  EXPECT_EQ(AttachmentContentDisposition("a\"b\r\nX-Evil: 1.txt"),
            "attachment; filename=\"a_b__X-Evil: 1.txt\"; "
            "filename*=UTF-8''a%22b%0D%0AX-Evil%3A%201.txt");
  EXPECT_EQ(AttachmentContentDisposition("../etc/pass\\wd"),
            "attachment; filename=\".._etc_pass_wd\"; filename*=UTF-8''.._etc_pass_wd");
  EXPECT_EQ(AttachmentContentDisposition("Pr\xc3\xbc"
                                         "fung 100%.png"),
            "attachment; filename=\"Pr__fung 100_.png\"; "
            "filename*=UTF-8''Pr%C3%BCfung%20100%25.png");
  EXPECT_EQ(AttachmentContentDisposition(""),
            "attachment; filename=\"download\"; filename*=UTF-8''download");
}

TEST(SecurityHeadersTest, DefaultsDoNotOverrideAResponsesOwnPolicy) {
  ORDO_VERIFIES("ORDO-HTTP-08");
  HttpResponse api;
  AddSecurityHeaders(api);
  HttpResponse download;
  download.headers.emplace_back("content-security-policy", kDownloadContentSecurityPolicy);
  AddSecurityHeaders(download);
  auto value = [](const HttpResponse& r, const std::string& name) {
    std::string found;
    int count = 0;
    for (const auto& [k, v] : r.headers)
      if (k == name || (name == "Content-Security-Policy" && k == "content-security-policy"))
        found = v, ++count;
    return count == 1 ? found : "(" + std::to_string(count) + " headers)";
  };
  EXPECT_EQ(value(api, "Content-Security-Policy"), kApiContentSecurityPolicy);
  EXPECT_EQ(value(api, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(value(api, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(value(download, "Content-Security-Policy"), kDownloadContentSecurityPolicy);
  EXPECT_EQ(value(download, "X-Content-Type-Options"), "nosniff");
}

}  // namespace
}  // namespace ordo::server
