#pragma once
// The map's colours: one calm, light cartographic palette that lets data overlays stand out.
// Tests compare rendered pixels against these, so they live in the core.
#include "base/color.h"

namespace ccap::palette {

inline constexpr Rgba8 kOcean{0xd6, 0xe6, 0xf0, 0xff};
inline constexpr Rgba8 kLand{0xf4, 0xf1, 0xea, 0xff};
inline constexpr Rgba8 kCoastline{0x8a, 0xa4, 0xb8, 0xff};
inline constexpr Rgba8 kBorder{0xb9, 0xb2, 0xa6, 0xff};
inline constexpr Rgba8 kGraticule{0xc4, 0xd7, 0xe4, 0xff};
inline constexpr Rgba8 kRiver{0xa9, 0xc8, 0xdc, 0xff};  // between the ocean and the coastline

}  // namespace ccap::palette
