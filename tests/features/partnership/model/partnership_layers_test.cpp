#include "features/partnership/model/partnership_layers.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {

// Four cities: two twinned across the Pacific, one certified, one alone.
Partnership sample() {
  Partnership p;
  p.cities = {
      {"bangkok", "Bangkok", "", "TH", "", {100.50144, 13.75398}, 5'104'476, 1609350, true, false, {}, {}},
      {"san-diego", "San Diego", "", "US", "", {-117.16472, 32.71571}, 1'394'928, 5391811, false, false, {}, {}},
      {"baguio", "Baguio", "", "PH", "", {120.593, 16.416}, 272'714, 1728930, true, true, {}, {}},
      {"shimla", "Shimla", "", "IN", "", {77.167, 31.104}, 173'503, 1256237, true, false, {}, {}},
  };
  p.pairs = {{"bangkok-san-diego", CityId(0), CityId(1), "Emissions inventory", "2015-08-11", "announced", {"S1"}}};
  p.levels = {{"bronze", "Bronze", "", 1, true, {}, {}, {}}};
  p.statuses = {{CityId(2), LevelId(0), "pilot", 2016, {}}};
  p.build_index();
  return p;
}

std::vector<CityId> cities(std::initializer_list<std::size_t> indices) {
  std::vector<CityId> out;
  for (std::size_t i : indices) out.emplace_back(i);
  return out;
}

}  // namespace

TEST(PartnershipLayers, OneMarkerPerShownCityStyledByLevelAndRole) {
  const Partnership p = sample();
  const MarkerLayer m = build_markers(p, {}, /*hover=*/CityId(3), /*selected=*/CityId(0));
  ASSERT_EQ(m.instances.size(), 4u);
  EXPECT_EQ(m.instances[0].shape, static_cast<std::uint8_t>(MarkerShape::Diamond)) << "C3 city";
  EXPECT_EQ(m.instances[3].shape, static_cast<std::uint8_t>(MarkerShape::Circle));
  EXPECT_TRUE(m.instances[2].flags & kMarkerRing) << "Bronze pilot";
  EXPECT_EQ(m.instances[2].fill, certification_color(1));
  EXPECT_TRUE(m.instances[0].flags & kMarkerSelected);
  EXPECT_TRUE(m.instances[3].flags & kMarkerHover);
  EXPECT_GT(m.instances[0].radius, m.instances[3].radius) << "Bangkok outnumbers Shimla";
}

TEST(PartnershipLayers, FlagUpdatesKeepTheRingAndMoveHoverAndSelection) {
  const Partnership p = sample();
  MarkerLayer m = build_markers(p, {}, CityId(3), CityId(0));
  set_marker_flags(m, p, CityId(2), std::nullopt);
  EXPECT_EQ(m.instances[2].flags, kMarkerRing | kMarkerHover);
  EXPECT_EQ(m.instances[3].flags, 0);
  EXPECT_EQ(m.instances[0].flags, 0);
  // Hovering Bangkok lights up its twin, San Diego, too.
  set_marker_flags(m, p, CityId(0), std::nullopt);
  EXPECT_TRUE(m.instances[0].flags & kMarkerHover);
  EXPECT_TRUE(m.instances[1].flags & kMarkerHover);
  EXPECT_FALSE(m.instances[3].flags & kMarkerHover);
}

TEST(PartnershipLayers, FiltersByLevelCountryAndProgramme) {
  const Partnership p = sample();
  LayerSettings s;
  s.ranks = {1};
  EXPECT_EQ(build_markers(p, s, std::nullopt, std::nullopt).city, cities({2}));
  s = {};
  s.countries = {"TH", "IN"};
  EXPECT_EQ(build_markers(p, s, std::nullopt, std::nullopt).city, cities({0, 3}));
  EXPECT_TRUE(build_arcs(p, s).segments.empty()) << "San Diego is filtered out, so is its arc";
  s = {};
  s.programme = ProgrammeFilter::C3;
  EXPECT_EQ(build_markers(p, s, std::nullopt, std::nullopt).city, cities({0, 1}));
  s.programme = ProgrammeFilter::Certification;
  EXPECT_EQ(build_markers(p, s, std::nullopt, std::nullopt).city, cities({2}));
  s = {};
  s.cities = false;
  EXPECT_TRUE(build_markers(p, s, std::nullopt, std::nullopt).instances.empty());
}

TEST(PartnershipLayers, TheBangkokSanDiegoArcCrossesThePacificContinuously) {
  const ArcLayer arcs = build_arcs(sample(), {});
  ASSERT_GE(arcs.segments.size(), 4u);
  const float bangkok_x = static_cast<float>(project({100.50144, 0}).x);
  const float san_diego_x = static_cast<float>(project({-117.16472 + 360, 0}).x);  // one world east
  EXPECT_NEAR(arcs.segments.front().a.x, bangkok_x, 1e-6f);
  EXPECT_NEAR(arcs.segments.back().b.x, san_diego_x, 1e-6f);
  for (std::size_t i = 0; i < arcs.segments.size(); ++i) {
    const Segment& s = arcs.segments[i];
    EXPECT_LT(std::abs(s.b.x - s.a.x), 0.02f) << "no segment jumps across the map";
    EXPECT_GT(s.b.x, s.a.x) << "eastwards all the way";
    if (i > 0) {
      EXPECT_FLOAT_EQ(arcs.progress[i].x, arcs.progress[i - 1].y) << "progress is continuous";
    }
  }
  // Its middle is over the North Pacific.
  const Segment& mid = arcs.segments[arcs.segments.size() / 2];
  const LngLat m = unproject({mid.a.x, mid.a.y});
  EXPECT_TRUE(m.lng > 140 || m.lng < -150) << m.lng;
}

// Near its northern apex the arc is stretched by Mercator: drawn in 3° chords it showed corners at
// zoom 3. Successive chords turn by little in the map's own (Mercator) plane.
TEST(PartnershipLayers, ArcsTurnSmoothlyOnTheMap) {
  const ArcLayer arcs = build_arcs(sample(), {});
  double worst = 0;
  for (std::size_t i = 1; i < arcs.segments.size(); ++i) {
    const Segment &s = arcs.segments[i - 1], &t = arcs.segments[i];
    const double a = std::atan2(s.b.y - s.a.y, s.b.x - s.a.x), b = std::atan2(t.b.y - t.a.y, t.b.x - t.a.x);
    worst = std::max(worst, std::abs(std::remainder(b - a, 2 * kPi)) * 180 / kPi);
  }
  EXPECT_LT(worst, 2.0) << "degrees between successive chords";
}

}  // namespace ccap
