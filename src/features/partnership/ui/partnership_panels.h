#pragma once
// The partnership's panels and map text (Dear ImGui): the layers panel and legend, the city panel,
// city labels and the hover tooltip. Free functions over the model; what the user asks for goes
// out as commands (features/commands.h).
#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "features/panel_context.h"
#include "features/partnership/model/partnership.h"
#include "features/partnership/model/partnership_layers.h"

namespace ccap::ui {

// A city that may get a label this frame (on screen, shown by the filters).
struct CityLabel {
  CityId city;
  glm::dvec2 anchor;  // marker centre, logical px
  float radius = 4;
  double priority = 0;
};

// Layers and legend; changes `layers` in place and returns whether it changed.
bool layers_panel(const Partnership& p, LayerSettings& layers, PanelContext& ctx);
// The selected city's page in the dock (its close and Back act on the dock).
void city_panel(const Partnership& p, CityId city, PanelContext& ctx);
// Cities a finger landed between, too close to tell apart: a small list by the finger.
struct CityChooser {
  glm::dvec2 at;  // where the finger was, logical px
  std::vector<CityId> cities;
  Rect drawn;  // where the list was drawn (set by city_chooser)
};
// The chooser; returns the city chosen this frame, if any.
std::optional<CityId> city_chooser(const Partnership& p, CityChooser& chooser, const Layout& layout);

// A label as drawn: its city and its text's box (logical px).
struct PlacedCityLabel {
  CityId city;
  Rect box;
};
// City names placed without overlaps, drawn under the panels. Returns what was placed.
std::vector<PlacedCityLabel> city_labels(const Partnership& p, const std::vector<CityLabel>& labels,
                                         std::optional<CityId> selected, std::optional<CityId> hover);
void city_tooltip(const Partnership& p, std::optional<CityId> hover, std::optional<CityId> selected);
// The keyboard's city: a ring round its marker (`radius` logical px) and its name, its twins and
// "Enter opens" beside it.
void keyboard_focus_ring(const Partnership& p, CityId city, glm::dvec2 at, float radius);

}  // namespace ccap::ui
