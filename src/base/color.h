#pragma once
// Colours as the renderer and the tests see them: 8-bit sRGB with alpha.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ccap {

struct Rgba8 {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba8&, const Rgba8&) = default;
};

// "#rrggbb" or "#rrggbbaa" (the '#' is optional); nullopt for anything else.
std::optional<Rgba8> parse_hex_color(std::string_view text);
std::string to_hex(Rgba8 c);  // "#rrggbbaa"

// Largest per-channel difference: how tests compare a rendered pixel with an expected colour.
int channel_distance(Rgba8 a, Rgba8 b);

struct ColorF {  // linear 0..1 floats for GL uniforms and clears (values are still sRGB-encoded)
  float r, g, b, a;
};
constexpr ColorF to_float(Rgba8 c) { return {c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f}; }

}  // namespace ccap
