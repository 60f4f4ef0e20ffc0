#include "features/knowledge/model/knowledge.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ccap {
namespace {

std::string built_content() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/partnership.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST(Knowledge, TheBuiltContentLoadsWhole) {
  const PartnershipLoad pl = parse_partnership(built_content(), "partnership.json");
  ASSERT_TRUE(pl.partnership);
  const KnowledgeLoad kl = parse_knowledge(pl.document, *pl.partnership, "partnership.json");
  ASSERT_TRUE(kl.knowledge);
  EXPECT_TRUE(kl.problems.empty()) << kl.problems.front();
  EXPECT_GE(kl.knowledge->practices.size(), 25u);
  EXPECT_GE(kl.knowledge->experts.size(), 20u);
  const auto kk = pl.partnership->find_city("kitakyushu");
  ASSERT_TRUE(kk);
  EXPECT_FALSE(kl.knowledge->practices_of(*kk).empty());
  // Entries name their areas from the partnership's one Guidance Framework list.
  const Practice& first = kl.knowledge->practices.front();
  ASSERT_FALSE(first.areas.empty());
  EXPECT_LT(first.areas.front().index(), pl.partnership->areas.size());
}

TEST(Knowledge, BadEntriesAreLeftOutEachWithItsPlace) {
  const PartnershipLoad pl = parse_partnership(built_content(), "partnership.json");
  ASSERT_TRUE(pl.partnership);
  const nlohmann::json broken = nlohmann::json::parse(R"json({"knowledge": {
    "practices": [
      {"id": "ok", "title": "T", "years": "2020", "summary": "S", "cities": ["taipei"], "areas": ["governance"],
       "pollutants": [], "sectors": [], "outcomes": [], "sources": [{"title": "t", "url": "https://x.org"}]},
      {"id": "atlantis", "title": "T", "years": "2020", "summary": "S", "cities": ["atlantis"], "areas": [],
       "pollutants": [], "sectors": [], "outcomes": [], "sources": [{"title": "t", "url": "https://x.org"}]},
      {"id": "unsafe", "title": "T", "years": "2020", "summary": "S", "cities": ["taipei"], "areas": [],
       "pollutants": [], "sectors": [], "outcomes": [], "sources": [{"title": "t", "url": "javascript:alert(1)"}]},
      {"id": "typed", "title": 7, "years": "2020", "summary": "S", "cities": ["taipei"], "areas": [],
       "sources": [{"title": "t", "url": "https://x.org"}]},
      {"id": "figure", "title": "T", "years": "2020", "summary": "S", "cities": ["taipei"], "areas": [],
       "outcomes": [{"text": "less smoke", "figure": 12}], "sources": [{"title": "t", "url": "https://x.org"}]},
      [1, 2, 3]],
    "experts": [{"id": "e", "name": "N", "kind": "city-agency", "role": "R", "url": "file:///etc/passwd",
                 "areas": [], "sources": [{"title": "t", "url": "https://x.org"}]}],
    "trainings": {"not": "an array"}}})json");
  const KnowledgeLoad bad = parse_knowledge(broken, *pl.partnership, "k.json");
  ASSERT_TRUE(bad.knowledge);
  EXPECT_EQ(bad.knowledge->practices.size(), 1u);
  EXPECT_TRUE(bad.knowledge->experts.empty());
  const std::vector<std::string> expected{
      "k.json: /knowledge/practices/1/cities/0: unknown city \"atlantis\" (left out)",
      "k.json: /knowledge/practices/1/cities: must name at least one city",
      "k.json: /knowledge/practices/2/sources/0/url: must be an http:// or https:// address",
      "k.json: /knowledge/practices/3/title: must be a string",
      "k.json: /knowledge/practices/4/outcomes/0: an outcome needs a text (and a figure, if any, as a string)",
      "k.json: /knowledge/practices/5: must be an object",
      "k.json: /knowledge/experts/0/url: must be an http:// or https:// address",
      "k.json: /knowledge/trainings: must be an array",
  };
  EXPECT_EQ(bad.problems, expected);
  EXPECT_EQ(parse_knowledge(nlohmann::json::object(), *pl.partnership, "e.json").problems.front(),
            "e.json: no knowledge section (rebuild the content)");
}

// One mistyped Guidance Framework area id once dropped 34 of 63 entries: now it drops itself, with
// one problem for each place that names it, and every entry stays.
TEST(Knowledge, AnUnknownAreaDropsTheReferenceNotTheEntry) {
  const auto pl = parse_partnership(built_content(), "partnership.json");
  ASSERT_TRUE(pl.partnership);
  nlohmann::json root = nlohmann::json::parse(built_content());
  const KnowledgeLoad good = parse_knowledge(root, *pl.partnership, "k.json");
  ASSERT_TRUE(good.knowledge);
  const std::string area = pl.partnership->areas.at(0).id;
  int named = 0;
  for (const char* section : {"practices", "experts"})
    for (auto& entry : root["knowledge"][section])
      for (auto& a : entry["areas"])
        if (a == area) a = area + "-typo", ++named;
  ASSERT_GT(named, 5);
  const KnowledgeLoad load = parse_knowledge(root, *pl.partnership, "k.json");
  ASSERT_TRUE(load.knowledge);
  EXPECT_EQ(load.knowledge->practices.size(), good.knowledge->practices.size());
  EXPECT_EQ(load.knowledge->experts.size(), good.knowledge->experts.size());
  EXPECT_EQ(load.problems.size(), static_cast<std::size_t>(named));
  EXPECT_NE(load.problems.front().find("unknown Guidance Framework area \"" + area + "-typo\" (left out)"),
            std::string::npos)
      << load.problems.front();
}

}  // namespace ccap
