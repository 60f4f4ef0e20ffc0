#include "map/label_placement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace ccap {
namespace {

bool overlap(const PlacedLabel& a, const PlacedLabel& b, const std::vector<LabelRequest>& r) {
  const glm::dvec2 a1 = a.top_left + r[a.request].size, b1 = b.top_left + r[b.request].size;
  return a.top_left.x < b1.x && b.top_left.x < a1.x && a.top_left.y < b1.y && b.top_left.y < a1.y;
}

}  // namespace

TEST(LabelPlacement, NoTwoPlacedLabelsOverlapAndAllStayOnScreen) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> x(0, 800), y(0, 600), w(30, 120);
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 400; ++i) requests.push_back({{x(rng), y(rng)}, {w(rng), 18}, 6, static_cast<double>(i % 37)});
  const auto placed = place_labels(requests, {800, 600});
  EXPECT_GT(placed.size(), 20u);
  EXPECT_LT(placed.size(), requests.size()) << "a crowded map must hide some";
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const auto& p = placed[i];
    EXPECT_GE(p.top_left.x, 0);
    EXPECT_GE(p.top_left.y, 0);
    EXPECT_LE(p.top_left.x + requests[p.request].size.x, 800);
    EXPECT_LE(p.top_left.y + requests[p.request].size.y, 600);
    for (std::size_t j = i + 1; j < placed.size(); ++j) EXPECT_FALSE(overlap(p, placed[j], requests));
  }
}

// What place_labels does, the slow way: every candidate spot is tested against every label placed.
std::vector<PlacedLabel> place_labels_by_testing_all(const std::vector<LabelRequest>& requests, glm::dvec2 viewport) {
  std::vector<std::size_t> order(requests.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return requests[a].priority > requests[b].priority; });
  std::vector<PlacedLabel> placed;
  for (std::size_t i : order) {
    const LabelRequest& r = requests[i];
    for (const glm::dvec2 top_left : label_spots(r)) {
      const glm::dvec2 bottom_right = top_left + r.size;
      if (top_left.x < 0 || top_left.y < 0 || bottom_right.x > viewport.x || bottom_right.y > viewport.y) continue;
      const PlacedLabel candidate{i, top_left};
      if (std::any_of(placed.begin(), placed.end(),
                      [&](const PlacedLabel& p) { return overlap(p, candidate, requests); }))
        continue;
      placed.push_back(candidate);
      break;
    }
  }
  return placed;
}

TEST(LabelPlacement, PlacesExactlyWhatTestingEveryPlacedLabelWould) {
  std::mt19937 rng(11);
  // Crowded, on a viewport that is not a whole number of grid cells, with boxes from a few px (on
  // cell edges) to wider than the screen, and anchors on and off it.
  std::uniform_real_distribution<double> x(-50, 1330), y(-50, 850), w(2, 300), h(1, 40), priority(0, 5);
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 3000; ++i)
    requests.push_back({{std::round(x(rng)), y(rng)}, {std::round(w(rng)), h(rng)}, 4, std::round(priority(rng))});
  requests.push_back({{640, 400}, {1400, 20}, 4, 9});  // wider than the screen: never placed
  for (const glm::dvec2 viewport : {glm::dvec2{1280, 800}, glm::dvec2{1001.5, 733}, glm::dvec2{30, 30}}) {
    const auto fast = place_labels(requests, viewport);
    const auto slow = place_labels_by_testing_all(requests, viewport);
    if (viewport.x > 100) {
      EXPECT_GT(slow.size(), 100u);
    }
    ASSERT_EQ(fast.size(), slow.size()) << viewport.x;
    for (std::size_t i = 0; i < fast.size(); ++i) {
      EXPECT_EQ(fast[i].request, slow[i].request);
      EXPECT_EQ(fast[i].top_left, slow[i].top_left);
    }
  }
}

TEST(LabelPlacement, HigherPriorityWinsTheSpot) {
  // Two cities side by side: only one label fits to the right; the other goes left.
  std::vector<LabelRequest> requests{{{300, 300}, {80, 18}, 6, 1}, {{302, 300}, {80, 18}, 6, 5}};
  auto placed = place_labels(requests, {800, 600});
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[0].request, 1u) << "placed first";
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 308) << "took the preferred spot on the right";
  EXPECT_DOUBLE_EQ(placed[1].top_left.x, 300 - 6 - 80) << "the other falls back to the left";
  // Hemmed in on every side, the lower priority label is hidden, not overlapped.
  requests = {{{40, 40}, {780, 600}, 0, 9}, {{400, 300}, {50, 18}, 6, 1}};
  placed = place_labels(requests, {800, 600});
  EXPECT_TRUE(placed.empty() || placed.size() == 1u);
}

TEST(LabelPlacement, PrefersRightThenLeftThenAboveThenBelow) {
  const std::vector<LabelRequest> at_right_edge{{{790, 300}, {60, 18}, 6, 0}};
  auto placed = place_labels(at_right_edge, {800, 600});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 790 - 6 - 60) << "no room on the right: left";
  const std::vector<LabelRequest> near_the_left_edge{{{5, 100}, {60, 18}, 6, 0}};
  placed = place_labels(near_the_left_edge, {800, 600});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 11) << "right still fits";
  EXPECT_TRUE(place_labels({}, {800, 600}).empty());
}

}  // namespace ccap

namespace ccap {
namespace {

TEST(LabelPlacementScene, ALabelNeverSitsWhereItCouldNameAnotherMark) {
  // Jakarta's marker with Surabaya's 40 px to its right: "Jakarta" on the right would end beside
  // Surabaya, so it goes left; Surabaya's own label goes right, away from Jakarta.
  const std::vector<ScreenDisc> marks{{{300, 300}, 6}, {{340, 300}, 6}};
  const std::vector<LabelRequest> requests{{{300, 300}, {60, 18}, 10, 5, 0}, {{340, 300}, {70, 18}, 10, 1, 1}};
  const auto placed = place_labels(requests, {800, 600}, {marks, {}});
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[0].request, 0u);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 300 - 10 - 60) << "Jakarta's name goes left";
  EXPECT_DOUBLE_EQ(placed[1].top_left.x, 340 + 10) << "Surabaya's goes right";
}

TEST(LabelPlacementScene, ALabelWithNoUnambiguousSpotIsLeftOut) {
  // A mark hemmed in by four others 24 px away: every spot's near side is as close to a neighbour.
  const std::vector<ScreenDisc> marks{
      {{300, 300}, 5}, {{324, 300}, 5}, {{276, 300}, 5}, {{300, 276}, 5}, {{300, 324}, 5}};
  const std::vector<LabelRequest> requests{{{300, 300}, {60, 14}, 9, 9, 0}};
  EXPECT_TRUE(place_labels(requests, {800, 600}, {marks, {}}).empty());
  // Without the neighbours it is placed on the right.
  EXPECT_EQ(place_labels(requests, {800, 600}, {std::span(marks).first(1), {}}).size(), 1u);
}

TEST(LabelPlacementScene, WhereTheFourSidesAreTakenACornerServes) {
  const std::vector<ScreenDisc> marks{{{300, 300}, 5}};
  const std::vector<LabelRequest> requests{{{300, 300}, {60, 14}, 9, 9, 0}};
  // A speck of interface in the middle of each side's spot.
  const std::vector<ScreenBox> specks{
      {{340, 299}, {345, 301}}, {{250, 299}, {255, 301}}, {{299, 280}, {301, 285}}, {{299, 315}, {301, 320}}};
  const auto placed = place_labels(requests, {800, 600}, {marks, specks});
  ASSERT_EQ(placed.size(), 1u);
  const double d = 9 * std::sqrt(0.5);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 300 + d) << "above right";
  EXPECT_DOUBLE_EQ(placed[0].top_left.y, 300 - d - 14);
}

TEST(LabelPlacementScene, AMarkUnderAPanelHasNoLabelBesideIt) {
  // Ulaanbaatar's marker under the welcome card's bottom edge: its name below the card would
  // name a marker nobody sees.
  const std::vector<ScreenDisc> marks{{{346, 214}, 5}};
  const std::vector<LabelRequest> requests{{{346, 214}, {80, 14}, 9, 9, 0}};
  const std::vector<ScreenBox> card{{{12, 12}, {360, 218}}};
  EXPECT_TRUE(place_labels(requests, {1440, 900}, {marks, card}).empty());
  const std::vector<ScreenBox> shorter{{{12, 12}, {360, 200}}};
  EXPECT_EQ(place_labels(requests, {1440, 900}, {marks, shorter}).size(), 1u) << "seen: labelled";
}

TEST(LabelPlacementScene, LabelsKeepOffTheInterface) {
  const std::vector<ScreenDisc> marks{{{300, 300}, 5}};
  const std::vector<LabelRequest> requests{{{300, 300}, {60, 14}, 9, 9, 0}};
  const std::vector<ScreenBox> panel_on_the_right{{{305, 0}, {800, 600}}};
  const auto placed = place_labels(requests, {800, 600}, {marks, panel_on_the_right});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 300 - 9 - 60) << "left of the marker, off the panel";
  const std::vector<ScreenBox> everywhere{{{0, 0}, {800, 600}}};
  EXPECT_TRUE(place_labels(requests, {800, 600}, {marks, everywhere}).empty());
}

TEST(LabelPlacementScene, EveryPlacedLabelIsNearestItsOwnMarkAndCoversNoOther) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> x(0, 1000), y(0, 700), w(30, 110), r(3, 10);
  std::vector<ScreenDisc> marks;
  std::vector<LabelRequest> requests;
  for (std::size_t i = 0; i < 600; ++i) {
    marks.push_back({{x(rng), y(rng)}, r(rng)});
    requests.push_back({marks.back().centre, {w(rng), 16}, marks.back().radius + 4, static_cast<double>(i % 13), i});
  }
  const auto placed = place_labels(requests, {1000, 700}, {marks, {}});
  EXPECT_GT(placed.size(), 50u);
  for (const PlacedLabel& p : placed) {
    const LabelRequest& q = requests[p.request];
    const glm::dvec2 lo = p.top_left, hi = p.top_left + q.size;
    const auto box_to_edge = [&](const ScreenDisc& d) {
      const glm::dvec2 near{std::clamp(d.centre.x, lo.x, hi.x), std::clamp(d.centre.y, lo.y, hi.y)};
      return std::hypot(near.x - d.centre.x, near.y - d.centre.y) - d.radius;
    };
    const double own_edge = std::max(0.0, box_to_edge(marks[q.mark]));
    for (std::size_t m = 0; m < marks.size(); ++m) {
      if (m != q.mark) {
        EXPECT_GE(box_to_edge(marks[m]), own_edge + kLabelClearPx) << "nearer its own mark";
      }
    }
  }
}

}  // namespace
}  // namespace ccap
