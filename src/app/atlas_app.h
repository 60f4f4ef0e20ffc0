#pragma once
// Clean Air Atlas itself: the map (camera and navigation) and the features, composed behind the
// four callbacks the platform drives. Adding a feature is one line in the constructor's list.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/imgui_layer.h"
#include "base/application.h"
#include "base/notices.h"
#include "base/pixel_probe.h"
#include "features/air/air_feature.h"
#include "features/basemap/basemap_feature.h"
#include "features/kiosk/kiosk_feature.h"
#include "features/knowledge/knowledge_feature.h"
#include "features/partnership/partnership_feature.h"
#include "map/gl/frame_renderer.h"
#include "map/map_camera.h"
#include "map/navigation.h"

namespace ccap {

struct AppConfig {
  std::string data_dir = "data";  // fonts/, basemap.ccapmap, partnership.json, airquality.ccapaq
  // Opens a source link for the user (a new browser tab); given by the platform.
  std::function<void(const std::string& url)> open_url;
  bool debug = false;                     // ?debug=1: frame times in the welcome card
  bool kiosk = false;                     // ?kiosk=1: an unattended display (features/kiosk)
  std::vector<std::string> missing = {};  // data files the page could not download (web/loader.js)
  // Kiosk mode: the operator left it (the platform reloads the page without ?kiosk=1); the kiosk
  // reset itself after an idle time (the platform may switch to a new deployment now, unseen).
  std::function<void()> exit_kiosk = {}, kiosk_reset = {};
};

class AtlasApp final : public Application {
 public:
  explicit AtlasApp(AppConfig config);

  bool init() override;
  void frame(const FrameInfo& frame) override;
  void event(const InputEvent& event) override;
  void shutdown() override;
  void text_input(const std::string& utf8) override { imgui_.text_input(utf8); }
  bool wants_text_input() const override;

  // For the test API (app/test_api.h) and the render tests.
  std::string state_json() const;
  int request_probe(float x, float y) { return probes_.request(x, y); }
  const MapCamera& camera() const { return camera_; }
  void fly_to(LngLat center, double zoom) { navigator_.fly_to(center, zoom, now_); }
  void jump_to(LngLat center, double zoom) { navigator_.jump_to({project(center), zoom}); }
  Notices& notices() { return notices_; }
  PartnershipFeature& partnership() { return partnership_; }
  AirFeature& air() { return air_; }
  KnowledgeFeature& knowledge() { return knowledge_; }
  KioskFeature& kiosk() { return kiosk_; }
  // Moves the app's clock on by `seconds` (tests of idle times, without waiting for them).
  void advance_clock(double seconds) { clock_offset_ += seconds; }
  // The GL context was lost and is back: every GPU resource is made and uploaded again.
  void gpu_restored() override;
  ui::Layout& layout() { return imgui_.layout(); }
  DockStack& dock() { return dock_; }

 private:
  void pick(FrameContext& ctx);
  void key(const InputEvent& e, double t);  // t: when, on the frame clock
  // The camera's centre that shows `where` in the middle of the map area the panels leave free.
  WorldPoint centre_showing(LngLat where, double zoom) const;
  WorldPoint centre_showing(LngLat where, double zoom, const ui::Rect& area) const;  // in `area`
  // A newly opened page's subject is moved into view when the panel would hide it.
  void keep_page_subject_in_view();
  void carry_out(FrameContext& ctx);  // the frame's commands, after it is drawn
  // Flies to show every place of `places` in the map area the panels leave free.
  void fit_places(const std::vector<LngLat>& places);
  static nlohmann::json memory_json();

  AppConfig config_;
  Notices notices_;
  PixelProbes probes_;
  MapCamera camera_;
  Navigator navigator_{camera_};
  bool view_ready_ = false;
  double now_ = 0;
  double clock_offset_ = 0;  // s added to the platform's clock (the test API's advance_clock)
  std::uint64_t frame_count_ = 0;
  FrameInfo frame_info_;
  double frame_ms_average_ = 0;      // CPU time of the frame callback, smoothed
  std::optional<glm::dvec2> mouse_;  // over the canvas
  Commands commands_;
  DockStack dock_;
  ScreenMarks marks_;  // this frame's marks over earlier layers (see feature.h)
  std::uint64_t dock_revision_seen_ = 0;
  ImGuiLayer imgui_;
  render::FrameRenderer frame_renderer_;

  BasemapFeature basemap_;
  AirFeature air_;
  PartnershipFeature partnership_;
  KnowledgeFeature knowledge_{partnership_};
  KioskFeature kiosk_{partnership_, knowledge_, config_.kiosk};
  // Drawn in this order (stations under cities); picked in the reverse (cities before stations).
  std::vector<Feature*> features_{&basemap_, &air_, &partnership_, &knowledge_, &kiosk_};
};

}  // namespace ccap
