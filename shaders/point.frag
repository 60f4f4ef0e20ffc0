// A disc of u_radius device px, its edge anti-aliased over one pixel (coverage = radius + 0.5 - r).
in vec4 v_color;

uniform float u_radius;  // device px

out vec4 frag_color;

void main() {
  float r = length(gl_PointCoord - 0.5) * (2.0 * u_radius + 1.0);
  float coverage = clamp(u_radius + 0.5 - r, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  frag_color = vec4(v_color.rgb, v_color.a * coverage);
}
