#include "app/pixel_probe.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {

TEST(CanvasToFramebuffer, FlipsYAndScalesByPixelRatio) {
  // 400x300 CSS px canvas at ratio 2 -> 800x600 framebuffer.
  auto p = canvas_to_framebuffer(0, 0, 2.0f, 800, 600);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->x, 0);
  EXPECT_EQ(p->y, 599);  // the top row of the canvas is the last framebuffer row
  p = canvas_to_framebuffer(399.9f, 299.9f, 2.0f, 800, 600);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->x, 799);
  EXPECT_EQ(p->y, 0);
  p = canvas_to_framebuffer(100.25f, 50, 1.5f, 600, 450);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->x, 150);
  EXPECT_EQ(p->y, 449 - 75);
}

TEST(CanvasToFramebuffer, RejectsPointsOutsideOrNotFinite) {
  EXPECT_FALSE(canvas_to_framebuffer(-0.5f, 10, 1, 100, 100));
  EXPECT_FALSE(canvas_to_framebuffer(10, 100, 1, 100, 100));
  EXPECT_FALSE(canvas_to_framebuffer(NAN, 10, 1, 100, 100));
  EXPECT_FALSE(canvas_to_framebuffer(10, 10, 0, 100, 100));
}

TEST(PixelProbes, ResolvesPendingProbesOnceWithTheFrameNumber) {
  PixelProbes probes;
  const int a = probes.request(1, 1);
  const int b = probes.request(500, 1);  // outside a 100x100 canvas
  EXPECT_NE(a, b);
  EXPECT_TRUE(probes.has_pending());
  int reads = 0;
  probes.resolve(7, 1.0f, 100, 100, [&](FramebufferPoint p) {
    ++reads;
    EXPECT_EQ(p.x, 1);
    EXPECT_EQ(p.y, 98);
    return Rgba8{9, 8, 7, 255};
  });
  EXPECT_EQ(reads, 1);
  EXPECT_FALSE(probes.has_pending());
  ASSERT_EQ(probes.all().size(), 2u);
  EXPECT_TRUE(probes.all()[0].inside);
  EXPECT_EQ(probes.all()[0].frame, 7u);
  EXPECT_EQ(probes.all()[0].color, (Rgba8{9, 8, 7, 255}));
  EXPECT_FALSE(probes.all()[1].inside);
  probes.resolve(8, 1.0f, 100, 100, [&](FramebufferPoint) { return ++reads, Rgba8{}; });
  EXPECT_EQ(reads, 1) << "a resolved probe is not read again";
}

TEST(PixelProbes, KeepsABoundedHistory) {
  PixelProbes probes;
  for (int i = 0; i < 10000; ++i) {
    probes.request(0, 0);
    if (i % 3 == 0) probes.resolve(i, 1, 10, 10, [](FramebufferPoint) { return Rgba8{}; });
  }
  EXPECT_LE(probes.all().size(), 256u);
  EXPECT_EQ(probes.all().back().id, 10000);
}

}  // namespace ccap

#include <nlohmann/json.hpp>

namespace ccap {

TEST(PixelProbes, JsonCarriesResolvedAndPendingProbes) {
  PixelProbes probes;
  probes.request(5, 5);
  probes.request(6, 6);
  probes.resolve(42, 2, 1280, 960, [](FramebufferPoint) { return Rgba8{1, 2, 3, 4}; });
  probes.request(7, 7);  // still pending
  const nlohmann::json j = probes.to_json();
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["rgba"], nlohmann::json({1, 2, 3, 4}));
  EXPECT_EQ(j[0]["frame"], 42);
  EXPECT_FALSE(j[2]["done"]);
  EXPECT_FALSE(j[2].contains("rgba"));
}

}  // namespace ccap
