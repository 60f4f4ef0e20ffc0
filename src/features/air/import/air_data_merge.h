#pragma once
// Several sets of hourly series as one, on one time axis: the files someone opened together, and
// their data joined to the built-in set when they choose "join". Each set's hours go through the
// series builder (series_builder.h) as readings at the hour's start, so the one rule for repeats
// holds between files: a station (told by its source and id) with a value for an hour that another
// set already gave differently keeps the first and the second is counted (DuplicateTime), never
// averaged. A station's details (operator, licence, page, city) come from its first set. Stations
// without series (station points) are kept as they are, once. Synthetic demo data is never merged
// with measurements: the caller refuses it (AirQualityData::any_synthetic).
#include <span>
#include <string>

#include "features/air/import/readings.h"
#include "features/air/import/series_builder.h"

namespace ccap::airquality {

struct NamedAirData {
  const AirQualityData* data = nullptr;
  std::string name;  // where the set came from, for the report ("pm25.csv", "the built-in data")
};

struct AirDataMerge {
  SeriesBuild build;
  ImportReport overlaps;  // values the sets gave differently for the same station and hour
};

AirDataMerge merge_air_data(std::span<const NamedAirData> sets);

}  // namespace ccap::airquality
