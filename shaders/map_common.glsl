// Shared by the map's vertex shaders: world (Web Mercator unit square) -> device pixels -> clip.
uniform vec2 u_center;     // world position at the centre of the view
uniform float u_scale;     // device pixels per world unit
uniform vec2 u_viewport;   // device pixels
uniform float u_copy;      // world copy: whole-number x offset

vec2 world_to_screen(vec2 world) {
  return (world + vec2(u_copy, 0.0) - u_center) * u_scale + 0.5 * u_viewport;
}

vec4 screen_to_clip(vec2 screen) {
  vec2 ndc = screen / u_viewport * 2.0 - 1.0;
  return vec4(ndc.x, -ndc.y, 0.0, 1.0);  // screen y grows downwards
}
