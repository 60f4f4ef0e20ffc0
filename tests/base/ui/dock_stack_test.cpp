#include "base/ui/dock_stack.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(DockStack, BackReturnsToWhatWasOpenBefore) {
  DockStack d;
  EXPECT_FALSE(d.top());
  d.show({PageKind::City, 4});
  d.show({PageKind::Knowledge, 0});  // one of the city's practices
  d.show({PageKind::Knowledge, 0});  // again: nothing changes
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.top(), (Page{PageKind::Knowledge, 0}));
  EXPECT_EQ(d.topmost(PageKind::City), (Page{PageKind::City, 4})) << "the city stays selected under the practice";
  d.back();
  EXPECT_EQ(d.top(), (Page{PageKind::City, 4}));
  d.show({PageKind::City, 7});  // its twin
  d.back();
  EXPECT_EQ(d.topmost(PageKind::City), (Page{PageKind::City, 4}));
  d.close();
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(d.topmost(PageKind::City));
}

TEST(DockStack, APageShownBehindKeepsTheOpenOneInView) {
  DockStack d;
  d.show_behind({PageKind::City, 1});
  EXPECT_EQ(d.top(), (Page{PageKind::City, 1})) << "nothing open: shown";
  d.show({PageKind::Knowledge, 0});
  d.show_behind({PageKind::City, 2});  // the entry's city, chosen while the entry is read
  d.show_behind({PageKind::City, 2});
  EXPECT_EQ(d.size(), 3u);
  EXPECT_EQ(d.top(), (Page{PageKind::Knowledge, 0}));
  EXPECT_EQ(d.topmost(PageKind::City), (Page{PageKind::City, 2}));
  d.back();
  EXPECT_EQ(d.top(), (Page{PageKind::City, 2}));
}

TEST(DockStack, RemoveAndDepthAndRevision) {
  DockStack d;
  for (std::uint32_t i = 0; i < 40; ++i) d.show({i % 2 ? PageKind::City : PageKind::Station, i});
  EXPECT_EQ(d.size(), DockStack::kMaxDepth);
  EXPECT_EQ(d.top(), (Page{PageKind::City, 39}));
  const auto before = d.revision();
  d.remove(PageKind::Station);
  EXPECT_EQ(d.size(), DockStack::kMaxDepth / 2);
  EXPECT_GT(d.revision(), before);
  d.remove(PageKind::Knowledge);
  EXPECT_EQ(d.revision(), before + 1) << "nothing removed, nothing changed";
}

}  // namespace ccap
