#include "features/knowledge/model/peer_finder.h"

#include <gtest/gtest.h>

#include <cmath>

#include "knowledge_fixtures.h"

namespace ccap {
using testing::sample_knowledge;
using testing::sample_partnership;

TEST(PeerFinder, ScoresArePartsAnyoneCanCheck) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  CityProfile you = profile_of(CityId(0), p, k);
  EXPECT_EQ(you.population, 1'000'000);
  ASSERT_EQ(you.pm25_published.size(), 1u);
  EXPECT_EQ(you.pm25_published[0].value, 30);
  EXPECT_FALSE(you.pm25_given) << "a partner city's means are published, not given";
  EXPECT_EQ(you.sources, (std::set<std::string>{"transport"}));
  EXPECT_EQ(you.topics, (std::set<std::string>{"aqm-monitoring"}));
  const auto peers = find_peers(you, p, k, 10);
  ASSERT_EQ(peers.size(), 2u) << "Delta is already Alpha's twin, and Alpha is not its own peer";
  EXPECT_EQ(peers[0].city, CityId(1));
  EXPECT_EQ(peers[1].city, CityId(2));
  const auto km = [&](CityId a, CityId b) { return distance_meters(p.city(a).where, p.city(b).where) / 1000; };
  // Haiphong, every part known: 20 (1 - log10 1.1) + 15 (1 - 2/20) + 20 + 30 + 15 (one level up)
  // + 15 (1 - d/4000), over 115.
  const double haiphong = 20 * (1 - std::log10(1.1)) + 13.5 + 20 + 30 + 15 + 15 * (1 - km(CityId(0), CityId(1)) / 4000);
  EXPECT_EQ(peers[0].known_parts, 6);
  EXPECT_NEAR(peers[0].score, 100 * haiphong / 115, 1e-9);
  EXPECT_EQ(peers[0].parts[1].why, "28.0 µg/m³ against your 30.0 (2023, both agency monitors)");
  EXPECT_EQ(peers[0].parts[2].why, "has worked on transport");
  EXPECT_EQ(peers[0].parts[5].name, "nearby");
  EXPECT_EQ(peers[0].parts[5].why, "90 km away");
  // Gamma: ten times bigger (0), 20 µg/m³ cleaner (0), no transport (0), monitoring (30), far above
  // (10), about 2,700 km away.
  EXPECT_NEAR(peers[1].score, 100 * (40 + 15 * (1 - km(CityId(0), CityId(2)) / 4000)) / 115, 1e-9);
  EXPECT_EQ(peers[1].parts[3].why, "practices in Air quality standards and monitoring");
  EXPECT_EQ(peers[1].lessons, (std::vector<std::size_t>{1}));
}

TEST(PeerFinder, UnknownDataIsLeftOutOfTheScoreNotCountedAsZero) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  CityProfile described;  // a city that is not in the partnership: no PM2.5, no place given
  described.population = 9'000'000;
  described.topics = {"emissions-inventory"};
  described.sources = {"industry"};
  const auto peers = find_peers(described, p, k, 10);
  ASSERT_EQ(peers.size(), 4u);
  EXPECT_EQ(peers[0].city, CityId(2)) << "the big port city with an inventory";
  EXPECT_FALSE(peers[0].parts[1].known);
  EXPECT_EQ(peers[0].parts[1].why, "your annual PM2.5 not given");
  EXPECT_FALSE(peers[0].parts[5].known);
  EXPECT_EQ(peers[0].known_parts, 4);
  // Size 20 (1 - log10(10/9)), sources 20, topics 30, far above 10: over 85, not 115.
  EXPECT_NEAR(peers[0].score, 100 * (20 * (1 - std::log10(10.0 / 9)) + 20 + 30 + 10) / 85, 1e-9);

  // Delta has no published PM2.5: for Alpha's profile that part is unknown for Delta alone, and
  // does not pull Delta down (Alpha's twin is left out, so ask for Haiphong's peers).
  const CityProfile haiphong = profile_of(CityId(1), p, k);
  for (const PeerMatch& m : find_peers(haiphong, p, k, 10)) {
    if (m.city != CityId(3)) continue;
    EXPECT_FALSE(m.parts[1].known);
    EXPECT_EQ(m.parts[1].why, "no published annual PM2.5");
    EXPECT_EQ(m.known_parts, 5);
  }

  // Given a place, a described city's peers nearby rank higher.
  described.where = LngLat{106.0, 21.0};  // by Alpha and Haiphong
  const auto near = find_peers(described, p, k, 10);
  EXPECT_TRUE(near[0].parts[5].known);
  EXPECT_EQ(near[0].known_parts, 5);
}

TEST(PeerFinder, SimilarAirSetsOnlyMeansMadeAlikeAgainstEachOther) {
  Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  const auto air_of = [&](const CityProfile& you, CityId peer) {
    for (const PeerMatch& m : find_peers(you, p, k, 10))
      if (m.city == peer) return m.parts[1];
    ADD_FAILURE() << "no match for city " << peer.index();
    return ScorePart{};
  };
  // Haiphong's 2023 mean becomes IQAir's estimate: nothing of Alpha's is made like it.
  p.cities[1].pm25_annual[0].method = Pm25Method::IqairCompilation;
  ScorePart air = air_of(profile_of(CityId(0), p, k), CityId(1));
  EXPECT_FALSE(air.known);
  EXPECT_EQ(air.why, "no mean made like yours (its 2023: IQAir estimate; yours 2023: agency monitors)");
  // A different year is not alike either.
  p.cities[1].pm25_annual[0].method = Pm25Method::AgencyMonitors;
  p.cities[1].pm25_annual[0].year = 2022;
  EXPECT_FALSE(air_of(profile_of(CityId(0), p, k), CityId(1)).known);
  // An older pair made alike is found behind the latest ones: Alpha's 2022 agency mean of 40.
  p.cities[0].pm25_annual.push_back({.year = 2022, .value = 40.0, .sources = {"S1"}});
  air = air_of(profile_of(CityId(0), p, k), CityId(1));
  EXPECT_TRUE(air.known);
  EXPECT_DOUBLE_EQ(air.points, 15 * (1 - 12.0 / 20));
  EXPECT_EQ(air.why, "28.0 µg/m³ against your 40.0 (2022, both agency monitors)");
  // Coverage counts: a part of the year is not the whole year.
  p.cities[1].pm25_annual[0].coverage = "273 days";
  EXPECT_FALSE(air_of(profile_of(CityId(0), p, k), CityId(1)).known);

  // A described city's own figure is set against the peer's latest mean, and the reason says
  // that how each was made may differ.
  CityProfile described;
  described.pm25_given = 30.0;
  air = air_of(described, CityId(2));
  EXPECT_TRUE(air.known);
  EXPECT_DOUBLE_EQ(air.points, 15 * (1 - 20.0 / 20));
  EXPECT_EQ(air.why,
            "its 2023 mean 10.0 µg/m³ (agency monitors) against your figure 30.0; how each was made may differ");
}

TEST(PeerFinder, AScoreFromFewerThanHalfThePartsIsNotARanking) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  const CityProfile empty_form;  // only "a step ahead" is known (not certified is an answer)
  const auto peers = find_peers(empty_form, p, k, 10);
  ASSERT_FALSE(peers.empty());
  for (const PeerMatch& m : peers) {
    EXPECT_EQ(m.known_parts, 1);
    EXPECT_FALSE(m.ranked()) << "1 of 6 parts: a full score of one coincidence";
  }
  CityProfile three = empty_form;  // half of the parts: a ranking
  three.population = 2'000'000;
  three.topics = {"emissions-inventory"};
  const auto ranked = find_peers(three, p, k, 10);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked.front().known_parts, 3);
  EXPECT_TRUE(ranked.front().ranked());
}

TEST(PeerFinder, RankedMatchesComeBeforeUnrankedOnesWhateverTheirScore) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  // Haiphong with only its PM2.5, certification and place: three parts for Alpha and Gamma, two
  // for Delta (no published PM2.5), which must follow them even with a higher score.
  CityProfile you = profile_of(CityId(1), p, k);
  you.population = 0;
  you.sources.clear();
  you.topics.clear();
  const auto peers = find_peers(you, p, k, 10);
  ASSERT_EQ(peers.size(), 3u);
  EXPECT_TRUE(peers[0].ranked());
  EXPECT_TRUE(peers[1].ranked());
  EXPECT_EQ(peers[2].city, CityId(3));
  EXPECT_FALSE(peers[2].ranked());
}

TEST(PeerFinder, NearbyNamesThePlaceItIsMeasuredFrom) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  CityProfile described;
  described.population = 1'000'000;
  described.where = LngLat{106.0, 21.0};
  described.where_from = "the middle of the partner cities in Viet Nam";
  const auto peers = find_peers(described, p, k, 10);
  ASSERT_FALSE(peers.empty());
  EXPECT_NE(peers[0].parts[5].why.find("km away, from the middle of the partner cities in Viet Nam"), std::string::npos)
      << peers[0].parts[5].why;
  // A partner city's own place needs no naming.
  for (const PeerMatch& m : find_peers(profile_of(CityId(1), p, k), p, k, 10))
    EXPECT_EQ(m.parts[5].why.find(", from"), std::string::npos) << m.parts[5].why;
}

TEST(PeerFinder, APartnerCityWithoutSectorsIsToldItsPracticesNameNone) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  CityProfile you = profile_of(CityId(1), p, k);
  you.sources.clear();
  const auto peers = find_peers(you, p, k, 10);
  ASSERT_FALSE(peers.empty());
  EXPECT_EQ(peers[0].parts[2].why, "your city's practices name no sectors");
}

}  // namespace ccap
