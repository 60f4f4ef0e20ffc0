// libFuzzer target: monitoring stations from a GeoJSON file (pipeline/airquality/station_points.h),
// read by GDAL from an in-memory file. Never crashes; every station it keeps has a finite place on
// the globe and an id.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <cpl_vsi.h>

#include "pipeline/airquality/station_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = "/vsimem/fuzz-stations.geojson";
  VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE);
  if (!file) return 0;
  VSIFCloseL(file);
  const ccap::airquality::StationPoints points = ccap::airquality::read_station_points(path, "fuzz");
  VSIUnlink(path.c_str());
  for (const ccap::AirStation& s : points.stations)
    if (s.id.empty() || !std::isfinite(s.where.lng) || !std::isfinite(s.where.lat) || std::abs(s.where.lat) > 90 ||
        std::abs(s.where.lng) > 180)
      std::abort();
  return 0;
}
