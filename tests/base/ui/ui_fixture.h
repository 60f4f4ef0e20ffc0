#pragma once
// Dear ImGui with no GL context for the UI kit's tests: the real fonts (the atlas is built in
// memory) and the theme, torn down after each test.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

#include "base/ui/fonts.h"
#include "base/ui/theme.h"
#include "test_paths.h"

namespace ccap::testing {

class ImGuiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui::apply_light_theme();
    ASSERT_TRUE(fonts_.update(1.0f));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // the atlas, as a renderer would take it
    ASSERT_GT(w, 0);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One frame of `width` x `height` logical px: ImGui::NewFrame, `body`, ImGui::Render.
  template <class Body>
  void frame(float width, float height, Body&& body) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    body();
    ImGui::Render();
  }

  ui::Fonts fonts_{std::string(CCAP_TEST_DATA_DIR) + "/fonts"};
};

}  // namespace ccap::testing
