#pragma once
// Fonts for the UI, rasterised at the screen's pixel ratio times the UI scale, so that text is
// crisp on high-DPI screens and large on large ones; the atlas is rebuilt when either changes (a
// window moved to another screen, browser zoom, a resize across a scale step).
#include <cstdint>
#include <string>
#include <vector>

struct ImFont;

namespace ccap::ui {

inline constexpr float kBodyFontPx = 16.0f;  // body text at UI scale 1, logical px (ascent to descent)

struct FontSet {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

class Fonts {
 public:
  explicit Fonts(std::string font_dir) : font_dir_(std::move(font_dir)) {}
  // Rebuilds the atlas if `pixel_ratio` or `scale` differ from what it was built for. Must be
  // called before ImGui::NewFrame. Returns true when the atlas changed (the GL texture must be
  // remade). Body text is 16 logical px x scale.
  bool update(float pixel_ratio, float scale = 1.0f);
  const FontSet& set() const { return set_; }
  // The height of a capital letter (the glyph "H") over the body font's size, as rasterised: what
  // legibility at a distance is measured by (ImGui's size is the line's ascent to descent).
  // Noto Sans: 0.524 (cap height 714 of 1,362 units from ascender to descender).
  float cap_height_ratio() const { return cap_ratio_; }
  // Empty when the UI font loaded; otherwise why the built-in fallback font (ASCII only, no
  // diacritics) is used: missing, unreadable or damaged (base/font_check.h).
  const std::string& problem() const { return problem_; }

 private:
  std::string font_dir_;
  bool font_read_ = false;
  std::vector<std::uint8_t> font_bytes_;  // the checked font, handed to every atlas build
  float built_ratio_ = 0, built_scale_ = 0;
  FontSet set_;
  std::string problem_;
  float cap_ratio_ = 0.524f;
};

}  // namespace ccap::ui
