#include "features/partnership/model/partnership.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include "domain/who_guidelines.h"

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

TEST(Partnership, EveryAnnualPm25MeanCarriesItsMethodAndWhatItsSourceStates) {
  const auto load = parse_partnership(built_content(), "partnership.json");
  ASSERT_TRUE(load.partnership) << joined(load.problems);
  const Partnership& p = *load.partnership;
  const auto first = [&](const char* id) { return p.city(*p.find_city(id)).pm25_annual.at(0); };
  EXPECT_EQ(first("kathmandu").method, Pm25Method::IqairCompilation);
  EXPECT_EQ(first("bangkok").method, Pm25Method::IqairCompilation);
  EXPECT_EQ(first("kaohsiung").method, Pm25Method::NgoAverage);
  EXPECT_EQ(first("taichung").method, Pm25Method::AgencyMonitors);
  const Pm25Annual taipei = first("taipei");
  EXPECT_EQ(taipei.coverage, "January to November");
  EXPECT_EQ(taipei.stations, 2);
  EXPECT_EQ(first("shimla").coverage, "273 days");
  EXPECT_EQ(first("shimla").stations, 0) << "not stated by its sources";
  // Taiwan's change of automatic PM2.5 instruments around 2019, with its own sources.
  const Pm25Annual kaohsiung = first("kaohsiung");
  EXPECT_NE(kaohsiung.caveat.find("may not be comparable"), std::string::npos) << kaohsiung.caveat;
  EXPECT_EQ(kaohsiung.caveat_sources, (std::vector<std::string>{"S28", "S29", "S30"}));
  for (const std::string& id : kaohsiung.caveat_sources) EXPECT_NE(p.source(id), nullptr) << id;
}

TEST(Partnership, AnAnnualMeanWithoutAKnownMethodIsLeftOutAndReported) {
  auto j = nlohmann::json::parse(built_content());
  std::size_t kathmandu = 0, bangkok = 0, taipei = 0;
  for (std::size_t i = 0; i < j["cities"].size(); ++i) {
    if (j["cities"][i]["id"] == "kathmandu") kathmandu = i;
    if (j["cities"][i]["id"] == "bangkok") bangkok = i;
    if (j["cities"][i]["id"] == "taipei") taipei = i;
  }
  j["cities"][kathmandu]["pm25_annual"][0].erase("method");
  j["cities"][bangkok]["pm25_annual"][0]["method"] = "satellite";
  j["cities"][taipei]["pm25_annual"][0]["caveat"] = {{"text", "a warning"}};  // no sources
  const auto load = parse_partnership(j.dump(), "partnership.json");
  ASSERT_TRUE(load.partnership);
  const std::string problems = joined(load.problems);
  const std::string at = "partnership.json: /cities/";
  EXPECT_NE(problems.find(at + std::to_string(kathmandu) + "/pm25_annual/0/method: is missing"), std::string::npos)
      << problems;
  EXPECT_NE(problems.find(at + std::to_string(bangkok) +
                          "/pm25_annual/0/method: \"satellite\" is not a method (agency monitors, IQAir "
                          "compilation, NGO average)"),
            std::string::npos)
      << problems;
  EXPECT_NE(problems.find(at + std::to_string(taipei) + "/pm25_annual/0/caveat/sources"), std::string::npos)
      << problems;
  EXPECT_EQ(load.problems.size(), 3u) << problems;
  const Partnership& p = *load.partnership;
  EXPECT_TRUE(p.city(*p.find_city("kathmandu")).pm25_annual.empty()) << "never shown without its method";
  EXPECT_TRUE(p.city(*p.find_city("bangkok")).pm25_annual.empty());
  EXPECT_TRUE(p.city(*p.find_city("taipei")).pm25_annual.empty());
  EXPECT_EQ(p.cities.size(), 32u) << "the cities themselves stay";
}

TEST(Pm25Annual, MethodsAreNamedAsTheContentNamesThemAndShownAsTheAppLabelsThem) {
  EXPECT_EQ(pm25_method_named("IQAir compilation"), Pm25Method::IqairCompilation);
  EXPECT_EQ(pm25_method_named("agency monitors"), Pm25Method::AgencyMonitors);
  EXPECT_EQ(pm25_method_named("NGO average"), Pm25Method::NgoAverage);
  EXPECT_FALSE(pm25_method_named("iqair compilation")) << "the content's exact names";
  EXPECT_FALSE(pm25_method_named(""));
  EXPECT_EQ(pm25_method_label(Pm25Method::IqairCompilation), "IQAir estimate");
  EXPECT_EQ(pm25_method_label(Pm25Method::AgencyMonitors), "agency monitors");
  EXPECT_EQ(pm25_method_label(Pm25Method::NgoAverage), "NGO average");
}

TEST(Pm25Annual, TheBasisNamesTheMethodThenCoverageAndStationsWhereStated) {
  Pm25Annual m{.year = 2022, .value = 40.7, .method = Pm25Method::IqairCompilation};
  EXPECT_EQ(pm25_basis(m), "IQAir estimate");
  Pm25Annual taipei{.year = 2020, .value = 12.1, .coverage = "January to November", .stations = 2};
  EXPECT_EQ(pm25_basis(taipei), "agency monitors, coverage January to November, 2 stations");
  taipei.stations = 1;
  taipei.coverage.clear();
  EXPECT_EQ(pm25_basis(taipei), "agency monitors, 1 station");
}

TEST(Pm25Annual, TheSummaryTheCityPanelShowsCallsAnIQAirValueAnEstimate) {
  EXPECT_EQ(pm25_summary({.year = 2022, .value = 40.7, .method = Pm25Method::IqairCompilation}),
            "2022: 40.7 µg/m³, IQAir estimate");
  EXPECT_EQ(pm25_summary({.year = 2019, .value = 26.1, .method = Pm25Method::NgoAverage}),
            "2019: 26.1 µg/m³, NGO average");
  EXPECT_EQ(pm25_summary({.year = 2024, .value = 18, .coverage = "273 days"}),
            "2024: 18.0 µg/m³, agency monitors, coverage 273 days");
}

// A content reload gives the table a new generation (base/ids.h): an id kept from before, still in
// range, is refused; the table's own ids (its pairs, its index) are made again with it.
TEST(CityIds, AnIdKeptAcrossAReloadIsRefusedThoughStillInRange) {
  PartnershipLoad first = parse_partnership(built_content(), "partnership.json");
  ASSERT_TRUE(first.partnership) << (first.problems.empty() ? "" : first.problems.front());
  const CityId kept = *first.partnership->find_city("haiphong");
  PartnershipLoad again = parse_partnership(built_content(), "partnership.json");
  Partnership& p = *again.partnership;
  p.set_generation(1);
  EXPECT_LT(kept.index(), p.cities.size()) << "in range: only the generation tells it is stale";
  EXPECT_FALSE(p.has(kept));
  const CityId now = *p.find_city("haiphong");
  EXPECT_TRUE(p.has(now));
  EXPECT_EQ(now.index(), kept.index());
  EXPECT_NE(now, kept);
  ASSERT_FALSE(p.pairs.empty());
  EXPECT_TRUE(p.has(p.pairs[0].a) && p.has(p.pairs[0].b)) << "the pairs' ids follow the table";
  EXPECT_EQ(p.partners_of(now).size(), 1u);
}

// The city panel and the accessible document read one set of lines (they had drifted: the document
// said "WHO guideline: 5" and left out the note and the interim targets).
TEST(Pm25Annual, TheLinesShownAndReadAloudComeFromOnePlace) {
  const Pm25Lines l = pm25_lines({.year = 2019,
                                  .value = 26.1,
                                  .note = "the government's monitoring stations",
                                  .method = Pm25Method::NgoAverage,
                                  .caveat = "monitors were replaced"});
  EXPECT_EQ(l.summary, "2019: 26.1 µg/m³, NGO average");
  EXPECT_EQ(l.note, "the government's monitoring stations");
  EXPECT_EQ(l.caveat, "Caution: monitors were replaced");
  EXPECT_EQ(l.who, describe_pm25_annual(26.1));
  EXPECT_NE(l.who.find("WHO guideline (5"), std::string::npos) << l.who;
  const Pm25Lines bare = pm25_lines({.year = 2024, .value = 4});
  EXPECT_TRUE(bare.note.empty());
  EXPECT_TRUE(bare.caveat.empty());
}

TEST(Pm25Annual, ADifferenceIsStatedOnlyForTheSameMethodYearAndCoverage) {
  const Pm25Annual kathmandu{.year = 2022, .value = 40.7, .method = Pm25Method::IqairCompilation};
  const Pm25Annual singapore{.year = 2022, .value = 13.3, .method = Pm25Method::IqairCompilation};
  Pm25Comparison c = compare_pm25("Kathmandu", kathmandu, "Singapore", singapore);
  EXPECT_TRUE(c.comparable);
  EXPECT_NEAR(c.difference, 27.4, 1e-9);
  EXPECT_EQ(c.text, "Kathmandu 27.4 µg/m³ above Singapore (2022, both IQAir estimates)");
  EXPECT_EQ(compare_pm25("Singapore", singapore, "Kathmandu", kathmandu).text,
            "Singapore 27.4 µg/m³ below Kathmandu (2022, both IQAir estimates)");
  EXPECT_EQ(compare_pm25("A", singapore, "B", singapore).text,
            "A and B the same, 13.3 µg/m³ (2022, both IQAir estimates)");

  // An IQAir estimate and an agency's monitors, the same year: never a difference.
  const Pm25Annual agency{.year = 2022, .value = 12.7, .method = Pm25Method::AgencyMonitors};
  c = compare_pm25("Singapore", singapore, "Taichung", agency);
  EXPECT_FALSE(c.comparable);
  EXPECT_EQ(c.difference, 0);
  EXPECT_EQ(c.text, "Singapore and Taichung: not comparable (different methods: IQAir estimate and agency monitors)");
  EXPECT_EQ(c.text.find("µg/m³"), std::string::npos) << "no figure that reads as a difference";

  // The same method, different years.
  const Pm25Annual bangkok{.year = 2023, .value = 21.7, .method = Pm25Method::IqairCompilation};
  EXPECT_EQ(compare_pm25("Bangkok", bangkok, "Singapore", singapore).text,
            "Bangkok and Singapore: not comparable (different years: 2023 and 2022)");

  // The same method and year, but one covers January to November and the other does not say.
  const Pm25Annual taipei{.year = 2020, .value = 12.1, .coverage = "January to November", .stations = 2};
  const Pm25Annual taoyuan{.year = 2020, .value = 13.7};
  c = compare_pm25("Taipei", taipei, "Taoyuan", taoyuan);
  EXPECT_FALSE(c.comparable);
  EXPECT_EQ(c.text, "Taipei and Taoyuan: not comparable (different coverage: January to November and not stated)");

  // Everything different: every reason, in order.
  const Pm25Annual kaohsiung{.year = 2019, .value = 26.1, .method = Pm25Method::NgoAverage};
  EXPECT_EQ(compare_pm25("Kaohsiung", kaohsiung, "Taipei", taipei).text,
            "Kaohsiung and Taipei: not comparable (different methods: NGO average and agency monitors; different "
            "years: 2019 and 2020; different coverage: not stated and January to November)");
}

TEST(Pm25Annual, TheLatestMeanIsTheFirstListedOfTheLatestYear) {
  City c;
  EXPECT_EQ(latest_pm25(c), nullptr);
  c.pm25_annual = {{.year = 2022, .value = 12.7}, {.year = 2023, .value = 15.6}, {.year = 2023, .value = 99}};
  ASSERT_NE(latest_pm25(c), nullptr);
  EXPECT_EQ(latest_pm25(c)->value, 15.6);
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
