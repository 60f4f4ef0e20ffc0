#pragma once
// The app's Dear ImGui layer, as in ImGui's own backend split: the platform owns the context and
// the SDL2 backend; this owns the GLES3 renderer backend, the fonts (rebuilt when the pixel ratio
// changes), the frame's layout, and the app's own card (what the map is, notices, version).
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/notices.h"
#include "base/ui/fonts.h"
#include "base/ui/layout.h"
#include "base/ui/pointer_router.h"
#include "features/commands.h"
#include "host/frame_info.h"

namespace ccap {

// The UI scale for a viewport of `width` x `height` logical px: body text 16 px on desktops and
// phones, about 1.6% of the height on large screens (1.08 at 1920x1080, 2.16 at 3840x2160); a
// portrait screen is scaled by its width too, so that panels keep to a sensible share of it.
float ui_scale(float width, float height);
// A kiosk's capital letters are at least this share of the screen's height (1.6%: 17 px at 1080p,
// 35 px at 4K, about 11 mm on a 55-inch screen, read from two metres).
inline constexpr float kKioskCapShare = 0.016f;

class ImGuiLayer {
 public:
  explicit ImGuiLayer(const std::string& data_dir) : fonts_(data_dir + "/fonts") {}
  bool init();  // GL context current
  void shutdown();

  // Starts an ImGui frame: the UI scale follows the screen (ui_scale()), fonts the pixel ratio and
  // the scale, the touch state the router, the layout the viewport and the dock.
  void begin_frame(const FrameInfo& frame, Notices& notices, bool dock_open, double now);
  // The welcome card: what the map is and what to try, every notice; the version and frame time
  // only when `debug` (?debug=1).
  void welcome_card(const Notices& notices, const std::string& version, double frame_ms, bool debug,
                    Commands& commands);
  // The user started using the map: the welcome card folds, once (they may open it again).
  void map_touched();
  // The UI scale for this frame: ui_scale() of the canvas times the kiosk's factor, rounded up to
  // a step of 1/8 (so that a resize rebuilds the fonts only now and then).
  float scale_for(const FrameInfo& frame) const;
  // Kiosk mode: the touch style always, the UI scale at least what kKioskCapShare asks, times
  // `scale_factor` (kiosk.json).
  void set_kiosk(float scale_factor);
  // As at start: panels folded as on a first visit, the welcome card open (a kiosk's reset).
  void reset();
  // The UI's sizes in logical px: {scale, fontPx (body text), tapTargetPx}.
  nlohmann::json metrics_json() const;
  // The GL context was restored: the renderer's shaders, buffers and font texture again.
  void gpu_restored();
  void end_frame();  // lays out what the panels built
  void render();     // draws it, over the map
  // Draws what `build` puts into a draw list of its own on white, off the screen, `width` x
  // `height` logical px at `pixel_ratio`; returns its pixels (RGBA8, rows top first), or nothing
  // when the GL cannot. Between begin_frame and the frame's end (it uses this frame's font).
  std::vector<std::uint8_t> render_offscreen(const std::function<void(ImDrawList&)>& build, float width, float height,
                                             float pixel_ratio);

  ui::Layout& layout() { return layout_; }
  ui::PointerRouter& router() { return router_; }
  const ui::Layout& layout() const { return layout_; }
  const ui::FontSet& fonts() const { return fonts_.set(); }
  // Text typed into a field the platform raised for touch screens.
  void text_input(const std::string& utf8);

 private:
  ui::Fonts fonts_;
  ui::Layout layout_;
  ui::PointerRouter router_;
  float scale_ = 0;  // the theme's, 0 before the first frame
  bool touch_style_ = false;
  bool kiosk_ = false;
  float scale_factor_ = 1;
  bool welcome_folded_once_ = false;
  std::size_t notices_read_ = 0;    // Notices::revision when the welcome card was last open
  std::size_t unread_notices_ = 0;  // shown on its folded header
  bool initialised_ = false;
};

}  // namespace ccap
