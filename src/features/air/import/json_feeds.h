#pragma once
// Importers for the national open-data JSON feeds in the domain notes, one document in memory
// each (the pipeline reads MOENV archives of them: pipeline/airquality/json_importers.h). Both give strings for
// numbers and local times without a zone; the zone is each country's own and is applied here.
//
// Taiwan MOENV `aqx_p_432` (hourly, Open Government Data License v1.0): an array of records, or
//   {"records": [...]}; fields sitename, county, siteid, longitude, latitude, publishtime
//   ("2024/03/01 05:00:00", Taiwan time UTC+8), pm2.5 and pm10 (µg/m³), no2, o3, so2 (ppb),
//   co (ppm). Empty strings, "-" and "ND" are missing values. The same data as an archiving
//   crawler stores it (github.com/crab650/taiwan-air-quality, one file per county and snapshot):
//   {"county", "updated_at", "stations": [...]} with the fields spelled site_id, site_name,
//   publish_time, pm2_5: one field map reads both spellings. A feed polled hourly publishes an
//   hour again in later snapshots: the same value is one reading (ImportReport::repeated), a
//   changed one is reported (Reject::DuplicateTime, the first kept).
// Thailand PCD air4thai: {"stations": [...]}, each with stationID, nameEN, areaEN, lat, long and
//   AQILast {date "2024-03-01", time "05:00" (Thai time UTC+7), PM25, PM10, O3, CO, NO2, SO2 each
//   {value}}; PM in µg/m³, O3, NO2, SO2 in ppb, CO in ppm; "-1" or "-" is missing.
//
// OpenAQ API v3 (docs.openaq.org; the refresh job's feed for the cities whose agencies publish
// through it), two answers, each a page {"meta": {"page", "limit", "found"}, "results": [...]}:
//   /v3/locations?bbox=W,S,E,N: each {"id", "name", "coordinates": {"latitude", "longitude"},
//     "sensors": [{"id", "parameter": {"name": "pm25", "units": "µg/m³"}}]};
//   /v3/sensors/{id}/hours: each {"value", "parameter": {"name", "units"},
//     "period": {"datetimeFrom": {"utc"}, "datetimeTo": {"utc"}}}, the mean of an hour, kept at
//     the hour it starts (as every other feed here labels its hours).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/air/import/readings.h"

namespace ccap::airquality {

// Each feed is one JSON document (a national snapshot: some hundred kilobytes), read whole.
inline constexpr std::size_t kMaxFeedJsonBytes = 64u << 20;

ImportReport import_moenv_json(std::string_view text, const std::string& file, ReadingSink& sink);
ImportReport import_air4thai_json(std::string_view text, const std::string& file, ReadingSink& sink);
struct OpenaqSensor {
  long long id = 0;
  Pollutant pollutant = Pollutant::Pm25;
  std::string units;  // as the API gives them: "µg/m³", "ppm"
};
struct OpenaqLocation {
  long long id = 0;
  std::string name;
  LngLat where;
  std::vector<OpenaqSensor> sensors;  // of the pollutants the atlas shows; others are left out
};
// One page of an OpenAQ v3 answer: its results' count and the API's paging, to ask for the next.
struct OpenaqPage {
  std::size_t results = 0;
  int page = 0, limit = 0;                                                               // 0: not given
  bool full() const { return limit > 0 && results >= static_cast<std::size_t>(limit); }  // more may follow
};
struct OpenaqLocations {
  std::vector<OpenaqLocation> locations;
  OpenaqPage page;
  ImportReport report;  // a location without a place or id: a rejected record; not JSON: fatal
};
OpenaqLocations read_openaq_locations(std::string_view text, const std::string& file);
// The hours of one of `location`'s sensors, handed to `sink` as readings of the location.
ImportReport import_openaq_hours(std::string_view text, const std::string& file, const OpenaqLocation& location,
                                 const OpenaqSensor& sensor, ReadingSink& sink, OpenaqPage* page = nullptr);

// The same, the readings kept (tests, fuzzing).
ImportResult import_moenv_json(std::string_view text, const std::string& file);
ImportResult import_air4thai_json(std::string_view text, const std::string& file);

}  // namespace ccap::airquality
