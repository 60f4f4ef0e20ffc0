// The air panel's datasets: each measured set with its publisher, status, period and stations, a
// Show button that fetches it (the map then flies to it), and the switch for the demo set, which
// replaces whatever is shown (real and synthetic values are never drawn together).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "base/ui/panel.h"
#include "base/ui/widgets.h"
#include "features/air/ui/air_panels.h"

namespace ccap::ui {

void dataset_list(const DatasetPicker& picker, const OwnDataView& own, PanelContext& ctx, AirWish& wish) {
  const AirIndex& index = picker.index();
  if (!index.datasets.empty()) {
    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted("Measured data");
    ImGui::PopFont();
  }
  const AirDataset* shown = own.shown ? nullptr : picker.shown();
  const AirDataset* coming = picker.coming();
  for (const AirDataset& d : index.datasets) {
    ImGui::PushID(d.id.c_str());
    ImGui::TextWrapped("%s", d.title.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s, %s; %u station%s. %s", d.status.c_str(), period_label(d.first_hour, d.hours).c_str(),
                       d.stations, d.stations == 1 ? "" : "s", d.licence.c_str());
    ImGui::PopStyleColor();
    if (shown == &d) {
      ImGui::TextColored(ImVec4(0.10f, 0.40f, 0.20f, 1), "shown on the map");
    } else if (coming == &d) {
      ImGui::TextDisabled("loading…");
    } else if (!picker.demo() && ImGui::Button("Show")) {
      wish.dataset = d.id;
    }
    ImGui::PopID();
  }
  if (index.demo) {
    bool demo = picker.demo();
    if (ImGui::Checkbox("Synthetic demo data instead", &demo)) wish.demo = demo;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(
        "Generated values at real station locations, to show how the overlay works: never beside measured ones.");
    ImGui::PopStyleColor();
  }
  own_data_section(own, ctx, wish);
}

void datasets_panel(const DatasetPicker& picker, std::optional<std::pair<double, double>> loading,
                    const OwnDataView& own, PanelContext& ctx, AirWish& wish) {
  PanelOptions options;
  options.foldable = true;
  const PanelState panel = begin_panel(ctx.layout, Slot::AirPanel, "Air quality", options);
  if (panel.body) {
    if (loading) {
      const auto [got, total] = *loading;
      ImGui::TextWrapped("Loading %s…", picker.coming() ? picker.coming()->title.c_str() : "the air-quality data");
      const float share = total > 0 ? static_cast<float>(std::clamp(got / total, 0.0, 1.0)) : 0.0f;
      char label[64];
      std::snprintf(label, sizeof label, "%.0f of %.0f kB", got / 1024, total / 1024);
      ImGui::ProgressBar(share, ImVec2(-1, 0), total > 0 ? label : "starting");
    } else {
      ImGui::TextWrapped(
          "Hourly readings measured by monitoring stations of partner cities, as their agencies publish them. "
          "Open a city with data, zoom in to its stations, or show a dataset:");
    }
    dataset_list(picker, own, ctx, wish);
  }
  end_panel(ctx.layout, Slot::AirPanel, panel);
}

}  // namespace ccap::ui
