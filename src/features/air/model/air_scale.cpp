#include "features/air/model/air_scale.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "domain/who_guidelines.h"
#include "features/air/model/aqi.h"

namespace ccap {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// WHO bands, best to worst. The default ramp runs green - yellow - orange - red - purple; the
// alternative is the AQI's colour-blind-safe ramp (viridis-like, light to dark).
constexpr Rgba8 kWhoColors[6] = {{0x1a, 0x98, 0x50, 0xff}, {0xa6, 0xd9, 0x6a, 0xff}, {0xfe, 0xe0, 0x8b, 0xff},
                                 {0xfd, 0xae, 0x61, 0xff}, {0xe0, 0x3c, 0x31, 0xff}, {0x7b, 0x2a, 0x7a, 0xff}};

// `count` colours spread over a six-colour ramp, keeping both ends.
Rgba8 spread(const Rgba8 (&ramp)[6], int index, int count) {
  if (count <= 1) return ramp[0];
  return ramp[static_cast<int>(std::lround(5.0 * index / (count - 1)))];
}

std::string number(double v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const char* averaging_words(Averaging a) {
  switch (a) {
    case Averaging::Annual: return "annual";
    case Averaging::Day: return "24-hour";
    case Averaging::EightHour: return "8-hour";
    case Averaging::PeakSeason: return "peak-season";
  }
  return "";
}
}  // namespace

WhoComparison who_comparison(Pollutant p, AirPeriod period) {
  const bool ozone = p == Pollutant::O3;
  switch (period) {
    case AirPeriod::Hour: return {ozone ? Averaging::EightHour : Averaging::Day, true};
    case AirPeriod::Day: return {ozone ? Averaging::EightHour : Averaging::Day, ozone};
    case AirPeriod::Year: return {ozone ? Averaging::PeakSeason : Averaging::Annual, ozone};
  }
  return {Averaging::Day, true};
}

int AirColorScale::band_of(double v) const {
  if (!std::isfinite(v) || v < 0) return -1;
  if (kind == AirScaleKind::Aqi) return pm25_aqi(v)->category;
  for (std::size_t i = 0; i < bands.size(); ++i)
    if (v <= bands[i].upper) return static_cast<int>(i);
  return static_cast<int>(bands.size()) - 1;
}

Rgba8 AirColorScale::color_of(double v) const {
  const int b = band_of(v);
  return b < 0 ? kNoReadingColor : bands[static_cast<std::size_t>(b)].color;
}

std::optional<AirColorScale> make_color_scale(AirScaleKind kind, Pollutant p, AirPeriod period, bool cvd) {
  AirColorScale s;
  s.kind = kind;
  if (kind == AirScaleKind::Aqi) {
    if (p != Pollutant::Pm25) return std::nullopt;
    s.title = "US EPA AQI, PM2.5 (2024)";
    if (period != AirPeriod::Day) s.caveat = "indicative: the AQI is defined on 24-hour means";
    const AqiCategory* c = pm25_aqi_categories();
    for (int i = 0; i < kAqiCategoryCount; ++i) {
      const bool last = i + 1 == kAqiCategoryCount;
      s.bands.push_back({std::string(c[i].name) + " (AQI " + std::to_string(c[i].aqi_low) + "-" +
                             std::to_string(c[i].aqi_high) + (last ? "+" : "") + ")",
                         last ? kInfinity : c[i].conc_high, cvd ? c[i].color_cvd : c[i].color});
      if (!last) s.guide_lines.push_back(c[i].conc_high);
    }
    return s;
  }
  const WhoComparison cmp = who_comparison(p, period);
  const auto t = who_thresholds(p, cmp.averaging);
  if (!t) return std::nullopt;
  s.title = std::string("WHO 2021, ") + averaging_words(cmp.averaging) + " " + pollutant_name(p);
  if (cmp.indicative)
    s.caveat = std::string("indicative: ") + period_name(period) + " values against " + averaging_words(cmp.averaging) +
               " thresholds";
  const int n = static_cast<int>(t->interim_targets.size());
  const int count = n + 2;
  const auto color = [&](int i) {
    return cvd ? pm25_aqi_categories()[static_cast<int>(std::lround(5.0 * i / (count - 1)))].color_cvd
               : spread(kWhoColors, i, count);
  };
  s.bands.push_back({"meets the guideline (<= " + number(t->guideline) + ")", t->guideline, color(0)});
  s.guide_lines.push_back(t->guideline);
  for (int k = n - 1; k >= 0; --k) {  // IT n (strictest) up to IT1
    const double it = t->interim_targets[static_cast<std::size_t>(k)];
    s.bands.push_back({"interim target " + std::to_string(k + 1) + " (<= " + number(it) + ")", it, color(n - k)});
    s.guide_lines.push_back(it);
  }
  s.bands.push_back({"above interim target 1 (> " + number(t->interim_targets[0]) + ")", kInfinity, color(n + 1)});
  return s;
}

}  // namespace ccap
