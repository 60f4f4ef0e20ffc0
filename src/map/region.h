#pragma once
// The partnership's region, for the default view: from South Asia (Cochin, Colombo, Shimla) to
// California (San Jose, San Diego), Indonesia to Mongolia. Crosses the antimeridian.
#include "map/geo.h"

namespace ccap {
inline constexpr GeoBounds kPartnershipRegion{62, -12, -112, 52};
}
