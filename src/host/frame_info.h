#pragma once
// What the platform tells the app at the start of every frame.
namespace ccap {

struct FrameInfo {
  int canvas_width = 0, canvas_height = 0;            // logical (CSS) pixels
  int framebuffer_width = 0, framebuffer_height = 0;  // device pixels
  float pixel_ratio = 1.0f;                           // framebuffer / canvas
  double time_seconds = 0;                            // monotonic, since start; input events share this clock
  double delta_seconds = 0;                           // since the previous frame
  double unix_seconds = 0;                            // the wall clock, s since 1970 UTC (0: not known)
  bool reduced_motion = false;                        // the user asked for less animation
};

}  // namespace ccap
