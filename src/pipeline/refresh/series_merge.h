#pragma once
// What a refresh does to a dataset's series: the published series with a feed's new readings
// added (SeriesMerge), then cut to the window of hours the app keeps, the hours before it folded
// into daily means (cut_to_window).
//
// The rule for new readings: a published hour is never rewritten. A reading for a station,
// pollutant and hour that already holds a value is "the same reading again" (Added::Same, counted,
// not a reject), so that running a refresh twice changes nothing; an hour a station did not have
// yet is filled in (a late reading), and readings new in one hour are averaged as the importers'
// are (series_builder.h).
//
// The window: the last `window_days` whole UTC days up to the newest hour (days leave the window
// whole, so that each day is folded once). A day's mean is the mean of its hours with a value, in
// µg/m³, with the number of those hours beside it (a mean of 3 hours is not one of 24).
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "features/air/import/series_builder.h"
#include "features/air/model/air_datasets.h"
#include "features/air/model/air_series.h"

namespace ccap::pipeline {

class SeriesMerge final : public airquality::ReadingSink {
 public:
  // `published` as the index describes it (`entry`: its provenance for stations the feed adds).
  SeriesMerge(const AirQualityData& published, const AirDataset& entry);
  airquality::Added add(const airquality::ReadingView& reading) override;
  // Values (station, pollutant, hour) that were empty before and have a reading now.
  std::size_t new_values() const { return new_values_; }
  // The merged series: the published stations keep their names, cities and provenance; a station
  // only the feed knows gets the dataset's provenance and no partner city.
  airquality::SeriesBuild finish();

 private:
  const AirQualityData& published_;
  const AirDataset& entry_;
  airquality::SeriesBuilder builder_;
  // (station id, pollutant) -> its published series
  std::map<std::pair<std::string, Pollutant>, const AirSeries*, std::less<>> held_;
  std::map<std::tuple<std::string, Pollutant, std::int64_t>, bool> filled_;  // new hours seen
  std::size_t new_values_ = 0;
};

struct DailyMean {
  std::string station;
  Pollutant pollutant = Pollutant::Pm25;
  std::int64_t day = 0;  // its 00:00 UTC, seconds since 1970
  double mean = 0;       // µg/m³
  int hours = 0;         // with a value, 1 to 24
};

// Cuts `data` to the last `window_days` UTC days up to its newest hour; returns the means of the
// days cut (none when it fits). Stations stay, even with no value left in the window.
std::vector<DailyMean> cut_to_window(AirQualityData& data, int window_days);

// The daily archive of a dataset (air/<id>.daily.csv): "station,pollutant,date,mean_ugm3,hours",
// one row per station, pollutant and UTC day, sorted. `merge_daily` adds `days` to the file's
// text (a day already there is kept as it was) and returns the new text; `added` counts the rows
// that were not there.
std::string merge_daily(const std::string& existing, const std::vector<DailyMean>& days, std::size_t& added);

}  // namespace ccap::pipeline
