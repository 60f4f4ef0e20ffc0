// The description of the shipped datasets: the real one builds every dataset (counts pinned), and a
// description with a problem names it (file, JSON pointer) and builds nothing.
#include "pipeline/airquality/dataset_config.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "features/air/model/air_series.h"
#include "pipeline/airquality/dataset_build.h"
#include "pipeline/archive_bytes.h"
#include "test_paths.h"

namespace ccap::airquality {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(DatasetConfig, TheShippedDatasetsBuildAndRoundTrip) {
  const std::string path = CCAP_DATASETS "/../datasets.json";
  const DatasetConfig config = read_dataset_config(read_text(path), path);
  ASSERT_TRUE(config.problems.empty()) << config.problems.front();
  ASSERT_EQ(config.datasets.size(), 4u);
  struct Expected {
    const char* id;
    std::uint32_t stations, hours;
    const char* period;
  } expected[] = {{"moenv-taiwan", 31, 1210, "Jul\u2013Aug 2026"},
                  {"us-embassy-ulaanbaatar", 1, 81080, "Nov 2015\u2013Jan 2025"},
                  {"nea-singapore", 5, 5088, "Nov 2016\u2013Jun 2017"},
                  {"openaq-colombo", 2, 654, "Jan 2023"}};
  for (std::size_t i = 0; i < 4; ++i) {
    const DatasetBuild b = build_dataset(config.datasets[i]);
    ASSERT_TRUE(b.errors.empty()) << b.errors.front();
    EXPECT_EQ(b.entry.id, expected[i].id);
    EXPECT_EQ(b.entry.stations, expected[i].stations) << expected[i].id;
    EXPECT_EQ(b.entry.hours, expected[i].hours) << expected[i].id;
    EXPECT_EQ(period_label(b.entry.first_hour, b.entry.hours), expected[i].period) << expected[i].id;
    EXPECT_FALSE(b.entry.cities.empty()) << expected[i].id << ": its stations name their partner cities";
    for (const AirStation& s : b.data.stations) {
      EXPECT_EQ(s.source, config.datasets[i].title);
      EXPECT_EQ(s.licence, config.datasets[i].licence);
      EXPECT_FALSE(s.synthetic);
    }
    // What the pipeline writes, the app reads back whole.
    const AirQualityDecodeResult again = decode_air_quality(encode_air_quality(b.data));
    ASSERT_TRUE(again.data) << again.error;
    EXPECT_TRUE(air_quality_problems(*again.data).empty());
  }
}

TEST(DatasetConfig, EachProblemIsNamedWithItsPlace) {
  const auto problems = [](const std::string& text) { return read_dataset_config(text, "d.json").problems; };
  const std::string good =
      R"("title": "T", "publisher": "P", "licence": "L", "credit": "C", "attribution": "A", "url": "https://x",
                               "status": "S", "time_zone": "UTC", "provenance": "p.md")";
  EXPECT_EQ(
      problems(R"({"datasets": [{"id": "Bad Id", )" + good + R"(, "import": {"format": "moenv", "files": ["a"]}}]})")
          .front(),
      "d.json: /datasets/0/id: is 'Bad Id': a-z, 0-9 and '-', at most 64");
  EXPECT_EQ(
      problems(R"({"datasets": [{"id": "x", )" + good + R"(, "import": {"format": "xml", "files": ["a"]}}]})").front(),
      "d.json: /datasets/0/import/format: is 'xml', not moenv, openaq, airnow-embassy, datagovsg-regional or csv");
  EXPECT_EQ(problems(R"({"datasets": [{"id": "x", )" + good +
                     R"(, "import": {"format": "airnow-embassy", "utc_offset": "+8", "files": ["a"]}}]})")
                .front(),
            "d.json: /datasets/0/import/utc_offset: is '+8', not an offset like +08:00 or -05:30");
  EXPECT_EQ(problems(R"({"datasets": [{"id": "x", )" + good +
                     R"(, "import": {"format": "csv", "columns": {"time": "t", "station": "s"}, "files": ["a"]}}]})")
                .front(),
            "d.json: /datasets/0/import/columns: needs either \"values\" (a column per pollutant) or \"pollutant\" "
            "and \"value\", not both");
  EXPECT_EQ(
      problems(R"({"datasets": [{"id": "x", )" + good + R"(, "import": {"format": "moenv", "files": []}}]})").front(),
      "d.json: /datasets/0/import/files: names no file");
  EXPECT_EQ(problems("{\"datasets\": [").front().rfind("d.json: ", 0), 0u);
  const std::string columns = R"("columns": {"time": "t", "station": "s", "values": {"pm25": "v"}}, "files": ["a"])";
  EXPECT_EQ(problems(R"({"datasets": [{"id": "x", )" + good + R"(, "import": {"format": "csv", "separator": "|", )" +
                     columns + "}}]}")
                .front(),
            "d.json: /datasets/0/import/separator: is '|', not \",\", \";\" or a tab");
  EXPECT_EQ(problems(R"({"datasets": [{"id": "x", )" + good +
                     R"(, "import": {"format": "csv", "decimal_comma": true, )" + columns + "}}]}")
                .front(),
            "d.json: /datasets/0/import/decimal_comma: needs a separator other than ',' (\"separator\": \";\")");
  const DatasetConfig semicolon = read_dataset_config(R"({"datasets": [{"id": "x", )" + good +
                                                          R"(, "import": {"format": "csv", "separator": ";", )"
                                                          R"("decimal_comma": true, )" +
                                                          columns + "}}]}",
                                                      "d.json");
  ASSERT_TRUE(semicolon.problems.empty()) << semicolon.problems.front();
  EXPECT_EQ(semicolon.datasets[0].import.csv.separator, ';');
  EXPECT_TRUE(semicolon.datasets[0].import.csv.decimal_comma);
}

// A dataset whose file is cut is an error for the whole set: the tool writes nothing.
TEST(DatasetConfig, ADatasetThatFailsBuildsNothing) {
  const std::string cut = test::temp_file("cut.tar.gz", test::gzip(std::string(5000, 'x')).substr(0, 20));
  const std::string text =
      R"({"datasets": [{"id": "x", "title": "T", "publisher": "P", "licence": "L", "credit": "C", "attribution": "A",
    "url": "https://x", "status": "S", "time_zone": "UTC", "provenance": "p.md",
    "import": {"format": "moenv", "files": [")" +
      cut + R"("]}}]})";
  const DatasetConfig config = read_dataset_config(text, "/d.json");
  ASSERT_TRUE(config.problems.empty()) << config.problems.front();
  const DatasetBuild b = build_dataset(config.datasets[0]);
  ASSERT_FALSE(b.errors.empty());
  EXPECT_EQ(b.errors.front(), cut + ": the gzip data is cut short (a truncated file)");
  std::remove(cut.c_str());
}

}  // namespace
}  // namespace ccap::airquality
