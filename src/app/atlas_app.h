#pragma once
// Clean Air Atlas itself: composes the core state, the renderer and the UI into the four
// callbacks the platform drives.
#include <string>

#include "core/app_state.h"
#include "core/application.h"
#include "core/map_camera.h"
#include "core/navigation.h"
#include "core/pixel_probe.h"
#include "render/basemap_renderer.h"
#include "render/frame_renderer.h"
#include "ui/ui.h"

namespace ccap {

struct AppConfig {
  std::string data_dir = "data";  // fonts/, basemap.ccapmap, content
};

class AtlasApp final : public Application {
 public:
  explicit AtlasApp(AppConfig config);

  bool init() override;
  void frame(const FrameInfo& frame) override;
  void event(const InputEvent& event) override;
  void shutdown() override;

  // The test API (see app/test_api.h).
  std::string state_json() const;
  int request_probe(float x, float y) { return probes_.request(x, y); }
  const MapCamera& camera() const { return camera_; }
  void fly_to(LngLat center, double zoom) { navigator_.fly_to(center, zoom, now_); }
  void jump_to(LngLat center, double zoom) { navigator_.jump_to({project(center), zoom}); }

 private:
  void load_basemap();
  void update_map_status();

  AppConfig config_;
  AppState state_;
  PixelProbes probes_;
  MapCamera camera_;
  Navigator navigator_{camera_};
  bool view_ready_ = false;
  double now_ = 0;
  render::FrameRenderer frame_renderer_;
  render::BasemapRenderer basemap_renderer_;
  bool renderer_ready_ = false;
  ui::Ui ui_;
};

}  // namespace ccap
