#include "domain/who_guidelines.h"

#include <cstdio>

namespace ccap {

namespace {

const std::vector<WhoThresholds>& table() {
  static const std::vector<WhoThresholds> t = {
      {Pollutant::Pm25, Averaging::Annual, {35, 25, 15, 10}, 5},
      {Pollutant::Pm25, Averaging::Day, {75, 50, 37.5, 25}, 15},
      {Pollutant::Pm10, Averaging::Annual, {70, 50, 30, 20}, 15},
      {Pollutant::Pm10, Averaging::Day, {150, 100, 75, 50}, 45},
      {Pollutant::No2, Averaging::Annual, {40, 30, 20}, 10},
      {Pollutant::No2, Averaging::Day, {120, 50}, 25},
      {Pollutant::O3, Averaging::PeakSeason, {100, 70}, 60},
      {Pollutant::O3, Averaging::EightHour, {160, 120}, 100},
  };
  return t;
}

std::string fmt(const char* format, double a, double b = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

}  // namespace

std::optional<WhoThresholds> who_thresholds(Pollutant pollutant, Averaging averaging) {
  for (const WhoThresholds& t : table())
    if (t.pollutant == pollutant && t.averaging == averaging) return t;
  return std::nullopt;
}

int who_band(const WhoThresholds& t, double value) {
  if (value <= t.guideline) return 0;
  const int n = static_cast<int>(t.interim_targets.size());
  for (int k = n - 1; k >= 0; --k)  // strictest interim target first
    if (value <= t.interim_targets[static_cast<std::size_t>(k)]) return n - k;
  return n + 1;
}

int pm25_annual_band(double value) { return who_band(*who_thresholds(Pollutant::Pm25, Averaging::Annual), value); }

std::string describe_pm25_annual(double value) {
  const WhoThresholds t = *who_thresholds(Pollutant::Pm25, Averaging::Annual);
  const int band = who_band(t, value);
  const int n = static_cast<int>(t.interim_targets.size());
  if (band == 0) return fmt("meets the WHO guideline (%g µg/m³)", t.guideline);
  std::string out = fmt("%.1f x the WHO guideline (%g µg/m³)", value / t.guideline, t.guideline);
  if (band == n + 1) return out + fmt("; above interim target 1 (%g)", t.interim_targets[0]);
  const int met = n - band + 1;  // the interim target met (1-based)
  out += fmt("; meets interim target %g (%g)", met, t.interim_targets[static_cast<std::size_t>(met - 1)]);
  out += met == n ? fmt(", not yet the guideline (%g)", t.guideline)
                  : fmt(", not yet interim target %g (%g)", met + 1, t.interim_targets[static_cast<std::size_t>(met)]);
  return out;
}

}  // namespace ccap
