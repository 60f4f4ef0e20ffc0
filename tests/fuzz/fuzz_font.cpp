// libFuzzer target: the UI font (data/fonts/NotoSans-Regular.ttf). The check (base/font_check.h)
// never crashes; what it accepts, Dear ImGui's rasteriser (stb_truetype) builds into an atlas
// without reading outside the font. Seed: the UI font (scripts/fuzz.sh copies it in).
#include <imgui.h>

#include <cstdint>
#include <span>
#include <vector>

#include "base/font_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!ccap::check_truetype(std::span(data, size)).empty()) return 0;
  std::vector<std::uint8_t> font(data, data + size);  // ImGui takes a mutable pointer
  static const ImWchar kLatin[] = {0x20, 0x7e, 0xc0, 0xff, 0};
  ImFontAtlas atlas;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  atlas.AddFontFromMemoryTTF(font.data(), static_cast<int>(font.size()), 16, &config, kLatin);
  atlas.Build();
  return 0;
}
