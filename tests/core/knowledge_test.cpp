#include "core/knowledge.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/knowledge_search.h"
#include "core/peer_finder.h"

namespace ccap {
namespace {

// Four cities: A and B alike (B one certification level up), C big and clean and certified at the
// top, D A's twin.
Partnership sample_partnership() {
  Partnership p;
  const auto city = [](std::string id, std::string name, std::string local, std::string country, long long pop,
                       std::optional<double> pm25) {
    City c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.local_name = std::move(local);
    c.country = std::move(country);
    c.population = pop;
    if (pm25) c.pm25_annual.push_back({2023, *pm25, "", {"S1"}});
    return c;
  };
  p.cities = {city("a", "Alpha", "", "VN", 1'000'000, 30.0), city("b", "Haiphong", "Hải Phòng", "VN", 1'100'000, 28.0),
              city("c", "Gamma", "", "JP", 10'000'000, 10.0), city("d", "Delta", "", "PH", 900'000, std::nullopt)};
  p.pairs.push_back({"a-d", 0, 3, "", "", "", {}});
  p.levels = {{"bronze", "Bronze", "", 1, true, {}, {}, {}}, {"silver", "Silver", "", 2, false, {}, {}, {}},
              {"gold", "Gold", "", 3, false, {}, {}, {}}};
  p.statuses = {{1, 0, "certified", 2016, {}}, {2, 2, "certified", 2018, {}}};
  p.build_index();
  return p;
}

Knowledge sample_knowledge() {
  Knowledge k;
  k.areas = {{"aqm-monitoring", "Air quality standards and monitoring"}, {"emissions-inventory", "Emissions inventories"},
             {"communication", "Air quality communication"}};
  const auto practice = [](std::string id, std::string title, std::vector<std::size_t> cities, std::vector<std::size_t> areas,
                           std::vector<std::string> pollutants, std::vector<std::string> sectors, std::string summary) {
    Practice x;
    x.id = std::move(id);
    x.title = std::move(title);
    x.cities = std::move(cities);
    x.areas = std::move(areas);
    x.pollutants = std::move(pollutants);
    x.sectors = std::move(sectors);
    x.summary = std::move(summary);
    x.sources = {{"a page", "https://example.org"}};
    return x;
  };
  k.practices = {practice("bus", "Electric buses", {1}, {0}, {"PM2.5", "NO2"}, {"transport"}, "Buses on batteries."),
                 practice("inventory", "An emissions inventory of the port", {2}, {1, 0}, {"SO2"}, {"industry", "shipping"},
                          "Counting the port's emissions, ship by ship."),
                 practice("bus-lanes", "Bus lanes and monitoring", {0, 3}, {0}, {"PM2.5"}, {"transport"},
                          "Monitoring along new bus lanes.")};
  Expert e;
  e.id = "bureau";
  e.name = "Gamma Environment Bureau";
  e.kind = "city-agency";
  e.role = "Runs the city's emissions inventory and monitoring network.";
  e.city = 2;
  e.country = "JP";
  e.areas = {1};
  e.pollutants = {"PM2.5"};
  e.sources = {{"its site", "https://example.org/bureau"}};
  k.experts.push_back(e);
  Training t;
  t.id = "course";
  t.title = "Emissions inventory course";
  t.provider = "A university";
  t.level = "introductory";
  t.format = "online";
  t.summary = "How to build an emissions inventory.";
  t.areas = {1};
  t.pollutants = {"PM2.5", "PM10"};
  t.sources = {{"course page", "https://example.org/course"}};
  k.trainings.push_back(t);
  return k;
}

std::vector<std::string> titles(const KnowledgeSearch& s, const KnowledgeResults& r) {
  std::vector<std::string> out;
  for (const EntryRef& e : r.entries) out.push_back(s.title(e));
  return out;
}

int count_of(const KnowledgeResults& r, Facet f, const std::string& value) {
  for (const FacetCount& c : r.facets[static_cast<std::size_t>(f)])
    if (c.value == value) return c.count;
  return -1;
}

}  // namespace

TEST(KnowledgeSearch, RanksByRelevanceFoldsDiacriticsAndMatchesAsYouType) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  const KnowledgeSearch s(k, p);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(titles(s, s.run({"emissions inventory", {}})),
            (std::vector<std::string>{"Emissions inventory course", "An emissions inventory of the port",
                                      "Gamma Environment Bureau"}))
      << "both words in the title weigh most; the course's title is shorter";
  EXPECT_EQ(titles(s, s.run({"hai phong", {}})), (std::vector<std::string>{"Electric buses"}))
      << "a practice of Hải Phòng, found without diacritics";
  EXPECT_EQ(titles(s, s.run({"HẢI PHÒNG", {}})).size(), 1u);
  EXPECT_EQ(titles(s, s.run({"inven", {}})).size(), 3u) << "the last word matches as a prefix";
  EXPECT_TRUE(s.run({"inventory zebra", {}}).entries.empty()) << "every word must match";
  EXPECT_EQ(titles(s, s.run({"", {}})),
            (std::vector<std::string>{"An emissions inventory of the port", "Bus lanes and monitoring", "Electric buses",
                                      "Gamma Environment Bureau", "Emissions inventory course"}))
      << "no query: practices, experts, trainings, each by title";
}

TEST(KnowledgeSearch, FacetsNarrowAcrossAndWidenWithinAndCountLive) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  const KnowledgeSearch s(k, p);
  KnowledgeQuery q;
  KnowledgeResults all = s.run(q);
  EXPECT_EQ(count_of(all, Facet::Kind, "practice"), 3);
  EXPECT_EQ(count_of(all, Facet::Kind, "expert"), 1);
  EXPECT_EQ(count_of(all, Facet::Area, "emissions-inventory"), 3);
  EXPECT_EQ(count_of(all, Facet::Pollutant, "PM2.5"), 4);
  EXPECT_EQ(count_of(all, Facet::Country, "VN"), 2) << "Alpha's and Haiphong's practices";
  EXPECT_EQ(count_of(all, Facet::Sector, "transport"), 2);

  q.chosen[static_cast<std::size_t>(Facet::Kind)] = {"practice"};
  const KnowledgeResults practices = s.run(q);
  EXPECT_EQ(practices.entries.size(), 3u);
  EXPECT_EQ(count_of(practices, Facet::Kind, "expert"), 1) << "a facet's own counts ignore its choice";
  EXPECT_EQ(count_of(practices, Facet::Area, "emissions-inventory"), 1) << "other facets count the narrowed results";
  q.chosen[static_cast<std::size_t>(Facet::Kind)].insert("training");
  EXPECT_EQ(s.run(q).entries.size(), 4u) << "two kinds: either";
  q.chosen[static_cast<std::size_t>(Facet::Pollutant)] = {"SO2"};
  EXPECT_EQ(titles(s, s.run(q)), (std::vector<std::string>{"An emissions inventory of the port"})) << "facets: both";
  q.text = "bus";
  const KnowledgeResults none = s.run(q);
  EXPECT_TRUE(none.entries.empty());
  EXPECT_EQ(count_of(none, Facet::Pollutant, "SO2"), 0) << "a chosen value stays listed, with its zero";
}

TEST(PeerFinder, ScoresArePartsAnyoneCanCheck) {
  const Partnership p = sample_partnership();
  const Knowledge k = sample_knowledge();
  CityProfile you = profile_of(0, p, k);
  EXPECT_EQ(you.population, 1'000'000);
  EXPECT_EQ(*you.pm25, 30);
  EXPECT_EQ(you.sources, (std::set<std::string>{"transport"}));
  EXPECT_EQ(you.topics, (std::set<std::string>{"aqm-monitoring"}));
  const auto peers = find_peers(you, p, k, 10);
  ASSERT_EQ(peers.size(), 2u) << "Delta is already Alpha's twin, and Alpha is not its own peer";
  EXPECT_EQ(peers[0].city, 1u);
  EXPECT_EQ(peers[1].city, 2u);
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
  EXPECT_EQ(for_described[0].city, 2u) << "the big port city with an inventory";
  EXPECT_EQ(for_described[0].parts[1].why, "your annual PM2.5 not given");
}

TEST(Knowledge, TheBuiltContentLoadsWholeAndBadEntriesAreLeftOutByName) {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/partnership.json");
  std::stringstream text;
  text << in.rdbuf();
  const PartnershipLoad pl = parse_partnership(text.str(), "partnership.json");
  ASSERT_TRUE(pl.partnership);
  const KnowledgeLoad kl = parse_knowledge(text.str(), *pl.partnership, "partnership.json");
  ASSERT_TRUE(kl.knowledge);
  EXPECT_TRUE(kl.problems.empty()) << kl.problems.front();
  EXPECT_EQ(kl.knowledge->areas.size(), 6u);
  EXPECT_GE(kl.knowledge->practices.size(), 25u);
  EXPECT_GE(kl.knowledge->experts.size(), 20u);
  const auto kk = pl.partnership->city_index("kitakyushu");
  EXPECT_FALSE(kl.knowledge->practices_of(*kk).empty());

  const std::string broken = R"json({"knowledge": {"areas": [{"id": "governance", "name": "Governance"}],
    "practices": [
      {"id": "ok", "title": "T", "years": "2020", "summary": "S", "cities": ["taipei"], "areas": ["governance"],
       "pollutants": [], "sectors": [], "outcomes": [], "sources": [{"title": "t", "url": "https://x.org"}]},
      {"id": "atlantis", "title": "T", "years": "2020", "summary": "S", "cities": ["atlantis"], "areas": [],
       "pollutants": [], "sectors": [], "outcomes": [], "sources": [{"title": "t", "url": "https://x.org"}]},
      {"id": "unsafe", "title": "T", "years": "2020", "summary": "S", "cities": ["taipei"], "areas": [],
       "pollutants": [], "sectors": [], "outcomes": [], "sources": [{"title": "t", "url": "javascript:alert(1)"}]}],
    "experts": [], "trainings": []}})json";
  const KnowledgeLoad bad = parse_knowledge(broken, *pl.partnership, "k.json");
  ASSERT_TRUE(bad.knowledge);
  EXPECT_EQ(bad.knowledge->practices.size(), 1u);
  ASSERT_EQ(bad.problems.size(), 2u);
  EXPECT_EQ(bad.problems[0], "k.json: /knowledge/practices/1/cities: unknown city \"atlantis\"");
  EXPECT_EQ(bad.problems[1], "k.json: /knowledge/practices/2/sources: a source's url must be http or https");
  EXPECT_EQ(parse_knowledge("{}", *pl.partnership, "e.json").problems.front(), "e.json: no knowledge section (rebuild the content)");
}

}  // namespace ccap
