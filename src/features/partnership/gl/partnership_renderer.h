#pragma once
// Draws the partnership layers: twinning arcs as anti-aliased great-circle ribbons with an
// optional flow, simplified for the zoom (map/gl/line_levels.h), and city markers in one draw
// call per visible world copy (map/gl/marker_batch.h).
#include <span>
#include <string>

#include "features/partnership/model/partnership_layers.h"
#include "map/gl/gl_program.h"
#include "map/gl/line_levels.h"
#include "map/gl/map_view.h"
#include "map/gl/marker_batch.h"

namespace ccap::render {

inline constexpr Rgba8 kTwinningArcColor{0x1b, 0x5e, 0x7a, 0xe0};  // the C3 arcs (and their legend line)

class PartnershipRenderer {
 public:
  PartnershipRenderer() = default;
  PartnershipRenderer(const PartnershipRenderer&) = delete;
  PartnershipRenderer& operator=(const PartnershipRenderer&) = delete;

  std::string init();
  void upload_markers(std::span<const MarkerInstance> instances) { markers_.upload(instances); }
  void upload_arcs(const ArcLayer& arcs);
  // The peer finder's candidate twinnings: drawn in another colour, without flow.
  void upload_candidates(const ArcLayer& arcs);
  // `flow_time`: seconds for the flow animation; negative: no flow.
  void draw(const MapView& view, double flow_time);

 private:
  void draw_lines(const LineLevels& lines, const MapView& view, Rgba8 color, double flow_time);

  GlProgram line_;
  MarkerBatch markers_;
  LineLevels arcs_, candidates_;
};

}  // namespace ccap::render
