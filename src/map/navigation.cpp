#include "map/navigation.h"

#include <algorithm>
#include <cmath>

namespace ccap {

namespace {
double length(glm::dvec2 v) { return std::hypot(v.x, v.y); }
}  // namespace

Navigator::Navigator(MapCamera& camera, NavigationSettings settings) : camera_(camera), settings_(settings) {}

void Navigator::set_home(const GeoBounds& bounds, double padding) {
  home_ = bounds;
  home_padding_ = padding;
}

void Navigator::go_home(double now, bool animate) {
  MapCamera target = camera_;
  target.fit_bounds(home_, home_padding_);
  const CameraPose pose = home_pose_.value_or(CameraPose{target.center(), target.zoom()});
  if (animate)
    fly_to(pose, now);
  else
    jump_to(pose);
}

void Navigator::fly_to(CameraPose target, double now) {
  stop_motion();
  const FlyTo flight({camera_.center(), camera_.zoom()}, target, std::max(camera_.viewport().x, camera_.viewport().y));
  if (reduced_motion_ || flight.duration_seconds() <= 0) return jump_to(target);
  flight_ = flight;
  flight_start_ = now;
}

void Navigator::jump_to(CameraPose target) {
  stop_motion();
  camera_.set_zoom(target.zoom);
  camera_.set_center(target.center);
}

void Navigator::stop_motion() {
  ++takeovers_;
  flight_.reset();
  wheel_.reset();
  inertia_ = {0, 0};
}

bool Navigator::is_moving() const { return flight_ || wheel_ || length(inertia_) > 0 || !pointers_.empty(); }

void Navigator::begin_single(glm::dvec2 at, double now) {
  last_drag_ = at;
  samples_.clear();
  samples_.push_back({now, at});
}

void Navigator::begin_pinch() {
  auto it = pointers_.begin();
  const glm::dvec2 a = it->second, b = (++it)->second;
  pinch_ = Pinch{std::max(1.0, length(b - a)), camera_.zoom(), camera_.screen_to_world((a + b) * 0.5)};
}

glm::dvec2 Navigator::velocity(double now) const {
  // Over the last 100 ms of the drag; nothing if the pointer rested before letting go.
  constexpr double kWindow = 0.1;
  if (samples_.size() < 2 || now - samples_.back().time > 0.05) return {0, 0};
  const Sample* first = &samples_.back();
  for (auto it = samples_.rbegin(); it != samples_.rend() && now - it->time <= kWindow; ++it) first = &*it;
  const double dt = samples_.back().time - first->time;
  if (dt <= 1e-4) return {0, 0};
  return (samples_.back().position - first->position) / dt;
}

void Navigator::zoom_by(double delta, glm::dvec2 at, double now) {
  ++takeovers_;
  flight_.reset();
  inertia_ = {0, 0};
  const double base = wheel_ ? wheel_->target : camera_.zoom();
  const double target = std::clamp(base + delta, camera_.min_zoom(), camera_.max_zoom());
  if (reduced_motion_) {
    camera_.zoom_around(at, target);
    return;
  }
  wheel_ = WheelZoom{target, at, camera_.screen_to_world(at)};
  last_update_ = now;
}

void Navigator::handle(const InputEvent& e, double now) {
  const glm::dvec2 at{e.x, e.y};
  switch (e.type) {
    case InputEvent::Type::PointerDown: {
      if (!e.is_touch && e.button != 0) return;
      stop_motion();
      pointers_[e.pointer_id] = at;
      if (pointers_.size() == 1) {
        begin_single(at, now);
        moved_since_down_ = false;
        pinched_ = false;
        down_at_ = at;
        down_time_ = now;
        if (!e.is_touch && e.clicks == 2) zoom_by(1, at, now);
      } else if (pointers_.size() == 2) {
        begin_pinch();
        pinched_ = true;
      }
      return;
    }
    case InputEvent::Type::PointerMove: {
      auto it = pointers_.find(e.pointer_id);
      if (it == pointers_.end()) return;
      it->second = at;
      if (length(at - down_at_) > settings_.tap_slop_pixels) moved_since_down_ = true;
      if (pointers_.size() == 1) {
        camera_.pan_by(at - last_drag_);
        last_drag_ = at;
        samples_.push_back({now, at});
        if (samples_.size() > 32) samples_.erase(samples_.begin());
      } else if (pinch_ && pointers_.size() == 2) {
        auto p = pointers_.begin();
        const glm::dvec2 a = p->second, b = (++p)->second;
        // Zoom by the change in finger distance; keep the point between the fingers under them.
        camera_.set_zoom(pinch_->start_zoom + std::log2(std::max(1.0, length(b - a)) / pinch_->start_distance));
        camera_.place(pinch_->anchor, (a + b) * 0.5);
      }
      return;
    }
    case InputEvent::Type::PointerUp: {
      auto it = pointers_.find(e.pointer_id);
      if (it == pointers_.end()) return;
      const std::size_t before = pointers_.size();
      pointers_.erase(it);
      if (before == 2) {  // pinch over: carry on dragging with the finger that stays
        pinch_.reset();
        ++gestures_;
        begin_single(pointers_.begin()->second, now);
        return;
      }
      if (before != 1) return;
      if (pinched_) {
        pinched_ = false;  // the pinch was counted when its second finger lifted
        return;
      }
      if (!moved_since_down_) tap_ = Tap{at, e.is_touch};
      if (moved_since_down_) {
        ++gestures_;
        glm::dvec2 v = reduced_motion_ ? glm::dvec2{0, 0} : velocity(now);
        const double speed = length(v);
        if (speed > settings_.max_inertia_speed) v *= settings_.max_inertia_speed / speed;
        if (speed >= settings_.min_inertia_speed) {
          inertia_ = v;
          last_update_ = now;
        }
      } else if (e.is_touch && now - down_time_ < settings_.double_tap_seconds * 2) {
        // A tap: the second of two close taps zooms in there.
        if (last_tap_ && now - last_tap_->time < settings_.double_tap_seconds &&
            length(at - last_tap_->at) < settings_.tap_slop_pixels * 3) {
          zoom_by(1, at, now);
          last_tap_.reset();
        } else {
          last_tap_ = LastTap{now, at};
        }
      }
      return;
    }
    case InputEvent::Type::Wheel:
      if (e.wheel_dy != 0) zoom_by(e.wheel_dy * settings_.wheel_zoom_per_notch, at, now);
      return;
    case InputEvent::Type::KeyDown: {
      const glm::dvec2 vp = camera_.viewport();
      const glm::dvec2 centre = vp * 0.5;
      const double step_x = vp.x * settings_.key_pan_fraction, step_y = vp.y * settings_.key_pan_fraction;
      auto pan = [&](glm::dvec2 d) {
        const WorldPoint target = camera_.screen_to_world(centre - d);
        fly_to({target, camera_.zoom()}, now);
      };
      switch (e.key) {
        case Key::Plus: zoom_by(1, centre, now); break;
        case Key::Minus: zoom_by(-1, centre, now); break;
        case Key::Left: pan({step_x, 0}); break;
        case Key::Right: pan({-step_x, 0}); break;
        case Key::Up: pan({0, step_y}); break;
        case Key::Down: pan({0, -step_y}); break;
        case Key::Home: go_home(now, true); break;
        case Key::Escape: stop_motion(); break;
        case Key::Enter:
        case Key::None: break;
      }
      return;
    }
    case InputEvent::Type::Resize: return;
  }
}

void Navigator::update(double now) {
  const double dt = std::max(0.0, now - last_update_);
  last_update_ = now;
  if (flight_) {
    const double t = now - flight_start_;
    const double duration = std::min(flight_->duration_seconds(), settings_.max_flight_seconds);
    const double scaled = flight_->duration_seconds() * std::min(1.0, t / std::max(1e-6, duration));
    const CameraPose pose = flight_->at(scaled);
    camera_.set_zoom(pose.zoom);
    camera_.set_center(pose.center);
    if (t >= duration) flight_.reset();
  }
  if (wheel_) {
    const double k = 1 - std::exp(-dt / settings_.wheel_smoothing_seconds);
    double z = camera_.zoom() + (wheel_->target - camera_.zoom()) * k;
    if (std::abs(wheel_->target - z) < 1e-3) z = wheel_->target;
    camera_.set_zoom(z);
    camera_.place(wheel_->anchor, wheel_->at);
    if (z == wheel_->target) wheel_.reset();
  }
  if (length(inertia_) > 0) {
    // Exact integral of v e^(-kt) over dt: the distance coasted does not depend on frame rate.
    const double k = settings_.inertia_decay_per_second;
    const double decay = std::exp(-k * dt);
    camera_.pan_by(inertia_ * ((1 - decay) / k));
    inertia_ *= decay;
    if (length(inertia_) < settings_.min_inertia_speed / 4) inertia_ = {0, 0};
  }
}

}  // namespace ccap
