#include "features/basemap/basemap_feature.h"

#include <nlohmann/json.hpp>

#include "features/basemap/ui/map_overlays.h"
#include "map/basemap_format.h"

namespace ccap {

namespace {
constexpr DataFile kBasemapFile{"basemap.ccapmap", 64u << 20, Notice::Level::Error, "Basemap",
                                "; the map shows the ocean only"};
}  // namespace

void BasemapFeature::init(InitContext& ctx) {
  renderer_ready_ = ctx.drawable("The map", renderer_.emplace().init());
  if (!renderer_ready_) return;
  const auto bytes = ctx.read(kBasemapFile);
  if (!bytes) return;
  const BasemapDecodeResult decoded = decode_basemap(*bytes);
  if (!decoded.map) {
    ctx.not_loaded(kBasemapFile, ctx.path(kBasemapFile) + ": " + decoded.error);
    return;
  }
  renderer_->upload(*decoded.map);
  levels_ = static_cast<int>(decoded.map->levels.size());
}

// The file is still where it was read from (the browser's in-memory file system, or the disk).
void BasemapFeature::gpu_restored(InitContext& ctx) { init(ctx); }

void BasemapFeature::panels(PanelContext& ctx) {
  if (!ctx.picture) ui::map_controls(ctx.layout, ctx.commands);
}

bool BasemapFeature::scale_bar_and_attribution(const MapCamera& camera, ui::Layout& layout,
                                               const std::vector<Credit>& credits) const {
  return ui::scale_bar_and_attribution(camera.meters_per_pixel(), layout, credits);
}

void BasemapFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  if (renderer_ready_) renderer_->draw(view, ctx.camera.zoom());
}

void BasemapFeature::write_status(nlohmann::json& state) const {
  state["map"]["basemapLoaded"] = levels_ > 0;
  state["map"]["basemapLevels"] = levels_;
}

}  // namespace ccap
