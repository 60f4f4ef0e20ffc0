#pragma once
// Readings from any importer -> hourly series on one time axis (features/air/model/air_series.h).
// Readings in the same hour for the same station and pollutant are averaged; hours without a
// reading are NaN.
//
// The builder is the importers' sink (readings.h): it sums each reading into its hour as it comes,
// so the memory it holds is proportional to the series it will write, not to the files read.
// Per series and hour it keeps a sum, a count and the minutes of the hour already seen (24 bytes,
// for a 4-byte value in the output), whatever the readings' seconds (readings.h, the rule for times).
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "features/air/import/readings.h"
#include "features/air/model/air_series.h"

namespace ccap::airquality {

struct SeriesBuild {
  AirQualityData data;
  std::string error;  // not empty: nothing may be written ("the readings span ...")
};

class SeriesBuilder final : public ReadingSink {
 public:
  // The readings' hours must span at most `max_hours` (at most kMaxAirSeriesHours, what the app
  // reads): a longer span (two readings decades apart, a mistyped year) is refused, with the first
  // and last reading's time and source, and nothing the size of the span is allocated.
  explicit SeriesBuilder(std::uint32_t max_hours = kMaxAirSeriesHours);

  // The readings added next come from `source` ("OpenAQ", "MOENV", "air4thai"): stations are told
  // apart by source and id.
  void begin_source(const std::string& source);
  Added add(const ReadingView& reading) override;
  // The series, or why there are none; the builder is empty afterwards.
  SeriesBuild finish();

 private:
  struct HourCell {
    double sum = 0;             // µg/m³
    std::uint32_t count = 0;    // readings in the hour
    std::uint64_t minutes = 0;  // bit m: a reading at minute m, 0 seconds
  };
  struct Series {
    std::uint32_t station;
    Pollutant pollutant;
    std::int64_t first_hour = 0;  // of cells[0], seconds since the epoch
    std::vector<HourCell> cells;
  };
  struct StationSeries {
    std::uint32_t station;
    std::array<std::optional<std::uint32_t>, kPollutantCount> series;  // by Pollutant
  };

  HourCell& cell(Series& s, std::int64_t hour);

  std::uint32_t max_hours_;
  std::vector<std::string> sources_;
  std::uint32_t source_ = 0;
  std::vector<std::map<std::string, StationSeries, std::less<>>> stations_by_source_;
  std::vector<AirStation> stations_;
  std::vector<Series> series_;
  std::int64_t first_ = std::numeric_limits<std::int64_t>::max(), last_ = std::numeric_limits<std::int64_t>::min();
  std::uint32_t first_source_ = 0, last_source_ = 0;
  std::string first_record_, last_record_;  // where the earliest and the latest reading are
  bool too_long_ = false;
};

// The readings of several sources at once (tests, small feeds).
struct SourcedReadings {
  std::string source;
  std::vector<Reading> readings;
};
SeriesBuild build_series(const std::vector<SourcedReadings>& inputs, std::uint32_t max_hours = kMaxAirSeriesHours);

}  // namespace ccap::airquality
