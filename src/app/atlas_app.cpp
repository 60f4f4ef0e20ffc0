#include "app/atlas_app.h"

#include <chrono>

#include "core/basemap_format.h"
#include "core/file_bytes.h"
#include "core/palette.h"
#include "core/region.h"
#include "core/version.h"
#include "render/map_view.h"

namespace ccap {

namespace {
constexpr std::size_t kMaxBasemapBytes = 64u << 20;
constexpr double kHomePadding = 24;  // px around the partnership region in the default view
constexpr double kMaxZoom = 11;
}  // namespace

AtlasApp::AtlasApp(AppConfig config) : config_(std::move(config)), ui_(config_.data_dir) {
  state_.version = kVersion;
  state_.clear_color = palette::kOcean;
  camera_.set_zoom_limits(0, kMaxZoom);
  navigator_.set_home(kPartnershipRegion, kHomePadding);
}

bool AtlasApp::init() {
  if (!ui_.init()) return false;
  if (auto error = basemap_renderer_.init(); !error.empty()) {
    add_notice(state_, {Notice::Level::Error, "The map cannot be drawn: " + error});
  } else {
    renderer_ready_ = true;
    load_basemap();
  }
  return true;
}

void AtlasApp::load_basemap() {
  const std::string path = config_.data_dir + "/basemap.ccapmap";
  const FileBytes file = read_file_bytes(path, kMaxBasemapBytes);
  if (!file.bytes) {
    add_notice(state_, {Notice::Level::Error, "Basemap not loaded (" + file.error + "); the map shows the ocean only."});
    return;
  }
  const BasemapDecodeResult decoded = decode_basemap(*file.bytes);
  if (!decoded.map) {
    add_notice(state_, {Notice::Level::Error,
                        "Basemap not loaded (" + path + ": " + decoded.error + "); the map shows the ocean only."});
    return;
  }
  basemap_renderer_.upload(*decoded.map);
  state_.map.basemap_loaded = true;
  state_.map.basemap_levels = static_cast<int>(decoded.map->levels.size());
}

void AtlasApp::shutdown() { ui_.shutdown(); }

void AtlasApp::event(const InputEvent& e) {
  switch (e.type) {
    case InputEvent::Type::PointerDown:
    case InputEvent::Type::Wheel:
      if (ui_.wants_pointer()) return;  // on a panel, not on the map
      break;
    case InputEvent::Type::KeyDown:
      if (ui_.wants_keyboard()) return;
      break;
    case InputEvent::Type::PointerMove:
    case InputEvent::Type::PointerUp:  // the navigator follows only pointers it saw go down
    case InputEvent::Type::Resize:
      break;
  }
  navigator_.handle(e, e.time > 0 ? e.time : now_);
}

void AtlasApp::update_map_status() {
  const LngLat c = camera_.center_lnglat();
  state_.map.center_lng = c.lng;
  state_.map.center_lat = c.lat;
  state_.map.zoom = camera_.zoom();
  state_.map.meters_per_pixel = camera_.meters_per_pixel();
  state_.map.moving = navigator_.is_moving();
  state_.map.gestures = navigator_.gesture_count();
}

void AtlasApp::frame(const FrameInfo& frame) {
  const auto start = std::chrono::steady_clock::now();
  ++state_.frame;
  state_.frame_info = frame;
  now_ = frame.time_seconds;

  camera_.set_viewport(frame.canvas_width, frame.canvas_height);
  if (!view_ready_) {
    navigator_.go_home(now_, false);
    view_ready_ = true;
  }
  navigator_.set_reduced_motion(frame.reduced_motion);
  navigator_.update(now_);
  update_map_status();

  const ui::UiActions actions = ui_.build(state_);
  frame_renderer_.begin(frame.framebuffer_width, frame.framebuffer_height, state_.clear_color);
  if (renderer_ready_) basemap_renderer_.draw(render::make_map_view(camera_, frame.pixel_ratio), camera_.zoom());
  ui_.render();

  if (probes_.has_pending()) {
    probes_.resolve(state_.frame, frame.pixel_ratio, frame.framebuffer_width, frame.framebuffer_height,
                    [this](FramebufferPoint p) { return frame_renderer_.read_pixel(p.x, p.y); });
  }

  // Buttons act after the frame, like keys would.
  if (actions.zoom_delta != 0) navigator_.zoom_by(actions.zoom_delta, camera_.viewport() * 0.5, now_);
  if (actions.go_home) navigator_.go_home(now_, true);

  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  state_.frame_ms_average = state_.frame <= 2 ? ms : state_.frame_ms_average * 0.95 + ms * 0.05;
}

std::string AtlasApp::state_json() const { return to_json(state_, probes_.all()); }

}  // namespace ccap
