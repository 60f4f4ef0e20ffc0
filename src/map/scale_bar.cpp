#include "map/scale_bar.h"

#include <cmath>

#include "base/text_format.h"

namespace ccap {

ScaleBar scale_bar(double meters_per_pixel, double max_pixels) {
  if (!(meters_per_pixel > 0) || !(max_pixels > 0) || !std::isfinite(meters_per_pixel)) return {};
  const double max_meters = meters_per_pixel * max_pixels;
  const double magnitude = std::pow(10.0, std::floor(std::log10(max_meters)));
  double nice = magnitude;
  for (double m : {5.0, 2.0, 1.0}) {
    if (m * magnitude <= max_meters) {
      nice = m * magnitude;
      break;
    }
  }
  ScaleBar bar;
  bar.pixels = nice / meters_per_pixel;
  const long long meters = std::llround(nice);
  bar.label = meters >= 1000 ? with_thousands(meters / 1000) + " km" : with_thousands(meters) + " m";
  return bar;
}

}  // namespace ccap
