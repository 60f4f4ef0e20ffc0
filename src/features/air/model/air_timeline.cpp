#include "features/air/model/air_timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ccap {

namespace {
constexpr std::int64_t kDay = 86400, kHour = 3600;
constexpr int kPollutants = static_cast<int>(Pollutant::Co) + 1;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Mean of the finite values in [first, last), if at least `needed` of them exist.
float mean_if_covered(const std::vector<float>& v, std::size_t first, std::size_t last, std::size_t needed) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t i = first; i < last; ++i)
    if (std::isfinite(v[i])) {
      sum += v[i];
      ++n;
    }
  return n >= needed && n > 0 ? static_cast<float>(sum / static_cast<double>(n)) : kNaN;
}
}  // namespace

const char* period_name(AirPeriod p) {
  switch (p) {
    case AirPeriod::Hour: return "hourly";
    case AirPeriod::Day: return "daily mean";
    case AirPeriod::Year: return "annual mean";
  }
  return "";
}

const char* period_key(AirPeriod p) {
  switch (p) {
    case AirPeriod::Hour: return "hour";
    case AirPeriod::Day: return "day";
    case AirPeriod::Year: return "year";
  }
  return "";
}

std::optional<AirPeriod> parse_period(std::string_view key) {
  for (AirPeriod p : {AirPeriod::Hour, AirPeriod::Day, AirPeriod::Year})
    if (key == period_key(p)) return p;
  return std::nullopt;
}

std::string format_step(std::int64_t seconds, AirPeriod p) {
  const std::int64_t days = floor_div(seconds, kDay);
  const CivilDate c = civil_from_days(days);
  char buf[48];
  switch (p) {
    case AirPeriod::Hour:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:00 UTC", c.year, c.month, c.day,
                    static_cast<int>((seconds - days * kDay) / kHour));
      break;
    case AirPeriod::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d (UTC)", c.year, c.month, c.day); break;
    case AirPeriod::Year: std::snprintf(buf, sizeof buf, "%04d", c.year); break;
  }
  return buf;
}

AirTimeline::AirTimeline(const AirQualityData* data) : data_(data) {
  if (!data_ || data_->hours == 0) return;
  series_of_.assign(data_->stations.size() * kPollutants, -1);
  for (std::size_t i = 0; i < data_->series.size(); ++i) {
    const AirSeries& s = data_->series[i];
    series_of_[s.station * kPollutants + static_cast<std::size_t>(s.pollutant)] = static_cast<int>(i);
  }
  first_day_ = floor_div(data_->first_hour, kDay);
  const std::int64_t end = data_->first_hour + static_cast<std::int64_t>(data_->hours) * kHour;
  for (int y = civil_from_days(first_day_).year;; ++y) {
    const std::int64_t start = days_from_civil(y, 1, 1) * kDay;
    if (!year_starts_.empty() && start >= end) {
      year_starts_.push_back(start);
      break;
    }
    year_starts_.push_back(start);
  }
  const std::size_t days = steps(AirPeriod::Day), years = steps(AirPeriod::Year);
  daily_.resize(data_->series.size());
  yearly_.resize(data_->series.size());
  for (std::size_t s = 0; s < data_->series.size(); ++s) {
    const std::vector<float>& v = data_->series[s].values;
    daily_[s].resize(days);
    for (std::size_t d = 0; d < days; ++d) {
      const auto [first, last] = hours_of(AirPeriod::Day, d);
      daily_[s][d] = mean_if_covered(v, first, last, kMinHoursPerDay);
    }
    yearly_[s].resize(years);
    for (std::size_t y = 0; y < years; ++y) {
      const auto [first, last] = hours_of(AirPeriod::Year, y);
      const auto year_hours = static_cast<double>((year_starts_[y + 1] - year_starts_[y]) / kHour);
      yearly_[s][y] =
          mean_if_covered(v, first, last, static_cast<std::size_t>(std::ceil(year_hours * kMinYearCoverage)));
    }
  }
}

std::size_t AirTimeline::steps(AirPeriod p) const {
  if (!data_ || data_->hours == 0) return 0;
  switch (p) {
    case AirPeriod::Hour: return data_->hours;
    case AirPeriod::Day: {
      const std::int64_t last_hour = data_->first_hour + (static_cast<std::int64_t>(data_->hours) - 1) * kHour;
      return static_cast<std::size_t>(floor_div(last_hour, kDay) - first_day_ + 1);
    }
    case AirPeriod::Year: return year_starts_.size() - 1;
  }
  return 0;
}

std::int64_t AirTimeline::step_start(AirPeriod p, std::size_t step) const {
  if (!data_) return 0;
  switch (p) {
    case AirPeriod::Hour: return data_->first_hour + static_cast<std::int64_t>(step) * kHour;
    case AirPeriod::Day: return (first_day_ + static_cast<std::int64_t>(step)) * kDay;
    case AirPeriod::Year: return year_starts_[std::min(step, year_starts_.size() - 2)];
  }
  return 0;
}

std::pair<std::size_t, std::size_t> AirTimeline::hours_of(AirPeriod p, std::size_t step) const {
  if (!data_ || data_->hours == 0) return {0, 0};
  if (p == AirPeriod::Hour)
    return {std::min<std::size_t>(step, data_->hours), std::min<std::size_t>(step + 1, data_->hours)};
  const std::int64_t start = step_start(p, step);
  const std::int64_t end =
      p == AirPeriod::Day ? start + kDay : year_starts_[std::min(step + 1, year_starts_.size() - 1)];
  const auto clip = [&](std::int64_t t) {
    return static_cast<std::size_t>(
        std::clamp<std::int64_t>(floor_div(t - data_->first_hour + kHour - 1, kHour), 0, data_->hours));
  };
  return {clip(start), clip(end)};
}

std::size_t AirTimeline::convert_step(AirPeriod from, std::size_t step, AirPeriod to) const {
  return data_ ? step_at(to, step_start(from, step)) : 0;
}

std::size_t AirTimeline::step_at(AirPeriod to, std::int64_t at) const {
  const std::size_t n = steps(to);
  if (n == 0) return 0;
  const std::int64_t t = std::max(at, data_->first_hour);
  switch (to) {
    case AirPeriod::Hour:
      return std::min<std::size_t>(static_cast<std::size_t>((t - data_->first_hour) / kHour), n - 1);
    case AirPeriod::Day: return std::min<std::size_t>(static_cast<std::size_t>(floor_div(t, kDay) - first_day_), n - 1);
    case AirPeriod::Year: {
      const auto it = std::upper_bound(year_starts_.begin(), year_starts_.end(), t);
      return std::min<std::size_t>(static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - year_starts_.begin() - 1, 0)),
                                   n - 1);
    }
  }
  return 0;
}

int AirTimeline::series_index(std::size_t station, Pollutant pollutant) const {
  const std::size_t k = station * kPollutants + static_cast<std::size_t>(pollutant);
  return k < series_of_.size() ? series_of_[k] : -1;
}

bool AirTimeline::has_pollutant(Pollutant pollutant) const {
  if (!data_) return false;
  return std::any_of(data_->series.begin(), data_->series.end(),
                     [&](const AirSeries& s) { return s.pollutant == pollutant; });
}

float AirTimeline::value(std::size_t station, Pollutant pollutant, AirPeriod period, std::size_t step) const {
  const int s = series_index(station, pollutant);
  if (s < 0) return kNaN;
  const auto i = static_cast<std::size_t>(s);
  switch (period) {
    case AirPeriod::Hour: return step < data_->hours ? data_->series[i].values[step] : kNaN;
    case AirPeriod::Day: return step < daily_[i].size() ? daily_[i][step] : kNaN;
    case AirPeriod::Year: return step < yearly_[i].size() ? yearly_[i][step] : kNaN;
  }
  return kNaN;
}

}  // namespace ccap
