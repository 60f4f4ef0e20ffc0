#include "map/mark_groups.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace ccap {
namespace {

TEST(MarkGroups, OverlappingMarksJoinTheFirstInOrderAndApartOnesStayAlone) {
  const std::vector<GroupableMark> marks{
      {{{100, 100}, 6}},  // leads
      {{{108, 100}, 6}},  // overlaps 0: joins it
      {{{200, 100}, 6}},  // apart: leads
      {{{200, 114}, 6}},  // 14 px from 2: 6 + 6 + the gap (3) reach 15: joins
      {{{200, 140}, 6}},  // 26 px from 2, and 3 is no leader: leads
  };
  EXPECT_EQ(group_overlapping(marks), (std::vector<std::size_t>{0, 0, 2, 2, 4}));
}

TEST(MarkGroups, AMarkThatMustStayAloneTakesNoOneAndJoinsNoOne) {
  std::vector<GroupableMark> marks{{{{100, 100}, 6}, true}, {{{104, 100}, 6}}, {{{106, 100}, 6}}};
  EXPECT_EQ(group_overlapping(marks), (std::vector<std::size_t>{0, 1, 1}));
  marks[0].alone = false;
  marks[1].alone = true;
  EXPECT_EQ(group_overlapping(marks), (std::vector<std::size_t>{0, 1, 0}));
}

TEST(MarkGroups, EveryMarkNearItsLeaderAndEveryLeaderApartFromTheOthers) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> x(0, 1200), y(0, 800), r(2, 14);
  std::vector<GroupableMark> marks;
  for (int i = 0; i < 3000; ++i) marks.push_back({{{x(rng), y(rng)}, r(rng)}});
  const auto leader = group_overlapping(marks);
  const auto near = [&](std::size_t a, std::size_t b) {
    const ScreenDisc &p = marks[a].disc, &q = marks[b].disc;
    return std::hypot(p.centre.x - q.centre.x, p.centre.y - q.centre.y) < p.radius + q.radius + kMarkGroupGapPx;
  };
  std::vector<std::size_t> leaders;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (leader[i] == i) {
      for (std::size_t l : leaders) EXPECT_FALSE(near(i, l)) << "leaders " << i << " and " << l << " would join";
      leaders.push_back(i);
    } else {
      EXPECT_LT(leader[i], i) << "a leader comes first";
      EXPECT_EQ(leader[leader[i]], leader[i]);
      EXPECT_TRUE(near(i, leader[i]));
    }
  }
  EXPECT_GT(leaders.size(), 100u);
  EXPECT_LT(leaders.size(), marks.size());
}

TEST(MarkGroups, NonFiniteDiscsNeitherCrashNorJoin) {
  const double nan = std::nan("");
  const std::vector<GroupableMark> marks{{{{nan, 0}, 6}}, {{{0, 0}, nan}}, {{{1e300, -1e300}, 6}}, {{{0, 0}, 6}}};
  const auto leader = group_overlapping(marks);
  ASSERT_EQ(leader.size(), 4u);
  EXPECT_EQ(leader[0], 0u);
  EXPECT_EQ(leader[2], 2u);
}

}  // namespace
}  // namespace ccap
