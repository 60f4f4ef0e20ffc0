#pragma once
// Clean Air Atlas itself: composes the core state, the renderer and the UI into the four
// callbacks the platform drives.
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "features/air/model/air_overlay.h"
#include "base/app_state.h"
#include "features/knowledge/model/knowledge.h"
#include "features/knowledge/model/knowledge_search.h"
#include "base/application.h"
#include "map/map_camera.h"
#include "map/navigation.h"
#include "features/partnership/model/partnership.h"
#include "features/partnership/model/partnership_layers.h"
#include "base/pixel_probe.h"
#include "features/air/gl/air_renderer.h"
#include "map/gl/basemap_renderer.h"
#include "map/gl/frame_renderer.h"
#include "features/partnership/gl/partnership_renderer.h"
#include "ui/ui.h"

namespace ccap {

struct AppConfig {
  std::string data_dir = "data";  // fonts/, basemap.ccapmap, partnership.json, airquality.ccapaq
  // Opens a source link for the user (a new browser tab); given by the platform.
  std::function<void(const std::string& url)> open_url;
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
  void set_layers(const LayerSettings& layers) {
    layers_ = layers;
    update_partnership_layers();
  }
  // Replaces the partnership content with `json_text` (same format and checks as the file);
  // returns how many problems were found.
  std::size_t load_partnership_text(const std::string& json_text, const std::string& name);
  // Selects a city by id (empty: none); false if there is no such city.
  bool select_city(const std::string& id);
  // Replaces the air-quality data with a .ccapaq file's bytes; returns an empty string or the
  // problem (then the data loaded before stays).
  std::string load_air_quality_bytes(std::span<const std::uint8_t> bytes, const std::string& name);
  const AirOverlay& air() const { return air_; }
  void set_air(const AirSettings& settings) { air_.apply(settings); }
  // Selects a station by id (empty: none); false if there is no such station.
  bool select_station(const std::string& id);
  // Opens the Knowledge Platform panel searching for `text`.
  void search_knowledge(const std::string& text) { ui_.search_knowledge(text); }
  // Opens the peer finder for a partner city; false if there is no such city.
  bool find_peers(const std::string& city_id) {
    const auto c = partnership_ ? partnership_->city_index(city_id) : std::nullopt;
    if (c) ui_.find_peers(*c);
    return c.has_value();
  }

 private:
  void load_basemap();
  void load_partnership();
  void load_air_quality();
  void update_air_layer();  // markers and surface for this frame
  void update_air_status();
  void update_map_status();
  void update_partnership_layers();  // after the content or the layer settings changed
  void refresh_marker_flags();  // after hover or selection changed
  void pick_hover_and_taps();
  ui::UiModel ui_model() const;
  void apply(const ui::UiActions& actions);
  void update_selection_status();
  void update_knowledge_status();

  AppConfig config_;
  AppState state_;
  PixelProbes probes_;
  MapCamera camera_;
  Navigator navigator_{camera_};
  bool view_ready_ = false;
  double now_ = 0;
  render::FrameRenderer frame_renderer_;
  render::BasemapRenderer basemap_renderer_;
  render::PartnershipRenderer partnership_renderer_;
  std::optional<Partnership> partnership_;
  std::optional<Knowledge> knowledge_;
  KnowledgeSearch knowledge_search_;
  std::vector<std::size_t> highlighted_;  // cities marked for the Knowledge Platform
  std::vector<std::pair<std::size_t, std::size_t>> candidates_;  // peer-finder arcs
  LayerSettings layers_;
  MarkerLayer markers_;
  std::vector<glm::dvec2> marker_screen_;  // this frame, nearest world copy
  long selected_ = -1, hover_ = -1;
  std::optional<glm::dvec2> mouse_;        // over the canvas
  bool renderer_ready_ = false;
  AirOverlay air_;
  render::AirRenderer air_renderer_;
  bool air_renderer_ready_ = false;
  AirMarkerLayer air_markers_;
  std::vector<glm::dvec2> air_screen_;
  long selected_station_ = -1, hover_station_ = -1;
  struct SurfaceKey {
    double x = -1, y = -1, zoom = -1, width = 0, height = 0;
    std::uint64_t values = 0;
    bool operator==(const SurfaceKey&) const = default;
  } surface_key_;
  ui::Ui ui_;
};

}  // namespace ccap
