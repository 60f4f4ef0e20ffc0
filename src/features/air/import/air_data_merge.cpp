#include "features/air/import/air_data_merge.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace ccap::airquality {

AirDataMerge merge_air_data(std::span<const NamedAirData> sets) {
  AirDataMerge out;
  SeriesBuilder builder;
  using Key = std::pair<std::string, std::string>;  // (source, id)
  std::map<Key, const AirStation*> first;           // each station's first set's entry
  std::vector<const AirStation*> points;            // stations without series, in order
  std::set<Key> with_series;
  std::string description;
  for (const NamedAirData& set : sets) {
    const AirQualityData& d = *set.data;
    if (!d.description.empty() && description.find(d.description) == std::string::npos)
      description += (description.empty() ? "" : "; ") + d.description;
    for (const AirStation& s : d.stations) first.emplace(Key{s.source, s.id}, &s);
    std::vector<bool> has_series(d.stations.size(), false);
    for (const AirSeries& series : d.series) {
      if (series.station >= d.stations.size()) continue;
      has_series[series.station] = true;
      const AirStation& s = d.stations[series.station];
      with_series.insert({s.source, s.id});
      builder.begin_source(s.source);
      for (std::size_t h = 0; h < series.values.size(); ++h) {
        const float v = series.values[h];
        if (std::isnan(v)) continue;
        const std::int64_t t = d.first_hour + static_cast<std::int64_t>(h) * 3600;
        ReadingView r{s.id, s.name, s.where, series.pollutant, t, static_cast<double>(v)};
        out.overlaps.add(builder, r, [&] {
          return set.name + ": " + (s.name.empty() ? s.id : s.name) + ", " + pollutant_name(series.pollutant) +
                 ", hour " + std::to_string(h);
        });
      }
    }
    for (std::size_t i = 0; i < d.stations.size(); ++i)
      if (!has_series[i]) points.push_back(&d.stations[i]);
  }
  out.overlaps.accepted = out.overlaps.repeated = 0;  // hours, not readings: only the conflicts are told
  out.build = builder.finish();
  if (!out.build.error.empty()) return out;
  AirQualityData& data = out.build.data;
  data.description = description;
  for (AirStation& s : data.stations) {  // the details the builder does not carry
    const AirStation& from = *first.at({s.source, s.id});
    s.name = from.name, s.operator_name = from.operator_name, s.licence = from.licence, s.url = from.url;
    s.city = from.city;
  }
  std::set<Key> placed;
  for (const AirStation* p : points)
    if (!with_series.count({p->source, p->id}) && placed.insert({p->source, p->id}).second) data.stations.push_back(*p);
  if (data.hours == 0 && !data.stations.empty()) data.hours = 1;  // stations only: one hour, no values
  return out;
}

}  // namespace ccap::airquality
