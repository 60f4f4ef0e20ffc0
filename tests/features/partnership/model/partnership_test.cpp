#include "features/partnership/model/partnership.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ccap {
namespace {

std::string built_content() {
  std::ifstream in(CCAP_TEST_DATA_DIR "/partnership.json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

}  // namespace

TEST(Partnership, LoadsTheBuiltContent) {
  const auto load = parse_partnership(built_content(), "partnership.json");
  ASSERT_TRUE(load.partnership) << joined(load.problems);
  EXPECT_TRUE(load.problems.empty()) << joined(load.problems);
  const Partnership& p = *load.partnership;
  EXPECT_EQ(p.cities.size(), 32u);
  EXPECT_EQ(p.pairs.size(), 5u);
  const auto kk = p.find_city("kitakyushu");
  ASSERT_TRUE(kk);
  const auto partners = p.partners_of(*kk);
  ASSERT_EQ(partners.size(), 1u);
  EXPECT_EQ(p.city(partners[0].second).id, "haiphong");
  EXPECT_EQ(p.city(partners[0].second).local_name, "Hải Phòng");
  EXPECT_TRUE(p.is_c3(*kk));
  EXPECT_FALSE(p.is_c3(*p.find_city("shimla")));
  const CertificationStatus* baguio = p.certification_of(*p.find_city("baguio"));
  ASSERT_NE(baguio, nullptr);
  EXPECT_EQ(p.level(baguio->level).name, "Bronze");
  EXPECT_EQ(baguio->status, "pilot");
  EXPECT_EQ(p.certification_of(*kk), nullptr);
  ASSERT_EQ(p.levels.size(), 3u);
  EXPECT_FALSE(p.levels[1].name_published);
  ASSERT_EQ(p.areas.size(), 6u);
  EXPECT_FALSE(p.area_sources.empty());
  // The Guidance Framework is defined once: the Bronze level names its areas from the same list.
  ASSERT_EQ(p.levels[0].areas.size(), 2u);
  EXPECT_EQ(p.area(p.levels[0].areas[0]).id, "governance");
  const City& taichung = p.city(*p.find_city("taichung"));
  ASSERT_EQ(taichung.pm25_annual.size(), 2u);
  EXPECT_DOUBLE_EQ(taichung.pm25_annual[0].value, 15.6);
  ASSERT_NE(p.source("S18"), nullptr);
  EXPECT_EQ(p.source("S18")->url.rfind("https://", 0), 0u);
}

TEST(Partnership, DamagedEntriesAreDroppedAndReportedTheRestKept) {
  auto j = nlohmann::json::parse(built_content());
  j["cities"][3]["lat"] = 95;                      // impossible latitude
  j["cities"][4].erase("name");                    // missing field
  j["cities"].push_back(j["cities"][0]);           // duplicate id
  j["pairs"][0]["cities"][1] = "atlantis";         // unknown city
  j["sources"][0]["url"] = "javascript:alert(1)";  // never a link to follow
  const auto load = parse_partnership(j.dump(), "partnership.json");
  ASSERT_TRUE(load.partnership);
  const std::string problems = joined(load.problems);
  EXPECT_NE(problems.find("partnership.json: /cities/3/lat: is 95, outside -90.0..90.0"), std::string::npos)
      << problems;
  EXPECT_NE(problems.find("partnership.json: /cities/4/name: is missing"), std::string::npos) << problems;
  EXPECT_NE(problems.find("partnership.json: /cities/32/id: duplicate id \"baguio\""), std::string::npos) << problems;
  EXPECT_NE(problems.find("partnership.json: /pairs/0/cities/1: unknown city \"atlantis\""), std::string::npos)
      << problems;
  EXPECT_NE(problems.find("partnership.json: /sources/0/url: must be an http:// or https:// address"),
            std::string::npos)
      << problems;
  EXPECT_EQ(load.partnership->cities.size(), 30u);
  EXPECT_EQ(load.partnership->pairs.size(), 4u);
  EXPECT_NE(problems.find("partnership.json: /pairs/0/cities: must name two different cities"), std::string::npos)
      << problems << ": a pair without its second city cannot stand";
  EXPECT_EQ(load.problems.size(), 6u) << problems;  // every problem, each once
}

TEST(Partnership, RefusesWhatIsNotPartnershipContent) {
  EXPECT_FALSE(parse_partnership("{\"cities\": [", "p.json").partnership);
  EXPECT_EQ(parse_partnership("{\"cities\": [", "p.json").problems.at(0).rfind("p.json: not valid JSON at line 1", 0),
            0u);
  const auto wrong = parse_partnership(R"({"format": "ccap-partnership", "version": 7})", "p.json");
  EXPECT_FALSE(wrong.partnership);
  EXPECT_NE(wrong.problems.at(0).find("rebuild the data"), std::string::npos);
}

}  // namespace ccap
