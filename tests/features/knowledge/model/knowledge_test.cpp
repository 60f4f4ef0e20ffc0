#include "features/knowledge/model/knowledge.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ccap {

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
  EXPECT_EQ(parse_knowledge("{}", *pl.partnership, "e.json").problems.front(),
            "e.json: no knowledge section (rebuild the content)");
}

}  // namespace ccap
