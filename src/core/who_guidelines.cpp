#include "core/who_guidelines.h"

#include <cstdio>

namespace ccap {

namespace {
using T = Pm25AnnualThresholds;
constexpr double kTargets[] = {T::kGuideline, T::kIt4, T::kIt3, T::kIt2, T::kIt1};
constexpr const char* kNames[] = {"the guideline", "interim target 4", "interim target 3", "interim target 2",
                                  "interim target 1"};

std::string fmt(const char* format, double a, double b = 0, double c = 0) {
  char buf[200];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}
}  // namespace

int pm25_annual_band(double value) {
  for (int band = 0; band < 5; ++band)
    if (value <= kTargets[band]) return band;
  return 5;
}

std::string describe_pm25_annual(double value) {
  const int band = pm25_annual_band(value);
  std::string out = band == 0 ? "meets the WHO guideline (5 µg/m³)"
                              : fmt("%.1f x the WHO guideline (5 µg/m³)", value / T::kGuideline);
  if (band == 5) return out + fmt("; above interim target 1 (%g)", T::kIt1);
  if (band >= 1) {
    out += std::string("; meets ") + kNames[band] + fmt(" (%g)", kTargets[band]);
    out += std::string(", not yet ") + kNames[band - 1] + fmt(" (%g)", kTargets[band - 1]);
  }
  return out;
}

}  // namespace ccap
