#pragma once
// Rings and lines that meet the antimeridian. The map draws world copies, so nothing is cut:
// a ring that crosses 180° is made continuous (179, 181, ...) and drawn where it belongs, and the
// edges that a data set's own cut left along ±180° (Natural Earth splits Fiji, Russia, the USA
// there) are simply not coastline.
#include <vector>

#include "map/geo.h"

namespace ccap::pipeline {

using Ring = std::vector<LngLat>;

// An edge that lies on the ±180° meridian, or runs along a pole: an artefact of cutting the
// sphere open, never a coastline or border.
bool is_cut_edge(LngLat a, LngLat b);

// Makes consecutive longitudes continuous: wherever an edge jumps by more than 180° (and does not
// run along one side of the cut or a pole; +180 to -180 is a jump), the rest of the ring is
// shifted by ±360°. Vertex count and latitudes are unchanged.
Ring unwrap_ring(const Ring& ring);

// Shifts `ring` by a whole number of turns so that its first vertex is within 180° of `lng`
// (puts a hole next to its outer ring).
Ring shift_near(const Ring& ring, double lng);

}  // namespace ccap::pipeline
