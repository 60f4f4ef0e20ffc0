#pragma once
// A saved picture: the map as it was on screen, and beside it (a landscape map) or under it (a
// portrait one, a phone) the card with the title, the date and the legends, on white, so that the
// card covers nothing of the map. All sizes in picture pixels (the framebuffer's device pixels).
#include <cstdint>
#include <vector>

namespace ccap {

struct PictureLayout {
  int width = 0, height = 0;   // the whole picture
  int card_x = 0, card_y = 0;  // the map is at (0, 0)
  bool beside = true;
};

// Where the card goes for a map of `map_width` x `map_height` and a card of that size.
PictureLayout picture_layout(int map_width, int map_height, int card_width, int card_height);
// Whether the card goes beside the map: a map at least as wide as tall.
inline bool card_beside(int map_width, int map_height) { return map_width >= map_height; }

// The picture's pixels (RGBA8, rows top first), white where neither covers; empty when a buffer's
// size does not match its dimensions.
std::vector<std::uint8_t> compose_picture(const std::vector<std::uint8_t>& map, int map_width, int map_height,
                                          const std::vector<std::uint8_t>& card, int card_width, int card_height,
                                          const PictureLayout& layout);

}  // namespace ccap
