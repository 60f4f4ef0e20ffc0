#include "features/citymap/ui/place_names.h"

#include <imgui.h>

#include "map/name_placement.h"

namespace ccap::ui {

std::vector<ShownName> place_names(const std::vector<PlaceName>& names, const std::vector<ScreenBox>& labels,
                                   const ScreenMarks& marks, const Layout& layout, float opacity) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  std::vector<NameRequest> requests;
  requests.reserve(names.size());
  for (const PlaceName& n : names) {
    const ImVec2 size = ImGui::CalcTextSize(n.name->c_str());
    requests.push_back({n.at, {size.x + 4, size.y}});
  }
  std::vector<ScreenDisc> discs(marks.discs().begin(), marks.discs().end());
  discs.insert(discs.end(), marks.under().begin(), marks.under().end());
  std::vector<ScreenBox> surfaces;
  for (const Rect& r : layout.surfaces()) surfaces.push_back({{r.x, r.y}, {r.right(), r.bottom()}});
  const auto shown = place_names(requests, {vp->Size.x, vp->Size.y}, {discs, labels, surfaces});

  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const auto alpha = [&](int a) { return static_cast<ImU32>(static_cast<float>(a) * opacity + 0.5f); };
  std::vector<ShownName> out;
  out.reserve(shown.size());
  for (std::size_t i : shown) {
    const NameRequest& r = requests[i];
    const char* text = names[i].name->c_str();
    const ImVec2 at(static_cast<float>(r.at.x - r.size.x / 2) + 2, static_cast<float>(r.at.y - r.size.y / 2));
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})  // halo
      draw->AddText(ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, alpha(200)), text);
    draw->AddText(at, IM_COL32(92, 98, 104, alpha(255)), text);
    out.push_back({names[i].name, {r.at - r.size * 0.5, r.at + r.size * 0.5}});
  }
  return out;
}

}  // namespace ccap::ui
