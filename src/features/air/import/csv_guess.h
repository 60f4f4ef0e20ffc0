#pragma once
// The columns of a CSV nobody described, guessed from its header (file_kind.h's PointsCsv and Csv):
// a time, a station, where it is, and its values, so that a file someone opens reads without a
// description when its columns have the names such files use, and a small dialog asks only for
// what could not be told (`missing`). Names are compared without case, spaces, '_' or '.':
//   time       datetimeUtc, datetime_utc, utc, datetime, timestamp, date_time, time, date
//              (a time that names its zone first; without one the file's times are taken as UTC)
//   station    location_id, station_id, site_id, siteid, station, site, location, id
//   name       location_name, station_name, site_name, sitename, name, location
//   latitude   lat, latitude;   longitude  lon, lng, long, longitude
//   values     a pollutant and value pair (parameter or pollutant, value, and unit or units), or a
//              column per pollutant named as the pollutant (pm25, pm2.5, PM2_5, pm10, no2, o3, so2, co)
// The OpenAQ Explorer's download (location_id, location_name, parameter, value, unit, datetimeUtc,
// ..., latitude, longitude) and an agency's points table both read this way.
#include <optional>
#include <string>
#include <vector>

#include "features/air/import/csv_import.h"
#include "features/air/import/file_kind.h"

namespace ccap::airquality {

struct CsvGuess {
  std::optional<CsvFormat> format;   // every role found
  std::vector<std::string> missing;  // else what was not: "a time", "a station", "coordinates", "values"
  CsvFormat found;                   // the columns found, whether or not every role was (a points table)
};

// `sniff`: a CSV kind of file_kind.h (its header, separator and decimal comma); `name`: the file's.
CsvGuess guess_csv_format(const FileSniff& sniff, const std::string& name);

}  // namespace ccap::airquality
