#include "pipeline/airquality/series_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <utility>

#include "features/air/model/air_timeline.h"

namespace ccap::airquality {

namespace {
std::int64_t hour_of(std::int64_t t) { return t - ((t % 3600) + 3600) % 3600; }

std::string utc_hour(std::int64_t t) {  // "2045-01-01 00:00 UTC"
  const std::int64_t days = (t >= 0 ? t : t - 86399) / 86400;
  const CivilDate d = civil_from_days(days);
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02lld:00 UTC", d.year, d.month, d.day,
                static_cast<long long>((t - days * 86400) / 3600));
  return text;
}
}  // namespace

SeriesBuild build_series(const std::vector<SourcedReadings>& inputs, std::uint32_t max_hours) {
  SeriesBuild build;
  AirQualityData& out = build.data;
  max_hours = std::min(max_hours, kMaxAirSeriesHours);
  std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = std::numeric_limits<std::int64_t>::min();
  const std::string *first_source = nullptr, *last_source = nullptr;
  for (const auto& in : inputs)
    for (const Reading& r : in.readings) {
      if (hour_of(r.time) < first) first_source = &in.source;
      if (hour_of(r.time) > last) last_source = &in.source;
      first = std::min(first, hour_of(r.time));
      last = std::max(last, hour_of(r.time));
    }
  if (first > last) return build;
  const double span_hours = static_cast<double>(last - first) / 3600 + 1;
  if (span_hours > max_hours) {
    char years[32];
    std::snprintf(years, sizeof years, "%.1f years", span_hours / (24 * 365.25));
    build.error = "the readings span " + std::string(years) + ", from " + utc_hour(first) + " (" + *first_source +
                  ") to " + utc_hour(last) + " (" + *last_source + "); at most " + std::to_string(max_hours) +
                  " hours (" + std::to_string(max_hours / 24) +
                  " days) can be written: import a shorter period, or correct the dates that lie outside it";
    return build;
  }
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
  return build;
}

}  // namespace ccap::airquality
