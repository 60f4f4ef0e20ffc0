#pragma once
// Draws the loaded city tiles over the coarser world map. Each tile is a Basemap of one level
// (src/pipeline/city_tiles.h), drawn by a BasemapRenderer of its own with the programs they all
// share. Mercator tiles are squares that stay axis-aligned on screen, so a scissor set to the
// tile's square masks the world map exactly: inside it the tile is drawn over it at the tile's
// opacity (fading in as it arrives, and over half a zoom step from its min_zoom), an exact
// cross-fade (BasemapRenderer::draw_over): the coarser map's land where the tile has sea fades
// out, the tile's land where the coarser map had sea fades in, land over land stays land. Where no
// tile has arrived the world map stays as it is: no hole.
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
  std::string init();  // builds the programs the tiles share (dropping any tile); returns what failed
  void add(CityTileId id, const Basemap& tile);
  void remove(CityTileId id);
  void clear() { tiles_.clear(); }
  std::size_t size() const { return tiles_.size(); }
  // Draws tile `id` (its square `entry`) at `opacity`.
  void draw(CityTileId id, const CityTileEntry& entry, const MapView& view, float opacity);

 private:
  std::shared_ptr<const BasemapPrograms> programs_;
  std::map<CityTileId, std::unique_ptr<BasemapRenderer>> tiles_;
};

}  // namespace ccap::render
