#pragma once
// The scale bar: the longest "nice" ground distance (1, 2 or 5 x 10^n metres) that fits in
// `max_pixels` at the given resolution, and its label.
#include <string>

namespace ccap {

struct ScaleBar {
  double pixels = 0;
  std::string label;  // "500 m", "20 km", "1,000 km"
};

ScaleBar scale_bar(double meters_per_pixel, double max_pixels);

}  // namespace ccap
