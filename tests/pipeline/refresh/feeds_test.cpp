// The refresh job's feeds against the replay server (127.0.0.1): paging, the API's rate limit, and
// answers that fail the feed as a whole.
#include "pipeline/refresh/feeds.h"

#include <gtest/gtest.h>

#include "features/air/import/csv_formats.h"
#include "pipeline/refresh/replay_server.h"

namespace ccap::pipeline {
namespace {

using nlohmann::json;
using testing::ReplayServer;

json location(int id, double lng, double lat, int sensor) {
  return {
      {"id", id},
      {"name", "Station " + std::to_string(id)},
      {"coordinates", {{"latitude", lat}, {"longitude", lng}}},
      {"sensors", json::array({{{"id", sensor}, {"parameter", {{"id", 2}, {"name", "pm25"}, {"units", "µg/m³"}}}}})}};
}
json hour(const char* utc, double value) {
  return {{"value", value},
          {"parameter", {{"name", "pm25"}, {"units", "µg/m³"}}},
          {"period", {{"datetimeFrom", {{"utc", utc}}}}}};
}
json page(int n, int limit, json results) {
  return {{"bodyJson", {{"meta", {{"page", n}, {"limit", limit}}}, {"results", results}}}};
}

struct Clocked {
  std::vector<double> waits;
  Fetch fetch() {
    return [this](const HttpRequest& r) { return http_get(r, [this](double s) { waits.push_back(s); }); };
  }
};

DataSource openaq(const ReplayServer& server) {
  DataSource s;
  s.dataset = "openaq-colombo";
  s.feed = FeedKind::OpenaqV3;
  s.url = server.url("/v3");
  s.bbox = std::array<double, 4>{79.8, 6.8, 80.0, 7.0};
  return s;
}

TEST(Feeds, OpenaqPagesThroughLocationsAndHoursWaitingOutItsRateLimit) {
  const std::string box = "bbox=79.80000,6.80000,80.00000,7.00000&limit=100";
  ReplayServer server(
      json{{"routes",
            {{"/v3/locations?" + box + "&page=1", {page(1, 1, json::array({location(1, 79.85, 6.91, 11)}))}},
             {"/v3/locations?" + box + "&page=2", {page(2, 1, json::array({location(2, 79.90, 6.95, 21)}))}},
             {"/v3/locations?" + box + "&page=3", {page(3, 1, json::array())}},
             {"/v3/sensors/11/hours",
              {{{"status", 429}, {"headers", {{"Retry-After", "2"}}}},
               page(1, 1000, json::array({hour("2026-12-07T01:00:00Z", 20), hour("2026-12-07T02:00:00Z", 30)}))}},
             {"/v3/sensors/21/hours", {page(1, 1000, json::array({hour("2026-12-07T02:00:00Z", 40)}))}}}}});
  ASSERT_TRUE(server.running());
  Clocked run;
  airquality::ReadingList sink;
  const FeedRun r = run_feed(openaq(server), "secret-key", 1796601600, sink, run.fetch());  // 2026-12-07 00:00
  EXPECT_EQ(r.failure, "");
  EXPECT_EQ(r.report.accepted, 3u);
  EXPECT_EQ(run.waits, std::vector<double>{2}) << "the 429's Retry-After";
  const auto readings = sink.take();
  ASSERT_EQ(readings.size(), 3u);
  EXPECT_EQ(readings[2].station, "openaq-2");
  const json asked = server.requests();
  bool from_since = false;
  for (const json& q : asked) {
    EXPECT_EQ(q["headers"]["x-api-key"], "secret-key");
    from_since =
        from_since || q["url"].get<std::string>().find("datetime_from=2026-12-07T00:00:00Z") != std::string::npos;
  }
  EXPECT_TRUE(from_since) << asked.dump();
}

TEST(Feeds, AnHtmlPageWithStatus200FailsTheFeedAndSaysSo) {
  ReplayServer server(
      json{{"routes",
            {{"/v3/locations",
              {{{"contentType", "text/html"}, {"body", "<html><body>Service unavailable</body></html>"}}}}}}});
  ASSERT_TRUE(server.running());
  Clocked run;
  airquality::ReadingList sink;
  const FeedRun r = run_feed(openaq(server), "secret-key", 0, sink, run.fetch());
  EXPECT_NE(r.failure.find("answered text/html, not JSON"), std::string::npos) << r.failure;
  EXPECT_EQ(r.failure.find("secret-key"), std::string::npos) << r.failure;
  EXPECT_NE(r.failure.find("[X-API-Key: ***]"), std::string::npos) << r.failure;
}

TEST(Feeds, MoenvWithItsKeyInTheQueryNeverPrinted) {
  const json record = {{"sitename", "Zhongshan"}, {"county", "Taipei City"},
                       {"siteid", "12"},          {"longitude", "121.526528"},
                       {"latitude", "25.062361"}, {"publishtime", "2026/12/07 10:00:00"},
                       {"pm2.5", "18"},           {"pm10", "30"}};
  ReplayServer server(json{{"routes",
                            {{"/api/v2/aqx_p_432", {{{"bodyJson", {{"records", json::array({record})}}}}}},
                             {"/broken", {{{"status", 500}}}}}}});
  ASSERT_TRUE(server.running());
  Clocked run;
  DataSource s;
  s.dataset = "moenv-taiwan";
  s.feed = FeedKind::MoenvAqx;
  s.url = server.url("/api/v2/aqx_p_432");
  airquality::ReadingList sink;
  const FeedRun ok = run_feed(s, "k-123-secret", 0, sink, run.fetch());
  EXPECT_EQ(ok.failure, "");
  EXPECT_EQ(ok.report.accepted, 2u) << "PM2.5 and PM10";
  EXPECT_NE(server.requests()[0]["url"].get<std::string>().find("api_key=k-123-secret"), std::string::npos);
  s.url = server.url("/broken");
  const FeedRun failed = run_feed(s, "k-123-secret", 0, sink, run.fetch());
  EXPECT_NE(failed.failure.find("HTTP 500 (4 tries)"), std::string::npos) << failed.failure;
  EXPECT_EQ(failed.failure.find("k-123-secret"), std::string::npos) << failed.failure;
  EXPECT_NE(failed.failure.find("api_key=***"), std::string::npos) << failed.failure;
}

TEST(Feeds, Utc) {
  EXPECT_EQ(utc_iso8601(1796612400), "2026-12-07T03:00:00Z");
  EXPECT_EQ(utc_iso8601(0), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace ccap::pipeline

namespace ccap::pipeline {
namespace {

using nlohmann::json;
using testing::ReplayServer;

// The year's file of the Ulaanbaatar monitor (AirNow's CSV, its rows as published), read with the
// dataset's format; a row failed by its QC is counted, not kept; an HTML page is not a file.
TEST(Feeds, AnAirnowFileIsReadWithItsDatasetsFormat) {
  const std::string file =
      "Site,Parameter,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI,AQI Category,Raw Conc.,Conc. Unit,Duration,QC "
      "Name\n"
      "Ulaanbaatar,PM2.5 - Principal,2025-01-01 01:00 AM,2025,01,01,01,251.4,353,Hazardous,312.0,UG/M3,1 Hr,Valid\n"
      "Ulaanbaatar,PM2.5 - Principal,2025-01-01 02:00 AM,2025,01,01,02,272.7,395,Hazardous,294.0,UG/M3,1 Hr,Valid\n"
      "Ulaanbaatar,PM2.5 - Principal,2025-01-01 03:00 AM,2025,01,01,03,-999,-999,N/A,-999,UG/M3,1 Hr,Invalid\n";
  ReplayServer server(
      json{{"routes",
            {{"/Ulaanbaatar_PM2.5_2025_YTD.csv", json::array({{{"contentType", "text/csv"}, {"body", file}}})},
             {"/error", json::array({{{"contentType", "text/html"}, {"body", "<html>Not here</html>"}}})}}}});
  ASSERT_TRUE(server.running());
  DataSource s;
  s.dataset = "us-embassy-ulaanbaatar";
  s.feed = FeedKind::AirnowFile;
  s.url = server.url("/Ulaanbaatar_PM2.5_2025_YTD.csv");
  s.csv = airquality::airnow_embassy_format(
      {{"Ulaanbaatar", {"us-embassy-ulaanbaatar", "U.S. Embassy Ulaanbaatar", {106.88324, 47.90771}}}}, 8 * 60);
  Clocked run;
  airquality::ReadingList sink;
  const FeedRun r = run_feed(s, "", 0, sink, run.fetch());
  EXPECT_EQ(r.failure, "");
  EXPECT_EQ(r.report.accepted, 2u);
  EXPECT_EQ(r.report.rejected_total(), 1u) << "the Invalid row";
  const auto readings = sink.take();
  ASSERT_EQ(readings.size(), 2u);
  EXPECT_EQ(readings[0].station, "us-embassy-ulaanbaatar");
  EXPECT_EQ(readings[0].time, 1735664400) << "01:00 in Ulaanbaatar: 2024-12-31T17:00Z";
  EXPECT_DOUBLE_EQ(readings[0].value, 312);

  s.url = server.url("/error");
  airquality::ReadingList none;
  const FeedRun html = run_feed(s, "", 0, none, run.fetch());
  EXPECT_NE(html.failure.find("text/html, not a CSV file"), std::string::npos) << html.failure;
  EXPECT_TRUE(none.take().empty());
}

}  // namespace
}  // namespace ccap::pipeline
