#include "features/share/model/picture_layout.h"

#include <algorithm>
#include <cstring>

namespace ccap {

PictureLayout picture_layout(int map_width, int map_height, int card_width, int card_height) {
  PictureLayout l;
  l.beside = card_beside(map_width, map_height);
  if (l.beside) {
    l.width = map_width + card_width;
    l.height = std::max(map_height, card_height);
    l.card_x = map_width;
  } else {
    l.width = std::max(map_width, card_width);
    l.height = map_height + card_height;
    l.card_y = map_height;
  }
  return l;
}

namespace {
// Copies a w x h RGBA block into `out` (out_width wide) at (x, y).
void blit(std::vector<std::uint8_t>& out, int out_width, const std::vector<std::uint8_t>& in, int w, int h, int x,
          int y) {
  const auto row = static_cast<std::size_t>(w) * 4;
  for (int r = 0; r < h; ++r)
    std::memcpy(out.data() + (static_cast<std::size_t>(y + r) * out_width + x) * 4,
                in.data() + static_cast<std::size_t>(r) * row, row);
}
}  // namespace

std::vector<std::uint8_t> compose_picture(const std::vector<std::uint8_t>& map, int map_width, int map_height,
                                          const std::vector<std::uint8_t>& card, int card_width, int card_height,
                                          const PictureLayout& l) {
  const auto size = [](int w, int h) { return static_cast<std::size_t>(std::max(0, w)) * std::max(0, h) * 4; };
  if (map.size() != size(map_width, map_height) || card.size() != size(card_width, card_height)) return {};
  if (l.width <= 0 || l.height <= 0 || map_width > l.width || map_height > l.height ||
      l.card_x + card_width > l.width || l.card_y + card_height > l.height || l.card_x < 0 || l.card_y < 0)
    return {};
  std::vector<std::uint8_t> out(size(l.width, l.height), 255);
  if (!map.empty()) blit(out, l.width, map, map_width, map_height, 0, 0);
  if (!card.empty()) blit(out, l.width, card, card_width, card_height, l.card_x, l.card_y);
  return out;
}

}  // namespace ccap
