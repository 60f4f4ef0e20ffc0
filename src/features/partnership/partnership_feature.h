#pragma once
// The partnership on the map: partner cities as markers, C3 twins joined by great-circle arcs,
// labels, the layers panel and the city panel. Also draws what other features ask it to show on
// the cities (HighlightCities, ShowCandidates). Owns the content file (partnership.json), which
// it parses once; the Knowledge Platform reads its `knowledge` member from content().
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "features/feature.h"
#include "features/partnership/gl/partnership_renderer.h"
#include "features/partnership/model/city_marks.h"
#include "features/partnership/model/partnership.h"
#include "features/partnership/model/partnership_layers.h"
#include "features/partnership/ui/partnership_panels.h"

namespace ccap {

class PartnershipFeature final : public Feature {
 public:
  void init(InitContext& ctx) override;
  void update(FrameContext& ctx) override;
  bool hover(const std::optional<Pointer>& pointer, bool taken, FrameContext& ctx) override;
  bool tap(const Pointer& pointer, bool taken, FrameContext& ctx) override;
  bool key(const InputEvent& e) override;
  void panels(PanelContext& ctx) override;
  void draw(const render::MapView& view, const FrameContext& ctx) override;
  void on_command(const Command& command, FrameContext& ctx) override;
  void after_frame(FrameContext& ctx) override;
  void gpu_restored(InitContext& ctx) override;
  void write_status(nlohmann::json& state) const override;
  void write_link(LinkState& link) const override;
  void read_link(LinkReader& link) override;
  void picture_legend(std::vector<LegendLine>& lines) const override;
  void write_accessible(nlohmann::json& doc) const override;
  std::optional<LngLat> place_of(const Page& page) const override;

  // Replaces the content with `text` (the file's format and checks); returns the number of
  // problems found (at least 1 when nothing is usable), all of them in a notice. The content
  // that loaded before stays when the new file has no usable city.
  std::size_t load_text(const std::string& text, const std::string& name, Notices& notices);
  // Selects a city by id (empty: none); false if there is no such city.
  bool select_city(const std::string& id);
  void set_layers(const LayerSettings& layers);
  const LayerSettings& layers() const { return layers_; }

  const Partnership* partnership() const { return partnership_ ? &*partnership_ : nullptr; }
  // The parsed content file, and how many times it has been replaced (0: never loaded).
  const nlohmann::json& content() const { return content_; }
  const std::string& content_name() const { return content_name_; }  // the file it came from
  int content_revision() const { return content_revision_; }
  const std::vector<CityId>& highlighted() const { return highlighted_; }
  std::size_t candidate_count() const { return candidates_.size(); }
  void input_seen(const InputEvent&, double now) override { last_input_ = now; }
  double next_frame_at() const override { return flow_drawn_ ? last_flow_frame_ + 1 / kFlowFps : kNoFrameNeeded; }

 private:
  // Selects `city` (its page on top of the dock) or nothing (its pages closed).
  void select(std::optional<CityId> city);
  void rebuild_layers();  // after the content or the layer settings changed
  void refresh_flags();   // after hover, selection or the highlight changed
  // The mark (a city or a group) under a pointer at `at` within `radius` px.
  const CityMark* mark_at(glm::dvec2 at, double radius) const;

  nlohmann::json content_;
  std::string content_name_;
  int content_revision_ = 0;
  // The companion's list of cities (write_accessible), made once per content: it is asked for
  // every quarter of a second, and at 10,000 cities making it took ~150 ms in the browser.
  mutable nlohmann::json accessible_cities_;
  mutable int accessible_cities_revision_ = -1;
  std::optional<Partnership> partnership_;
  LayerSettings layers_;
  std::optional<LayerSettings> pending_layers_;  // changed in the panel, applied after the frame
  MarkerLayer markers_;                          // every shown city's marker, design size
  std::vector<glm::dvec2> marker_screen_;        // this frame, nearest world copy
  CityMarks marks_;                              // this frame: cities and groups as drawn
  std::vector<glm::dvec2> mark_centres_;         // each mark's centre, for picking
  std::vector<CityId> hover_group_;              // the group under the mouse: its cities
  std::vector<MarkerInstance> uploaded_;         // what the renderer has (uploaded when marks_ differ)
  std::vector<CityId> never_grouped() const;
  std::vector<ui::CityLabel> labels_;
  std::optional<CityId> selected_, hover_;
  // The keyboard's city (arrows move it, Enter opens it; drawn with a ring), and a key to act on.
  std::optional<CityId> key_focus_;
  std::optional<Key> pending_key_;
  void move_key_focus(Key key, FrameContext& ctx);
  std::vector<CityId> highlighted_;
  std::optional<ui::CityChooser> chooser_;  // a finger landed between cities: which one?
  std::vector<std::pair<CityId, CityId>> candidates_;
  std::size_t arc_segments_ = 0;
  // The arcs' flow (render on demand): it moves at most kFlowFps frames a second, and rests (stands
  // still, as drawn) once nobody has touched the map for kFlowRestSeconds; any input wakes it.
  static constexpr double kFlowFps = 30, kFlowRestSeconds = 30;
  bool flow_drawn_ = false;  // the last frame drew the arcs' flow moving (not with reduced motion)
  double flow_clock_ = 0;    // s of flow shown so far: the pattern's phase
  double last_flow_frame_ = -1, last_input_ = 0;
  std::vector<ui::PlacedCityLabel> labels_placed_;
  DockStack* dock_ = nullptr;                            // the app's; the selection is the topmost city page
  std::optional<render::PartnershipRenderer> renderer_;  // made again after a lost GL context
  bool renderer_ready_ = false;
};

}  // namespace ccap
