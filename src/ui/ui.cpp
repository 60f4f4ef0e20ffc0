#include "ui/ui.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "map/scale_bar.h"
#include "ui/theme.h"

#include <algorithm>

namespace ccap::ui {

Ui::Ui(std::string data_dir) : data_dir_(std::move(data_dir)), fonts_(data_dir_ + "/fonts") {}

bool Ui::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk or a browser tab starts the same every time
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  apply_light_theme();
  initialised_ = ImGui_ImplOpenGL3_Init("#version 300 es");
  return initialised_;
}

void Ui::shutdown() {
  if (initialised_) ImGui_ImplOpenGL3_Shutdown();
  initialised_ = false;
}

UiActions Ui::build(AppState& state, const UiModel& model) {
  UiActions actions;
  if (fonts_.update(state.frame_info.pixel_ratio)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (!fonts_.problem().empty()) add_notice(state, {Notice::Level::Warning, fonts_.problem()});

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  state.ui_windows.clear();
  welcome_panel(state);
  map_controls(state, actions);
  if (model.air) {
    cluster_counts(model);
    air_badge(*model.air);
    air_panel(state, *model.air, actions);
  }
  if (model.partnership) {
    state.labels_placed = model.layers && model.layers->labels ? city_labels(model) : 0;
    layers_panel(state, model, actions);
    city_panel(state, model, actions);
    city_tooltip(model);
  }
  if (model.air) station_panel(state, model, actions);  // after the layers panel, to fit above it
  if (model.partnership) knowledge_panel(state, model, actions);
  scale_bar_and_attribution(state);
  ImGui::Render();
  return actions;
}

void Ui::render() { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); }

bool Ui::wants_pointer() const { return ImGui::GetIO().WantCaptureMouse; }
bool Ui::wants_keyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

// Call between Begin and End: remembers where the current window is, for the test API.
void Ui::record_window(AppState& state, const char* name) {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  state.ui_windows.push_back({name, pos.x, pos.y, size.x, size.y});
}

void Ui::welcome_panel(AppState& state) {
  constexpr const char* kTitle = "Clean Air Atlas";
  const float margin = 12.0f;
  const float width = std::min(360.0f, state.frame_info.canvas_width - 2 * margin);
  ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(state.frame_info.canvas_width < 700, ImGuiCond_FirstUseEver);  // phones
  const bool expanded = ImGui::Begin(kTitle);
  record_window(state, kTitle);
  if (expanded) {
    ImGui::PushFont(fonts_.set().heading);
    ImGui::TextUnformatted("Cities Clean Air Partnership");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "An interactive map of the Cities Clean Air Partnership (CCAP) run by Clean Air Asia: "
        "partner cities, City-to-City Cooperation twinning links, City Certification and air-quality "
        "monitoring across Asia and the Pacific.");
    ImGui::Separator();
    for (const Notice& n : state.notices) {
      const ImVec4 colour = n.level == Notice::Level::Error     ? ImVec4(0.70f, 0.10f, 0.10f, 1)
                            : n.level == Notice::Level::Warning ? ImVec4(0.60f, 0.38f, 0.00f, 1)
                                                                : ImVec4(0.20f, 0.30f, 0.40f, 1);
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::TextWrapped("%s", n.text.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::TextDisabled("v%s  ·  %.2f ms/frame", state.version.c_str(), state.frame_ms_average);
  }
  ImGui::End();
}

// Zoom in / out / home buttons, thumb-sized for touch screens, at the bottom-right.
void Ui::map_controls(AppState& state, UiActions& actions) {
  constexpr const char* kTitle = "Map controls";
  constexpr float kButton = 44.0f;  // the minimum comfortable touch target
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 12, vp->Size.y - 40), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.92f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoMove;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
  if (ImGui::Begin(kTitle, nullptr, flags)) {
    if (ImGui::Button("+", ImVec2(kButton, kButton))) actions.zoom_delta += 1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom in (+)");
    if (ImGui::Button("-", ImVec2(kButton, kButton))) actions.zoom_delta -= 1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom out (-)");
    if (ImGui::Button("Home", ImVec2(kButton, kButton))) actions.go_home = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The whole partnership region (Home)");
    record_window(state, kTitle);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

// Drawn straight onto the background: a scale bar at the bottom-left, the data's credit at the
// bottom-right.
void Ui::scale_bar_and_attribution(const AppState& state) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImU32 ink = IM_COL32(60, 72, 84, 255), halo = IM_COL32(255, 255, 255, 200);

  const ScaleBar bar = scale_bar(state.map.meters_per_pixel, 120);
  if (!bar.label.empty()) {
    const float x0 = 14, y = vp->Size.y - 16, x1 = x0 + static_cast<float>(bar.pixels);
    draw->AddRectFilled(ImVec2(x0 - 4, y - 22), ImVec2(x1 + 6, y + 6), halo, 4);
    draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, 2);
    draw->AddLine(ImVec2(x0, y - 6), ImVec2(x0, y), ink, 2);
    draw->AddLine(ImVec2(x1, y - 6), ImVec2(x1, y), ink, 2);
    draw->AddText(ImVec2(x0 + 2, y - 21), ink, bar.label.c_str());
  }
  // The full credit, or a short one where it would not fit beside the scale bar (phones).
  const char* credit = "Basemap: Natural Earth (public domain) · Cities: GeoNames (CC BY 4.0)";
  if (ImGui::CalcTextSize(credit).x > vp->Size.x - 160) credit = "Natural Earth · GeoNames (CC BY 4.0)";
  const ImVec2 size = ImGui::CalcTextSize(credit);
  const ImVec2 at(vp->Size.x - size.x - 10, vp->Size.y - size.y - 8);
  draw->AddRectFilled(ImVec2(at.x - 5, at.y - 2), ImVec2(at.x + size.x + 5, at.y + size.y + 2), halo, 4);
  draw->AddText(at, ink, credit);
}

}  // namespace ccap::ui
