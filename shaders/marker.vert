// Map markers: a quad each (four vertices that repeat the marker, map/gl/marker_batch.h), fitted
// to what can cover a pixel, since a software rasteriser pays for every fragment of it. The
// MARKER_* names are the marker ABI, defined in src/map/marker_instance.h and prepended as
// #defines.
//
// marker.frag draws nothing where the signed distance d to the shape's edge is 0.5 device px or
// more, so with r the radius in device px a quad must hold every pixel centre with
//   circle:  |p| < r + 0.5                                   -> a square of half-side r + 1
//   square:  max(|x|, |y|) < r x SQUARE_REACH + 0.5           -> a square of half-side r x 0.9 + 1
//   diamond: |x| + |y| < r x DIAMOND_REACH + 0.5 / 0.7071     -> a diamond reaching r x 1.3 + 1.42
// (half a pixel to spare each, measured square to the edge), and with a hover or selection halo (at most 4 + 1.5 px outside
// the shape, plus the half pixel) the square of half-side r x EXTENT_SCALE + HALO_PX.
layout(location = 0) in vec2 a_corner;    // -1 or +1 in x and y
layout(location = 1) in vec2 a_position;  // world
layout(location = 2) in float a_radius;   // logical px
layout(location = 3) in vec4 a_fill;      // normalised bytes
layout(location = 4) in vec2 a_flags;     // x: MARKER_SHAPE_*; y: MARKER_FLAG_* bits

uniform float u_pixel_ratio;

out vec2 v_local;  // device px from the centre
flat out float v_radius;
flat out vec4 v_fill;
flat out vec2 v_flags;

void main() {
  float r = a_radius * u_pixel_ratio;
  int shape = int(a_flags.x + 0.5);
  int bits = int(a_flags.y + 0.5);
  if ((bits & (MARKER_FLAG_HOVER | MARKER_FLAG_SELECTED)) != 0) {
    v_local = a_corner * (r * MARKER_EXTENT_SCALE + MARKER_HALO_PX * u_pixel_ratio);
  } else if (shape == MARKER_SHAPE_DIAMOND) {
    // The corners turned by 45°, (-1,-1) (1,-1) (-1,1) (1,1) -> (-1,0) (0,-1) (0,1) (1,0): the
    // quad's two triangles are the diamond's left and right halves.
    v_local = vec2(a_corner.x + a_corner.y, a_corner.y - a_corner.x) * 0.5 * (r * MARKER_DIAMOND_REACH + 1.42);
  } else if (shape == MARKER_SHAPE_SQUARE) {
    v_local = a_corner * (r * MARKER_SQUARE_REACH + 1.0);
  } else {
    v_local = a_corner * (r + 1.0);
  }
  v_radius = r;
  v_fill = a_fill;
  v_flags = a_flags;
  gl_Position = screen_to_clip(world_to_screen(a_position) + v_local);
}
