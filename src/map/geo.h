#pragma once
#include <span>
// Geographic coordinates and the Web Mercator "world" plane the map is drawn in.
//
// World coordinates: the unit square, x from 0 at 180°W to 1 at 180°E, y from 0 at the northern
// Mercator limit (85.0511°N) to 1 at the southern. x is not wrapped by project(): longitude 190
// gives x > 1. The map is drawn with world copies (x + k for whole k), so any unwrapped x is fine.

namespace ccap {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kMaxMercatorLatitude = 85.051128779806604;
inline constexpr double kEarthRadiusMeters = 6378137.0;  // WGS 84 semi-major axis (Web Mercator)

struct LngLat {
  double lng = 0, lat = 0;  // degrees
};

struct WorldPoint {
  double x = 0, y = 0;
};

// Longitude into [-180, 180): 243 -> -117, -190 -> 170, 180 -> -180.
double wrap_longitude(double lng);
// Whole world copy (..., -1, 0, 1, ...) that x lies in.
int world_copy_of(double x);

WorldPoint project(LngLat p);    // latitude clamped to the Mercator limit
LngLat unproject(WorldPoint p);  // longitude wrapped into [-180, 180)

// A longitude/latitude box. west > east means it crosses the antimeridian (e.g. 60°E .. 115°W).
struct GeoBounds {
  double west = -180, south = -85, east = 180, north = 85;
  double lng_span() const;  // degrees eastward from west to east, in (0, 360]
  bool contains(LngLat p) const;
};

// The smallest box holding every place, the short way round: its west edge is the east end of the
// widest gap between the places' longitudes (partner cities from India to Philadelphia: across the
// Pacific, not across the Atlantic). `margin` degrees around it, latitudes kept within ±85.
// No places: the whole map.
GeoBounds bounds_of(std::span<const LngLat> places, double margin);

// Great-circle distance in metres (haversine on a sphere of the WGS 84 semi-major axis).
double distance_meters(LngLat a, LngLat b);

}  // namespace ccap
