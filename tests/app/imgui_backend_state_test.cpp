// The UI's GL state contract (map/gl/imgui_backend_state.h): once a frame with panels is drawn, GL
// is in the state a new context starts in, the state the backend's backup now reports instead of
// reading it back. Without that header the backend restores what the map's renderers left (their
// program, blending on), which this test sees.
#include <gtest/gtest.h>

#include <vector>

#include "map/gl/gl.h"
#include "map/gl/imgui_backend_state.h"
#include "scripted_app.h"
#include "test_paths.h"
#undef glGetIntegerv  // from here on, the real GL calls
#undef glIsEnabled

namespace ccap::testing {
namespace {

TEST(UiGlState, AFrameWithPanelsEndsInGlsInitialState) {
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  ScriptedApp scripted(config);
  bool checked = false;
  scripted.after_frame(3, [&](AtlasApp&) {
    checked = true;
    for (GLenum name : {GL_ACTIVE_TEXTURE, GL_CURRENT_PROGRAM, GL_TEXTURE_BINDING_2D, GL_SAMPLER_BINDING,
                        GL_ARRAY_BUFFER_BINDING, GL_VERTEX_ARRAY_BINDING, GL_BLEND_SRC_RGB, GL_BLEND_DST_RGB,
                        GL_BLEND_SRC_ALPHA, GL_BLEND_DST_ALPHA, GL_BLEND_EQUATION_RGB, GL_BLEND_EQUATION_ALPHA}) {
      GLint real = -1, reported = -2;
      glGetIntegerv(name, &real);
      imgui_backend::get_integer(name, &reported);
      EXPECT_EQ(real, reported) << "GL enum 0x" << std::hex << name;
    }
    for (GLenum capability : {GL_BLEND, GL_CULL_FACE, GL_DEPTH_TEST, GL_STENCIL_TEST, GL_SCISSOR_TEST})
      EXPECT_EQ(glIsEnabled(capability), imgui_backend::is_enabled(capability))
          << "GL capability 0x" << std::hex << capability;
  });
  ASSERT_EQ(scripted.run(4, 1024, 700), 0);
  const auto state = scripted.state();
  EXPECT_FALSE(state["uiWindows"].empty()) << "the frame drew no panels";
  EXPECT_TRUE(checked);
}

}  // namespace
}  // namespace ccap::testing
