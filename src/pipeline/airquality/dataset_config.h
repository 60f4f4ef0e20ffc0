#pragma once
// The real air-quality datasets the atlas ships, as described in geodata/airquality/datasets.json:
// who published each, under what licence, how sure its values are, and how to import it.
//
//   {"datasets": [{
//      "id": "moenv-taiwan",                      a-z, 0-9 and '-': the file is data/air/<id>.ccapaq
//      "title": "MOENV (Taiwan)",                 short, as the badge names it
//      "publisher": "...", "licence": "...", "credit": "...", "url": "https://...",
//      "attribution": "Air: MOENV Taiwan (OGDL-Taiwan 1.0)",   the map's credit line, short
//      "status": "provisional real-time values",  how far the values are checked, in the publisher's words
//      "time_zone": "UTC+08:00",                  of the files' local times (shown with the period)
//      "provenance": "datasets/taiwan-moenv/PROVENANCE.md",
//      "city": "ulaanbaatar",                     optional: the partner city of every station
//      "stations": "stations.geojson",            optional: names and cities of stations by id
//      "import": {"format": "moenv" | "openaq" | "airnow-embassy" | "datagovsg-regional" | "csv",
//                 "files": ["datasets/..."],      relative to the description's folder
//                 "utc_offset": "+08:00",         for times without one
//                 "places": {"<name in the file>": {"id", "name", "lat", "lon"}},
//                 "columns": {...}}               for "csv": see CsvColumns below
//   }]}
//
// A column-mapped CSV ("format": "csv") names its columns:
//   "columns": {"time": "datetime", "station": "location_id", "name": "location",
//               "latitude": "latitude", "longitude": "longitude",
//               "values": {"pm25": "pm25"}}          a column per pollutant, or
//               "pollutant": "parameter", "value": "value", "unit": "units"   the pair form
//   "unit": "ug/m3" (when there is no unit column), "missing": [-999],
//   "separator": ";" (or "\t"; "," when left out), "decimal_comma": true ("12,5"; not with ",")
//
// Every problem is named with the file and its JSON pointer; a description with any problem
// builds nothing (the pipeline never writes part of a set).
#include <string>
#include <string_view>
#include <vector>

#include "features/air/import/csv_import.h"

namespace ccap::airquality {

struct DatasetImport {
  enum class Kind { Moenv, Csv };
  Kind kind = Kind::Csv;
  std::string format;              // as the description names it: "moenv", "airnow-embassy", ...
  CsvFormat csv;                   // for Kind::Csv
  std::vector<std::string> files;  // paths, resolved against the description's folder
};

struct DatasetSpec {
  std::string id, title, publisher, licence, credit, attribution, url, status, time_zone, provenance;
  std::string city;      // every station's partner city, or empty
  std::string stations;  // a station metadata file (station_points.h), or empty
  DatasetImport import;
};

struct DatasetConfig {
  std::vector<DatasetSpec> datasets;
  std::vector<std::string> problems;  // "datasets.json: /datasets/2/import/format: ..."
};

// A dataset's id: a-z, 0-9 and '-', 1 to 64 of them (its file is data/air/<id>.ccapaq). The one
// rule for datasets.json and data-sources.json.
bool is_dataset_id(const std::string& id);

// `text` read as the description at `path` (its folder resolves the files).
DatasetConfig read_dataset_config(std::string_view text, const std::string& path);

}  // namespace ccap::airquality
