#include "pipeline/airquality/series_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace ccap::airquality {

namespace {
std::int64_t hour_of(std::int64_t t) { return t - ((t % 3600) + 3600) % 3600; }
}  // namespace

AirQualityData build_series(const std::vector<SourcedReadings>& inputs) {
  AirQualityData out;
  std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = std::numeric_limits<std::int64_t>::min();
  for (const auto& in : inputs)
    for (const Reading& r : in.readings) {
      first = std::min(first, hour_of(r.time));
      last = std::max(last, hour_of(r.time));
    }
  if (first > last) return out;
  out.first_hour = first;
  out.hours = static_cast<std::uint32_t>((last - first) / 3600 + 1);

  std::map<std::pair<std::string, std::string>, std::uint32_t> station_index;  // (source, id)
  std::map<std::pair<std::uint32_t, int>, std::size_t> series_index;           // (station, pollutant)
  std::vector<std::vector<std::pair<double, int>>> sums;                       // per series, per hour
  for (const auto& in : inputs) {
    for (const Reading& r : in.readings) {
      auto [st, new_station] =
          station_index.try_emplace({in.source, r.station}, static_cast<std::uint32_t>(out.stations.size()));
      if (new_station) {
        AirStation station;
        station.id = r.station;
        station.name = r.station_name;
        station.source = in.source;
        station.where = r.where;
        out.stations.push_back(std::move(station));
      }
      auto [se, new_series] = series_index.try_emplace({st->second, static_cast<int>(r.pollutant)}, out.series.size());
      if (new_series) {
        out.series.push_back({st->second, r.pollutant, {}});
        sums.emplace_back(out.hours, std::make_pair(0.0, 0));
      }
      auto& cell = sums[se->second][static_cast<std::size_t>((hour_of(r.time) - first) / 3600)];
      cell.first += r.value;
      ++cell.second;
    }
  }
  for (std::size_t s = 0; s < out.series.size(); ++s) {
    out.series[s].values.resize(out.hours);
    for (std::uint32_t h = 0; h < out.hours; ++h) {
      const auto [sum, n] = sums[s][h];
      out.series[s].values[h] = n ? static_cast<float>(sum / n) : std::numeric_limits<float>::quiet_NaN();
    }
  }
  return out;
}

}  // namespace ccap::airquality
