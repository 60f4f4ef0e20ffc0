#include "pipeline/refresh/series_merge.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "base/civil_date.h"

namespace ccap::pipeline {

namespace {

constexpr std::int64_t kHour = 3600, kDay = 86400;
std::int64_t floor_to(std::int64_t t, std::int64_t unit) { return t - ((t % unit) + unit) % unit; }

// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The first `n` fields of an RFC 4180 line, joined by '\x1f': a row's key.
std::string leading_fields(const std::string& line, int n) {
  std::string key;
  bool quoted = false;
  int fields = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        key += c, ++i;
      else if (c == '"')
        quoted = false;
      else
        key += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      if (++fields == n) return key;
      key += '\x1f';
    } else {
      key += c;
    }
  }
  return key;
}

std::string day_label(std::int64_t day) {
  const UtcTime t = utc_time(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

}  // namespace

SeriesMerge::SeriesMerge(const AirQualityData& published, const AirDataset& entry)
    : published_(published), entry_(entry) {
  builder_.begin_source(entry.title);
  for (const AirSeries& s : published.series) {
    const AirStation& station = published.stations.at(s.station);
    held_[{station.id, s.pollutant}] = &s;
    for (std::size_t h = 0; h < s.values.size(); ++h) {
      if (!std::isfinite(s.values[h])) continue;
      builder_.add({station.id, station.name, station.where, s.pollutant,
                    published.first_hour + static_cast<std::int64_t>(h) * kHour, s.values[h]});
    }
  }
}

airquality::Added SeriesMerge::add(const airquality::ReadingView& reading) {
  const std::int64_t hour = floor_to(reading.time, kHour);
  const auto it = held_.find(std::pair{std::string(reading.station), reading.pollutant});
  if (it != held_.end() && hour >= published_.first_hour) {
    const auto h = static_cast<std::size_t>((hour - published_.first_hour) / kHour);
    if (h < it->second->values.size() && std::isfinite(it->second->values[h])) return airquality::Added::Same;
  }
  const airquality::Added added = builder_.add(reading);
  if (added == airquality::Added::Yes &&
      filled_.emplace(std::tuple{std::string(reading.station), reading.pollutant, hour}, true).second)
    ++new_values_;
  return added;
}

airquality::SeriesBuild SeriesMerge::finish() {
  airquality::SeriesBuild build = builder_.finish();
  build.data.description = published_.description;
  for (AirStation& s : build.data.stations) {
    const auto it = std::find_if(published_.stations.begin(), published_.stations.end(),
                                 [&](const AirStation& p) { return p.id == s.id; });
    if (it != published_.stations.end()) {
      const LngLat where = s.where;
      s = *it;
      s.where = where;
      continue;
    }
    s.source = entry_.title;
    s.operator_name = entry_.publisher;
    s.licence = entry_.licence;
    s.url = entry_.url;
  }
  return build;
}

std::vector<DailyMean> cut_to_window(AirQualityData& data, int window_days) {
  if (data.hours == 0 || window_days < 1) return {};
  const std::int64_t last_hour = data.first_hour + (static_cast<std::int64_t>(data.hours) - 1) * kHour;
  const std::int64_t start = floor_to(last_hour, kDay) - static_cast<std::int64_t>(window_days - 1) * kDay;
  if (data.first_hour >= start) return {};
  const auto cut = static_cast<std::size_t>((start - data.first_hour) / kHour);
  std::vector<DailyMean> days;
  for (AirSeries& s : data.series) {
    std::map<std::int64_t, std::pair<double, int>> sums;  // day -> sum, hours
    for (std::size_t h = 0; h < cut && h < s.values.size(); ++h)
      if (std::isfinite(s.values[h])) {
        auto& [sum, n] = sums[floor_to(data.first_hour + static_cast<std::int64_t>(h) * kHour, kDay)];
        sum += s.values[h], ++n;
      }
    for (const auto& [day, sn] : sums)
      days.push_back({data.stations.at(s.station).id, s.pollutant, day, sn.first / sn.second, sn.second});
    s.values.erase(s.values.begin(), s.values.begin() + static_cast<std::ptrdiff_t>(std::min(cut, s.values.size())));
  }
  data.first_hour = start;
  data.hours -= static_cast<std::uint32_t>(cut);
  return days;
}

std::string merge_daily(const std::string& existing, const std::vector<DailyMean>& days, std::size_t& added) {
  static const std::string kHeader = "station,pollutant,date,mean_ugm3,hours";
  std::map<std::string, std::string> rows;  // key -> line
  std::istringstream in(existing);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF, or worse
    if (line.empty() || line == kHeader) continue;
    rows.emplace(leading_fields(line, 3), line);
  }
  added = 0;
  for (const DailyMean& d : days) {
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, "%.2f,%d", d.mean, d.hours);
    const std::string line =
        csv_field(d.station) + "," + pollutant_key(d.pollutant) + "," + day_label(d.day) + "," + numbers;
    if (rows.emplace(leading_fields(line, 3), line).second) ++added;
  }
  std::string out = kHeader + "\n";
  for (const auto& [key, line] : rows) out += line + "\n";
  return out;
}

}  // namespace ccap::pipeline
