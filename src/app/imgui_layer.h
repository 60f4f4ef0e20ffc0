#pragma once
// The app's Dear ImGui layer, as in ImGui's own backend split: the platform owns the context and
// the SDL2 backend; this owns the GLES3 renderer backend, the fonts (rebuilt when the pixel ratio
// changes), the frame's layout, and the app's own card (what the map is, notices, version).
#include <string>

#include "base/frame_info.h"
#include "base/notices.h"
#include "base/ui/fonts.h"
#include "base/ui/layout.h"

namespace ccap {

class ImGuiLayer {
 public:
  explicit ImGuiLayer(const std::string& data_dir) : fonts_(data_dir + "/fonts") {}
  bool init();  // GL context current
  void shutdown();

  // Starts an ImGui frame: fonts follow the pixel ratio, the layout the viewport.
  void begin_frame(const FrameInfo& frame, Notices& notices);
  // The welcome card: what the map is, every notice, the version and frame time.
  void welcome_card(const Notices& notices, const std::string& version, double frame_ms);
  void end_frame();  // lays out what the panels built
  void render();     // draws it, over the map

  ui::Layout& layout() { return layout_; }
  const ui::Layout& layout() const { return layout_; }
  const ui::FontSet& fonts() const { return fonts_.set(); }
  // Text typed into a field the platform raised for touch screens.
  void text_input(const std::string& utf8);

 private:
  ui::Fonts fonts_;
  ui::Layout layout_;
  bool initialised_ = false;
};

}  // namespace ccap
