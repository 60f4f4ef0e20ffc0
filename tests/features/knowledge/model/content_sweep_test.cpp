// Every member of the content file, replaced in turn with a hostile value (a wrong type, a number
// out of range, a hostile link, deep nesting): the partnership and Knowledge Platform readers must
// never throw, and what they keep must be safe to draw and to open.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "base/text_format.h"
#include "features/knowledge/model/knowledge.h"
#include "test_paths.h"

namespace ccap {
namespace {

using nlohmann::json;

// The built content with every array cut to its first two items: each kind of member is still
// there, and the sweep stays quick.
json small_content() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/partnership.json");
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str());
  const auto cut = [](auto& self, json& v) -> void {
    if (v.is_array() && v.size() > 2) v.erase(v.begin() + 2, v.end());
    if (v.is_structured())
      for (json& child : v) self(self, child);
  };
  cut(cut, j);
  return j;
}

std::vector<json> hostile_values() {
  json deep = json::array();
  for (int i = 0; i < 40; ++i) deep = json::array({deep});
  return {1e300,         -1,
          3.5,           "",
          "x",           "javascript:alert(1)",
          json::array(), json::object(),
          nullptr,       true,
          deep,          json::array({json::object({{"title", 1}, {"url", "data:text/html,x"}})})};
}

// What was kept is drawable and every link is a web address.
void expect_safe(const Partnership& p, const Knowledge* k, const std::string& context) {
  for (const City& c : p.cities) {
    EXPECT_TRUE(std::isfinite(c.where.lng) && std::abs(c.where.lng) <= 180) << context;
    EXPECT_TRUE(std::isfinite(c.where.lat) && std::abs(c.where.lat) <= 90) << context;
  }
  for (const TwinningPair& t : p.pairs) EXPECT_TRUE(p.has(t.a) && p.has(t.b) && t.a != t.b) << context;
  for (const CertificationStatus& s : p.statuses)
    EXPECT_TRUE(p.has(s.city) && s.level.index() < p.levels.size()) << context;
  for (const CertificationLevel& l : p.levels)
    for (AreaId a : l.areas) EXPECT_LT(a.index(), p.areas.size()) << context;
  for (const Source& s : p.sources) EXPECT_TRUE(is_web_address(s.url)) << context;
  for (const Link& l : p.area_sources) EXPECT_TRUE(is_web_address(l.url)) << context;
  if (!k) return;
  for (const Practice& x : k->practices) {
    for (CityId c : x.cities) EXPECT_TRUE(p.has(c)) << context;
    for (const Link& l : x.sources) EXPECT_TRUE(is_web_address(l.url)) << context;
  }
  for (const Expert& x : k->experts) {
    EXPECT_TRUE(!x.city || p.has(*x.city)) << context;
    EXPECT_TRUE(x.url.empty() || is_web_address(x.url)) << context;
  }
  for (const Training& x : k->trainings) EXPECT_TRUE(x.url.empty() || is_web_address(x.url)) << context;
}

}  // namespace

TEST(ContentSweep, EveryMemberReplacedWithHostileValuesNeverThrowsAndKeepsOnlySafeEntries) {
  const json original = small_content();
  const json flat = original.flatten();  // every leaf's pointer
  std::vector<std::string> pointers;
  for (const auto& [pointer, value] : flat.items()) {
    // The leaf and each of its parents.
    for (std::string p = pointer; !p.empty(); p = p.substr(0, p.rfind('/'))) pointers.push_back(p);
  }
  std::sort(pointers.begin(), pointers.end());
  pointers.erase(std::unique(pointers.begin(), pointers.end()), pointers.end());
  ASSERT_GT(pointers.size(), 200u);

  std::size_t runs = 0, refused = 0;
  for (const std::string& pointer : pointers) {
    for (const json& value : hostile_values()) {
      json doc = original;
      doc[json::json_pointer(pointer)] = value;
      const std::string context = pointer + " = " + value.dump().substr(0, 60);
      PartnershipLoad load;
      ASSERT_NO_THROW(load = parse_partnership(doc.dump(), "p.json")) << context;
      ++runs;
      if (!load.partnership) {
        ++refused;
        EXPECT_FALSE(load.problems.empty()) << context;
        continue;
      }
      KnowledgeLoad k;
      ASSERT_NO_THROW(k = parse_knowledge(load.document, *load.partnership, "p.json")) << context;
      expect_safe(*load.partnership, k.knowledge ? &*k.knowledge : nullptr, context);
      for (const std::string& problem : load.problems) EXPECT_EQ(problem.rfind("p.json: ", 0), 0u) << problem;
    }
  }
  EXPECT_GT(runs, 2000u);
  EXPECT_LT(refused, runs / 4) << "most damage is confined to the entry it is in";
}

}  // namespace ccap
