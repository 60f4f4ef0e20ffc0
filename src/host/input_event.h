#pragma once
// Input as the app sees it, whatever produced it (SDL on the desktop, the browser through SDL,
// a test). Positions are in logical (CSS) pixels from the canvas' top-left corner.
#include <cstdint>

namespace ccap {

enum class Key : std::uint8_t { None, Plus, Minus, Left, Right, Up, Down, Home, Escape, Enter };

struct InputEvent {
  enum class Type : std::uint8_t {
    PointerDown,  // mouse button or finger down
    PointerMove,
    PointerUp,
    Wheel,  // dy > 0 scrolls content up = zoom in
    KeyDown,
    Resize,  // the canvas changed size or pixel ratio; the next frame carries the new values
  };
  Type type = Type::PointerMove;
  double time = 0;              // when it happened, seconds on the frame clock (FrameInfo::time_seconds)
  std::int64_t pointer_id = 0;  // 0 = mouse; touch fingers have their own ids
  bool is_touch = false;
  int button = 0;      // 0 left, 1 middle, 2 right (mouse only)
  int clicks = 1;      // 2 for a double click / double tap
  float x = 0, y = 0;  // position (CSS px)
  float wheel_dx = 0, wheel_dy = 0;
  Key key = Key::None;
  bool shift = false;  // KeyDown: with Shift held (Shift + arrows pan; arrows alone move between cities)
};

}  // namespace ccap
