#pragma once
// SDL events -> the app's InputEvents (logical pixels, one pointer id per finger).
#include <SDL.h>

#include <optional>
#include <vector>

#include "host/input_event.h"

namespace ccap::platform {

std::optional<InputEvent> translate(const SDL_Event& event, SDL_Window* window);
// The frame clock: seconds since SDL started, the clock event timestamps are on.
double clock_seconds();

// Dear ImGui 1.86 reads keys as a state once a frame: a key pressed and released within one
// frame's events (a quick tap, an on-screen keyboard, a test) would never be seen down, and Enter
// in a search box would do nothing. Within one batch of events, the release of a key that went
// down in the same batch is held back and delivered with the next frame's events.
class SameFrameKeyUps {
 public:
  // True when `e` is held back: do not process it now.
  bool hold(const SDL_Event& e);
  // After the batch: puts the held releases back in SDL's queue for the next frame.
  void requeue();

 private:
  std::vector<SDL_Scancode> down_;
  std::vector<SDL_Event> held_;
};

}  // namespace ccap::platform
