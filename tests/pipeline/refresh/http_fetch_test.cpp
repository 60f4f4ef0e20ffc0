#include "pipeline/refresh/http_fetch.h"

#include <gtest/gtest.h>

#include <vector>

#include "pipeline/refresh/replay_server.h"

namespace ccap::pipeline {
namespace {

using nlohmann::json;
using testing::ReplayServer;

// Every wait the fetcher asks for, on the test's clock: nothing sleeps.
struct Clock {
  std::vector<double> waits;
  std::function<void(double)> sleep() {
    return [this](double s) { waits.push_back(s); };
  }
};

json answers(json list) { return list; }

TEST(HttpFetch, AnAnswerWithItsTypeAtTheFirstTry) {
  ReplayServer server(json{{"routes", {{"/ok", answers({{{"bodyJson", {{"records", json::array()}}}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  const HttpResponse r = http_get({server.url("/ok")}, clock.sleep());
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.body, R"({"records":[]})");
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_TRUE(clock.waits.empty());
}

TEST(HttpFetch, A429IsTriedAgainAfterItsRetryAfterAndA500AfterTheBackOff) {
  ReplayServer server(json{{"routes",
                            {{"/limited", answers({{{"status", 429}, {"headers", {{"Retry-After", "7"}}}},
                                                   {{"status", 500}, {"body", "oops"}},
                                                   {{"status", 503}},
                                                   {{"body", "[]"}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  std::vector<std::string> log;
  const HttpResponse r =
      http_get({server.url("/limited")}, clock.sleep(), [&](const std::string& line) { log.push_back(line); });
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.attempts, 4);
  EXPECT_EQ(clock.waits, (std::vector<double>{7, 2, 4})) << "Retry-After, then 2 and 4 s";
  ASSERT_EQ(log.size(), 3u);
  EXPECT_NE(log[0].find("HTTP 429; again in 7 s (try 2 of 4)"), std::string::npos) << log[0];
}

TEST(HttpFetch, ARetryAfterOfADayIsCappedAndTriesRunOut) {
  ReplayServer server(
      json{{"routes", {{"/busy", answers({{{"status", 429}, {"headers", {{"Retry-After", "86400"}}}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  HttpRequest request{server.url("/busy")};
  request.max_attempts = 2;
  const HttpResponse r = http_get(request, clock.sleep());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(clock.waits, (std::vector<double>{kMaxRetryAfterSeconds}));
}

TEST(HttpFetch, ANotFoundIsAnAnswerNotTriedAgain) {
  ReplayServer server(json{{"routes", {{"/gone", answers({{{"status", 404}, {"body", "no"}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  const HttpResponse r = http_get({server.url("/gone")}, clock.sleep());
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.error.empty());
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.attempts, 1);
}

TEST(HttpFetch, ATruncatedBodyIsAnErrorAndNothingOfItIsKept) {
  ReplayServer server(
      json{{"routes", {{"/cut", answers({{{"body", R"({"records": [1, 2, 3)"}, {"truncate", true}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  HttpRequest request{server.url("/cut")};
  request.max_attempts = 2;
  const HttpResponse r = http_get(request, clock.sleep());
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.error.empty());
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 2) << "a cut connection is tried again";
}

TEST(HttpFetch, ABodyOverTheBoundIsRefusedAtOnce) {
  ReplayServer server(
      json{{"routes", {{"/huge", answers({{{"repeat", {{"text", std::string(1024, 'x')}, {"count", 8192}}}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  HttpRequest request{server.url("/huge")};
  request.max_bytes = 1u << 20;  // the answer is 8 MB
  const HttpResponse r = http_get(request, clock.sleep());
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("longer than 1048576 bytes"), std::string::npos) << r.error;
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 1) << "the same answer again would be as long";
}

TEST(HttpFetch, ASlowFeedIsCutOffAtTheTimeout) {
  ReplayServer server(json{{"routes", {{"/slow", answers({{{"delayMs", 3000}, {"body", "[]"}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  HttpRequest request{server.url("/slow")};
  request.timeout_s = 0.3;
  request.max_attempts = 2;
  const HttpResponse r = http_get(request, clock.sleep());
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("imeout"), std::string::npos) << r.error;
  EXPECT_EQ(r.attempts, 2);
}

TEST(HttpFetch, AKeyIsSentButNeverPrinted) {
  const std::string key = "k3y-Th4t-Must-N0t-Leak";
  ReplayServer server(json{{"routes", {{"/v3/locations", answers({{{"status", 500}}, {{"body", "{}"}}})}}}});
  ASSERT_TRUE(server.running());
  Clock clock;
  HttpRequest request{server.url("/v3/locations?api_key=" + key)};
  request.headers.push_back({"X-API-Key", key, true});
  request.secret_query_values.push_back(key);
  std::vector<std::string> log;
  const HttpResponse r = http_get(request, clock.sleep(), [&](const std::string& line) { log.push_back(line); });
  EXPECT_TRUE(r.ok()) << r.error;
  const std::string printed = describe(request) + (log.empty() ? "" : log[0]) + r.error;
  EXPECT_EQ(printed.find(key), std::string::npos) << printed;
  EXPECT_NE(describe(request).find("[X-API-Key: ***]"), std::string::npos) << describe(request);
  EXPECT_NE(describe(request).find("api_key=***"), std::string::npos) << describe(request);
  const json asked = server.requests();
  ASSERT_GE(asked.size(), 1u);
  EXPECT_EQ(asked[0]["headers"]["x-api-key"], key) << "the feed gets it";
}

TEST(HttpFetch, NoServerIsATransportErrorTriedAgain) {
  Clock clock;
  HttpRequest request{"http://127.0.0.1:9/nothing"};  // the discard port: nothing listens
  request.max_attempts = 3;
  const HttpResponse r = http_get(request, clock.sleep());
  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(r.error.empty());
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(clock.waits, (std::vector<double>{1, 2}));
}

}  // namespace
}  // namespace ccap::pipeline
