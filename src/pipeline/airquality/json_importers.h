#pragma once
// Importers for the two national open-data JSON feeds in the domain notes. Both give strings for
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
#include <string>
#include <string_view>

#include "pipeline/airquality/readings.h"
#include "pipeline/byte_stream.h"

namespace ccap::airquality {

// Each feed is one JSON document (a national snapshot: some hundred kilobytes), read whole.
inline constexpr std::size_t kMaxFeedJsonBytes = 64u << 20;

ImportReport import_moenv_json(std::string_view text, const std::string& file, ReadingSink& sink);
ImportReport import_air4thai_json(std::string_view text, const std::string& file, ReadingSink& sink);
// A MOENV file: one document (.json, or gzipped), or a tar archive of snapshots (.tar, .tar.gz,
// told by its content), read member by member in the archive's order. A member that is not an
// aqx_p_432 document is one rejected record (Malformed, named); a damaged archive is fatal.
ImportReport import_moenv_file(const std::string& path, ReadingSink& sink);
// The same from a stream of its bytes (gunzipped already: pipeline::gunzip_if_gzip), named `path`.
ImportReport import_moenv_stream(pipeline::ReadChunk stream, const std::string& path, ReadingSink& sink);
// The same, the readings kept (tests, fuzzing).
ImportResult import_moenv_json(std::string_view text, const std::string& file);
ImportResult import_air4thai_json(std::string_view text, const std::string& file);

}  // namespace ccap::airquality
