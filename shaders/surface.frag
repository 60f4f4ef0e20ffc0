// The interpolated air-quality surface: a grid of (value x coverage, coverage) samples stretched
// over the view with linear filtering, coloured through the current scale's lookup table (a band
// edge falls between two of its texels, so edges come out smooth).
precision highp float;
uniform sampler2D u_surface;
uniform sampler2D u_colors;  // 256 x 1: colours for values 0 .. u_top
uniform vec2 u_grid_px;      // the grid's extent in device px (it starts at the top-left corner)
uniform float u_viewport_h;  // device px
uniform float u_opacity;
uniform float u_top;
out vec4 o_color;

void main() {
  vec2 screen = vec2(gl_FragCoord.x, u_viewport_h - gl_FragCoord.y);
  vec2 sample_ = texture(u_surface, screen / u_grid_px).rg;
  if (sample_.g < 0.004) discard;
  vec3 c = texture(u_colors, vec2(sample_.r / sample_.g / u_top, 0.5)).rgb;
  o_color = vec4(c, u_opacity * sample_.g);
}
