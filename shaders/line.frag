precision highp float;
uniform vec4 u_color;
uniform float u_half_width;

in vec2 v_position;
flat in vec2 v_start;
flat in vec2 v_end;
out vec4 o_color;

float distance_to_segment(vec2 p, vec2 a, vec2 b) {
  vec2 ab = b - a;
  float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-8), 0.0, 1.0);
  return length(p - (a + t * ab));
}

void main() {
  float d = distance_to_segment(v_position, v_start, v_end);
  float coverage = clamp(u_half_width + 0.5 - d, 0.0, 1.0);  // one pixel of smooth edge
  if (coverage <= 0.0) discard;
  o_color = vec4(u_color.rgb, u_color.a * coverage);
}
