#include "pipeline/refresh/data_sources.h"

#include <gtest/gtest.h>

namespace ccap::pipeline {
namespace {

TEST(DataSources, ReadsEachFeedWithWhereItsKeyIs) {
  const DataSources d = read_data_sources(R"({"format": 1, "window_days": 30, "sources": [
    {"dataset": "moenv-taiwan", "feed": "moenv-aqx", "url": "https://data.moenv.gov.tw/api/v2/aqx_p_432",
     "key_env": "MOENV_API_KEY"},
    {"dataset": "openaq-colombo", "feed": "openaq-v3", "url": "https://api.openaq.org/v3",
     "key_env": "OPENAQ_API_KEY", "bbox": [79.8, 6.8, 80.0, 7.0]},
    {"dataset": "ulaanbaatar-us-embassy", "feed": "airnow-file", "url": "http://127.0.0.1:8000/ub.csv"}]})",
                                          "data-sources.json");
  ASSERT_TRUE(d.problems.empty()) << d.problems[0];
  EXPECT_EQ(d.window_days, 30);
  ASSERT_EQ(d.sources.size(), 3u);
  EXPECT_EQ(d.sources[0].key_env, "MOENV_API_KEY");
  EXPECT_EQ(d.sources[1].feed, FeedKind::OpenaqV3);
  EXPECT_EQ(d.sources[1].bbox->at(2), 80.0);
  EXPECT_TRUE(d.sources[2].key_env.empty());
}

TEST(DataSources, EachProblemIsNamedWithItsPlaceAndTheEntryLeftOut) {
  const DataSources d = read_data_sources(R"({"format": 1, "sources": [
    {"dataset": "Moenv Taiwan", "feed": "moenv-aqx", "url": "https://x"},
    {"dataset": "a", "feed": "rss", "url": "https://x"},
    {"dataset": "b", "feed": "moenv-aqx", "url": "ftp://x"},
    {"dataset": "c", "feed": "moenv-aqx", "url": "https://x", "key_env": "my key"},
    {"dataset": "d", "feed": "openaq-v3", "url": "https://x"},
    {"dataset": "e", "feed": "openaq-v3", "url": "https://x", "bbox": [10, 5, 200, 6]},
    {"dataset": "f", "feed": "openaq-v3", "url": "https://x", "bbox": [10, 6, 11, 5]},
    {"dataset": "g", "feed": "airnow-file", "url": "https://x"},
    {"dataset": "g", "feed": "airnow-file", "url": "https://y"}]})",
                                          "data-sources.json");
  EXPECT_EQ(d.window_days, kDefaultWindowDays);
  ASSERT_EQ(d.sources.size(), 1u);
  EXPECT_EQ(d.sources[0].dataset, "g");
  const std::vector<std::string> expected{
      "data-sources.json: /sources/0/dataset: is 'Moenv Taiwan': a-z, 0-9 and '-'",
      "data-sources.json: /sources/1/feed: is 'rss'; one of moenv-aqx, openaq-v3, airnow-file",
      "data-sources.json: /sources/2/url: is 'ftp://x': an http or https address",
      "data-sources.json: /sources/3/key_env: is 'my key': the name of an environment variable (A-Z, 0-9, _)",
      "data-sources.json: /sources/4/bbox: is needed by openaq-v3",
      "data-sources.json: /sources/5/bbox/2: wants a longitude, -180 to 180",
      "data-sources.json: /sources/6/bbox: is empty: west < east, south < north",
      "data-sources.json: /sources/8/dataset: is 'g' again"};
  EXPECT_EQ(d.problems, expected);
}

TEST(DataSources, NotJsonOrAnotherFormatIsSaid) {
  EXPECT_EQ(read_data_sources(R"({"format": 2, "sources": []})", "s.json").problems,
            std::vector<std::string>{"s.json: /format: is 2; this build reads format 1"});
  const DataSources broken = read_data_sources(R"({"format": 1, "sources": [)", "s.json");
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_NE(broken.problems[0].find("s.json: not valid JSON"), std::string::npos) << broken.problems[0];
  EXPECT_EQ(read_data_sources(R"({"format": 1, "window_days": 0, "sources": []})", "s.json").problems,
            std::vector<std::string>{"s.json: /window_days: is 0; 1 to 366 days"});
}

}  // namespace
}  // namespace ccap::pipeline
