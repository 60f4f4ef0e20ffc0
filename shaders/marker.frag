precision highp float;
uniform float u_pixel_ratio;

in vec2 v_local;
flat in float v_radius;
flat in vec4 v_fill;
flat in vec2 v_flags;
out vec4 o_color;

// "over" compositing of a layer with coverage `a` onto `dst` (premultiplied).
vec4 over(vec4 dst, vec3 rgb, float a) { return vec4(rgb * a + dst.rgb * (1.0 - a), a + dst.a * (1.0 - a)); }
float cover(float d) { return clamp(0.5 - d, 0.0, 1.0); }  // d: signed distance in px, inside < 0

void main() {
  float px = u_pixel_ratio;
  int shape = int(v_flags.x + 0.5);
  int bits = int(v_flags.y + 0.5);
  bool ring = (bits & MARKER_FLAG_RING) != 0, hover = (bits & MARKER_FLAG_HOVER) != 0,
       selected = (bits & MARKER_FLAG_SELECTED) != 0, value_ring = (bits & MARKER_FLAG_VALUE_RING) != 0;
  // Signed distance to the shape's edge; a diamond is drawn 1.3x wider and a square 0.9x to look as
  // big as a circle. Nothing is drawn where d >= 0.5 (see cover()): marker.vert's quads rely on it.
  float d = length(v_local) - v_radius;
  if (shape == MARKER_SHAPE_DIAMOND) d = (abs(v_local.x) + abs(v_local.y) - v_radius * MARKER_DIAMOND_REACH) * 0.7071;
  if (shape == MARKER_SHAPE_SQUARE) d = max(abs(v_local.x), abs(v_local.y)) - v_radius * MARKER_SQUARE_REACH;

  vec4 c = vec4(0.0);
  if (hover || selected) {  // halo: dark outside, white inside
    float halo = selected ? 4.0 * px : 3.0 * px;
    c = over(c, vec3(0.12, 0.15, 0.18), cover(d - halo - 1.5 * px));
    c = over(c, vec3(1.0), cover(d - halo));
  }
  c = over(c, vec3(0.12, 0.15, 0.18), cover(d));              // outline
  c = over(c, value_ring ? MARKER_NEUTRAL_FILL : v_fill.rgb, cover(d + 1.25 * px));  // fill inside the outline
  if (value_ring)  // a cluster: the value's colour as a broad ring inside the outline
    c = over(c, v_fill.rgb, cover(d + 1.25 * px) * cover(-(d + max(3.0 * px, v_radius * 0.34))));
  if (ring) {                                                 // white ring: certified
    float band = abs(d + v_radius * 0.45) - max(1.0 * px, v_radius * 0.12);
    c = over(c, vec3(1.0), cover(band) * cover(d + 1.25 * px));
  }
  if (c.a <= 0.0) discard;
  o_color = vec4(c.rgb / c.a, c.a);
}
