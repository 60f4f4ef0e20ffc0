#pragma once
// Importers for the two national open-data JSON feeds in the domain notes. Both give strings for
// numbers and local times without a zone; the zone is each country's own and is applied here.
//
// Taiwan MOENV `aqx_p_432` (hourly, Open Government Data License v1.0): an array of records, or
//   {"records": [...]}; fields sitename, county, siteid, longitude, latitude, publishtime
//   ("2024/03/01 05:00:00", Taiwan time UTC+8), pm2.5 and pm10 (µg/m³), no2, o3, so2 (ppb),
//   co (ppm). Empty strings, "-" and "ND" are missing values.
// Thailand PCD air4thai: {"stations": [...]}, each with stationID, nameEN, areaEN, lat, long and
//   AQILast {date "2024-03-01", time "05:00" (Thai time UTC+7), PM25, PM10, O3, CO, NO2, SO2 each
//   {value}}; PM in µg/m³, O3, NO2, SO2 in ppb, CO in ppm; "-1" or "-" is missing.
#include <string>
#include <string_view>

#include "pipeline/airquality/readings.h"

namespace ccap::airquality {

// Each feed is one JSON document (a national snapshot: some hundred kilobytes), read whole.
inline constexpr std::size_t kMaxFeedJsonBytes = 64u << 20;

ImportReport import_moenv_json(std::string_view text, const std::string& file, ReadingSink& sink);
ImportReport import_air4thai_json(std::string_view text, const std::string& file, ReadingSink& sink);
// The same, the readings kept (tests, fuzzing).
ImportResult import_moenv_json(std::string_view text, const std::string& file);
ImportResult import_air4thai_json(std::string_view text, const std::string& file);

}  // namespace ccap::airquality
