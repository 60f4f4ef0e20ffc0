#pragma once
// Draws the loaded city tiles over the coarser world map. Each tile is a Basemap of one level
// (src/pipeline/city_tiles.h), drawn by a BasemapRenderer of its own. Mercator tiles are squares
// that stay axis-aligned on screen, so a scissor set to the tile's square masks the world map
// exactly: inside it the renderer lays the sea at the tile's opacity, then the tile's land whole,
// and its graticule, borders, coast and rivers at that opacity (fading in as it arrives, and
// between zoom 7.5 and 8). So the world map's land where the tile has sea fades out, land over
// land stays exactly land, and the fine lines fade in. Where no tile has arrived the world map
// stays as it is: no hole.
#include <map>
#include <memory>
#include <string>

#include "features/citymap/model/city_tile_index.h"
#include "map/basemap.h"
#include "map/gl/basemap_renderer.h"
#include "map/gl/map_view.h"

namespace ccap::render {

class CityTileRenderer {
 public:
  std::string init();  // checks that a basemap renderer can be made; returns what failed
  void add(CityTileId id, const Basemap& tile);
  void remove(CityTileId id);
  void clear() { tiles_.clear(); }
  std::size_t size() const { return tiles_.size(); }
  // Draws tile `id` (its square `entry`) at `opacity`.
  void draw(CityTileId id, const CityTileEntry& entry, const MapView& view, double zoom, float opacity);

 private:
  std::map<CityTileId, std::unique_ptr<BasemapRenderer>> tiles_;
};

}  // namespace ccap::render
