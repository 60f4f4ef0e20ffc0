#pragma once
// The US EPA Air Quality Index for PM2.5, 2024 revision (24-hour µg/m³; domain notes, US EPA):
//   Good 0-50: 0.0-9.0 · Moderate 51-100: 9.1-35.4 · Unhealthy for Sensitive Groups 101-150:
//   35.5-55.4 · Unhealthy 151-200: 55.5-125.4 · Very Unhealthy 201-300: 125.5-225.4 ·
//   Hazardous 301-500: 225.5-325.4 · above 325.4: beyond the AQI.
// Concentrations are truncated to 0.1 µg/m³ before the lookup, as the EPA specifies.
#include <optional>
#include <string>

#include "base/color.h"

namespace ccap {

struct AqiCategory {
  const char* name;
  int aqi_low, aqi_high;
  double conc_low, conc_high;  // µg/m³
  Rgba8 color;                 // the EPA's colour
  Rgba8 color_cvd;             // colour-blind-safe alternative (a sequential ramp, light to dark)
};

struct AqiResult {
  int aqi = 0;                // 0..500
  int category = 0;           // index into pm25_aqi_categories(), 0..5 (above the scale: 5, Hazardous)
  bool beyond_index = false;  // above the top breakpoint (325.4): AQI reported as 500, category 5
};

// The six categories in order.
const AqiCategory* pm25_aqi_categories();
inline constexpr int kAqiCategoryCount = 6;

// nullopt for a negative or non-finite concentration.
std::optional<AqiResult> pm25_aqi(double micrograms_per_m3);

}  // namespace ccap
