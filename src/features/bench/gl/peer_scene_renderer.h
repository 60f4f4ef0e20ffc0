#pragma once
// Draws the peer benchmark's scene (model/peer_scene.h) in its order: background, land, land
// outlines (the basemap renderer, restyled), arcs (line buffers), points (point sprites).
#include <span>
#include <string>

#include "features/bench/gl/point_sprites.h"
#include "features/bench/model/peer_scene.h"
#include "map/gl/basemap_renderer.h"
#include "map/gl/gl_program.h"
#include "map/gl/line_buffer.h"
#include "map/gl/thin_line_buffer.h"

namespace ccap::render {

class PeerSceneRenderer {
 public:
  std::string init();  // builds the programs; returns what failed
  void upload(const Basemap& land, const bench::PeerSceneParams& layers);
  void upload(std::span<const bench::PeerPoint> points, const std::vector<Segment>& arcs);
  void draw(const MapView& view, double zoom, int fb_width, int fb_height) const;

 private:
  mutable BasemapRenderer land_;
  GlProgram line_, thin_line_;
  LineBuffer arcs_;
  ThinLineBuffer thin_arcs_;  // at pixel ratio 1, where the arcs are one device pixel wide
  PointSprites points_;
  bool arcs_on_ = true, points_on_ = true;
};

}  // namespace ccap::render
