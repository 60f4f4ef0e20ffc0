#pragma once
// Turns input into camera motion, the way people expect of a web map:
//   drag to pan, with inertia on release; wheel / trackpad zoom anchored at the cursor (smoothed);
//   pinch to zoom and two-finger pan on touch, never rotation; double-click or double-tap to zoom
//   in at that point; keys + - arrows and Home; animated flights between views. With reduced
//   motion, flights and zooms jump and nothing coasts.
// Platform-free: events in, the camera out; time is passed in, so it is testable.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>

#include "host/input_event.h"
#include "map/fly_to.h"
#include "map/map_camera.h"

namespace ccap {

struct NavigationSettings {
  double wheel_zoom_per_notch = 0.5;
  double wheel_smoothing_seconds = 0.06;  // time constant of the wheel zoom's easing
  double inertia_decay_per_second = 5.0;  // velocity falls to 1/e in 0.2 s
  double max_inertia_speed = 3000;        // px/s
  double min_inertia_speed = 40;          // px/s: slower releases just stop
  double double_tap_seconds = 0.3;
  double tap_slop_pixels = 10;     // movement that still counts as a tap
  double key_pan_fraction = 0.25;  // of the viewport, per arrow key
  double max_flight_seconds = 4;
};

class Navigator {
 public:
  explicit Navigator(MapCamera& camera, NavigationSettings settings = {});

  // The view Home returns to, and that the map starts with.
  void set_home(const GeoBounds& bounds, double padding_pixels);
  // The pose Home goes to instead of the bounds fitted to the whole viewport: the app's, fitted
  // between its panels (nullopt: the bounds again).
  void set_home_pose(std::optional<CameraPose> pose) { home_pose_ = pose; }
  void go_home(double now, bool animate);
  void fly_to(CameraPose target, double now);
  void jump_to(CameraPose target);
  void fly_to(LngLat center, double zoom, double now) { fly_to({project(center), zoom}, now); }

  // Zooms by `delta` levels keeping the point under `at` still (eased unless reduced motion).
  void zoom_by(double delta, glm::dvec2 at, double now);

  void handle(const InputEvent& event, double now);
  // Advances flights, wheel easing and inertia to time `now`.
  void update(double now);
  void set_reduced_motion(bool reduced) { reduced_motion_ = reduced; }

  // A press and release that did not move (a click or tap), once: where, and whether by touch.
  struct Tap {
    glm::dvec2 at;
    bool touch;
  };
  std::optional<Tap> take_tap() { return std::exchange(tap_, std::nullopt); }

  bool is_moving() const;  // a flight, a wheel zoom or inertia is under way, or a finger is down
  bool has_pointer(std::int64_t id) const { return pointers_.count(id) != 0; }
  int gesture_count() const { return gestures_; }  // completed drags and pinches, for the test API
  // Counts every time the camera is taken over: a flight or a jump aimed, a finger or a button
  // put down, a zoom begun, motion stopped. Unchanged while a flight flies on: whoever aimed it
  // can tell that nothing has aimed the camera elsewhere since.
  int takeover_count() const { return takeovers_; }

 private:
  struct Sample {
    double time;
    glm::dvec2 position;
  };
  void begin_single(glm::dvec2 at, double now);
  void begin_pinch();
  void stop_motion();
  glm::dvec2 velocity(double now) const;

  MapCamera& camera_;
  NavigationSettings settings_;
  bool reduced_motion_ = false;
  GeoBounds home_;
  double home_padding_ = 0;
  std::optional<CameraPose> home_pose_;

  int takeovers_ = 0;
  std::map<std::int64_t, glm::dvec2> pointers_;
  glm::dvec2 last_drag_{0, 0};
  bool moved_since_down_ = false;
  bool pinched_ = false;  // this touch sequence had two fingers: its end is neither a drag nor a tap
  glm::dvec2 down_at_{0, 0};
  double down_time_ = 0;
  std::vector<Sample> samples_;

  struct Pinch {
    double start_distance = 1, start_zoom = 0;
    WorldPoint anchor;
  };
  std::optional<Pinch> pinch_;

  struct LastTap {
    double time;
    glm::dvec2 at;
  };
  std::optional<LastTap> last_tap_;

  glm::dvec2 inertia_{0, 0};
  double last_update_ = 0;
  std::optional<FlyTo> flight_;
  double flight_start_ = 0;
  struct WheelZoom {
    double target;
    glm::dvec2 at;
    WorldPoint anchor;
  };
  std::optional<WheelZoom> wheel_;
  int gestures_ = 0;
  std::optional<Tap> tap_;
};

}  // namespace ccap
