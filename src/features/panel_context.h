#pragma once
// What a feature's panels are given each frame (see feature.h): the layout to ask for a place, the
// fonts, and where to put commands. Free of GL, so that ui/ tiers and their tests need no GL
// context.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/color.h"
#include "base/ids.h"
#include "base/ui/dock_stack.h"
#include "base/ui/fonts.h"
#include "base/ui/layout.h"
#include "features/commands.h"
#include "map/credits.h"
#include "map/geo.h"
#include "map/legend_symbol.h"
#include "map/screen_marks.h"

namespace ccap {

// A partner city as other features see it in its panel.
struct CityRef {
  CityId id;
  std::string key;  // the content's id, e.g. "taipei"
  LngLat where;
  std::string name;  // "Taipei"
};

// One line of a saved picture's legend (features/share): what a feature's colours and marks mean.
struct LegendLine {
  enum class Kind : std::uint8_t { Heading, Text, Note, Warning, Symbol };
  Kind kind = Kind::Text;
  std::string text;
  LegendSymbol symbol = {};  // Symbol: the mark, drawn as the map draws it
};

struct PanelContext {
  ui::Layout& layout;
  const ui::FontSet& fonts;
  Commands& commands;
  DockStack& dock;           // Back and close act on it; a feature draws its page when it is on top
  const ScreenMarks& marks;  // marks of the layers above: text over the map stays off them
  // Builds the other features' sections of a city panel, in feature order.
  std::function<void(const CityRef&)> city_sections = [](const CityRef&) {};
  // A saved picture is being drawn: only the map's own text (labels, counts, the badge), no panels.
  bool picture = false;
  // Credits of the data drawn this frame, added by the features that draw them ("Air: MOENV
  // Taiwan (OGDL-Taiwan 1.0)"): the map's credit line shows them after the basemap's own
  // (map/credits.h).
  std::vector<Credit> credits = {};
  // The boxes of the labels placed on the map this frame (logical px): place names keep off them.
  std::vector<ScreenBox> map_labels = {};
};

}  // namespace ccap
