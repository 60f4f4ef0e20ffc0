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

}  // namespace ccap
