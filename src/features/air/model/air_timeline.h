#pragma once
// The loaded air-quality period as the time slider sees it: steps of an hour, a UTC day or a
// calendar year, and each station's value for a pollutant at a step.
//
// Averages follow the usual data-completeness rule (at least 75% of the period measured):
//   a day's mean needs 18 of its 24 hours; a year's mean needs 75% of the year's hours
//   (6570 of 8760). Otherwise there is no value (NaN), never a mean of a few hours.
// Days and years are UTC: the loaded stations span many time zones.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "features/air/model/air_series.h"

namespace ccap {

enum class AirPeriod : std::uint8_t { Hour, Day, Year };
const char* period_name(AirPeriod p);                         // "hourly", "daily mean", "annual mean"
const char* period_key(AirPeriod p);                          // "hour", "day", "year": in links and the page's API
std::optional<AirPeriod> parse_period(std::string_view key);  // the inverse; nullopt for anything else

inline constexpr int kMinHoursPerDay = 18;
inline constexpr double kMinYearCoverage = 0.75;

class AirTimeline {
 public:
  AirTimeline() = default;
  explicit AirTimeline(const AirQualityData* data);

  const AirQualityData* data() const { return data_; }
  std::size_t steps(AirPeriod p) const;
  std::int64_t step_start(AirPeriod p, std::size_t step) const;  // seconds since 1970 UTC
  // The step of period `to` that holds the start of `step` of period `from` (the slider keeps
  // its place when the averaging changes).
  std::size_t convert_step(AirPeriod from, std::size_t step, AirPeriod to) const;
  // The step of period `p` that holds `t` (seconds since 1970 UTC), clamped to the loaded period.
  std::size_t step_at(AirPeriod p, std::int64_t t) const;

  // NaN when the station has no series for the pollutant or the period is not covered enough.
  float value(std::size_t station, Pollutant pollutant, AirPeriod period, std::size_t step) const;
  // Index into data()->series, or -1.
  int series_index(std::size_t station, Pollutant pollutant) const;
  bool has_pollutant(Pollutant pollutant) const;

  // The hour index range [first, last) a step covers, clipped to the loaded period.
  std::pair<std::size_t, std::size_t> hours_of(AirPeriod p, std::size_t step) const;

 private:
  const AirQualityData* data_ = nullptr;
  std::vector<int> series_of_;                      // station * 6 + pollutant -> series
  std::vector<std::vector<float>> daily_, yearly_;  // per series
  std::int64_t first_day_ = 0;                      // days since 1970 of hour 0
  std::vector<std::int64_t> year_starts_;           // seconds; one more than the number of years
};

// "2025-03-14 08:00 UTC", "2025-03-14 (UTC)", "2025".
std::string format_step(std::int64_t seconds, AirPeriod p);

}  // namespace ccap
