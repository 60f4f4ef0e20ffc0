#include "app/imgui_layer.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "base/ui/panel.h"
#include "base/ui/theme.h"
#include "base/ui/widgets.h"
#include "map/gl/gl.h"
#include "map/gl/offscreen_target.h"

namespace ccap {

float ui_scale(float width, float height) { return std::clamp(std::min(height, 1.4f * width) * 0.001f, 1.0f, 3.0f); }

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

float ImGuiLayer::scale_for(const FrameInfo& frame) const {
  float screen = ui_scale(static_cast<float>(frame.canvas_width), static_cast<float>(frame.canvas_height));
  if (kiosk_)  // read from two metres: capitals kKioskCapShare of the screen's height, as drawn
    screen = std::max(screen, kKioskCapShare * static_cast<float>(frame.canvas_height) /
                                  (ui::kBodyFontPx * fonts_.cap_height_ratio()));
  return std::ceil(screen * scale_factor_ * 8 - 1e-3f) / 8;  // up: text never below its share of the screen
}

void ImGuiLayer::begin_frame(const FrameInfo& frame, Notices& notices, bool dock_open, double now) {
  const float scale = scale_for(frame);
  // Controls a finger can hit on phones, kiosks and wherever a finger was last used; compact for a
  // mouse.
  const bool touch = kiosk_ || frame.canvas_width < ui::kPhoneBreakpoint || router_.touch_used();
  if (scale != scale_ || touch != touch_style_) {  // steps of 1/8: a resize does not rebuild fonts every frame
    scale_ = scale;
    touch_style_ = touch;
    ui::apply_light_theme(scale, touch);
  }
  if (fonts_.update(frame.pixel_ratio, scale)) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  if (!fonts_.problem().empty()) notices.add(Notice::Level::Warning, fonts_.problem());
  router_.before_imgui_frame(now);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  layout_.begin_frame(vp->Size.x, vp->Size.y, scale, dock_open);
}

void ImGuiLayer::welcome_card(const Notices& notices, const std::string& version, double frame_ms, bool debug,
                              Commands& commands) {
  ui::PanelOptions options;
  options.foldable = true;
  options.share = true;
  // Folded, its header says what came since it was last open (a bad link opened while the page ran).
  unread_notices_ = layout_.folded(ui::Slot::WelcomeCard) ? notices.newer_than(notices_read_) : 0;
  std::string title = "Clean Air Atlas";
  if (unread_notices_ > 0)
    title += " · " + std::to_string(unread_notices_) + (unread_notices_ == 1 ? " new notice" : " new notices");
  title += "###Clean Air Atlas";
  const ui::PanelState panel = ui::begin_panel(layout_, ui::Slot::WelcomeCard, title.c_str(), options);
  if (panel.body) {
    notices_read_ = notices.revision();
    ImGui::PushFont(fonts_.set().heading);
    ImGui::TextWrapped("Cities Clean Air Partnership");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "Clean Air Asia's partner cities across Asia and the Pacific: City-to-City Cooperation twins "
        "joined by arcs, City Certification levels, and air-quality monitoring.");
    ImGui::TextDisabled("Tap a city to see its twin and practices, or:");
    if (ImGui::Button("Search the Knowledge Platform")) commands.push_back(SearchKnowledge{});
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
    if (debug) ImGui::TextDisabled("v%s  ·  %.2f ms/frame", version.c_str(), frame_ms);
  }
  ui::end_panel(layout_, ui::Slot::WelcomeCard, panel);
}

void ImGuiLayer::map_touched() {
  if (welcome_folded_once_) return;
  welcome_folded_once_ = true;
  layout_.set_folded(ui::Slot::WelcomeCard, true);
}

void ImGuiLayer::set_kiosk(float scale_factor) {
  kiosk_ = true;
  scale_factor_ = scale_factor;
  layout_.set_links_open(false);
}

void ImGuiLayer::reset() {
  layout_.restore_defaults();
  welcome_folded_once_ = false;
}

void ImGuiLayer::gpu_restored() {
  if (!initialised_) return;
  // The whole renderer backend again, not just its device objects: 1.86 keeps the sizes of its
  // old buffers across DestroyDeviceObjects and then overflows the new, empty ones with
  // glBufferSubData (no UI was drawn after a restore). Its next NewFrame makes the shaders,
  // buffers and font texture.
  ImGui_ImplOpenGL3_Shutdown();
  initialised_ = ImGui_ImplOpenGL3_Init("#version 300 es");
}

nlohmann::json ImGuiLayer::metrics_json() const {
  const ImFont* body = fonts_.set().body;  // (no ImGui context: the platform has shut it down)
  const float font = body && ImGui::GetCurrentContext() ? body->FontSize * ImGui::GetIO().FontGlobalScale : 0;
  return {{"scale", layout_.scale()},
          {"fontPx", font},
          {"capPx", font * fonts_.cap_height_ratio()},
          {"tapTargetPx", layout_.px(ui::kTouchTarget)},
          {"unreadNotices", unread_notices_}};
}

void ImGuiLayer::end_frame() { ImGui::Render(); }

void ImGuiLayer::render() { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); }

std::vector<std::uint8_t> ImGuiLayer::render_offscreen(const std::function<void(ImDrawList&)>& build, float width,
                                                       float height, float pixel_ratio) {
  render::OffscreenTarget target;
  if (!target.begin(static_cast<int>(std::lround(width * pixel_ratio)),
                    static_cast<int>(std::lround(height * pixel_ratio))))
    return {};
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.PushClipRect(ImVec2(0, 0), ImVec2(width, height));
  build(list);
  list.PopClipRect();
  list.PopTextureID();
  ImDrawList* lists[] = {&list};
  ImDrawData data;
  data.Valid = true;
  data.CmdLists = lists;
  data.CmdListsCount = 1;
  data.TotalVtxCount = list.VtxBuffer.Size;
  data.TotalIdxCount = list.IdxBuffer.Size;
  data.DisplayPos = ImVec2(0, 0);
  data.DisplaySize = ImVec2(width, height);
  data.FramebufferScale = ImVec2(pixel_ratio, pixel_ratio);
  ImGui_ImplOpenGL3_RenderDrawData(&data);
  return target.end();
}

void ImGuiLayer::text_input(const std::string& utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str()); }

}  // namespace ccap
