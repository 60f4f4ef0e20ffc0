#pragma once
// The marker ABI: one instance of a map marker as the GPU reads it, and the codes and limits that
// C++ and GLSL share. Every value here reaches the shaders as a #define (marker_glsl_defines(),
// prepended by the marker program), so shaders/marker.* never spell a number of their own.
//   shape - what is drawn: circles (cities), diamonds (C3 twinning cities), squares (stations);
//   flags - bit 0 white ring (certified cities), bit 1 hover halo, bit 2 selection halo, bit 3
//           value ring (station clusters: a neutral disc ringed in the value's colour, so that no
//           cluster looks like a certification marker);
//   size  - radius in logical px, at most kMarkerMaxRadius; a hovered or selected marker's quad
//           reaches radius x kMarkerExtentScale + kMarkerHaloPx so that the halo and the diamond's
//           corners fit; any other's is fitted to its shape (shaders/marker.vert): a square
//           around a circle or a square, a diamond around a diamond, a pixel wider than the shape
//           (its anti-aliased edge reaches half a pixel past it).
#include <cstdint>
#include <string>

#include "base/color.h"
#include "map/basemap.h"

namespace ccap {

enum class MarkerShape : std::uint8_t { Circle = 0, Diamond = 1, Square = 2 };

enum MarkerFlags : std::uint8_t { kMarkerRing = 1, kMarkerHover = 2, kMarkerSelected = 4, kMarkerValueRing = 8 };

// The value ring's disc: a light neutral grey, like no certification level's fill.
inline constexpr Rgba8 kMarkerNeutralFill{238, 241, 244, 255};

inline constexpr float kMarkerMaxRadius = 20.0f;    // logical px
inline constexpr float kMarkerExtentScale = 1.45f;  // the quad's half-size per px of radius
inline constexpr float kMarkerHaloPx = 6.0f;        // logical px beyond that, for the halo
// How far a diamond's corners and a square's sides are from the centre per px of radius: drawn
// that much bigger and smaller than a circle of the radius, they look as big as it.
inline constexpr float kMarkerDiamondReach = 1.3f;
inline constexpr float kMarkerSquareReach = 0.9f;
// The quad's half-size for the largest marker, logical px: how far past the view a marker's
// centre may be and still show.
inline constexpr float kMarkerMaxExtent = kMarkerMaxRadius * kMarkerExtentScale + kMarkerHaloPx;

struct MarkerInstance {
  Vec2f world;       // Web Mercator unit square
  float radius = 4;  // logical px, <= kMarkerMaxRadius
  Rgba8 fill;
  std::uint8_t shape = 0;  // MarkerShape
  std::uint8_t flags = 0;  // MarkerFlags
  std::uint16_t pad = 0;
};
static_assert(sizeof(MarkerInstance) == 20, "map/gl/marker_batch.cpp repeats it at a quad's four corners");

// The ABI as GLSL: "#define MARKER_SHAPE_DIAMOND 1" and so on, one line each.
std::string marker_glsl_defines();

}  // namespace ccap
