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

AirQualityData build_series(const std::vector<SourcedReadings>& inputs);

}  // namespace ccap::airquality
