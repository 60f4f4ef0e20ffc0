// Render on demand (Application::next_frame_at) through the real app, on the app's own clock
// (held, then advanced): the arcs' flow asks for its next step 1/30 s on; after 40 s without input
// it rests and nothing is due but the heartbeat; input wakes it. That the platforms honour the
// answer (no frames while nothing is due) is tests/e2e/map.test.mjs's.
#include <gtest/gtest.h>

#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

TEST(RenderOnDemand, TheFlowAsksForFramesWhileItMovesAndRestsWithoutInput) {
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  ScriptedApp scripted(std::move(config));
  constexpr double kNow = 1000;  // the platform's time: a held clock ignores it
  bool flowing = false, due_at_once = true, due_after_a_step = false, resting = true, due_resting = true,
       flowing_again = false;
  scripted.after_frame(3, [](AtlasApp& app) { app.hold_clock(); });
  scripted.after_frame(4, [&](AtlasApp& app) {
    flowing = nlohmann::json::parse(app.state_json())["layers"]["flowAnimating"];
    due_at_once = app.next_frame_at(kNow) <= kNow;  // drawn at the held time: the next step is ahead
    app.advance_clock(1.0 / 30);
    due_after_a_step = app.next_frame_at(kNow) <= kNow;
  });
  scripted.after_frame(5, [](AtlasApp& app) { app.advance_clock(40); });
  scripted.after_frame(6, [&](AtlasApp& app) {
    resting = !nlohmann::json::parse(app.state_json())["layers"]["flowAnimating"].get<bool>();
    app.advance_clock(1);
    due_resting = app.next_frame_at(kNow) <= kNow;  // the heartbeat is 30 s away
    InputEvent move;
    move.type = InputEvent::Type::PointerMove;
    move.x = 500;
    move.y = 300;
    app.event(move);
  });
  scripted.after_frame(
      7, [&](AtlasApp& app) { flowing_again = nlohmann::json::parse(app.state_json())["layers"]["flowAnimating"]; });
  ASSERT_EQ(scripted.run(8, 1024, 700), 0);
  EXPECT_TRUE(flowing);
  EXPECT_FALSE(due_at_once);
  EXPECT_TRUE(due_after_a_step) << "the flow's next step, 1/30 s on";
  EXPECT_TRUE(resting) << "40 s without input: the flow stands still";
  EXPECT_FALSE(due_resting) << "nothing due while resting";
  EXPECT_TRUE(flowing_again) << "input wakes the flow";
}

}  // namespace
}  // namespace ccap::testing
