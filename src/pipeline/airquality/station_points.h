#pragma once
// Monitoring-station locations from any vector format GDAL reads: GeoJSON, GeoPackage, Shapefile,
// or CSV with longitude/latitude columns (GDAL's X_POSSIBLE_NAMES / Y_POSSIBLE_NAMES open options
// find lon/lng/longitude and lat/latitude). Each point feature becomes a station; its id and name
// come from the first of these attributes present: id/siteid/station_id/location_id, and
// name/sitename/station_name/location; and operator/owner/provider, licence/license,
// source_url/url and city (a partner city id) when present.
#include <string>
#include <vector>

#include "features/air/model/air_series.h"

namespace ccap::airquality {

struct StationPoints {
  std::vector<AirStation> stations;
  std::vector<std::string> problems;  // "file: feature 3: ..." for each feature left out
  std::string fatal;                  // the file could not be read at all
};

StationPoints read_station_points(const std::string& path, const std::string& source);

}  // namespace ccap::airquality
