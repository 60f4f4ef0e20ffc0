#pragma once
// The peer benchmark's scene (../shared/peer-bench/README.md, "The scene"): the one fixed
// Asia-Pacific picture that deck.gl, MapLibre GL JS and this app each draw with their own renderer,
// so that first frame, pan frame time, CPU and bytes compare. Everything here must match the
// harness's pages/scene.js exactly: the same PRNG stream, draw order, colours and sizes.
//
//   points (n)  stream Mulberry32(seed); per point: lon = 60 + 180 r (minus 360 past 180),
//               lat = -15 + 75 r, value = r. Radius 3 CSS px, colour = value through kPointRamp
//               (linear in sRGB, rounded to bytes), opaque.
//   arcs (m)    stream Mulberry32(seed + 7919); per arc: source lon, lat, target lon, lat (drawn
//               as points are). The shorter great circle in 50 segments, longitudes continuous
//               across the antimeridian; 1 CSS px, rgba(20, 90, 200, 200/255).
//   land        Natural Earth 1:50m: fill rgb(236, 232, 220), outlines 1 CSS px rgb(110, 110, 110);
//               ocean rgb(170, 198, 224). Draw order: background, land, outlines, arcs, points.
//   camera      centre (lon, lat) and zoom in the 512 px Web Mercator convention (ours too).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/color.h"
#include "map/basemap.h"
#include "map/geo.h"

namespace ccap::bench {

// The harness's generator (README, "PRNG"): next() is uniform in [0, 1). Seed 1 gives
// 0.6270739405881613, 0.002735721180215478, 0.5274470399599522.
struct Mulberry32 {
  std::uint32_t a;
  explicit Mulberry32(std::uint32_t seed) : a(seed) {}
  double next() {
    a += 0x6D2B79F5u;
    std::uint32_t t = a;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return static_cast<double>(t ^ (t >> 14)) / 4294967296.0;
  }
};

// The URL's parameters: ?bench=1&n=&m=&lon=&lat=&zoom=&seed= (missing ones take these defaults).
struct PeerSceneParams {
  std::uint32_t n = 10000;  // points
  std::uint32_t m = 1000;   // arcs
  double lon = 150, lat = 25, zoom = 2.3;
  std::uint32_t seed = 1;
  // Diagnostics (not part of the harness's scene): &layers=land,outlines,arcs,points draws only those.
  bool land = true, outlines = true, arcs = true, points = true;
};

inline constexpr std::uint32_t kMaxPeerPoints = 20'000'000;  // 320 MB of vertices: beyond, refuse
inline constexpr std::uint32_t kMaxPeerArcs = 1'000'000;
inline constexpr int kArcSegments = 50;
inline constexpr float kPointRadiusPx = 3;  // CSS px
inline constexpr float kLineWidthPx = 1;    // CSS px, arcs and land outlines

inline constexpr Rgba8 kPeerOcean{170, 198, 224, 255};
inline constexpr Rgba8 kPeerLand{236, 232, 220, 255};
inline constexpr Rgba8 kPeerLandLine{110, 110, 110, 255};
inline constexpr Rgba8 kPeerArc{20, 90, 200, 200};

// Reads the query (with or without the leading '?'; other parameters are ignored). A value that
// is not a finite number, or a count beyond the limits above, is an error naming the parameter.
struct PeerSceneParse {
  std::optional<PeerSceneParams> params;
  std::string error;
};
PeerSceneParse parse_peer_scene(std::string_view query);

// The colour of a point's value in [0, 1]: the harness's ramp, rounded as its rampColor() does.
Rgba8 peer_point_color(double value);

struct PeerPoint {
  Vec2f world;  // Web Mercator unit square (x may be any whole-world shift; see peer_points)
  Rgba8 color;
};
// The n points in stream order (later ones are drawn over earlier ones). Their x is kept in one
// continuous range around the scene's longitudes [60, 240) so that a single world copy holds them
// all: the same places as the wrapped longitudes of the harness.
std::vector<PeerPoint> peer_points(const PeerSceneParams& p);
// The m arcs as line segments in world coordinates, kArcSegments each, continuous in x.
std::vector<Segment> peer_arcs(const PeerSceneParams& p);

}  // namespace ccap::bench
