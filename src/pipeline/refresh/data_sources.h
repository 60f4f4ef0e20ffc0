#pragma once
// What the refresh job (ccap_geodata refresh) fetches: geodata/airquality/data-sources.json, one
// entry per dataset of datasets.json that has a live feed.
//
//   {"format": 1,
//    "window_days": 90,                 hours kept in a dataset's series (older ones fold into daily means)
//    "sources": [{
//      "dataset": "moenv-taiwan",       a dataset of datasets.json: its file is data/air/<id>.ccapaq
//      "feed": "moenv-aqx" | "openaq-v3" | "airnow-file",
//      "url": "https://...",            the endpoint (moenv-aqx: aqx_p_432; openaq-v3: the API's root;
//                                       airnow-file: the year's file)
//      "key_env": "MOENV_API_KEY",      optional: the environment variable that holds the API key
//      "bbox": [west, south, east, north]   openaq-v3: the locations to ask for, degrees
//    }]}
//
// Read with the one JSON reader: every problem is named with the file and its JSON pointer, and a
// file with any problem refreshes nothing. The key itself is never in the file, only where to
// find it.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/air/import/csv_import.h"

namespace ccap::pipeline {

inline constexpr int kDataSourcesFormat = 1;
inline constexpr int kDefaultWindowDays = 90;

enum class FeedKind { MoenvAqx, OpenaqV3, AirnowFile };

struct DataSource {
  std::string dataset;
  FeedKind feed = FeedKind::MoenvAqx;
  std::string url;
  std::string key_env;                        // empty: the feed needs no key
  std::optional<std::array<double, 4>> bbox;  // west, south, east, north
  // airnow-file: how to read the file (its dataset's import in datasets.json: the site's place,
  // the zone of its local times), set by the refresh job from the description.
  std::optional<airquality::CsvFormat> csv;
};

struct DataSources {
  int window_days = kDefaultWindowDays;
  std::vector<DataSource> sources;
  std::vector<std::string> problems;
};

DataSources read_data_sources(std::string_view text, const std::string& path);

const char* feed_name(FeedKind kind);  // "moenv-aqx" ...

}  // namespace ccap::pipeline
