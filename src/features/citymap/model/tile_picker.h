#pragma once
// Which city tiles the view needs, and what to do about them, frame by frame:
//   - a tile that meets the view (in any world copy) is wanted from its min_zoom(): the regional
//     tiles from zoom 4.5, the city tiles from 7.5;
//   - a wanted tile not yet here is fetched, at most kMaxInFlight at a time, nearest the view's
//     centre first;
//   - a tile asked for that leaves the view before it arrives is cancelled (its request is
//     dropped; it is asked again if it comes back into view);
//   - at most kMaxKept tiles stay loaded: beyond that, those longest out of view are evicted.
// A tile that failed (missing, damaged) is not asked for again in this session: the coarser map
// stays under it, and the feature says so once.
// Pure bookkeeping: no GL, no fetching; the feature carries out the plan.
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "features/citymap/model/city_tile_index.h"

namespace ccap {

inline constexpr double kCityTileMinZoom = 7.5;      // city tiles and town names fade in from here
inline constexpr double kRegionalTileMinZoom = 4.5;  // the regional tiles (zoom 5) from here
inline constexpr std::size_t kMaxInFlight = 6;
inline constexpr std::size_t kMaxKept = 32;

// The view in world coordinates (0..1 across the Web Mercator world; x may run past 0 or 1 where
// world copies are in view).
struct WorldRect {
  double west = 0, north = 0, east = 0, south = 0;
};

// Does the tile meet the view in some world copy?
bool tile_meets(const CityTileEntry& tile, const WorldRect& view);

// Whether what the view shows of `coarse` lies wholly under finer tiles of zoom `fine_z` drawn
// fully (`opaque` holds their x, y): then it need not be drawn (a regional tile under the city
// tiles at zoom 10: a software rasteriser pays for every pixel drawn twice).
bool hidden_under(const CityTileEntry& coarse, const WorldRect& view, int fine_z,
                  const std::set<std::pair<int, int>>& opaque);

class TilePicker {
 public:
  enum class State { Idle, Coming, Loaded, Failed };
  struct Plan {
    std::vector<CityTileId> fetch, cancel, evict;
  };

  explicit TilePicker(const CityTileIndex& index);

  // The plan for this frame: `frame` counts frames, for "longest out of view".
  Plan update(const WorldRect& view, double zoom, std::uint64_t frame);
  // A fetch ended: the tile is loaded (ok) or failed.
  void arrived(CityTileId tile, bool ok);

  State state(CityTileId tile) const { return tiles_[tile.index()].state; }
  // The loaded tiles that meet the view at this zoom, to draw in order: the coarser level first.
  std::vector<CityTileId> drawable(const WorldRect& view, double zoom) const;
  std::size_t wanted() const { return wanted_; }  // tiles in view at their zooms, last update
  std::size_t coming() const;
  std::size_t loaded() const;

 private:
  struct Tile {
    State state = State::Idle;
    std::uint64_t last_seen = 0;
  };
  const CityTileIndex& index_;
  std::vector<Tile> tiles_;
  std::size_t wanted_ = 0;
};

}  // namespace ccap
