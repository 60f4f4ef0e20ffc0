#include "features/air/model/air_tables.h"

#include <algorithm>
#include <cmath>

#include "base/formats/csv_writer.h"

namespace ccap {

std::vector<StationId> stations_in_view(const AirOverlay& air, const MapCamera& camera) {
  const glm::dvec2 size = camera.viewport(), centre = size * 0.5;
  const double world = camera.world_size();
  std::vector<std::pair<double, StationId>> found;
  const auto& stations = air.data().stations;
  for (std::size_t i = 0; i < stations.size(); ++i) {
    glm::dvec2 p = camera.lnglat_to_screen(stations[i].where);
    p.x += std::round((centre.x - p.x) / world) * world;  // the copy nearest the centre
    if (p.x < 0 || p.y < 0 || p.x >= size.x || p.y >= size.y) continue;
    const glm::dvec2 d = p - centre;
    found.emplace_back(d.x * d.x + d.y * d.y, StationId(i));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<StationId> out;
  out.reserve(found.size());
  for (const auto& [distance, id] : found) out.push_back(id);
  return out;
}

std::string stations_csv(const AirOverlay& air, const std::vector<StationId>& stations) {
  const AirSettings& s = air.settings();
  CsvWriter csv({"station_id", "station", "partner_city_id", "latitude", "longitude", "pollutant", "averaging",
                 "time_utc", "value_ug_m3", "band", "scale", "synthetic", "source", "operator", "licence", "url",
                 "dataset"});
  const std::span<const float> values = air.values();
  const auto& scale = air.color_scale();
  const std::string time = air.step_label();
  for (const StationId id : stations) {
    if (id.index() >= air.data().stations.size()) continue;
    const AirStation& st = air.data().stations[id.index()];
    const float v = id.index() < values.size() ? values[id.index()] : NAN;
    const int band = scale && std::isfinite(v) ? scale->band_of(v) : -1;
    csv.row({CsvCell::text(st.id), CsvCell::text(st.name), CsvCell::text(st.city), CsvCell::number(st.where.lat, 5),
             CsvCell::number(st.where.lng, 5), CsvCell::text(pollutant_name(s.pollutant)),
             CsvCell::text(period_name(s.period)), CsvCell::text(time), CsvCell::number(v, 1),
             CsvCell::text(band >= 0 ? scale->bands[static_cast<std::size_t>(band)].label : ""),
             CsvCell::text(scale ? scale->title : ""),
             CsvCell::text(st.synthetic ? "yes: synthetic demo data, not measurements" : "no"),
             CsvCell::text(st.source), CsvCell::text(st.operator_name), CsvCell::text(st.licence),
             CsvCell::text(st.url), CsvCell::text(air.data().description)});
  }
  return csv.text();
}

std::string stations_csv_what(const AirOverlay& air) {
  const AirSettings& s = air.settings();
  return std::string("stations ") + pollutant_key(s.pollutant) + " " + period_name(s.period) + " " + air.step_label();
}

CityCoverage city_coverage(const AirQualityData& data, const std::vector<std::uint32_t>& stations, Pollutant p) {
  CityCoverage c;
  std::vector<bool> covered(data.hours, false);
  double sum = 0;
  for (const AirSeries& s : data.series) {
    if (s.pollutant != p || std::find(stations.begin(), stations.end(), s.station) == stations.end()) continue;
    for (std::size_t h = 0; h < s.values.size() && h < covered.size(); ++h)
      if (std::isfinite(s.values[h])) {
        sum += s.values[h];
        ++c.readings;
        covered[h] = true;
      }
  }
  c.hours_with_values = static_cast<std::size_t>(std::count(covered.begin(), covered.end(), true));
  c.mean = c.readings ? sum / static_cast<double>(c.readings) : 0;
  return c;
}

}  // namespace ccap
