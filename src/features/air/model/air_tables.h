#pragma once
// The air overlay as a table a visitor can download: the stations in view with their values at the
// time and averaging shown, the colour band each value falls in, and where the readings come from
// (synthetic demo data said so on every row; the dataset's caption, with its status and period, too). One row per
// station, nearest the view's centre first.
#include <string>
#include <vector>

#include "base/ids.h"
#include "features/air/model/air_overlay.h"
#include "map/map_camera.h"

namespace ccap {

// The stations whose nearest world copy is inside the camera's viewport, nearest the centre first.
std::vector<StationId> stations_in_view(const AirOverlay& air, const MapCamera& camera);
// The CSV (base/formats/csv_writer.h) of `stations` under the overlay's settings now.
std::string stations_csv(const AirOverlay& air, const std::vector<StationId>& stations);
// What the file is, for its name: "stations-pm25-daily-mean-2025-12-31".
std::string stations_csv_what(const AirOverlay& air);

// What a city's stations measured of one pollutant over the whole series: the mean of every
// hourly reading (µg/m³), and how many hours have at least one (coverage, out of data.hours).
struct CityCoverage {
  double mean = 0;
  std::size_t readings = 0;           // station-hours with a value
  std::size_t hours_with_values = 0;  // hours with a value at one station or more
};
CityCoverage city_coverage(const AirQualityData& data, const std::vector<std::uint32_t>& stations, Pollutant p);

}  // namespace ccap
