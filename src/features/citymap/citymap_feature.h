#pragma once
// The map at city scale: around every partner city, from zoom 4.5, the regional tiles (Natural
// Earth 1:10m land and borders) and from 7.5 the tiles of the fine coastline, lakes, rivers and
// borders (src/pipeline/city_tiles.h) are fetched as the view needs them (model/tile_picker.h),
// drawn over the world map (gl/city_tile_renderer.h), the fine ones credited ("© OpenStreetMap
// contributors") while any is drawn; the towns around them are named
// (ui/place_names.h), after and off the partner cities' labels. The index and the names are
// fetched the first time the map comes close; nothing of them before the first map frame. A tile
// that cannot be had leaves the world map under it, and one notice says so.
#include <map>
#include <optional>
#include <string>

#include "features/citymap/gl/city_tile_renderer.h"
#include "features/citymap/model/city_places.h"
#include "features/citymap/model/city_tile_index.h"
#include "features/citymap/model/tile_picker.h"
#include "features/citymap/ui/place_names.h"
#include "features/feature.h"

namespace ccap {

class CityMapFeature final : public Feature {
 public:
  void init(InitContext& ctx) override;
  void data_arrived(const std::string& name, InitContext& ctx) override;
  void update(FrameContext& ctx) override;
  void panels(PanelContext& ctx) override;
  void map_names(PanelContext& ctx) override;
  void draw(const render::MapView& view, const FrameContext& ctx) override;
  double next_frame_at() const override;
  void gpu_restored(InitContext& ctx) override;
  void write_status(nlohmann::json& state) const override;

 private:
  std::optional<render::CityTileRenderer> renderer_;
  bool renderer_ready_ = false;
  enum class IndexState { NotAsked, Coming, Read, Failed } index_state_ = IndexState::NotAsked;
  CityTileIndex index_;
  std::optional<TilePicker> picker_;
  std::map<CityTileId, double> arrived_at_;  // frame clock, for the fade-in
  std::map<std::string, CityTileId> by_file_;
  std::uint64_t frame_ = 0;
  double now_ = 0;
  double zoom_ = 0;
  std::size_t requested_ = 0, failed_ = 0;  // tiles asked for this session; that could not be had
  bool failure_told_ = false;
  std::size_t drawn_ = 0, drawn_osm_ = 0, fading_ = 0;  // tiles drawn last frame; of the fine coast; fading in
  CityPlaces places_;
  std::vector<ui::PlaceName> names_wanted_;  // this frame's places in view, most important first
  std::vector<ui::ShownName> names_shown_;
};

}  // namespace ccap
