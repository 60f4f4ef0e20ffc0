#pragma once
// Sharing what is on screen: the menu behind every "Share" button (the welcome card's, the detail
// panel's), and the title card of a saved or printed picture. What it asks for goes out as
// commands (ShareLink, SavePicture) that the app carries out with the platform: the link is the
// one that reproduces the screen (base/link_state.h); the picture is the next frame without panels,
// with this card and every feature's legend (Feature::picture_legend).
#include <optional>
#include <string>
#include <vector>

#include "features/feature.h"
#include "features/share/ui/share_panels.h"

namespace ccap {

class ShareFeature final : public Feature {
 public:
  explicit ShareFeature(bool web_share) : web_share_(web_share) {}
  void update(FrameContext& ctx) override;
  void panels(PanelContext& ctx) override;
  void write_status(nlohmann::json& state) const override;

  // A picture is taken: its card (the title, when it was made, e.g. "2026-11-30 13:04 UTC", and the
  // legend), `width` logical px wide. Returns its height (logical px).
  float prepare_card(const std::string& made, std::vector<LegendLine> legend, float width, const ui::Layout& layout,
                     const ui::FontSet& fonts);
  // Draws the prepared card into `draw` (its own, off the screen), top-left at (0, 0).
  void draw_card(ImDrawList& draw, const ui::Layout& layout, const ui::FontSet& fonts) const;
  // Where the card went in the saved picture (picture px), for the state JSON.
  void card_placed(const ui::Rect& where) { card_ = where; }
  // What the platform did with the last ShareLink, SavePicture or SaveFile (for the state JSON).
  // Shown for a few seconds at the top of the map ("Link copied").
  void report(std::string what) {
    last_ = std::move(what);
    toast_new_ = true;
  }

 private:
  bool web_share_;                 // the browser has a share sheet (else the link is copied)
  std::optional<ui::Rect> menu_;   // the menu's anchor while it is open
  std::optional<ui::Rect> drawn_;  // where it was drawn
  std::optional<ui::Rect> card_;   // the last picture's card
  ui::PictureCard card_content_;
  ui::CardLayout card_layout_;
  float card_width_ = 0;
  std::string last_;
  bool toast_new_ = false;
  double now_ = 0, toast_until_ = 0;  // s, the frame clock

 public:
  double next_frame_at() const override { return now_ < toast_until_ ? toast_until_ : kNoFrameNeeded; }
};

}  // namespace ccap
