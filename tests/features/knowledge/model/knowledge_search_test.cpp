#include "features/knowledge/model/knowledge_search.h"

#include <gtest/gtest.h>

#include "knowledge_fixtures.h"

namespace ccap {
namespace {
using testing::sample_knowledge;
using testing::sample_partnership;

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
            (std::vector<std::string>{"An emissions inventory of the port", "Bus lanes and monitoring",
                                      "Electric buses", "Gamma Environment Bureau", "Emissions inventory course"}))
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

}  // namespace ccap
