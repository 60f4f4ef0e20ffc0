#include "map/credits.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

const auto narrower_than = [](std::size_t chars) {
  return [chars](const std::string& s) { return s.size() <= chars; };
};

std::vector<Credit> city_scale_with_air() {
  return {base_credit(),
          {"\u00a9 OpenStreetMap contributors (coast) \u00b7 Natural Earth", "\u00a9 OpenStreetMap contributors"},
          {"Air: MOENV Taiwan (OGDL-Taiwan 1.0)", "Air: MOENV", true}};
}

TEST(Credits, AWideScreenHasEveryCreditInFullOnOneLine) {
  const auto lines = credit_lines(city_scale_with_air(), narrower_than(500));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("Basemap: Natural Earth (public domain)"), std::string::npos);
  EXPECT_NE(lines[0].find("OGDL-Taiwan 1.0"), std::string::npos);
}

TEST(Credits, ANarrowerOneHasTheBriefForms) {
  const auto lines = credit_lines(city_scale_with_air(), narrower_than(84));
  ASSERT_EQ(lines.size(), 1u) << lines[0];
  EXPECT_EQ(lines[0],
            "Natural Earth \u00b7 GeoNames (CC BY 4.0) \u00b7 \u00a9 OpenStreetMap contributors \u00b7 Air: MOENV");
}

TEST(Credits, APhoneDropsOnlyWhatIsNamedElsewhereAndWrapsTheRest) {
  const auto one_line = credit_lines(city_scale_with_air(), narrower_than(83));
  ASSERT_EQ(one_line.size(), 1u);
  EXPECT_EQ(one_line[0], "Natural Earth \u00b7 GeoNames (CC BY 4.0) \u00b7 \u00a9 OpenStreetMap contributors");
  // Narrower still: the OpenStreetMap credit goes on a second line; it is never dropped.
  const auto two_lines = credit_lines(city_scale_with_air(), narrower_than(50));
  ASSERT_EQ(two_lines.size(), 2u);
  EXPECT_EQ(two_lines[0], "Natural Earth \u00b7 GeoNames (CC BY 4.0)");
  EXPECT_EQ(two_lines[1], "\u00a9 OpenStreetMap contributors");
}

TEST(Credits, ACreditTooLongForAnyLineHasALineOfItsOwn) {
  const auto lines = credit_lines({base_credit(), {"X"}}, narrower_than(5));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "X");
}

}  // namespace
}  // namespace ccap
