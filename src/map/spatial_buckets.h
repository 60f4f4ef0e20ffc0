#pragma once
// Spatial buckets for drawing only what is on screen: items (line segments, triangles) are sorted
// by the grid cell of their centre, so that each cell's items are contiguous, and every cell keeps
// the bounding box of its items. A renderer then issues one draw per run of visible cells.
#include <cstdint>
#include <vector>

#include "map/basemap.h"

namespace ccap {

struct Box {
  float min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool intersects(double x0, double y0, double x1, double y1) const {
    return max_x >= x0 && min_x <= x1 && max_y >= y0 && min_y <= y1;
  }
};

struct Bucket {
  std::uint32_t first = 0, count = 0;  // items [first, first + count) after sorting
  Box box;
};

// Reorders `segments` by cell and returns the non-empty cells in order. If `order` is given, it
// receives the original index of each segment in its new place (to reorder parallel arrays).
std::vector<Bucket> bucket_segments(std::vector<Segment>& segments, int grid,
                                    std::vector<std::uint32_t>* order = nullptr);
// Reorders the triangles of `indices` (triples) by cell; bucket first/count count triangles.
std::vector<Bucket> bucket_triangles(const std::vector<Vec2f>& vertices, std::vector<std::uint32_t>& indices, int grid);

// Runs of consecutive buckets whose boxes, shifted by `copy` in x, meet the view rectangle:
// [first item, item count] pairs, adjacent visible buckets merged.
struct ItemRun {
  std::uint32_t first = 0, count = 0;
};
std::vector<ItemRun> visible_runs(const std::vector<Bucket>& buckets, int copy, double x0, double y0, double x1,
                                  double y1);

}  // namespace ccap
