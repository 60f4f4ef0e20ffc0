#pragma once
// Fonts for the UI, rasterised at the screen's pixel ratio so that text is crisp on high-DPI
// screens; the atlas is rebuilt when the ratio changes (a window moved to another screen, browser
// zoom).
#include <string>

struct ImFont;

namespace ccap::ui {

struct FontSet {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

class Fonts {
 public:
  explicit Fonts(std::string font_dir) : font_dir_(std::move(font_dir)) {}
  // Rebuilds the atlas if `pixel_ratio` differs from the one it was built for. Must be called
  // before ImGui::NewFrame. Returns true when the atlas changed (the GL texture must be remade).
  bool update(float pixel_ratio);
  const FontSet& set() const { return set_; }
  // Empty when the UI font loaded; otherwise why the built-in fallback font is used.
  const std::string& problem() const { return problem_; }

 private:
  std::string font_dir_;
  float built_ratio_ = 0;
  FontSet set_;
  std::string problem_;
};

}  // namespace ccap::ui
