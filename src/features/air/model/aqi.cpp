#include "features/air/model/aqi.h"

#include <cmath>

namespace ccap {

namespace {
// Colour-blind-safe alternative: a sequential ramp (viridis-like, light to dark, ordered by lightness),
// distinguishable without relying on red/green.
const AqiCategory kCategories[kAqiCategoryCount] = {
    {"Good", 0, 50, 0.0, 9.0, {0x00, 0xE4, 0x00, 0xff}, {0xFD, 0xE7, 0x25, 0xff}},
    {"Moderate", 51, 100, 9.1, 35.4, {0xFF, 0xFF, 0x00, 0xff}, {0x7A, 0xD1, 0x51, 0xff}},
    {"Unhealthy for Sensitive Groups", 101, 150, 35.5, 55.4, {0xFF, 0x7E, 0x00, 0xff}, {0x22, 0xA8, 0x84, 0xff}},
    {"Unhealthy", 151, 200, 55.5, 125.4, {0xFF, 0x00, 0x00, 0xff}, {0x2A, 0x78, 0x8E, 0xff}},
    {"Very Unhealthy", 201, 300, 125.5, 225.4, {0x8F, 0x3F, 0x97, 0xff}, {0x41, 0x44, 0x87, 0xff}},
    {"Hazardous", 301, 500, 225.5, 325.4, {0x7E, 0x00, 0x23, 0xff}, {0x44, 0x01, 0x54, 0xff}},
};
}  // namespace

const AqiCategory* pm25_aqi_categories() { return kCategories; }

std::optional<AqiResult> pm25_aqi(double c) {
  if (!std::isfinite(c) || c < 0) return std::nullopt;
  const double truncated = std::floor(c * 10 + 1e-9) / 10;
  for (int i = 0; i < kAqiCategoryCount; ++i) {
    const AqiCategory& k = kCategories[i];
    if (truncated <= k.conc_high + 1e-9) {
      const double aqi = (k.aqi_high - k.aqi_low) / (k.conc_high - k.conc_low) * (truncated - k.conc_low) + k.aqi_low;
      return AqiResult{static_cast<int>(std::lround(aqi)), i, false};
    }
  }
  return AqiResult{500, kAqiCategoryCount - 1, true};
}

}  // namespace ccap
