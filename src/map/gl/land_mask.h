#pragma once
// Where the map has land this frame, kept in one bit of the stencil buffer (kLandBit) so that a
// layer drawn over the map can keep to the land: the air-quality surface, interpolated between
// stations on land, stops at the coast instead of colouring the sea. The basemap sets the bit
// where it fills land; a city tile clears it over its square as it draws over the world map and
// sets it where its own land is (BasemapRenderer::draw_over), so the finest coast drawn decides.
// Cleared with the frame (FrameRenderer::begin). Bits 1 and 2 are the basemap's, for blending two
// levels, and bit 8 a tile's, for drawing over (basemap_renderer.cpp). With no stencil buffer the
// test passes everywhere: the layer is drawn unclipped.
#include "map/gl/gl.h"

namespace ccap::render {

inline constexpr GLuint kLandBit = 4u;

// From here on, what is drawn is land: it sets the land bit; colour as usual.
inline void begin_land_mask() {
  glEnable(GL_STENCIL_TEST);
  glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  glStencilMask(kLandBit);
  glStencilFunc(GL_ALWAYS, static_cast<GLint>(kLandBit), 0xffu);
}

// From here on, only the land's pixels are drawn on.
inline void clip_to_land() {
  glEnable(GL_STENCIL_TEST);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  glStencilMask(0u);
  glStencilFunc(GL_EQUAL, static_cast<GLint>(kLandBit), kLandBit);
}

inline void end_land_mask() {
  glStencilMask(0xffu);
  glDisable(GL_STENCIL_TEST);
}

}  // namespace ccap::render
