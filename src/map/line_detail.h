#pragma once
// Levels of detail for chains of line segments drawn a few pixels wide (the twinning arcs: one
// segment per degree of great circle, which is ~6 px at zoom 2 and far finer than a small view
// needs). Douglas-Peucker simplification (Douglas & Peucker 1973), computed for every tolerance
// at once: each vertex gets a significance, its distance from the chord of the span it split in
// the recursion, capped by the significance of the vertex that made that span (so that the kept
// sets nest). Keeping the vertices whose significance exceeds e is exactly Douglas-Peucker at
// tolerance e: every dropped vertex lies within e of the simplified chain, whose ends are kept.
//
// A level is made for each zoom: level k serves views of up to kDetailScale0 x 2^k device px
// per world unit (zoom k at a pixel ratio of 1) and keeps the vertices more significant than
// kDetailErrorPx device px there, kDetailErrorPx / (kDetailScale0 x 2^k) world units, so that its
// lines are drawn within a quarter of a pixel of the full chains at any scale it serves.
#include <cstdint>
#include <span>
#include <vector>

#include "map/basemap.h"

namespace ccap {

inline constexpr double kDetailErrorPx = 0.25;  // the most a simplified line strays, device px
inline constexpr double kDetailScale0 = 512;    // device px per world unit served by level 0

// The level for a view of `scale` device px per world unit: the smallest k with
// scale <= kDetailScale0 x 2^k (0 for smaller scales).
int detail_level(double scale);
// The tolerance of level k, world units: kDetailErrorPx / (kDetailScale0 x 2^k).
double detail_tolerance(int level);

// Segments in chains: a chain starts at each index of `chain_starts` (ascending, the first 0) and
// runs to the next; within a chain each segment starts where the one before it ends (an arc).
// Returns the significance of each segment's end point (world units); the end of a chain's last
// segment, which is always kept, gets +infinity.
std::vector<float> end_significance(std::span<const Segment> segments, std::span<const std::uint32_t> chain_starts);

// The chains with only the vertices whose significance exceeds `tolerance` (and every chain's first
// point): one segment from each kept vertex to the next, with its progress read at those vertices
// (`progress` may be empty: then `progress_out` stays empty too).
void simplify_chains(std::span<const Segment> segments, std::span<const Vec2f> progress,
                     std::span<const std::uint32_t> chain_starts, std::span<const float> significance, double tolerance,
                     std::vector<Segment>& segments_out, std::vector<Vec2f>& progress_out);

}  // namespace ccap
