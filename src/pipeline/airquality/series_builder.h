#pragma once
// Readings from any importer -> hourly series on one time axis (features/air/model/air_series.h). Readings in the
// same hour for the same station and pollutant are averaged; hours without a reading are NaN.
#include <string>
#include <vector>

#include "features/air/model/air_series.h"
#include "pipeline/airquality/readings.h"

namespace ccap::airquality {

struct SourcedReadings {
  std::string source;  // e.g. "OpenAQ", "MOENV", "air4thai": stations are told apart by source and id
  std::vector<Reading> readings;
};

struct SeriesBuild {
  AirQualityData data;
  std::string error;  // not empty: nothing may be written ("the readings span ...")
};

// The readings' hours must span at most `max_hours` (at most kMaxAirSeriesHours, what the app
// reads): a longer span (two readings decades apart, a mistyped year) is refused with the first
// and last reading's time and source, before anything the size of the span is allocated.
SeriesBuild build_series(const std::vector<SourcedReadings>& inputs, std::uint32_t max_hours = kMaxAirSeriesHours);

}  // namespace ccap::airquality
