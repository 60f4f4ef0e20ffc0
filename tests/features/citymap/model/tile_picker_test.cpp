#include "features/citymap/model/tile_picker.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

// A row of zoom-8 tiles: x from `first` to `first + count - 1`, y = 100.
CityTileIndex row(int first, int count) {
  CityTileIndex i;
  for (int x = first; x < first + count; ++x) i.tiles.push_back({8, x, 100, "t.ccapmap", 10, 0});
  return i;
}
WorldRect around(double x0, double x1) { return {x0 / 256, 100.2 / 256, x1 / 256, 100.8 / 256}; }

TEST(TilePicker, FetchesOnlyTheTilesInViewFromTheCityZoom) {
  const CityTileIndex index = row(10, 20);
  TilePicker p(index);
  EXPECT_TRUE(p.update(around(12.5, 14.5), 6, 1).fetch.empty()) << "below zoom 7.5 no tile is wanted";
  const auto plan = p.update(around(12.5, 14.6), 9, 2);
  std::vector<std::size_t> x;
  for (CityTileId id : plan.fetch) x.push_back(index.tiles[id.index()].x);
  EXPECT_EQ(x, (std::vector<std::size_t>{13, 14, 12})) << "nearest the centre (13.55) first";
  EXPECT_TRUE(p.update(around(12.5, 14.6), 9, 3).fetch.empty()) << "asked once";
}

// The regional tile (zoom 5) over a city tile (zoom 8) in its square: wanted from 4.5 and
// from 7.5, fetched and drawn coarser first.
TEST(TilePicker, TheRegionalLevelIsWantedFromZoom4Point5AndDrawnUnderTheCityTiles) {
  CityTileIndex index;
  index.tiles.push_back({8, 12, 100, "8.ccapmap", 10, 0});
  index.tiles.push_back({5, 1, 12, "5.ccapmap", 10, 0});  // x 1/32..2/32 holds 12/256; y 12/32 holds 100/256
  TilePicker p(index);
  EXPECT_TRUE(p.update(around(12.25, 12.75), 4.4, 1).fetch.empty());
  const auto regional = p.update(around(12.25, 12.75), 6, 2).fetch;
  ASSERT_EQ(regional.size(), 1u);
  EXPECT_EQ(index.tiles[regional[0].index()].z, 5);
  const auto both = p.update(around(12.25, 12.75), 9, 3).fetch;
  ASSERT_EQ(both.size(), 1u) << "the city tile joins it";
  EXPECT_EQ(index.tiles[both[0].index()].z, 8);
  p.arrived(both[0], true);
  p.arrived(regional[0], true);
  const auto drawn = p.drawable(around(12.25, 12.75), 9);
  ASSERT_EQ(drawn.size(), 2u);
  EXPECT_EQ(index.tiles[drawn[0].index()].z, 5) << "the coarser level first, under the finer";
  EXPECT_EQ(p.drawable(around(12.25, 12.75), 7).size(), 1u) << "at zoom 7 the regional tile alone";
}

TEST(TilePicker, ARegionalTileIsHiddenOnlyWhereCityTilesCoverAllOfItThatIsInView) {
  const CityTileEntry regional{5, 1, 12, "5.ccapmap", 10, 0};  // city-tile columns 8-15, rows 96-103
  const WorldRect view = around(12.25, 13.75);                 // columns 12 and 13 of row 100
  EXPECT_TRUE(hidden_under(regional, view, 8, {{12, 100}, {13, 100}}));
  EXPECT_FALSE(hidden_under(regional, view, 8, {{12, 100}})) << "column 13 shows the regional tile";
  EXPECT_FALSE(hidden_under(regional, view, 8, {})) << "no city tile drawn";
  const WorldRect across{15.5 / 256, 100.2 / 256, 16.5 / 256, 100.8 / 256};  // half past its east edge
  EXPECT_TRUE(hidden_under(regional, across, 8, {{15, 100}})) << "only its own part of the view counts";
  const CityTileEntry east{5, 31, 12, "e.ccapmap", 10, 0};  // against the antimeridian
  const WorldRect past{255.5 / 256, 100.2 / 256, 256.5 / 256, 100.8 / 256};
  EXPECT_TRUE(hidden_under(east, past, 8, {{255, 100}}));
}

TEST(TilePicker, ATileThatLeavesTheViewBeforeItArrivesIsCancelledAndItsBytesDropped) {
  const CityTileIndex index = row(10, 20);
  TilePicker p(index);
  p.update(around(12.5, 13.5), 9, 1);  // 12 and 13 coming
  const auto plan = p.update(around(20.5, 21.5), 9, 2);
  EXPECT_EQ(plan.cancel.size(), 2u);
  EXPECT_EQ(plan.fetch.size(), 2u);
  p.arrived(CityTileId(2), true);  // 12's bytes come anyway: not kept
  EXPECT_EQ(p.state(CityTileId(2)), TilePicker::State::Idle);
  EXPECT_EQ(p.coming(), 2u);
}

TEST(TilePicker, AtMostSixRequestsAreUnderWay) {
  const CityTileIndex index = row(0, 20);
  TilePicker p(index);
  const auto first = p.update(around(0, 20), 9, 1).fetch;
  EXPECT_EQ(first.size(), kMaxInFlight);
  EXPECT_TRUE(p.update(around(0, 20), 9, 2).fetch.empty());
  p.arrived(first[0], true);
  EXPECT_EQ(p.update(around(0, 20), 9, 3).fetch.size(), 1u) << "one finished, one more asked";
}

TEST(TilePicker, KeepsAtMost32LoadedEvictingThoseLongestOutOfViewNeverOneInView) {
  const CityTileIndex index = row(0, 40);
  TilePicker p(index);
  std::uint64_t frame = 0;
  for (int x = 0; x < 40; ++x) {  // pan along the row, one tile in view at a time
    const auto plan = p.update(around(x + 0.25, x + 0.75), 9, ++frame);
    for (CityTileId id : plan.fetch) p.arrived(id, true);
    EXPECT_LE(p.loaded(), kMaxKept + 1);
  }
  const auto plan = p.update(around(39.25, 39.75), 9, ++frame);
  EXPECT_EQ(p.loaded(), kMaxKept);
  EXPECT_EQ(p.state(CityTileId(39)), TilePicker::State::Loaded) << "the one in view stays";
  EXPECT_EQ(p.state(CityTileId(0)), TilePicker::State::Idle) << "the first seen went first";
  (void)plan;
}

TEST(TilePicker, AFailedTileIsNotAskedForAgain) {
  const CityTileIndex index = row(10, 3);
  TilePicker p(index);
  const auto plan = p.update(around(10.25, 10.75), 9, 1);
  ASSERT_EQ(plan.fetch.size(), 1u);
  p.arrived(plan.fetch[0], false);
  EXPECT_TRUE(p.update(around(10.25, 10.75), 9, 2).fetch.empty());
  EXPECT_TRUE(p.drawable(around(10.25, 10.75), 9).empty()) << "the coarser map stays under it";
}

TEST(TilePicker, TilesMeetTheViewInEveryWorldCopy) {
  const CityTileEntry east{8, 255, 100, "e.ccapmap", 1, 0}, west{8, 0, 100, "w.ccapmap", 1, 0};
  const WorldRect across{255.5 / 256, 100.2 / 256, 256.5 / 256, 100.8 / 256};  // over the antimeridian
  EXPECT_TRUE(tile_meets(east, across));
  EXPECT_TRUE(tile_meets(west, across)) << "its copy one world to the east";
  EXPECT_FALSE(tile_meets(CityTileEntry{8, 1, 100, "", 1, 0}, across));
  EXPECT_FALSE(tile_meets(east, WorldRect{255.5 / 256, 101.2 / 256, 256.5 / 256, 101.8 / 256})) << "another row";
}

}  // namespace
}  // namespace ccap
