#include "features/basemap/basemap_feature.h"

#include <nlohmann/json.hpp>

#include "base/file_bytes.h"
#include "features/basemap/ui/map_overlays.h"
#include "map/basemap_format.h"

namespace ccap {

namespace {
constexpr std::size_t kMaxBasemapBytes = 64u << 20;
}  // namespace

void BasemapFeature::init(InitContext& ctx) {
  if (auto error = renderer_.init(); !error.empty()) {
    ctx.notices.add(Notice::Level::Error, "The map cannot be drawn: " + error);
    return;
  }
  renderer_ready_ = true;
  const std::string path = ctx.data_dir + "/basemap.ccapmap";
  const FileBytes file = read_file_bytes(path, kMaxBasemapBytes);
  if (!file.bytes) {
    ctx.notices.add(Notice::Level::Error, "Basemap not loaded (" + file.error + "); the map shows the ocean only.");
    return;
  }
  const BasemapDecodeResult decoded = decode_basemap(*file.bytes);
  if (!decoded.map) {
    ctx.notices.add(Notice::Level::Error,
                    "Basemap not loaded (" + path + ": " + decoded.error + "); the map shows the ocean only.");
    return;
  }
  renderer_.upload(*decoded.map);
  levels_ = static_cast<int>(decoded.map->levels.size());
}

void BasemapFeature::panels(PanelContext& ctx) { ui::map_controls(ctx.layout, ctx.commands); }

void BasemapFeature::scale_bar_and_attribution(const MapCamera& camera) const {
  ui::scale_bar_and_attribution(camera.meters_per_pixel());
}

void BasemapFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  if (renderer_ready_) renderer_.draw(view, ctx.camera.zoom());
}

void BasemapFeature::write_status(nlohmann::json& state) const {
  state["map"]["basemapLoaded"] = levels_ > 0;
  state["map"]["basemapLevels"] = levels_;
}

}  // namespace ccap
