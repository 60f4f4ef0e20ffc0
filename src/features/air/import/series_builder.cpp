#include "features/air/import/series_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "base/civil_date.h"

namespace ccap::airquality {

namespace {
std::int64_t hour_of(std::int64_t t) { return t - ((t % 3600) + 3600) % 3600; }

std::string utc_hour(std::int64_t t) {  // "2045-01-01 00:00 UTC"
  const std::int64_t days = (t >= 0 ? t : t - 86399) / 86400;
  const CivilDate d = civil_from_days(days);
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02lld:00 UTC", d.year, d.month, d.day,
                static_cast<long long>((t - days * 86400) / 3600));
  return text;
}
}  // namespace

SeriesBuilder::SeriesBuilder(std::uint32_t max_hours) : max_hours_(std::min(max_hours, kMaxAirSeriesHours)) {
  begin_source("");
}

void SeriesBuilder::begin_source(const std::string& source) {
  const auto it = std::find(sources_.begin(), sources_.end(), source);
  source_ = static_cast<std::uint32_t>(it - sources_.begin());
  if (it == sources_.end()) {
    sources_.push_back(source);
    stations_by_source_.emplace_back();
  }
}

// The cell of `hour` in `s`, growing its hours at either end: at the back as a vector grows, at
// the front by as many hours again as it has (so that readings arriving latest first cost no more
// than in order), never past the span allowed.
SeriesBuilder::HourCell& SeriesBuilder::cell(Series& s, std::int64_t hour) {
  if (s.cells.empty()) s.first_hour = hour;
  if (hour < s.first_hour) {
    const std::int64_t end = s.first_hour + static_cast<std::int64_t>(s.cells.size()) * 3600;
    const std::int64_t room = static_cast<std::int64_t>(s.cells.size()) * 3600;
    const std::int64_t first = std::max(hour - room, end - static_cast<std::int64_t>(max_hours_) * 3600);
    std::vector<HourCell> grown(static_cast<std::size_t>((end - first) / 3600));
    std::copy(s.cells.begin(), s.cells.end(), grown.end() - static_cast<std::ptrdiff_t>(s.cells.size()));
    s.cells = std::move(grown);
    s.first_hour = first;
  }
  const auto at = static_cast<std::size_t>((hour - s.first_hour) / 3600);
  if (at >= s.cells.size()) s.cells.resize(at + 1);
  return s.cells[at];
}

Added SeriesBuilder::add(const ReadingView& r) {
  const std::int64_t hour = hour_of(r.time);
  const auto record = [&r] { return r.record ? (*r.record)() : std::string(); };  // once an hour at most
  if (hour < first_) first_ = hour, first_source_ = source_, first_record_ = record();
  if (hour > last_) last_ = hour, last_source_ = source_, last_record_ = record();
  // Once the span is too long nothing is kept: the build is refused, and only its ends are told.
  too_long_ = too_long_ || (last_ - first_) / 3600 + 1 > static_cast<std::int64_t>(max_hours_);
  if (too_long_) return Added::Yes;

  auto& stations = stations_by_source_[source_];
  auto station = stations.find(r.station);
  if (station == stations.end()) {
    station =
        stations.emplace(std::string(r.station), StationSeries{static_cast<std::uint32_t>(stations_.size()), {}}).first;
    AirStation s;
    s.id = r.station;
    s.name = r.station_name;
    s.source = sources_[source_];
    s.where = r.where;
    stations_.push_back(std::move(s));
  } else if (elsewhere(stations_[station->second.station].where, r.where)) {
    return Added::Moved;
  }
  auto& series_index = station->second.series[static_cast<std::size_t>(r.pollutant)];
  if (!series_index) {
    series_index = static_cast<std::uint32_t>(series_.size());
    series_.push_back({station->second.station, r.pollutant, 0, {}});
  }
  HourCell& c = cell(series_[*series_index], hour);
  const std::uint64_t minute = std::uint64_t{1} << ((minute_of(r.time) - hour) / 60);
  // The same minute again: the same reading when its hour holds only it, with this value (a
  // later snapshot); else another value, refused (an hour of several readings cannot tell which).
  if (c.minutes & minute) return c.count == 1 && c.sum == r.value ? Added::Same : Added::Repeat;
  c.minutes |= minute;
  c.sum += r.value;
  ++c.count;
  return Added::Yes;
}

SeriesBuild SeriesBuilder::finish() {
  SeriesBuild build;
  if (first_ > last_) return build;
  if (too_long_) {
    const double span_hours = static_cast<double>(last_ - first_) / 3600 + 1;
    char years[32];
    std::snprintf(years, sizeof years, "%.1f years", span_hours / (24 * 365.25));
    const auto at = [&](std::uint32_t source, const std::string& record) {
      return " (" + sources_[source] + (record.empty() ? "" : ", " + record) + ")";
    };
    build.error = "the readings span " + std::string(years) + ", from " + utc_hour(first_) +
                  at(first_source_, first_record_) + " to " + utc_hour(last_) + at(last_source_, last_record_) +
                  "; at most " + std::to_string(max_hours_) + " hours (" + std::to_string(max_hours_ / 24) +
                  " days) can be written: import a shorter period, or correct the dates that lie outside it";
    *this = SeriesBuilder(max_hours_);
    return build;
  }
  AirQualityData& out = build.data;
  out.first_hour = first_;
  out.hours = static_cast<std::uint32_t>((last_ - first_) / 3600 + 1);
  out.stations = std::move(stations_);
  out.series.reserve(series_.size());
  for (Series& s : series_) {  // each series' sums become its values, and are freed at once
    AirSeries& series = out.series.emplace_back();
    series.station = s.station;
    series.pollutant = s.pollutant;
    series.values.assign(out.hours, std::numeric_limits<float>::quiet_NaN());
    for (std::size_t i = 0; i < s.cells.size(); ++i) {
      const HourCell& c = s.cells[i];
      if (c.count == 0) continue;  // (room grown in front may reach before the first hour)
      const auto at = static_cast<std::size_t>((s.first_hour - first_) / 3600 + static_cast<std::int64_t>(i));
      series.values[at] = static_cast<float>(c.sum / c.count);
    }
    std::vector<HourCell>().swap(s.cells);
  }
  *this = SeriesBuilder(max_hours_);
  return build;
}

SeriesBuild build_series(const std::vector<SourcedReadings>& inputs, std::uint32_t max_hours) {
  SeriesBuilder builder(max_hours);
  for (const SourcedReadings& in : inputs) {
    builder.begin_source(in.source);
    for (const Reading& r : in.readings)
      builder.add({r.station, r.station_name, r.where, r.pollutant, r.time, r.value});
  }
  return builder.finish();
}

}  // namespace ccap::airquality
