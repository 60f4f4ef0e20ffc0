#include "platform/sdl_input.h"

namespace ccap::platform {

namespace {

Key translate_key(SDL_Keycode k) {
  switch (k) {
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: return Key::Plus;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: return Key::Minus;
    case SDLK_LEFT: return Key::Left;
    case SDLK_RIGHT: return Key::Right;
    case SDLK_UP: return Key::Up;
    case SDLK_DOWN: return Key::Down;
    case SDLK_HOME: return Key::Home;
    case SDLK_ESCAPE: return Key::Escape;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return Key::Enter;
    default: return Key::None;
  }
}

int translate_button(Uint8 b) { return b == SDL_BUTTON_RIGHT ? 2 : b == SDL_BUTTON_MIDDLE ? 1 : 0; }

}  // namespace

double clock_seconds() { return static_cast<double>(SDL_GetTicks64()) / 1000.0; }

std::optional<InputEvent> translate(const SDL_Event& e, SDL_Window* window) {
  InputEvent out;
  out.time = e.common.timestamp / 1000.0;  // SDL's milliseconds, the clock_seconds() clock
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      out.type = e.type == SDL_MOUSEBUTTONDOWN ? InputEvent::Type::PointerDown : InputEvent::Type::PointerUp;
      out.button = translate_button(e.button.button);
      out.clicks = e.button.clicks;
      out.x = static_cast<float>(e.button.x);
      out.y = static_cast<float>(e.button.y);
      return out;
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
      out.type = InputEvent::Type::PointerMove;
      out.x = static_cast<float>(e.motion.x);
      out.y = static_cast<float>(e.motion.y);
      return out;
    case SDL_MOUSEWHEEL:
      out.type = InputEvent::Type::Wheel;
      out.wheel_dx = e.wheel.preciseX;
      out.wheel_dy = e.wheel.preciseY;
      out.x = static_cast<float>(e.wheel.mouseX);
      out.y = static_cast<float>(e.wheel.mouseY);
      return out;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      int w = 0, h = 0;
      SDL_GetWindowSize(window, &w, &h);
      out.type = e.type == SDL_FINGERDOWN ? InputEvent::Type::PointerDown
                 : e.type == SDL_FINGERUP ? InputEvent::Type::PointerUp
                                          : InputEvent::Type::PointerMove;
      out.is_touch = true;
      out.pointer_id = static_cast<std::int64_t>(e.tfinger.fingerId) + 1;  // 0 is the mouse
      out.x = e.tfinger.x * static_cast<float>(w);                         // SDL gives 0..1
      out.y = e.tfinger.y * static_cast<float>(h);
      return out;
    }
    case SDL_KEYDOWN:
      out.type = InputEvent::Type::KeyDown;
      out.key = translate_key(e.key.keysym.sym);
      out.shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
      if (out.key == Key::None) return std::nullopt;
      return out;
    case SDL_WINDOWEVENT:
      if (e.window.event != SDL_WINDOWEVENT_SIZE_CHANGED && e.window.event != SDL_WINDOWEVENT_RESIZED)
        return std::nullopt;
      out.type = InputEvent::Type::Resize;
      return out;
    default: return std::nullopt;
  }
}

bool SameFrameKeyUps::hold(const SDL_Event& e) {
  if (e.type == SDL_KEYDOWN) {
    down_.push_back(e.key.keysym.scancode);
    return false;
  }
  if (e.type != SDL_KEYUP) return false;
  for (SDL_Scancode s : down_)
    if (s == e.key.keysym.scancode) {
      held_.push_back(e);
      return true;
    }
  return false;
}

void SameFrameKeyUps::requeue() {
  for (SDL_Event& e : held_) SDL_PushEvent(&e);
  held_.clear();
  down_.clear();
}

}  // namespace ccap::platform
