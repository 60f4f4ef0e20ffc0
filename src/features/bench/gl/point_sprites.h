#pragma once
// Many round points of one radius (shaders/point.*), drawn in order as GL_POINTS: 12 bytes and one
// vertex each. For the peer benchmark's scene (model/peer_scene.h), up to millions of points.
#include <span>
#include <string>

#include "features/bench/model/peer_scene.h"
#include "map/gl/gl_program.h"
#include "map/gl/map_view.h"

namespace ccap::render {

class PointSprites {
 public:
  PointSprites() = default;
  PointSprites(const PointSprites&) = delete;
  PointSprites& operator=(const PointSprites&) = delete;
  ~PointSprites();

  std::string init();  // builds the program; returns what failed
  void upload(std::span<const bench::PeerPoint> points);
  // Once per visible world copy; `radius_px` in logical px. Blending set by the caller.
  void draw(const MapView& view, float radius_px) const;
  std::size_t size() const { return count_; }

 private:
  GlProgram program_;
  GLuint vao_ = 0, vertices_ = 0;
  std::size_t count_ = 0;
  float min_x_ = 0, max_x_ = 0;  // world x range of the points
};

}  // namespace ccap::render
