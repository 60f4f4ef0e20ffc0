#pragma once
// Chains of line segments (the twinning arcs) with levels of detail (map/line_detail.h): the full
// segments, and for each zoom up to where simplifying stops paying, a LineBuffer of the chains
// simplified so that they stray at most kDetailErrorPx (a quarter of a device pixel) from the full
// ones. A view draws the level made for its scale. A software rasteriser pays per triangle and
// per pixel of overlap between one segment's round cap and the next's: 20,000 arcs at zoom 2 are
// 2.5 million triangles in full and a fifth of that simplified (docs/performance.md).
//
// A level is made the first time a view needs it (a quarter of a second at 20,000 arcs, nothing at
// the real content's size) and then kept: the segments are kept on the CPU for that, 28 bytes each,
// where making every level at once would hold as much again as the full segments on the GPU.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "map/gl/line_buffer.h"

namespace ccap::render {

class LineLevels {
 public:
  // Levels stop at the first that keeps more than this share of the full segments: closer views
  // draw the full ones, of which spatial buckets cull what is off screen.
  static constexpr double kMostKept = 0.5;
  static constexpr int kMostLevels = 20;  // and at zoom 20 (chains of collinear points never fill up)

  // `progress` as for LineBuffer::upload (may be empty); `chain_starts` as for
  // end_significance (map/line_detail.h).
  void upload(const std::vector<Segment>& segments, const std::vector<Vec2f>& progress,
              std::span<const std::uint32_t> chain_starts);
  // As LineBuffer::draw_in_view, with the level made for `view`'s scale.
  void draw_in_view(const GlProgram& program, const MapView& view, float width_px) const;
  std::size_t size() const { return full_.size(); }  // the full segments

 private:
  const LineBuffer& lines_for(double scale) const;

  LineBuffer full_;
  std::vector<Segment> segments_;
  std::vector<Vec2f> progress_;
  std::vector<std::uint32_t> chain_starts_;
  std::vector<float> significance_;                          // of each segment's end
  mutable std::vector<std::unique_ptr<LineBuffer>> levels_;  // level k at index k; null until drawn
};

}  // namespace ccap::render
