// One-device-pixel lines as GL_LINES: two vertices a segment and a one-pixel-wide run of fragments,
// the least a software rasteriser can be asked for. Not anti-aliased: used where a line is drawn
// exactly 1 device px wide (the peer benchmark's arcs and outlines at pixel ratio 1).
layout(location = 0) in vec2 a_position;  // world

void main() { gl_Position = screen_to_clip(world_to_screen(a_position)); }
