// Anti-aliased lines of any pixel width (WebGL's own lines are 1 px). Each segment is a quad
// around it, grown on every side by the half width and the half pixel of smooth edge that
// line.frag draws (coverage = half width + 0.5 - distance: nothing at 0.5 px past the half width),
// and 0.1 px to spare, so that the fragment shader can draw a capsule (round caps make round joins
// between segments). A software rasteriser pays for every fragment of the quad.
layout(location = 0) in vec2 a_corner;   // x: 0 at the start, 1 at the end; y: -1 or +1 side
layout(location = 1) in vec4 a_segment;  // world x0, y0, x1, y1 (the same at all four corners)
layout(location = 2) in vec2 a_progress; // distance along the line at x0,y0 and x1,y1, world units

uniform float u_half_width;  // device pixels

out vec2 v_position;
flat out vec2 v_start;
flat out vec2 v_end;
flat out vec2 v_along;  // a_progress in device px

void main() {
  vec2 a = world_to_screen(a_segment.xy);
  vec2 b = world_to_screen(a_segment.zw);
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-4 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float r = u_half_width + 0.6;
  vec2 p = mix(a, b, a_corner.x) + dir * r * (a_corner.x * 2.0 - 1.0) + normal * r * a_corner.y;
  v_position = p;
  v_start = a;
  v_end = b;
  v_along = a_progress * u_scale;
  gl_Position = screen_to_clip(p);
}
