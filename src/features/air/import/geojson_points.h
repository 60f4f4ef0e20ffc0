#pragma once
// Monitoring-station points from a GeoJSON FeatureCollection (RFC 7946: WGS 84 longitude, latitude),
// read without GDAL, so that the browser reads them as the pipeline's GDAL path does
// (pipeline/airquality/station_points.h) and with the same checks and attribute names:
//   each Point feature is a station; id from id/siteid/station_id/location_id (else the feature's
//   "id", else its index), name from name/sitename/station_name/location, and operator/owner/
//   provider, licence/license, source_url/url and city when present;
//   a feature that is not a point, or whose coordinates are not finite longitude and latitude, is
//   left out and named ("stations.geojson: feature 3: not a point"); numbers far beyond ±180/±90
//   are said to be a projection's metres (as Reject::ProjectedCoordinates says for CSV);
//   a document that is not JSON, not a FeatureCollection, or has no features is fatal.
#include <string>
#include <string_view>
#include <vector>

#include "features/air/import/readings.h"
#include "features/air/model/air_series.h"

namespace ccap::airquality {

struct StationPointsRead {
  std::vector<AirStation> stations;
  // Each feature left out, counted by reason, the first few named ("file: feature 3: not a point":
  // Malformed; BadCoordinates; ProjectedCoordinates); `fatal`: the file could not be read at all.
  ImportReport report;
};

StationPointsRead read_geojson_points(std::string_view text, const std::string& file, const std::string& source);

}  // namespace ccap::airquality
