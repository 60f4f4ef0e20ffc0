#include "features/air/import/tidy_csv.h"

#include <cmath>
#include <cstdio>

#include "base/civil_date.h"
#include "base/formats/csv_writer.h"

namespace ccap::airquality {

std::string tidy_csv(const AirQualityData& data) {
  CsvWriter csv({"station_id", "station_name", "source", "latitude", "longitude", "pollutant", "time_utc", "value_ugm3",
                 "flags"});
  for (const AirSeries& series : data.series) {
    if (series.station >= data.stations.size()) continue;
    const AirStation& s = data.stations[series.station];
    for (std::size_t h = 0; h < series.values.size(); ++h) {
      if (std::isnan(series.values[h])) continue;
      const UtcTime t = utc_time(data.first_hour + static_cast<std::int64_t>(h) * 3600);
      char when[32];
      std::snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:00:00Z", t.year, t.month, t.day, t.hour);
      csv.row({CsvCell::text(s.id), CsvCell::text(s.name), CsvCell::text(s.source), CsvCell::number(s.where.lat, 6),
               CsvCell::number(s.where.lng, 6), CsvCell::text(pollutant_key(series.pollutant)), CsvCell::text(when),
               CsvCell::number(series.values[h], 2), CsvCell::text(s.synthetic ? "synthetic" : "")});
    }
  }
  return csv.text();
}

}  // namespace ccap::airquality
