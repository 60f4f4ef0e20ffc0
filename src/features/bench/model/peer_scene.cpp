#include "features/bench/model/peer_scene.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "base/text_format.h"
#include "map/great_circle.h"

namespace ccap::bench {

namespace {

// The harness draws a place as lon = 60 + 180 r (then wraps past 180) and lat = -15 + 75 r. The
// unwrapped longitude is the same place; it keeps every point in one world copy.
LngLat draw_place(Mulberry32& r) {
  const double lng = 60 + 180 * r.next();
  const double lat = -15 + 75 * r.next();
  return {lng, lat};
}

Vec2f world(LngLat p) {
  const WorldPoint w = project(p);  // x is not wrapped: lng 200 gives x > 1
  return {static_cast<float>(w.x), static_cast<float>(w.y)};
}

}  // namespace

PeerSceneParse parse_peer_scene(std::string_view query) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  PeerSceneParams p;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = pair.substr(0, eq), text = pair.substr(eq + 1);
    if (key == "layers") {
      const auto has = [&](std::string_view name) {
        return ("," + std::string(text) + ",").find("," + std::string(name) + ",") != std::string::npos;
      };
      p.land = has("land");
      p.outlines = has("outlines");
      p.arcs = has("arcs");
      p.points = has("points");
      continue;
    }
    const bool count = key == "n" || key == "m" || key == "seed";
    if (!count && key != "lon" && key != "lat" && key != "zoom") continue;  // bench=1 and the page's own
    if (text.empty()) continue;                                             // the default, as scene.js
    const auto v = parse_decimal(text);
    const auto bad = [&](const char* why) {
      return PeerSceneParse{std::nullopt, "bench: " + std::string(key) + "=" + std::string(text) + " " + why};
    };
    if (!v) return bad("is not a number");
    if (count) {
      const double whole = std::floor(std::max(0.0, *v));  // as scene.js: Math.max(0, Math.floor(v))
      if (key == "n" && whole > kMaxPeerPoints) return bad("is more points than this page draws (20 million)");
      if (key == "m" && whole > kMaxPeerArcs) return bad("is more arcs than this page draws (1 million)");
      if (whole > 4294967295.0) return bad("is out of range");
      (key == "n" ? p.n : key == "m" ? p.m : p.seed) = static_cast<std::uint32_t>(whole);
    } else if (key == "lat") {
      if (std::abs(*v) > 85.0511) return bad("is beyond the Mercator limit (85.0511)");
      p.lat = *v;
    } else if (key == "zoom") {
      if (*v < 0 || *v > 24) return bad("is not a zoom from 0 to 24");
      p.zoom = *v;
    } else {
      p.lon = *v;
    }
  }
  return {p, {}};
}

Rgba8 peer_point_color(double value) {
  struct Stop {
    double at;
    std::array<double, 3> rgb;
  };
  static constexpr std::array<Stop, 5> kRamp{
      {{0.00, {0, 228, 0}}, {0.25, {255, 255, 0}}, {0.50, {255, 126, 0}}, {0.75, {255, 0, 0}}, {1.00, {143, 63, 151}}}};
  std::size_t i = 1;
  while (i < kRamp.size() - 1 && value > kRamp[i].at) ++i;
  const Stop &lo = kRamp[i - 1], &hi = kRamp[i];
  const double t = std::clamp((value - lo.at) / (hi.at - lo.at), 0.0, 1.0);
  const auto channel = [&](int c) {  // Math.round: halves go up
    return static_cast<std::uint8_t>(std::floor(lo.rgb[c] + (hi.rgb[c] - lo.rgb[c]) * t + 0.5));
  };
  return {channel(0), channel(1), channel(2), 255};
}

std::vector<PeerPoint> peer_points(const PeerSceneParams& p) {
  std::vector<PeerPoint> points;
  points.reserve(p.n);
  Mulberry32 r(p.seed);
  for (std::uint32_t i = 0; i < p.n; ++i) {
    const LngLat place = draw_place(r);
    points.push_back({world(place), peer_point_color(r.next())});
  }
  return points;
}

std::vector<Segment> peer_arcs(const PeerSceneParams& p) {
  std::vector<Segment> segments;
  segments.reserve(static_cast<std::size_t>(p.m) * kArcSegments);
  Mulberry32 r(p.seed + 7919u);
  for (std::uint32_t i = 0; i < p.m; ++i) {
    const LngLat source = draw_place(r);
    const LngLat target = draw_place(r);
    const std::vector<LngLat> path = great_circle_path(source, target, kArcSegments);
    for (std::size_t k = 1; k < path.size(); ++k) segments.push_back({world(path[k - 1]), world(path[k])});
  }
  return segments;
}

}  // namespace ccap::bench
