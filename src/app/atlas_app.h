#pragma once
// Clean Air Atlas itself: composes the core state, the renderer and the UI into the four
// callbacks the platform drives.
#include <memory>
#include <string>

#include "core/app_state.h"
#include "core/application.h"
#include "core/pixel_probe.h"
#include "render/frame_renderer.h"
#include "ui/ui.h"

namespace ccap {

struct AppConfig {
  std::string data_dir = "data";  // fonts, basemap, content
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

 private:
  AppConfig config_;
  AppState state_;
  PixelProbes probes_;
  render::FrameRenderer frame_renderer_;
  ui::Ui ui_;
};

}  // namespace ccap
