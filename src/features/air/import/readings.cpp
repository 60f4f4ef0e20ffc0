#include "features/air/import/readings.h"

#include <cmath>

#include "base/civil_date.h"

namespace ccap::airquality {

namespace {
constexpr std::size_t kExamplesPerReason = 3;
}  // namespace

const char* reject_name(Reject r) {
  switch (r) {
    case Reject::Malformed: return "malformed record";
    case Reject::MissingValue: return "missing value";
    case Reject::Negative: return "negative value";
    case Reject::ImpossibleSpike: return "impossible spike";
    case Reject::DuplicateTime: return "a different value for a time already read (the first kept)";
    case Reject::UnknownUnit: return "unknown unit";
    case Reject::UnknownPollutant: return "pollutant not drawn";
    case Reject::BadTime: return "bad timestamp";
    case Reject::BadCoordinates: return "bad coordinates";
    case Reject::ProjectedCoordinates:
      return "coordinates in metres of a map projection, not longitude and latitude in degrees";
    case Reject::MissingStation: return "missing station id";
    case Reject::MovedStation: return "station id already seen at another place (the first place kept)";
    case Reject::FailedQc: return "not passed by the file's quality control";
    case Reject::UnknownQc: return "a quality-control flag the format does not know (not kept)";
    case Reject::UnknownStation: return "a station the file gives no place for";
    case Reject::kCount: break;
  }
  return "?";
}

std::optional<Reject> coordinates_problem(std::optional<double> lat, std::optional<double> lng) {
  if (lat && lng && std::abs(*lat) > 1000 && std::abs(*lng) > 1000 && std::isfinite(*lat) && std::isfinite(*lng))
    return Reject::ProjectedCoordinates;
  if (!lat || !lng || !(std::abs(*lat) <= 90) || !(std::abs(*lng) <= 180)) return Reject::BadCoordinates;
  return std::nullopt;
}

std::size_t ImportReport::rejected_total() const {
  std::size_t n = 0;
  for (std::size_t c : rejected) n += c;
  return n;
}

void ImportReport::reject(Reject why, const std::string& where) {
  const std::size_t count = ++rejected[static_cast<std::size_t>(why)];
  if (count <= kExamplesPerReason) {
    examples.push_back(where + ": " + reject_name(why));
    example_reasons.push_back(why);
  }
}

void ImportReport::absorb(const ImportReport& other) {
  accepted += other.accepted;
  repeated += other.repeated;
  std::array<std::size_t, static_cast<std::size_t>(Reject::kCount)> shown{};
  for (Reject r : example_reasons) ++shown[static_cast<std::size_t>(r)];
  for (std::size_t i = 0; i < other.examples.size() && i < other.example_reasons.size(); ++i)
    if (const auto k = static_cast<std::size_t>(other.example_reasons[i]); shown[k] < kExamplesPerReason) {
      ++shown[k];
      examples.push_back(other.examples[i]);
      example_reasons.push_back(other.example_reasons[i]);
    }
  for (std::size_t k = 0; k < rejected.size(); ++k) rejected[k] += other.rejected[k];
}

namespace {
// Exactly the digits of `s` (no sign, no space, nothing after): "20x4" is not a year 20.
bool number(std::string_view s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}
}  // namespace

bool parse_iso8601(std::string_view t, std::int64_t& seconds) {
  // YYYY-MM-DD[T ]HH:MM[:SS][Z|±HH:MM]
  if (t.size() < 16 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':') return false;
  int y, mo, d, h, mi, s = 0;
  if (!number(t.substr(0, 4), y) || !number(t.substr(5, 2), mo) || !number(t.substr(8, 2), d) ||
      !number(t.substr(11, 2), h) || !number(t.substr(14, 2), mi))
    return false;
  std::size_t i = 16;
  if (i < t.size() && t[i] == ':') {
    if (i + 3 > t.size() || !number(t.substr(i + 1, 2), s)) return false;
    i += 3;
  }
  if (i < t.size() && t[i] == '.') {  // fractional seconds: ignored
    ++i;
    const std::size_t digits = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == digits) return false;  // "05:00:00." has no fraction
  }
  int offset = 0;
  if (i < t.size()) {
    if (t[i] == 'Z' && i + 1 == t.size()) {
      // UTC
    } else if ((t[i] == '+' || t[i] == '-') && i + 6 == t.size() && t[i + 3] == ':') {
      int oh, om;
      if (!number(t.substr(i + 1, 2), oh) || !number(t.substr(i + 4, 2), om) || oh > 14 || om > 59) return false;
      offset = (oh * 60 + om) * 60 * (t[i] == '-' ? -1 : 1);
    } else {
      return false;
    }
  }
  // A real date and time of the years air-quality data can have (not 2024-02-30, not year 0020).
  if (y < kFirstReadingYear || y > kLastReadingYear || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
      h > 23 || mi > 59 || s > 60)
    return false;
  // A leap second (:60) is its minute's last second (readings.h): it stays in its hour.
  seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + std::min(s, 59) - offset;
  return true;
}

Added ReadingList::add(const ReadingView& r) {
  auto place = places_.find(r.station);
  if (place == places_.end()) place = places_.emplace(std::string(r.station), r.where).first;
  if (elsewhere(place->second, r.where)) return Added::Moved;
  const auto [seen, first_time] =
      seen_.try_emplace({std::string(r.station), static_cast<int>(r.pollutant), minute_of(r.time)}, readings_.size());
  if (!first_time) return readings_[seen->second].value == r.value ? Added::Same : Added::Repeat;
  readings_.push_back({std::string(r.station), std::string(r.station_name), r.where, r.pollutant, r.time, r.value});
  return Added::Yes;
}

}  // namespace ccap::airquality
