#include "base/link_state.h"

#include <cmath>

#include <gtest/gtest.h>

#include <random>

namespace ccap {
namespace {

TEST(LinkState, FormatsTheViewFirstAndTheVersionLast) {
  LinkState s;
  s.view = LinkView{5.2, 13.75634, 100.50178};
  s.set("city", "bangkok");
  s.set_list("show", {"cities", "", "arcs"});
  EXPECT_EQ(s.format(), "#map=5.2/13.7563/100.5018&city=bangkok&show=cities,arcs&v=1");
  EXPECT_EQ(s.format_without_view(), "city=bangkok&show=cities,arcs");
}

TEST(LinkState, EmptyStateIsNoHash) { EXPECT_EQ(LinkState{}.format(), ""); }

TEST(LinkState, SettingEmptyRemovesAndSettingAgainReplacesInPlace) {
  LinkState s;
  s.set("a", "1");
  s.set("b", "2");
  s.set("a", "3");
  s.set("b", "");
  EXPECT_EQ(s.format(), "#a=3&v=1");
}

TEST(LinkState, CoordinateDecimalsGrowWithZoom) {
  EXPECT_EQ(link_coordinate_decimals(0), 2);
  EXPECT_EQ(link_coordinate_decimals(4), 3);
  EXPECT_EQ(link_coordinate_decimals(11), 5);
  // A tenth of a pixel or finer: 360° / (512 · 2^zoom) px, against 10^-decimals.
  for (double z = 0; z <= 11; z += 0.25)
    EXPECT_LT(std::pow(10.0, -link_coordinate_decimals(z)), 0.1 * 360.0 / (512.0 * std::pow(2.0, z))) << z;
}

TEST(LinkState, LongitudeIsWrappedIntoOneTurn) {
  LinkState s;
  s.view = LinkView{3, 20, 200};
  EXPECT_EQ(s.format(), "#map=3/20/-160&v=1");
}

TEST(LinkState, RoundTripsTextThatNeedsEscaping) {
  LinkState s;
  s.set("q", "Hải Phòng & bus=electric #1 50%");
  const LinkParse p = parse_link(s.format());
  EXPECT_TRUE(p.problems.empty());
  ASSERT_NE(p.state.get("q"), nullptr);
  EXPECT_EQ(*p.state.get("q"), "Hải Phòng & bus=electric #1 50%");
  EXPECT_EQ(s.format().find(' '), std::string::npos);
  EXPECT_EQ(s.format().find('#', 1), std::string::npos);
}

// 1,000 random states (values of any text: spaces, '+', '%', '&', '=', '#', commas, Vietnamese,
// CJK, emoji) written and read back: the same pairs and view, no problem, and a space costs one
// character ('+'), so that a link of spaces does not triple in length on its way back.
TEST(LinkState, RandomStatesRoundTrip) {
  std::mt19937 rng(2026);
  const std::vector<std::string> pieces{" ", "+", "%", "&", "=",    "#", ",", "a",
                                        "Z", "9", "-", "ả", "東京", "🚌", "~", "/"};
  const std::vector<std::string> keys{"city", "q", "facet", "compare", "kb", "entry", "show", "cert", "time", "x_1"};
  for (int round = 0; round < 1000; ++round) {
    LinkState s;
    if (rng() % 2)
      s.view = LinkView{static_cast<double>(rng() % 2400) / 100, -80.0 + rng() % 160, -179.0 + rng() % 358};
    for (std::size_t k = 0, n = rng() % 6; k < n; ++k) {
      std::string value;
      for (std::size_t i = 0, len = 1 + rng() % 40; i < len; ++i) value += pieces[rng() % pieces.size()];
      s.set(keys[rng() % keys.size()], value);
    }
    const std::string link = s.format();
    ASSERT_LE(link.size(), kMaxLinkChars);
    const LinkParse p = parse_link(link);
    ASSERT_TRUE(p.problems.empty()) << link << ": " << p.problems.front();
    EXPECT_EQ(p.state.pairs(), s.pairs()) << link;
    EXPECT_EQ(p.state.format(), link);
  }
  LinkState spaces;
  spaces.set("q", std::string(100, ' ') + "+");
  EXPECT_EQ(spaces.format(), "#q=" + std::string(100, '+') + "%2B&v=1");
}

TEST(LinkParse, ReadsWhatItWrote) {
  LinkState s;
  s.view = LinkView{7.25, -33.8688, 151.2093};
  s.set("station", "au-nsw-1");
  s.set("pollutant", "pm10");
  const LinkParse p = parse_link(s.format());
  EXPECT_TRUE(p.problems.empty());
  ASSERT_TRUE(p.state.view);
  EXPECT_DOUBLE_EQ(p.state.view->zoom, 7.25);
  EXPECT_NEAR(p.state.view->lat, -33.8688, 1e-9);
  EXPECT_NEAR(p.state.view->lng, 151.2093, 1e-9);
  EXPECT_EQ(p.state.format(), s.format());
}

TEST(LinkParse, AcceptsMapLibreHashWithoutVersionOrHashSign) {
  const LinkParse p = parse_link("map=4/10/120");
  EXPECT_TRUE(p.problems.empty());
  ASSERT_TRUE(p.state.view);
  EXPECT_EQ(p.version, 1);
  EXPECT_DOUBLE_EQ(p.state.view->lng, 120);
}

TEST(LinkParse, SkipsBadPartsAndKeepsTheRest) {
  const LinkParse p = parse_link("#map=abc/1/2&city=bangkok&&junk&=x&q=%E0%A4&q2=%zz&city=pasig&v=1");
  ASSERT_NE(p.state.get("city"), nullptr);
  EXPECT_EQ(*p.state.get("city"), "bangkok");  // the first of two
  EXPECT_FALSE(p.state.view);
  EXPECT_EQ(p.state.get("q"), nullptr);   // cut UTF-8
  EXPECT_EQ(p.state.get("q2"), nullptr);  // bad escape
  ASSERT_EQ(p.problems.size(), 6u);
  EXPECT_NE(p.problems[0].find("map 'abc/1/2'"), std::string::npos) << p.problems[0];
  EXPECT_NE(p.problems[1].find("'junk' is not key=value"), std::string::npos) << p.problems[1];
  EXPECT_NE(p.problems[5].find("city is given twice"), std::string::npos) << p.problems[5];
}

TEST(LinkParse, RefusesViewsOutOfRangeOrIncomplete) {
  for (const char* hash : {"map=30/0/0", "map=3/95/0", "map=3/0/999", "map=3/0", "map=3/0/0/0", "map=nan/0/0",
                           "map=inf/0/0", "map=1e999/0/0", "map=3/0/0x10"}) {
    const LinkParse p = parse_link(hash);
    EXPECT_FALSE(p.state.view) << hash;
    EXPECT_EQ(p.problems.size(), 1u) << hash;
  }
}

TEST(LinkParse, VersionIsCheckedAndNewerVersionsAreReadAsFarAsKnown) {
  EXPECT_EQ(parse_link("v=2&city=x").version, 2);
  EXPECT_EQ(parse_link("v=2&city=x").problems.size(), 1u);
  EXPECT_NE(parse_link("v=2&city=x").state.get("city"), nullptr);
  EXPECT_EQ(parse_link("v=0").problems.size(), 1u);
  EXPECT_EQ(parse_link("v=1.5").problems.size(), 1u);
  EXPECT_EQ(parse_link("v=x").problems.size(), 1u);
  // Found by fuzz_link (UBSan: a double out of int's range): a huge version is a problem, not UB.
  const LinkParse huge = parse_link("v=33333333333&city=x");
  EXPECT_EQ(huge.version, kLinkVersion);
  ASSERT_EQ(huge.problems.size(), 1u);
  EXPECT_NE(huge.problems[0].find("1 to 1000"), std::string::npos);
}

TEST(LinkParse, BoundsLengthAndParts) {
  const LinkParse long_one = parse_link("#q=" + std::string(kMaxLinkChars, 'a'));
  EXPECT_EQ(long_one.state.pairs().size(), 0u);
  ASSERT_EQ(long_one.problems.size(), 1u);
  std::string many;
  for (int i = 0; i < 40; ++i) many += "k" + std::to_string(i) + "=1&";
  const LinkParse p = parse_link(many);
  EXPECT_EQ(p.state.pairs().size(), kMaxLinkPairs);
  EXPECT_EQ(p.problems.size(), 1u);
}

// Found by fuzz_link: a key's raw bytes were written back as they came, and a link of 32 pairs
// written with its map and version had 34 parts, more than a link may have.
TEST(LinkParse, KeysAreNamesAndWhatIsWrittenReadsBackClean) {
  const LinkParse odd = parse_link("ci\xBEty=x&a b=1&%41=2&k&#=3&ok_key.1-2=4");
  EXPECT_EQ(odd.state.pairs().size(), 1u);
  EXPECT_EQ(odd.problems.size(), 5u);
  std::string many = "map=3/0/0&v=1";
  for (int i = 0; i < 40; ++i) many += "&k" + std::to_string(i) + "=1";
  const LinkParse full = parse_link(many);
  ASSERT_EQ(full.state.pairs().size(), kMaxLinkPairs);
  const LinkParse again = parse_link(full.state.format());
  EXPECT_TRUE(again.problems.empty()) << again.problems.front();
  EXPECT_EQ(again.state.format(), full.state.format());
}

TEST(LinkParse, ProblemsShowControlCharactersSafelyAndShort) {
  const LinkParse p = parse_link("map=%0A" + std::string(100, 'x'));
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].find('\n'), std::string::npos);
  EXPECT_LT(p.problems[0].size(), 120u);
}

TEST(LinkParse, PlusIsASpace) { EXPECT_EQ(*parse_link("q=electric+bus").state.get("q"), "electric bus"); }

TEST(LinkReader, NamesTheKeysNobodyRead) {
  const LinkParse p = parse_link("city=a&zzz=1&layers=x,y");
  LinkReader r(p.state);
  EXPECT_EQ(*r.get("city"), "a");
  EXPECT_EQ(r.list("layers"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(r.list("absent").empty());
  EXPECT_EQ(r.unread(), std::vector<std::string>{"zzz"});
}

TEST(SplitLinkList, DropsEmptyItems) {
  EXPECT_EQ(split_link_list(",a,,b,"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(split_link_list("").empty());
}

}  // namespace
}  // namespace ccap
