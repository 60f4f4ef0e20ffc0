// Layers and legend: what is drawn (cities, arcs, labels, the flow along arcs), filters by
// certification level, programme and country, and a legend that explains every marker style.
#include <imgui.h>

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "base/ui/panel.h"
#include "domain/country_names.h"
#include "features/partnership/model/marker_style.h"
#include "features/partnership/ui/partnership_panels.h"
#include "map/ui/draw_legend_symbol.h"

namespace ccap::ui {

bool layers_panel(const Partnership& p, LayerSettings& layers, PanelContext& ctx) {
  constexpr const char* kTitle = "Layers & legend";
  LayerSettings s = layers;
  bool changed = false;
  PanelOptions options;
  options.foldable = true;
  const PanelState panel = begin_panel(ctx.layout, Slot::LayersPanel, kTitle, options);
  if (panel.body) {
    changed |= ImGui::Checkbox("Cities", &s.cities);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Twinning arcs", &s.arcs);
    changed |= ImGui::Checkbox("Labels", &s.labels);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Flow along arcs", &s.flow);

    if (ImGui::CollapsingHeader("Legend", ImGuiTreeNodeFlags_DefaultOpen)) {
      std::vector<std::string> names;
      for (const CertificationLevel& l : p.levels) names.push_back(l.name);
      for (const LegendEntry& e : marker_legend(names)) {
        // A marker at the map's mark scale (the UI scale), as tall as a line of controls.
        const float box = std::max(ctx.layout.px(22), ImGui::GetFrameHeight());
        legend_symbol_item(e.symbol, box, std::min(e.radius, 10.0f) * ctx.layout.scale(), ctx.layout.px(1.2f));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextWrapped("%s", e.label.c_str());  // "Level 2 (name not published)" is wider than the panel
      }
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("Arcs: City-to-City Cooperation twins, along the great circle (the shortest way)");
      ImGui::PopStyleColor();
    }
    if (ImGui::CollapsingHeader("Filter")) {
      int programme = static_cast<int>(s.programme);
      changed |= ImGui::RadioButton("All", &programme, 0);
      ImGui::SameLine();
      changed |= ImGui::RadioButton("C3 twins", &programme, 1);
      ImGui::SameLine();
      changed |= ImGui::RadioButton("Certified", &programme, 2);
      s.programme = static_cast<ProgrammeFilter>(programme);
      ImGui::TextDisabled("Certification level");
      std::vector<std::pair<int, std::string>> ranks{{0, "Not certified"}};
      for (const CertificationLevel& level : p.levels) ranks.emplace_back(level.rank, level.name);
      for (const auto& [rank, label] : ranks) {
        bool on = s.ranks.count(rank) != 0;
        if (checkbox_ellipsis(label, &on)) {
          changed = true;
          if (on)
            s.ranks.insert(rank);
          else
            s.ranks.erase(rank);
        }
      }
      ImGui::TextDisabled("Country");
      std::set<std::string> countries;
      for (const City& c : p.cities) countries.insert(c.country);
      // By name, two columns.
      std::vector<std::pair<std::string, std::string>> by_name;
      for (const std::string& country : countries) by_name.emplace_back(country_name(country), country);
      std::sort(by_name.begin(), by_name.end());
      ImGui::BeginTable("countries", 2);
      for (const auto& [name, country] : by_name) {
        ImGui::TableNextColumn();
        bool on = s.countries.empty() || s.countries.count(country);
        if (checkbox_ellipsis(name, &on)) {
          changed = true;
          if (s.countries.empty()) s.countries = countries;
          if (on)
            s.countries.insert(country);
          else
            s.countries.erase(country);
          if (s.countries == countries) s.countries.clear();
        }
      }
      ImGui::EndTable();
      if (ImGui::Button("Show everything")) {
        s = LayerSettings{};
        changed = true;
      }
    }
  }
  end_panel(ctx.layout, Slot::LayersPanel, panel);
  if (changed) layers = s;
  return changed;
}

}  // namespace ccap::ui
