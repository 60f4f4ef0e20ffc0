#pragma once
// The partnership's panels and map text (Dear ImGui): the layers panel and legend, the city panel,
// city labels and the hover tooltip. Free functions over the model; what the user asks for goes
// out as commands (features/commands.h).
#include <optional>
#include <span>
#include <vector>

#include <glm/vec2.hpp>

#include "features/panel_context.h"
#include "features/partnership/model/city_marks.h"
#include "features/partnership/model/partnership.h"
#include "features/partnership/model/partnership_layers.h"

namespace ccap::ui {

// A city that may get a label this frame (on screen, shown by the filters).
struct CityLabel {
  CityId city;
  glm::dvec2 anchor;  // marker centre, logical px
  float radius = 4;
  double priority = 0;
  std::size_t mark = 0;  // its marker in CityMarks::marks
};

// Layers and legend; changes `layers` in place and returns whether it changed.
bool layers_panel(const Partnership& p, LayerSettings& layers, PanelContext& ctx);
// The selected city's page in the dock (its close and Back act on the dock).
void city_panel(const Partnership& p, CityId city, PanelContext& ctx);
// Cities a finger landed between, too close to tell apart: a small list by the finger.
struct CityChooser {
  glm::dvec2 at;  // where the finger was, logical px
  std::vector<CityId> cities;
  Rect drawn;                 // where the list was drawn (set by city_chooser)
  std::vector<Rect> buttons;  // each city's button, as drawn (before any scrolling of the list)
};
// The chooser; returns the city chosen this frame, if any.
std::optional<CityId> city_chooser(const Partnership& p, CityChooser& chooser, const Layout& layout);

// A label as drawn: its city and its text's box (logical px).
struct PlacedCityLabel {
  CityId city;
  Rect box;
};
// City names, drawn under the panels where each names only its own marker (map/label_placement.h:
// off the other marks and the interface's surfaces). Returns what was placed.
// `under`: marks of lower layers the names keep off too (station clusters).
std::vector<PlacedCityLabel> city_labels(const Partnership& p, const std::vector<CityLabel>& labels,
                                         const CityMarks& marks, std::span<const ScreenDisc> under,
                                         const Layout& layout, std::optional<CityId> selected,
                                         std::optional<CityId> hover);
// Each group's count in its marker, white on the slate disc (when the disc holds it).
void group_counts(const CityMarks& marks);
void city_tooltip(const Partnership& p, std::optional<CityId> hover, std::optional<CityId> selected);
// The group under the mouse: how many cities, their names, "Click to choose".
void group_tooltip(const Partnership& p, const std::vector<CityId>& cities);
// The keyboard's city: a ring round its marker (`radius` logical px) and its name, its twins and
// "Enter opens" beside it.
void keyboard_focus_ring(const Partnership& p, CityId city, glm::dvec2 at, float radius);

}  // namespace ccap::ui
