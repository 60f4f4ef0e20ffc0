// The interpolated air-quality surface: a grid of (value x coverage, coverage) samples stretched
// over the view with linear filtering, coloured with the current scale's bands.
precision highp float;
uniform sampler2D u_surface;
uniform vec2 u_grid_px;      // the grid's extent in device px (it starts at the top-left corner)
uniform float u_viewport_h;  // device px
uniform float u_opacity;
uniform int u_band_count;
uniform float u_uppers[8];   // each band's highest value
uniform vec4 u_colors[8];
out vec4 o_color;

void main() {
  vec2 screen = vec2(gl_FragCoord.x, u_viewport_h - gl_FragCoord.y);
  vec2 sample_ = texture(u_surface, screen / u_grid_px).rg;
  if (sample_.g < 0.004) discard;
  float v = sample_.r / sample_.g;
  // Band by band, each edge blended over about a pixel (fwidth): smooth contours, no stairs.
  float w = max(fwidth(v), 1e-4);
  vec3 c = u_colors[0].rgb;
  for (int i = 0; i < u_band_count - 1; ++i) {
    c = mix(c, u_colors[i + 1].rgb, smoothstep(-w, w, v - u_uppers[i]));
  }
  o_color = vec4(c, u_opacity * sample_.g);
}
