#include "map/graticule.h"

#include <cmath>

namespace ccap {

double graticule_step_degrees(double zoom) {
  if (zoom < 2) return 30;
  if (zoom < 3.5) return 10;
  if (zoom < 5) return 5;
  if (zoom < 6.5) return 2;
  return 1;
}

std::vector<Segment> graticule_segments(double step) {
  std::vector<Segment> out;
  if (!(step > 0)) return out;
  const auto f = [](double v) { return static_cast<float>(v); };
  const int meridians = static_cast<int>(std::lround(360 / step));
  for (int i = 0; i < meridians; ++i) {
    const float x = f(project({-180 + i * step, 0}).x);
    out.push_back({{x, 0.0f}, {x, 1.0f}});
  }
  const int steps_to_limit = static_cast<int>(std::floor(kMaxMercatorLatitude / step));
  for (int i = -steps_to_limit; i <= steps_to_limit; ++i) {
    const float y = f(project({0, i * step}).y);
    out.push_back({{0.0f, y}, {1.0f, y}});
  }
  return out;
}

}  // namespace ccap
