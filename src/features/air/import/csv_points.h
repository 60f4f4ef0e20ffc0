#pragma once
// Station points from a CSV with latitude and longitude columns and no readings (an agency's list of
// its monitors, a network's sites): each row a station, as the pipeline's GDAL path reads such a
// file (pipeline/airquality/station_points.h) and as GeoJSON points are read here (geojson_points.h).
// The columns are the guess's (csv_guess.h: a station or its name, latitude, longitude), with the
// file's separator and decimal comma. A row without a station is MissingStation; coordinates that
// are not numbers on the globe BadCoordinates, or ProjectedCoordinates when both are in the
// thousands (a projection's metres); an id seen again elsewhere is MovedStation (the first kept),
// at the same place a repeat. Read a line at a time, as the chunks come.
#include <map>
#include <string>
#include <string_view>

#include "features/air/import/csv_import.h"
#include "features/air/import/geojson_points.h"

namespace ccap::airquality {

class CsvPoints {
 public:
  // `format`: its station (or name), latitude and longitude columns, separator and decimal comma.
  CsvPoints(std::string file, const CsvFormat& format, std::string source);
  // Line `number` (from 1), its first bytes `text` of `length`. False once the file is fatal.
  bool line(std::string_view text, std::size_t length, std::size_t number);
  StationPointsRead finish(const std::string& read_error = {});
  const ImportReport& report() const { return out_.report; }

 private:
  std::string file_, source_;
  const CsvFormat& format_;
  StationPointsRead out_;
  bool header_read_ = false;
  std::size_t id_ = 0, name_ = 0, lat_ = 0, lon_ = 0, columns_ = 0;
  std::vector<std::string> fields_;
  std::map<std::string, LngLat, std::less<>> seen_;
};

}  // namespace ccap::airquality
