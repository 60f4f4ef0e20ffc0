#pragma once
// The marks a map layer draws on top of the layers below it this frame (a city's marker over the
// station clusters), kept as screen discs so that text drawn over the whole map afterwards (a
// cluster's count) can stay off them: the map's marks keep their layer order even though all text
// is drawn after all marks. Cleared at the start of each frame, filled in the features' update.
#include <span>
#include <vector>

#include <glm/vec2.hpp>

namespace ccap {

struct ScreenDisc {
  glm::dvec2 centre;  // logical px
  double radius = 0;  // logical px
};

struct ScreenBox {
  glm::dvec2 min, max;  // logical px
};

class ScreenMarks {
 public:
  void clear() {
    discs_.clear();
    under_.clear();
  }
  void add(glm::dvec2 centre, double radius) { discs_.push_back({centre, radius}); }
  // A mark of a lower layer that map text keeps off all the same (a station or a cluster: a city's
  // label must not cover it, nor be read as naming it). Not in covers() or near().
  void add_under(glm::dvec2 centre, double radius) { under_.push_back({centre, radius}); }
  std::span<const ScreenDisc> under() const { return under_; }
  std::span<const ScreenDisc> discs() const { return discs_; }  // the marks added with add()
  // Whether the box [min, max] (logical px) touches any disc.
  bool covers(glm::dvec2 min, glm::dvec2 max) const;
  // The first disc that comes within `gap` px of the disc (centre, radius), if any.
  const ScreenDisc* near(glm::dvec2 centre, double radius, double gap) const;
  std::size_t size() const { return discs_.size(); }

 private:
  std::vector<ScreenDisc> discs_, under_;
};

}  // namespace ccap
