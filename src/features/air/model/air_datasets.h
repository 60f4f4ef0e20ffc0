#pragma once
// The index of the air-quality datasets (data/air/index.json): what each dataset is, whose, how
// sure, over which period, and where its series are (one .ccapaq a dataset). The pipeline writes
// it (ccap_geodata airquality-datasets) and the app reads it with the air panel, then fetches a
// dataset's file only when it is needed. One writer and one reader, here, so that both keep the
// same rules.
//
//   {"version": 1,
//    "datasets": [{"id", "title", "publisher", "licence", "credit", "attribution", "url", "status", "timeZone",
//                  "file": "air/moenv-taiwan.ccapaq", "bytes": 454226,
//                  "firstHour": "2026-07-03T14:00Z", "hours": 1210, "stations": 31,
//                  "pollutants": ["pm25", ...], "cities": [{"id": "taipei", "stations": 7}, ...],
//                  "bounds": [west, south, east, north]}],     degrees, of its stations
//    "demo": {same fields; "synthetic": true}}     optional: synthetic demo readings, off by default
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pollutant.h"
#include "map/geo.h"

namespace ccap {

struct AirDatasetCity {
  std::string id;  // a partner city's id
  std::uint32_t stations = 0;
};

struct AirDataset {
  std::string id, title, publisher, licence, credit, url, status, time_zone;
  std::string attribution;  // short, for the map's credit line: "Air: MOENV Taiwan (OGDL-Taiwan 1.0)"
  std::string file;         // relative to the data folder ("air/moenv-taiwan.ccapaq")
  std::uint64_t bytes = 0;
  std::int64_t first_hour = 0;  // seconds since 1970 UTC
  std::uint32_t hours = 0;      // the series' length
  std::uint32_t stations = 0;
  std::vector<Pollutant> pollutants;
  std::vector<AirDatasetCity> cities;
  double west = 0, south = 0, east = 0, north = 0;  // its stations' bounds, degrees
  bool synthetic = false;                           // demo readings, not measurements
  // How the agency's own files of this set name their places, for someone who opens such a file in
  // the app (issue 29): files that name a site or a region without saying where it is (AirNow's
  // embassy files: "Site"; data.gov.sg: "region") are read with these places, and their local
  // times in this zone. Empty for formats whose files say where their stations are.
  struct FilePlace {
    std::string key, id, name;  // as the files name it ("Ulaanbaatar"), the station's id and name
    LngLat where;
  };
  std::string files_format;  // "airnow-embassy", "datagovsg-regional"
  int files_utc_offset_minutes = 0;
  std::vector<FilePlace> file_places;

  std::int64_t end_hour() const { return first_hour + static_cast<std::int64_t>(hours) * 3600; }  // exclusive
  bool covers(std::int64_t t) const { return t >= first_hour && t < end_hour(); }
  bool serves(std::string_view city) const;
};

struct AirIndex {
  std::vector<AirDataset> datasets;  // measured
  std::optional<AirDataset> demo;
  std::vector<std::string> problems;  // "index.json: /datasets/2/hours: ..."; that dataset left out
};

// The period a series covers, in months as a visitor reads them: "Jul–Aug 2026", "Jan 2023",
// "Dec 2016–Jun 2017" (UTC months of its first and last hour).
std::string period_label(std::int64_t first_hour, std::uint32_t hours);
// "MOENV (Taiwan), provisional real-time values, Jul–Aug 2026": what the badge and every export say.
std::string dataset_caption(const AirDataset& d);
// How recent the newest hour of `d` is at `utc_now` (s since 1970): "newest reading 14 min ago",
// "newest reading 3 h ago"; "" when it is more than kRecentReadingHours old (the period says it),
// in the future (a clock that is wrong), or the time is not known (utc_now 0). A reading's time is
// its hour's start, as the series label it.
inline constexpr int kRecentReadingHours = 48;
std::string reading_age(const AirDataset& d, double utc_now);

std::string write_air_index(const AirIndex& index);
AirIndex read_air_index(std::string_view text, const std::string& file);

}  // namespace ccap
