#include "features/citymap/model/tile_picker.h"

#include <algorithm>
#include <cmath>

namespace ccap {

bool tile_meets(const CityTileEntry& tile, const WorldRect& view) {
  const double size = tile.world_size(), west = tile.world_west(), north = tile.world_north();
  if (north + size <= view.north || north >= view.south) return false;
  // The world copies k in which [west + k, west + k + size] meets [view.west, view.east].
  const double k = std::floor(view.west - west - size) + 1;
  return west + k < view.east;
}

bool hidden_under(const CityTileEntry& coarse, const WorldRect& view, int fine_z,
                  const std::set<std::pair<int, int>>& opaque) {
  if (!tile_meets(coarse, view) || fine_z <= coarse.z) return false;
  const double size = coarse.world_size(), north = coarse.world_north();
  const double west = coarse.world_west() + std::floor(view.west - coarse.world_west() - size) + 1;  // its copy
  const double x0 = std::max(west, view.west), x1 = std::min(west + size, view.east);
  const double y0 = std::max(north, view.north), y1 = std::min(north + size, view.south);
  const int n = 1 << fine_z;
  const auto cell = [&](double v) { return static_cast<long long>(std::floor(v * n)); };
  const long long last_x = static_cast<long long>(std::ceil(x1 * n)) - 1,
                  last_y = static_cast<long long>(std::ceil(y1 * n)) - 1;
  if ((last_x - cell(x0) + 1) * (last_y - cell(y0) + 1) > 4096) return false;  // too many to ask about
  for (long long y = cell(y0); y <= last_y; ++y)
    for (long long x = cell(x0); x <= last_x; ++x)
      if (!opaque.contains({static_cast<int>(((x % n) + n) % n), static_cast<int>(y)})) return false;
  return true;
}

TilePicker::TilePicker(const CityTileIndex& index) : index_(index), tiles_(index.tiles.size()) {}

TilePicker::Plan TilePicker::update(const WorldRect& view, double zoom, std::uint64_t frame) {
  Plan plan;
  std::vector<CityTileId> in_view;
  for (std::size_t i = 0; i < tiles_.size(); ++i)
    if (zoom >= index_.tiles[i].min_zoom() && tile_meets(index_.tiles[i], view)) {
      in_view.emplace_back(i);
      tiles_[i].last_seen = frame;
    }
  wanted_ = in_view.size();
  // Cancel what was asked for and is no longer in view.
  for (std::size_t i = 0; i < tiles_.size(); ++i)
    if (tiles_[i].state == State::Coming && tiles_[i].last_seen != frame) {
      tiles_[i].state = State::Idle;
      plan.cancel.emplace_back(i);
    }
  // Fetch the missing ones, the coarser level first (it is under the finer one), nearest the
  // centre first, within the limit of requests under way.
  const double cx = (view.west + view.east) / 2, cy = (view.north + view.south) / 2;
  const auto distance = [&](CityTileId id) {
    const CityTileEntry& t = index_.tiles[id.index()];
    const double half = t.world_size() / 2;
    double dx = std::remainder(t.world_west() + half - cx, 1.0);
    return std::hypot(dx, t.world_north() + half - cy);
  };
  std::sort(in_view.begin(), in_view.end(), [&](CityTileId a, CityTileId b) {
    const int za = index_.tiles[a.index()].z, zb = index_.tiles[b.index()].z;
    return za != zb ? za < zb : distance(a) < distance(b);
  });
  std::size_t flying = coming();
  for (CityTileId id : in_view) {
    if (flying >= kMaxInFlight) break;
    if (tiles_[id.index()].state != State::Idle) continue;
    tiles_[id.index()].state = State::Coming;
    plan.fetch.push_back(id);
    ++flying;
  }
  // Evict beyond kMaxKept, longest out of view first (never one in view).
  std::vector<CityTileId> kept;
  for (std::size_t i = 0; i < tiles_.size(); ++i)
    if (tiles_[i].state == State::Loaded) kept.emplace_back(i);
  if (kept.size() > kMaxKept) {
    std::sort(kept.begin(), kept.end(),
              [&](CityTileId a, CityTileId b) { return tiles_[a.index()].last_seen < tiles_[b.index()].last_seen; });
    for (std::size_t i = 0; i < kept.size() - kMaxKept && tiles_[kept[i].index()].last_seen != frame; ++i) {
      tiles_[kept[i].index()].state = State::Idle;
      plan.evict.push_back(kept[i]);
    }
  }
  return plan;
}

void TilePicker::arrived(CityTileId tile, bool ok) {
  if (tile.index() >= tiles_.size()) return;
  Tile& t = tiles_[tile.index()];
  if (t.state != State::Coming) return;  // cancelled meanwhile: the bytes are not kept
  t.state = ok ? State::Loaded : State::Failed;
}

std::vector<CityTileId> TilePicker::drawable(const WorldRect& view, double zoom) const {
  std::vector<CityTileId> out;
  for (std::size_t i = 0; i < tiles_.size(); ++i)
    if (tiles_[i].state == State::Loaded && zoom >= index_.tiles[i].min_zoom() && tile_meets(index_.tiles[i], view))
      out.emplace_back(i);
  std::stable_sort(out.begin(), out.end(),
                   [&](CityTileId a, CityTileId b) { return index_.tiles[a.index()].z < index_.tiles[b.index()].z; });
  return out;
}

std::size_t TilePicker::coming() const {
  return static_cast<std::size_t>(
      std::count_if(tiles_.begin(), tiles_.end(), [](const Tile& t) { return t.state == State::Coming; }));
}

std::size_t TilePicker::loaded() const {
  return static_cast<std::size_t>(
      std::count_if(tiles_.begin(), tiles_.end(), [](const Tile& t) { return t.state == State::Loaded; }));
}

}  // namespace ccap
