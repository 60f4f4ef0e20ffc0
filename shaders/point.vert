// Round points as GL_POINTS sprites: one vertex a point, no instancing, no index buffer. Software
// rasterisers (SwiftShader) charge per vertex and per instance, and a sprite is the fewest of both.
// The sprite is 1 px wider than the circle: the edge's half-pixel fringe on each side.
layout(location = 0) in vec2 a_position;  // world
layout(location = 1) in vec4 a_color;     // normalised bytes

uniform float u_radius;  // device px

out vec4 v_color;

void main() {
  gl_Position = screen_to_clip(world_to_screen(a_position));
  gl_PointSize = 2.0 * u_radius + 1.0;
  v_color = a_color;
}
