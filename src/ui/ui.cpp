#include "ui/ui.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

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

void Ui::build(AppState& state) {
  if (fonts_.update(state.frame_info.pixel_ratio)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (!fonts_.problem().empty()) add_notice(state, {Notice::Level::Warning, fonts_.problem()});

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  state.ui_windows.clear();
  welcome_panel(state);
  ImGui::Render();
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
  if (ImGui::Begin(kTitle)) {
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
  record_window(state, kTitle);
  ImGui::End();
}

}  // namespace ccap::ui
