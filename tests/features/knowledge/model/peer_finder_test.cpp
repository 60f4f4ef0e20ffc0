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
  EXPECT_EQ(*you.pm25, 30);
  EXPECT_EQ(you.sources, (std::set<std::string>{"transport"}));
  EXPECT_EQ(you.topics, (std::set<std::string>{"aqm-monitoring"}));
  const auto peers = find_peers(you, p, k, 10);
  ASSERT_EQ(peers.size(), 2u) << "Delta is already Alpha's twin, and Alpha is not its own peer";
  EXPECT_EQ(peers[0].city, CityId(1));
  EXPECT_EQ(peers[1].city, CityId(2));
  // Haiphong: 20 (1 - log10 1.1) + 15 (1 - 2/20) + 20 + 30 + 15 (one level up).
  EXPECT_NEAR(peers[0].score, 20 * (1 - std::log10(1.1)) + 13.5 + 20 + 30 + 15, 1e-9);
  EXPECT_EQ(peers[0].parts[1].why, "annual PM2.5 28.0 µg/m³ against your 30.0");
  EXPECT_EQ(peers[0].parts[2].why, "has worked on transport");
  // Gamma: ten times bigger (0), 20 µg/m³ cleaner (0), no transport (0), monitoring (30), far above (10).
  EXPECT_NEAR(peers[1].score, 40, 1e-9);
  EXPECT_EQ(peers[1].parts[3].why, "practices in Air quality standards and monitoring");
  EXPECT_EQ(peers[1].lessons, (std::vector<std::size_t>{1}));

  CityProfile described;  // a city that is not in the partnership
  described.population = 9'000'000;
  described.topics = {"emissions-inventory"};
  described.sources = {"industry"};
  const auto for_described = find_peers(described, p, k, 1);
  ASSERT_EQ(for_described.size(), 1u);
  EXPECT_EQ(for_described[0].city, CityId(2)) << "the big port city with an inventory";
  EXPECT_EQ(for_described[0].parts[1].why, "your annual PM2.5 not given");
}

}  // namespace ccap
