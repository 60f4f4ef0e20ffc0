#pragma once
// Where panels go: each panel asks the layout for its slot instead of looking for its neighbours
// by window title. The layout is made anew every frame from the viewport; a slot's rectangle is
// known once its panel has been built (the app builds the welcome
// card first; a panel placed around one built later in the frame uses last frame's). Every recorded
// window is also reported to the test API (`uiWindows`).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ccap::ui {

inline constexpr float kPhoneBreakpoint = 700;  // logical px: a viewport narrower than this is a phone
inline constexpr float kMargin = 12;            // logical px between a panel and the screen's edge
inline constexpr float kTouchTarget = 44;       // logical px: the smallest comfortable tap target

enum class Slot {
  WelcomeCard,     // top-left: what the map is, notices
  MapControls,     // bottom-right: zoom and Home
  LayersPanel,     // bottom-right, beside the map controls
  AirPanel,        // bottom-left, above the scale bar
  DetailPanel,     // top-right: a city or a station
  KnowledgePanel,  // top-right, tall
};

struct Rect {
  float x = 0, y = 0, width = 0, height = 0;
  float right() const { return x + width; }
  float bottom() const { return y + height; }
};

class Layout {
 public:
  // Starts a frame for a viewport of `width` x `height` logical px; forgets last frame's windows.
  void begin_frame(float width, float height);
  float width() const { return width_; }
  float height() const { return height_; }
  bool phone() const { return width_ < kPhoneBreakpoint; }

  // Call between ImGui::Begin and End: remembers the current window as `slot`'s occupant.
  void record(Slot slot, const char* name);
  // The slot's rectangle: this frame's if its panel was built already, else last frame's.
  std::optional<Rect> rect(Slot slot) const;

  // Places the next window as a detail panel: top-right, 380 px wide (less on a phone), reaching
  // down to just above the layers panel when that sits below it, at most `max_height` tall.
  // Applies when the window appears; the user may move it after.
  void place_detail_panel(float max_height = 1e9f) const;

  nlohmann::json windows_json() const;  // [{name, x, y, width, height}] in build order

 private:
  struct Window {
    Slot slot;
    std::string name;
    Rect rect;
  };
  float width_ = 0, height_ = 0;
  std::vector<Window> windows_, last_frame_;
};

// ImGui wants the pointer or the keyboard (as of its last frame): input over a panel is the panel's.
bool wants_pointer();
bool wants_keyboard();
bool wants_text_input();

}  // namespace ccap::ui
