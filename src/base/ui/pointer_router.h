#pragma once
// Who a gesture belongs to: decided once, where the pointer went down, by what is drawn there
// (ui::panel_at), and kept until it lifts. A gesture that starts on a panel is the panel's: it never
// moves the map. One that starts on the map is the map's: ImGui does not see it, so a finger
// lifted from a panel does not leave ImGui "hovering" it and swallowing the next tap on the map.
//
// Touch reaches ImGui through this, not through SDL's emulated mouse (ImGui 1.86 polls the mouse
// once a frame): a press is shown for at least one frame and released where the finger was, so a
// quick tap is a click. A finger that moves more than kSlop mostly up or down swipes: the press is
// withdrawn (nothing is clicked) and the panel's innermost scrollable area under the finger
// scrolls with it, then coasts (velocity decaying with kCoastTime). A mostly sideways move stays
// with the widget it started on (a slider). The mouse is left to ImGui's own backend.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "host/input_event.h"

namespace ccap::ui {

inline constexpr float kSlop = 10;           // logical px a finger may wander and still tap
inline constexpr double kCoastTime = 0.325;  // s: the swipe's velocity falls by e in this time
inline constexpr double kCoastStop = 20;     // px/s: coasting ends below this

class PointerRouter {
 public:
  enum class Owner { Map, Panel };

  Owner down(const InputEvent& e);
  Owner move(const InputEvent& e);  // Map for a pointer it did not see go down (hover)
  Owner up(const InputEvent& e);
  // Call after the platform's ImGui backend and before ImGui::NewFrame: sets what ImGui sees of
  // the touch, and scrolls a swiped panel.
  void before_imgui_frame(double now);

  // A finger was the last pointer used (the UI then sizes its controls for fingers).
  bool touch_used() const { return touch_mode_; }

 private:
  enum class Phase { Press, Swipe, Slide };
  struct Touch {
    std::int64_t id = 0;
    float start_x = 0, start_y = 0, x = 0, y = 0;
    Phase phase = Phase::Press;
    bool up = false;                                // lifted; ImGui still has to see the release
    bool press_shown = false;                       // ImGui has seen the press for a frame
    unsigned scroll_window = 0;                     // ImGuiID of the area a swipe scrolls
    float pending_dy = 0;                           // swiped since the last frame
    std::vector<std::pair<double, float>> samples;  // a swipe's (time, y), for its speed when lifted
  };
  struct Coast {
    unsigned window = 0;
    double velocity = 0, last_time = -1;
  };

  std::optional<Touch> touch_;  // the one finger ImGui follows
  std::optional<Coast> coast_;
  std::vector<std::pair<std::int64_t, Owner>> owners_;  // pointers that are down
  bool touch_mode_ = false;                             // the last pointer was a finger: ImGui's mouse is ours to set
};

}  // namespace ccap::ui
