// Map markers: one instance each, a quad big enough for the shape, its outline and halo. The
// MARKER_* names are the marker ABI, defined in src/map/marker_instance.h and prepended as #defines.
layout(location = 0) in vec2 a_corner;    // -1..1
layout(location = 1) in vec2 a_position;  // world, per instance
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
  float extent = r * MARKER_EXTENT_SCALE + MARKER_HALO_PX * u_pixel_ratio;
  v_local = a_corner * extent;
  v_radius = r;
  v_fill = a_fill;
  v_flags = a_flags;
  gl_Position = screen_to_clip(world_to_screen(a_position) + v_local);
}
