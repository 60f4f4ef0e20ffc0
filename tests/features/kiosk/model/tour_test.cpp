#include "features/kiosk/model/tour.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/text_format.h"
#include "features/kiosk/model/kiosk_config.h"
#include "test_paths.h"

namespace ccap {
namespace {

struct Content {
  Partnership p;
  std::optional<Knowledge> k;
};

Content load() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/partnership.json");
  std::stringstream text;
  text << in.rdbuf();
  PartnershipLoad pl = parse_partnership(text.str(), "partnership.json");
  Content c{*pl.partnership, std::nullopt};
  c.k = parse_knowledge(pl.document, c.p, "partnership.json").knowledge;
  return c;
}

TEST(Tour, EveryPairThenEveryCertifiedCityEachWithAnOpenableSource) {
  const Content c = load();
  const TourLoad tour = build_tour(c.p, c.k ? &*c.k : nullptr, {}, "kiosk.json");
  EXPECT_TRUE(tour.problems.empty());
  std::size_t certified = 0;
  for (std::size_t i = 0; i < c.p.cities.size(); ++i) certified += c.p.certification_of(CityId(i)) ? 1 : 0;
  ASSERT_EQ(tour.stops.size(), c.p.pairs.size() + certified);
  const TourStop& first = tour.stops.front();
  ASSERT_EQ(first.cities.size(), 2u);
  EXPECT_EQ(first.title, c.p.city(c.p.pairs[0].a).name + " and " + c.p.city(c.p.pairs[0].b).name);
  EXPECT_NE(first.detail.find("City-to-City Cooperation"), std::string::npos);
  for (const TourStop& s : tour.stops) {
    EXPECT_FALSE(s.title.empty());
    if (!s.source.url.empty()) {
      EXPECT_TRUE(is_web_address(s.source.url)) << s.source.url;
    }
  }
  EXPECT_FALSE(first.practice.empty()) << "the first pair has a practice in the Knowledge Platform";
}

TEST(Tour, NamedStopsInOrderAndUnknownIdsReported) {
  const Content c = load();
  const TourLoad tour = build_tour(c.p, nullptr, {c.p.cities[3].id, "atlantis", c.p.pairs[1].id}, "kiosk.json");
  ASSERT_EQ(tour.stops.size(), 2u);
  EXPECT_EQ(tour.stops[0].title, c.p.cities[3].name);
  EXPECT_EQ(tour.stops[1].cities.size(), 2u);
  EXPECT_TRUE(tour.stops[0].practice.empty()) << "no Knowledge Platform: no practice";
  ASSERT_EQ(tour.problems.size(), 1u);
  EXPECT_EQ(tour.problems[0], "kiosk.json: /stops/1: \"atlantis\" is neither a C3 pair nor a partner city");
}

// A stop that was not an id ([3, "atlantis"]) keeps its place: "atlantis" is /stops/1, not /stops/0.
TEST(Tour, AnUnknownStopIsNamedByItsPlaceInTheFile) {
  const Content c = load();
  const KioskConfigLoad settings = parse_kiosk_config(R"({"stops": [3, "atlantis", "pasig"]})", "kiosk.json");
  const TourLoad tour = build_tour(c.p, nullptr, settings.config.stops, "kiosk.json");
  ASSERT_EQ(settings.problems.size(), 1u);
  EXPECT_EQ(settings.problems[0], "kiosk.json: /stops/0: is not a pair or city id");
  ASSERT_EQ(tour.problems.size(), 1u);
  EXPECT_EQ(tour.problems[0], "kiosk.json: /stops/1: \"atlantis\" is neither a C3 pair nor a partner city");
  EXPECT_EQ(tour.stops.size(), 1u);
}

}  // namespace
}  // namespace ccap
