#include "scripted_app.h"

#include <gtest/gtest.h>

#include "platform/platform.h"

namespace ccap::testing {

int ScriptedApp::run(int frames, int width, int height) {
  platform::RunOptions options;
  options.title = "render test";
  options.width = width;
  options.height = height;
  options.max_frames = frames;
  return platform::run(*this, options);
}

void ScriptedApp::frame(const FrameInfo& f) {
  app_.frame(f);
  ++frames_done_;
  if (auto it = steps_.find(frames_done_); it != steps_.end()) it->second(app_);
}

Rgba8 probe_color(const nlohmann::json& state, int probe_id) {
  for (const auto& p : state.at("probes")) {
    if (p.at("id") != probe_id) continue;
    EXPECT_TRUE(p.at("done").get<bool>()) << "probe " << probe_id << " was never read";
    EXPECT_TRUE(p.value("inside", false)) << "probe " << probe_id << " lies outside the canvas";
    if (!p.contains("rgba")) return {};
    const auto& c = p.at("rgba");
    return {c[0].get<std::uint8_t>(), c[1].get<std::uint8_t>(), c[2].get<std::uint8_t>(), c[3].get<std::uint8_t>()};
  }
  ADD_FAILURE() << "no probe with id " << probe_id;
  return {};
}

}  // namespace ccap::testing
