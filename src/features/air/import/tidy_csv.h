#pragma once
// Imported data taken away as a tidy table (one value a row), for a spreadsheet or R/pandas:
//   station_id,station_name,source,latitude,longitude,pollutant,time_utc,value_ugm3,flags
// time_utc: the hour's start, ISO 8601 ("2024-03-01T05:00:00Z"); value_ugm3: the hour's mean in
// µg/m³ (the importers' unit, readings.h), 2 decimals; flags: empty for a value that passed every
// check (rejected records are not written: the import's report lists them), "synthetic" for a
// demo value (never measured). Rows by station, pollutant, then time. A spreadsheet-safe CSV
// (base/formats/csv_writer.h: a byte-order mark, CRLF, text cells guarded against formulas).
#include <string>

#include "features/air/model/air_series.h"

namespace ccap::airquality {

std::string tidy_csv(const AirQualityData& data);

}  // namespace ccap::airquality
