#pragma once
// One dataset of the description (dataset_config.h) imported and made ready to write: its series
// (a .ccapaq) and its entry in the index (features/air/model/air_datasets.h). Every station
// carries the dataset's provenance (source: its title; operator: the publisher; licence; url);
// the file's description is its caption, "<title>, <status>, <period>". Nothing is written here: the tool writes a set
// only when every dataset of it was built (write_dataset_set).
#include <string>
#include <vector>

#include "features/air/model/air_datasets.h"
#include "features/air/model/air_series.h"
#include "pipeline/airquality/dataset_config.h"

namespace ccap::airquality {

struct DatasetBuild {
  AirQualityData data;
  AirDataset entry;                 // `file` and `bytes` are set by write_dataset_set
  std::vector<std::string> log;     // a line per file read: readings, repeats, rejects by reason
  std::vector<std::string> errors;  // any: nothing of the set may be written
};

DatasetBuild build_dataset(const DatasetSpec& spec, std::uint32_t max_hours = kMaxAirSeriesHours);

// The entry of `data` in the index: period, stations, pollutants with a reading, cities, bounds.
void describe_series(const AirQualityData& data, AirDataset& entry);

// Writes each build to `<dir>/<id>.ccapaq`, then the index (`<dir>/index.json`) last, each
// atomically: a reader sees the old set or the new one. Returns "" or why it failed.
std::string write_dataset_set(const std::string& dir, const std::string& dir_in_data, std::vector<DatasetBuild>& builds,
                              DatasetBuild* demo);

}  // namespace ccap::airquality
