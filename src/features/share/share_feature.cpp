#include "features/share/share_feature.h"

#include <utility>

#include <nlohmann/json.hpp>

namespace ccap {

namespace {
constexpr double kToastSeconds = 4;
}

void ShareFeature::update(FrameContext& ctx) {
  now_ = ctx.now;
  if (std::exchange(toast_new_, false)) toast_until_ = now_ + kToastSeconds;
}

void ShareFeature::panels(PanelContext& ctx) {
  if (ctx.picture) return;
  if (now_ < toast_until_ && !last_.empty()) ui::share_toast(last_, ctx.layout);
  const auto request = ctx.layout.take_share_request();
  if (request) menu_ = request;
  if (!menu_) return;
  drawn_ = ui::share_menu(*menu_, request.has_value(), web_share_, ctx.layout, ctx.commands);
  if (!drawn_) menu_.reset();
}

float ShareFeature::prepare_card(const std::string& made, std::vector<LegendLine> legend, float width,
                                 const ui::Layout& layout, const ui::FontSet& fonts) {
  card_content_.title = "Clean Air Atlas: Cities Clean Air Partnership";
  card_content_.subtitle = "Map made " + made;
  card_content_.legend = std::move(legend);
  card_width_ = width;
  card_layout_ = ui::picture_card(card_content_, width, layout, fonts, nullptr);
  return card_layout_.size.y;
}

void ShareFeature::draw_card(ImDrawList& draw, const ui::Layout& layout, const ui::FontSet& fonts) const {
  ui::picture_card(card_content_, card_width_, layout, fonts, &draw);
}

void ShareFeature::write_status(nlohmann::json& state) const {
  const auto rect = [](const std::optional<ui::Rect>& r) -> nlohmann::json {
    if (!r) return nullptr;
    return {{"x", r->x}, {"y", r->y}, {"width", r->width}, {"height", r->height}};
  };
  nlohmann::json card = rect(card_);
  if (card_) {  // each legend symbol: where, how big and what shape, in picture px
    nlohmann::json& symbols = card["symbols"] = nlohmann::json::array();
    for (const ui::CardSymbol& s : card_layout_.symbols) {
      const LegendLine& line = card_content_.legend[s.legend];
      symbols.push_back({{"x", card_->x + s.centre.x},
                         {"y", card_->y + s.centre.y},
                         {"r", s.radius},
                         {"shape", legend_symbol_name(line.symbol)},
                         {"label", line.text}});
    }
  }
  state["share"] = {{"menu", rect(drawn_)}, {"pictureCard", card}, {"last", last_}};
}

}  // namespace ccap
