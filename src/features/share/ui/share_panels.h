#pragma once
// The share menu (Dear ImGui) that a panel's "Share" button opens, the toast that says what became
// of a share, and the card a saved picture carries beside the map: its title, when it was made,
// and the features' legends (LegendLine), drawn into a draw list of its own.
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "features/panel_context.h"

namespace ccap::ui {

// The menu, under `anchor` (the Share button; `opening` on the frame it was pressed): Share link,
// Save image, Print. Returns where it is drawn, or nullopt when it closed (a choice, or a tap
// outside it).
std::optional<Rect> share_menu(const Rect& anchor, bool opening, bool web_share, Layout& layout, Commands& commands);

// What became of a share ("Link copied"), at the top centre of the map, over everything.
void share_toast(const std::string& text, Layout& layout);

struct PictureCard {
  std::string title;     // "Clean Air Atlas: Cities Clean Air Partnership"
  std::string subtitle;  // "Map made 2026-11-30 13:04 UTC"
  std::vector<LegendLine> legend;
};
// Where a legend's symbol went on the card, from its top-left corner (px).
struct CardSymbol {
  ImVec2 centre;
  float radius;
  std::size_t legend;  // its line in PictureCard::legend
};
struct CardLayout {
  ImVec2 size;
  std::vector<CardSymbol> symbols;
};
// The card `width` wide (logical px): its size and symbols, and, given `draw`, the card drawn into
// it with its top-left corner at (0, 0) (the picture's card is drawn on its own, off the screen).
CardLayout picture_card(const PictureCard& card, float width, const Layout& layout, const FontSet& fonts,
                        ImDrawList* draw);

}  // namespace ccap::ui
