#include "map/screen_marks.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace ccap {

// A box and a disc touch when the box's point nearest the centre is within the radius.
bool ScreenMarks::covers(glm::dvec2 min, glm::dvec2 max) const {
  for (const ScreenDisc& d : discs_) {
    const glm::dvec2 nearest = glm::clamp(d.centre, min, max);
    if (glm::distance(nearest, d.centre) <= d.radius) return true;
  }
  return false;
}

const ScreenDisc* ScreenMarks::near(glm::dvec2 centre, double radius, double gap) const {
  for (const ScreenDisc& d : discs_)
    if (glm::distance(centre, d.centre) < d.radius + radius + gap) return &d;
  return nullptr;
}

}  // namespace ccap
