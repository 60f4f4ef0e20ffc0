#include "base/ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ccap::ui {

namespace {

// Relative luminance (WCAG 2.x): sRGB decoded to linear, weighted by the eye's sensitivity.
float luminance(float r, float g, float b) {
  const auto linear = [](float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
  return 0.2126f * linear(r) + 0.7152f * linear(g) + 0.0722f * linear(b);
}

ImVec4 rgb(int hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

}  // namespace

float contrast_ratio(float r1, float g1, float b1, float r2, float g2, float b2) {
  const float a = luminance(r1, g1, b1), b = luminance(r2, g2, b2);
  return (std::max(a, b) + 0.05f) / (std::min(a, b) + 0.05f);
}

void apply_light_theme(float scale, bool touch) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 8.0f;
  style.ChildRounding = 0.0f;
  style.FrameRounding = 5.0f;
  style.GrabRounding = 5.0f;
  style.PopupRounding = 6.0f;
  style.WindowPadding = ImVec2(14, 12);
  style.FramePadding = ImVec2(8, 6);
  style.ItemSpacing = ImVec2(8, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 16.0f;  // thumb-sized for touch screens
  style.GrabMinSize = 14.0f;
  style.WindowBorderSize = 0.0f;
  style.FrameBorderSize = 1.0f;  // check boxes, radio buttons, fields and buttons show their edge
  style.PopupBorderSize = 1.0f;

  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = rgb(0xFFFFFF);
  c[ImGuiCol_ChildBg] = rgb(0xFFFFFF, 0.0f);
  c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
  c[ImGuiCol_Text] = rgb(0x1F262E);          // 15.6:1 on white
  c[ImGuiCol_TextDisabled] = rgb(0x4F5A64);  // secondary text: 7.1:1 on white, 5.3:1 on an active tab
  c[ImGuiCol_Border] = rgb(0x6B7782);        // control edges: 4.6:1 on white
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
  c[ImGuiCol_FrameBgHovered] = rgb(0xE3EEF3);
  c[ImGuiCol_FrameBgActive] = rgb(0xCFE2EA);
  c[ImGuiCol_TitleBg] = rgb(0xE4EDF2);
  c[ImGuiCol_TitleBgActive] = rgb(0xE4EDF2);
  c[ImGuiCol_TitleBgCollapsed] = rgb(0xE4EDF2);
  c[ImGuiCol_CheckMark] = rgb(0x19607A);   // 6.9:1 on white
  c[ImGuiCol_SliderGrab] = rgb(0x19607A);  // the time slider's handle
  c[ImGuiCol_SliderGrabActive] = rgb(0x0F4A5F);
  c[ImGuiCol_Button] = rgb(0xE4EDF2);
  c[ImGuiCol_ButtonHovered] = rgb(0xCFE2EA);
  c[ImGuiCol_ButtonActive] = rgb(0xB7D3DF);
  c[ImGuiCol_Header] = rgb(0xDCE9EF);
  c[ImGuiCol_HeaderHovered] = rgb(0xCFE2EA);
  c[ImGuiCol_HeaderActive] = rgb(0xB7D3DF);
  c[ImGuiCol_Separator] = rgb(0x8C98A3);
  c[ImGuiCol_ScrollbarBg] = rgb(0xF2F5F7);
  c[ImGuiCol_ScrollbarGrab] = rgb(0x7D8A96);  // 3.5:1 on its track
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x5F6C78);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x4A5661);
  c[ImGuiCol_Tab] = rgb(0xE4EDF2);
  c[ImGuiCol_TabHovered] = rgb(0xCFE2EA);
  c[ImGuiCol_TabActive] = rgb(0xCFE2EA);
  c[ImGuiCol_TabUnfocused] = rgb(0xE4EDF2);
  c[ImGuiCol_TabUnfocusedActive] = rgb(0xCFE2EA);
  c[ImGuiCol_PlotHistogram] = rgb(0x19607A);
  c[ImGuiCol_TableHeaderBg] = rgb(0xE4EDF2);
  c[ImGuiCol_TableBorderStrong] = rgb(0x8C98A3);
  c[ImGuiCol_TableBorderLight] = rgb(0xC3CBD2);
  c[ImGuiCol_TableRowBgAlt] = rgb(0xF4F7F9);
  c[ImGuiCol_NavHighlight] = rgb(0x19607A);
  if (touch) {  // frames as tall as a fingertip: 16 px body text + 2 x 14 = 44 px
    style.FramePadding.y = 14.0f;
    style.ItemSpacing.y = 10.0f;
    style.GrabMinSize = 24.0f;
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace ccap::ui
