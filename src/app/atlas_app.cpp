#include "app/atlas_app.h"

#include <chrono>

#include "core/palette.h"
#include "core/version.h"

namespace ccap {

AtlasApp::AtlasApp(AppConfig config) : config_(std::move(config)), ui_(config_.data_dir) {
  state_.version = kVersion;
  state_.clear_color = palette::kOcean;
}

bool AtlasApp::init() { return ui_.init(); }

void AtlasApp::shutdown() { ui_.shutdown(); }

void AtlasApp::event(const InputEvent& /*event*/) {
  // The map's navigation arrives with the basemap; the UI gets its input through ImGui's backend.
}

void AtlasApp::frame(const FrameInfo& frame) {
  const auto start = std::chrono::steady_clock::now();
  ++state_.frame;
  state_.frame_info = frame;

  ui_.build(state_);
  frame_renderer_.begin(frame.framebuffer_width, frame.framebuffer_height, state_.clear_color);
  ui_.render();

  if (probes_.has_pending()) {
    probes_.resolve(state_.frame, frame.pixel_ratio, frame.framebuffer_width, frame.framebuffer_height,
                    [this](FramebufferPoint p) { return frame_renderer_.read_pixel(p.x, p.y); });
  }

  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  state_.frame_ms_average = state_.frame == 1 ? ms : state_.frame_ms_average * 0.95 + ms * 0.05;
}

std::string AtlasApp::state_json() const { return to_json(state_, probes_.all()); }

}  // namespace ccap
