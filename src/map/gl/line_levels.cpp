#include "map/gl/line_levels.h"

#include <algorithm>

#include "map/gl/map_view.h"
#include "map/line_detail.h"

namespace ccap::render {

void LineLevels::upload(const std::vector<Segment>& segments, const std::vector<Vec2f>& progress,
                        std::span<const std::uint32_t> chain_starts) {
  full_.upload(segments, progress);
  levels_.clear();
  segments_ = segments;
  progress_ = progress;
  chain_starts_.assign(chain_starts.begin(), chain_starts.end());
  significance_ = end_significance(segments, chain_starts);
  // The levels that pay: a segment is kept where its end is more significant than the tolerance
  // (or ends its chain, when its significance is infinite).
  const auto most = static_cast<std::size_t>(kMostKept * static_cast<double>(segments.size()));
  for (int level = 0; level < kMostLevels && !segments.empty(); ++level) {
    const double tolerance = detail_tolerance(level);
    const auto kept = static_cast<std::size_t>(
        std::count_if(significance_.begin(), significance_.end(), [&](float s) { return s > tolerance; }));
    if (kept > most) break;
    levels_.emplace_back();  // made when first drawn
  }
}

const LineBuffer& LineLevels::lines_for(double scale) const {
  const auto level = static_cast<std::size_t>(detail_level(scale));
  if (level >= levels_.size()) return full_;
  if (!levels_[level]) {
    std::vector<Segment> simplified;
    std::vector<Vec2f> simplified_progress;
    simplify_chains(segments_, progress_, chain_starts_, significance_, detail_tolerance(static_cast<int>(level)),
                    simplified, simplified_progress);
    levels_[level] = std::make_unique<LineBuffer>();
    levels_[level]->upload(simplified, simplified_progress);
  }
  return *levels_[level];
}

void LineLevels::draw_in_view(const GlProgram& program, const MapView& view, float width_px) const {
  lines_for(view.scale).draw_in_view(program, view, width_px);
}

}  // namespace ccap::render
