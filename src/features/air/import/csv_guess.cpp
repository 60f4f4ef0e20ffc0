#include "features/air/import/csv_guess.h"

#include <algorithm>
#include <cctype>

namespace ccap::airquality {

namespace {

// "Datetime UTC" -> "datetimeutc": a header's name as the lists compare it.
std::string folded(const std::string& name) {
  std::string out;
  for (char c : name)
    if (c != ' ' && c != '_' && c != '.' && c != '-')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first header column whose folded name is in `names` (in the order of `names`), or "".
std::string first_of(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (const std::string& h : header)
      if (folded(h) == n) return h;
  return {};
}

}  // namespace

CsvGuess guess_csv_format(const FileSniff& sniff, const std::string& name) {
  const std::vector<std::string>& h = sniff.header;
  CsvFormat f;
  f.name = name;
  f.separator = sniff.separator;
  f.decimal_comma = sniff.decimal_comma;
  f.time_column = first_of(h, {"datetimeutc", "utc", "datetime", "timestamp", "time", "date"});
  f.station_column = first_of(h, {"locationid", "stationid", "siteid", "station", "site", "location", "id"});
  f.name_column = first_of(h, {"locationname", "stationname", "sitename", "name", "location"});
  f.latitude_column = first_of(h, {"lat", "latitude"});
  f.longitude_column = first_of(h, {"lon", "lng", "long", "longitude"});
  f.pollutant_column = first_of(h, {"parameter", "pollutant"});
  f.value_column = first_of(h, {"value"});
  f.unit_column = first_of(h, {"unit", "units"});
  if (f.pollutant_column.empty() || f.value_column.empty()) {  // a column per pollutant, in µg/m³ (CsvFormat::unit)
    f.pollutant_column.clear(), f.value_column.clear(), f.unit_column.clear();
    for (const std::string& column : h)
      if (const auto p = parse_pollutant(folded(column))) f.value_columns.push_back({column, *p});
  }
  if (f.station_column.empty()) f.station_column = f.name_column;
  CsvGuess g;
  if (f.time_column.empty()) g.missing.push_back("a time");
  if (f.station_column.empty()) g.missing.push_back("a station");
  if (f.latitude_column.empty() || f.longitude_column.empty()) g.missing.push_back("coordinates");
  if (f.value_columns.empty() && f.value_column.empty()) g.missing.push_back("values");
  g.found = f;
  if (g.missing.empty()) g.format = std::move(f);
  return g;
}

}  // namespace ccap::airquality
