#include "features/kiosk/model/kiosk_config.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

TEST(KioskConfig, ReadsEveryMember) {
  const KioskConfigLoad load = parse_kiosk_config(
      R"({"idle_seconds": 45, "reset_seconds": 120, "stop_seconds": 8, "scale": 1.5, "pin": "13579",
          "home": {"lng": 150, "lat": 20, "zoom": 2.5}, "stops": ["kitakyushu-haiphong", "pasig"], "demo_data": true})",
      "kiosk.json");
  EXPECT_TRUE(load.problems.empty()) << load.problems.front();
  const KioskConfig& c = load.config;
  EXPECT_EQ(c.idle_seconds, 45);
  EXPECT_EQ(c.reset_seconds, 120);
  EXPECT_EQ(c.stop_seconds, 8);
  EXPECT_EQ(c.scale, 1.5);
  EXPECT_EQ(c.pin, "13579");
  ASSERT_TRUE(c.home);
  EXPECT_EQ(c.home->where.lng, 150);
  EXPECT_EQ(c.home->zoom, 2.5);
  EXPECT_EQ(c.stops, (std::vector<std::string>{"kitakyushu-haiphong", "pasig"}));
  EXPECT_TRUE(c.demo_data);
  EXPECT_FALSE(KioskConfig{}.demo_data) << "measured data unless asked for";
}

TEST(KioskConfig, EachBadMemberIsNamedAndItsDefaultKept) {
  const KioskConfigLoad load = parse_kiosk_config(
      R"({"idle_seconds": -5, "reset_seconds": "soon", "scale": 1e9, "pin": "12", "home": {"lng": 500},
          "stops": [3, "pasig"], "demo_data": "yes"})",
      "kiosk.json");
  const KioskConfig defaults;
  EXPECT_EQ(load.config.idle_seconds, defaults.idle_seconds);
  EXPECT_EQ(load.config.reset_seconds, defaults.reset_seconds);
  EXPECT_EQ(load.config.scale, defaults.scale);
  EXPECT_FALSE(load.config.pin) << "a bad PIN turns the exit off, never to the default";
  EXPECT_FALSE(load.config.home);
  EXPECT_FALSE(load.config.demo_data) << "\"yes\" is not true: measured data stay";
  EXPECT_EQ(load.config.stops, (std::vector<std::string>{"", "pasig"})) << "the bad stop's place kept";
  std::string all;
  for (const std::string& p : load.problems) all += p + "\n";
  for (const char* expected :
       {"kiosk.json: /idle_seconds: is -5, outside 10.0..3600.0", "kiosk.json: /reset_seconds: is not a number",
        "kiosk.json: /scale:", "kiosk.json: /pin:", "kiosk.json: /home/lng:", "kiosk.json: /stops/0:",
        "kiosk.json: /demo_data: is not true or false"})
    EXPECT_NE(all.find(expected), std::string::npos) << expected << " in\n" << all;
}

TEST(KioskConfig, BrokenOrHostileFilesGiveTheDefaultsAndAMessage) {
  for (const char* text : {"", "{", "[1,2]", "null", "\xEF\xBB\xBF{\"idle_seconds\": 1e400}", "{\"stops\": {}}"}) {
    const KioskConfigLoad load = parse_kiosk_config(text, "kiosk.json");
    EXPECT_FALSE(load.problems.empty()) << text;
    EXPECT_EQ(load.config.idle_seconds, 90) << text;
  }
  for (const char* text : {"", "{", "[1,2]", "null"})
    EXPECT_FALSE(parse_kiosk_config(text, "kiosk.json").config.pin) << text << ": the PIN cannot be known";
  const KioskConfigLoad later = parse_kiosk_config(R"({"idle_seconds": 300, "reset_seconds": 200})", "kiosk.json");
  EXPECT_GT(later.config.reset_seconds, later.config.idle_seconds) << "a reset never comes before the tour";
}

// A number where the text belongs (13579, not "13579") once fell back to the published "2468":
// anyone who had read the docs could leave the kiosk.
TEST(KioskConfig, AnInvalidPinFailsClosed) {
  for (const char* pin : {"13579", "\"12\"", "\"12a4\"", "\"123456789\"", "true", "[]"}) {
    const KioskConfigLoad load = parse_kiosk_config(std::string(R"({"pin": )") + pin + "}", "kiosk.json");
    EXPECT_FALSE(load.config.pin) << pin;
    ASSERT_EQ(load.problems.size(), 1u) << pin;
    EXPECT_NE(load.problems[0].find("the operator exit is off"), std::string::npos) << load.problems[0];
  }
  EXPECT_EQ(parse_kiosk_config("{}", "kiosk.json").config.pin, "2468") << "no PIN given: the default";
}

}  // namespace
}  // namespace ccap
