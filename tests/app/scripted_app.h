#pragma once
// Runs the real AtlasApp through the real native platform (headless with
// SDL_VIDEODRIVER=offscreen) and lets a test act between frames: ask for pixel probes, read state.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/atlas_app.h"
#include "host/application.h"

namespace ccap::testing {

class ScriptedApp final : public Application {
 public:
  explicit ScriptedApp(AppConfig config) : app_(std::move(config)) {}

  // `step` runs right after frame `frame` (1-based) has been drawn.
  void after_frame(std::uint64_t frame, std::function<void(AtlasApp&)> step) { steps_[frame] = std::move(step); }
  // Runs `frames` frames in a width x height window; returns the platform's exit code.
  int run(int frames, int width, int height);
  nlohmann::json state() const { return nlohmann::json::parse(app_.state_json()); }
  AtlasApp& app() { return app_; }

  bool init() override { return app_.init(); }
  void frame(const FrameInfo& f) override;
  void event(const InputEvent& e) override { app_.event(e); }
  void shutdown() override { app_.shutdown(); }

 private:
  AtlasApp app_;
  std::uint64_t frames_done_ = 0;
  std::map<std::uint64_t, std::function<void(AtlasApp&)>> steps_;
};

// The colour of a resolved probe, as [r,g,b,a]; fails the test if it is missing or unresolved.
Rgba8 probe_color(const nlohmann::json& state, int probe_id);

}  // namespace ccap::testing
