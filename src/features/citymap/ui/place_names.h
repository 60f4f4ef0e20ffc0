#pragma once
// Town names at city scale (model/city_places.h), drawn under the panels, centred on their places
// (map/name_placement.h): after the partner cities' labels, off them and off every mark. Grey, a
// step lighter than the partner cities' names, with the same white halo; `opacity` fades them in
// with the city-scale map.
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "base/ui/layout.h"
#include "map/screen_marks.h"

namespace ccap::ui {

struct PlaceName {
  const std::string* name;
  glm::dvec2 at;  // the place, logical px
};

struct ShownName {
  const std::string* name;
  ScreenBox box;  // logical px
};

// Draws those that find room, most important first (the order given); returns them.
std::vector<ShownName> place_names(const std::vector<PlaceName>& names, const std::vector<ScreenBox>& labels,
                                   const ScreenMarks& marks, const Layout& layout, float opacity);

}  // namespace ccap::ui
