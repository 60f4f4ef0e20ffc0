precision highp float;
uniform vec4 u_color;
uniform float u_half_width;
// Flow along the line (twinning arcs): pulses every u_flow_spacing px moving at u_flow_speed px/s
// from the start to the end. u_flow_spacing <= 0: no flow.
uniform float u_flow_spacing;
uniform float u_flow_speed;
uniform float u_time;

in vec2 v_position;
flat in vec2 v_start;
flat in vec2 v_end;
flat in vec2 v_along;
out vec4 o_color;

void main() {
  vec2 ab = v_end - v_start;
  float t = clamp(dot(v_position - v_start, ab) / max(dot(ab, ab), 1e-8), 0.0, 1.0);
  float d = length(v_position - (v_start + t * ab));
  float coverage = clamp(u_half_width + 0.5 - d, 0.0, 1.0);  // one pixel of smooth edge
  if (coverage <= 0.0) discard;
  vec3 rgb = u_color.rgb;
  if (u_flow_spacing > 0.0) {
    float along = mix(v_along.x, v_along.y, t);
    float phase = fract((along - u_time * u_flow_speed) / u_flow_spacing);
    float pulse = smoothstep(0.0, 0.2, phase) * (1.0 - smoothstep(0.3, 0.55, phase));
    rgb = mix(rgb, vec3(1.0), 0.6 * pulse);
  }
  o_color = vec4(rgb, u_color.a * coverage);
}
