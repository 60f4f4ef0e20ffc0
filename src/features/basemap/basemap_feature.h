#pragma once
#include <optional>
// The base map: land, coastlines and borders from basemap.ccapmap (map/basemap_format.h), drawn
// first; and what sits on the map itself: zoom and Home buttons, the scale bar, the credit.
#include "features/feature.h"
#include "map/gl/basemap_renderer.h"

namespace ccap {

class BasemapFeature final : public Feature {
 public:
  void init(InitContext& ctx) override;
  void panels(PanelContext& ctx) override;
  void draw(const render::MapView& view, const FrameContext& ctx) override;
  void gpu_restored(InitContext& ctx) override;
  void write_status(nlohmann::json& state) const override;
  // The scale bar and the credit, drawn on the map after every feature's labels; whether the
  // credit's lines changed (ui/map_overlays.h).
  bool scale_bar_and_attribution(const MapCamera& camera, ui::Layout& layout, const std::vector<Credit>& credits) const;

 private:
  std::optional<render::BasemapRenderer> renderer_;  // made again after a lost GL context
  bool renderer_ready_ = false;
  int levels_ = 0;  // of detail, when loaded
};

}  // namespace ccap
