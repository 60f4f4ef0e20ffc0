#include "app/imgui_layer.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

#include "base/ui/theme.h"
#include "base/ui/widgets.h"

namespace ccap {

bool ImGuiLayer::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk or a browser tab starts the same every time
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ui::apply_light_theme();
  initialised_ = ImGui_ImplOpenGL3_Init("#version 300 es");
  return initialised_;
}

void ImGuiLayer::shutdown() {
  if (initialised_) ImGui_ImplOpenGL3_Shutdown();
  initialised_ = false;
}

void ImGuiLayer::begin_frame(const FrameInfo& frame, Notices& notices) {
  if (fonts_.update(frame.pixel_ratio)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (!fonts_.problem().empty()) notices.add(Notice::Level::Warning, fonts_.problem());
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  layout_.begin_frame(vp->Size.x, vp->Size.y);
}

void ImGuiLayer::welcome_card(const Notices& notices, const std::string& version, double frame_ms) {
  constexpr const char* kTitle = "Clean Air Atlas";
  const float width = std::min(360.0f, layout_.width() - 2 * ui::kMargin);
  ImGui::SetNextWindowPos(ImVec2(ui::kMargin, ui::kMargin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(layout_.phone(), ImGuiCond_FirstUseEver);
  const bool expanded = ImGui::Begin(kTitle);
  layout_.record(ui::Slot::WelcomeCard, kTitle);
  if (expanded) {
    ImGui::PushFont(fonts_.set().heading);
    ImGui::TextUnformatted("Cities Clean Air Partnership");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "An interactive map of the Cities Clean Air Partnership (CCAP) run by Clean Air Asia: "
        "partner cities, City-to-City Cooperation twinning links, City Certification and air-quality "
        "monitoring across Asia and the Pacific.");
    ImGui::Separator();
    for (const Notice& n : notices.all()) {
      const ImVec4 colour = n.level == Notice::Level::Error     ? ui::kErrorInk
                            : n.level == Notice::Level::Warning ? ui::kNoticeWarningInk
                                                                : ui::kInfoInk;
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::TextWrapped("%s", n.text.c_str());
      ImGui::PopStyleColor();
      if (!n.details.empty() && ImGui::TreeNode(&n, "Show all %zu", n.details.size())) {
        for (const std::string& d : n.details) ui::bullet_wrapped(d);
        ImGui::TreePop();
      }
    }
    ImGui::TextDisabled("v%s  ·  %.2f ms/frame", version.c_str(), frame_ms);
  }
  ImGui::End();
}

void ImGuiLayer::end_frame() { ImGui::Render(); }

void ImGuiLayer::render() { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); }

void ImGuiLayer::text_input(const std::string& utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str()); }

}  // namespace ccap
