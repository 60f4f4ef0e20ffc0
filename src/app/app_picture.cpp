// A saved or printed picture of the map: the map's own text drawn for it, then a card beside or under
// the map (what is shown, when, each feature's legend: features/share), composed and written as PNG.
#include <cmath>
#include <ctime>

#include "app/atlas_app.h"
#include "base/formats/export_names.h"
#include "base/formats/png_writer.h"
#include "features/share/model/picture_layout.h"

namespace ccap {

void AtlasApp::picture_panels(PanelContext& panels) {
  panels.picture = true;
  for (Feature* f : features_) f->panels(panels);  // the map's own text only
  for (Feature* f : features_) f->map_names(panels);
}

void AtlasApp::take_picture(const SavePicture& picture, const FrameInfo& frame, std::vector<std::uint8_t> map) {
  const int w = frame.framebuffer_width, h = frame.framebuffer_height;
  if (map.size() != static_cast<std::size_t>(w) * h * 4) return;  // said when the target failed
  // The card: beside a landscape map (a column as wide as the panels), under a portrait one.
  const ui::Layout& layout = imgui_.layout();
  const float ratio = frame.pixel_ratio > 0 ? frame.pixel_ratio : 1.0f;
  const float card_w = card_beside(w, h) ? layout.px(380) : static_cast<float>(w) / ratio;
  std::vector<LegendLine> legend;
  for (const Feature* f : features_) f->picture_legend(legend);
  const float card_h =
      share_.prepare_card(export_time_label(std::time(nullptr)), std::move(legend), card_w, layout, imgui_.fonts());
  const std::vector<std::uint8_t> card = imgui_.render_offscreen(
      [&](ImDrawList& list) { share_.draw_card(list, layout, imgui_.fonts()); }, card_w, card_h, ratio);
  const int cw = static_cast<int>(std::lround(card_w * ratio)), ch = static_cast<int>(std::lround(card_h * ratio));
  const PictureLayout placed = picture_layout(w, h, cw, ch);
  const std::vector<std::uint8_t> rgba = compose_picture(map, w, h, card, cw, ch, placed);
  const std::vector<std::uint8_t> png = encode_png(rgba.data(), placed.width, placed.height);
  if (png.empty()) {
    notices_.add(Notice::Level::Warning, "The picture could not be made (" + std::to_string(placed.width) + " x " +
                                             std::to_string(placed.height) + " pixels is too big for a PNG here).");
    return;
  }
  share_.card_placed({static_cast<float>(placed.card_x), static_cast<float>(placed.card_y), static_cast<float>(cw),
                      static_cast<float>(ch)});
  std::string bytes(png.begin(), png.end());
  if (picture.print) {
    if (config_.print_picture) share_.report(config_.print_picture(bytes));
  } else {
    commands_.push_back(SaveFile{export_file_name("map", std::time(nullptr), "png"), "image/png", std::move(bytes)});
  }
}

}  // namespace ccap
