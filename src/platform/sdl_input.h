#pragma once
// SDL events -> the app's InputEvents (logical pixels, one pointer id per finger).
#include <SDL.h>

#include <optional>

#include "core/input_event.h"

namespace ccap::platform {

std::optional<InputEvent> translate(const SDL_Event& event, SDL_Window* window);
// The frame clock: seconds since SDL started, the clock event timestamps are on.
double clock_seconds();

}  // namespace ccap::platform
