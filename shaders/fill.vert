// Land (and other filled areas): plain triangles in world coordinates.
layout(location = 0) in vec2 a_position;

void main() {
  gl_Position = screen_to_clip(world_to_screen(a_position));
}
