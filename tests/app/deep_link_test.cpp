// Links that reproduce the screen (base/link_state.h) through the real app: opened at start, written
// back as the state changes (history entries for selections and flights, replacements for pans),
// and read part by part when parts are bad.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/link_state.h"
#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

AppConfig config_with_link(std::string link) {
  AppConfig c;
  c.data_dir = CCAP_TEST_DATA_DIR;
  c.demo_data = true;  // links name stations and times of the demo set (data= is tested apart)
  c.link = std::move(link);
  return c;
}

std::string link_notice(const nlohmann::json& state) {
  for (const auto& n : state["notices"])
    if (n["text"].get<std::string>().find("The link") != std::string::npos) return n.dump();
  return "";
}

constexpr const char* kEveryKind =
    "#map=6.5/14.1/101.2&open=city,knowledge&city=bangkok&show=cities,arcs&cert=0,3&programme=c3"
    "&avg=year&time=2025&scale=aqi&air=stations&palette=safe&kb=search&q=bike%20sharing"
    "&facet=kind:practice&entry=practice:taipei-youbike-bike-sharing&compare=pasig,taipei&v=1";

TEST(DeepLink, OpensEveryKindOfStateAndWritesTheSameLinkBack) {
  ScriptedApp scripted(config_with_link(kEveryKind));
  ASSERT_EQ(scripted.run(3, 1280, 800), 0);
  const auto state = scripted.state();
  EXPECT_EQ(link_notice(state), "");
  EXPECT_NEAR(state["map"]["zoom"].get<double>(), 6.5, 1e-9);
  EXPECT_NEAR(state["map"]["center"][0].get<double>(), 101.2, 1e-9);
  EXPECT_NEAR(state["map"]["center"][1].get<double>(), 14.1, 1e-9);
  EXPECT_EQ(state["selection"]["city"], "bangkok");
  EXPECT_FALSE(state["layers"]["labelsOn"].get<bool>());
  EXPECT_TRUE(state["layers"]["arcsOn"].get<bool>());
  EXPECT_EQ(state["air"]["period"], "annual mean");
  EXPECT_NE(state["air"]["scale"].get<std::string>().find("AQI"), std::string::npos) << state["air"]["scale"];
  EXPECT_TRUE(state["knowledge"]["open"].get<bool>());
  EXPECT_EQ(state["knowledge"]["query"], "bike sharing");
  EXPECT_EQ(state["knowledge"]["selected"]["id"], "taipei-youbike-bike-sharing");
  // Written back: every part as it was given (the view at its own precision).
  const LinkParse given = parse_link(kEveryKind), written = parse_link(scripted.app().link());
  EXPECT_TRUE(written.problems.empty());
  auto sorted = [](const LinkState& s) {
    auto pairs = s.pairs();
    std::sort(pairs.begin(), pairs.end());
    return pairs;
  };
  EXPECT_EQ(sorted(written.state), sorted(given.state)) << scripted.app().link();
  ASSERT_TRUE(written.state.view);
  EXPECT_NEAR(written.state.view->zoom, 6.5, 1e-9);
}

TEST(DeepLink, TheDockKeepsTheLinksOrder) {
  for (const char* order : {"city,knowledge", "knowledge,city"}) {
    ScriptedApp scripted(
        config_with_link(std::string("#open=") + order + "&city=pasig&kb=compare&compare=pasig,taipei"));
    ASSERT_EQ(scripted.run(2, 1024, 700), 0);
    const LinkParse written = parse_link(scripted.app().link());
    ASSERT_NE(written.state.get("open"), nullptr) << order;
    EXPECT_EQ(*written.state.get("open"), order);
    EXPECT_EQ(*written.state.get("kb"), "compare");
  }
}

TEST(DeepLink, ABadLinkIsReadPartByPartAndNamed) {
  ScriptedApp scripted(config_with_link(
      "#map=abc/1/2&city=atlantis&pollutant=pm25&avg=fortnight&show=cities,sparkles&zzz=1&q=%E0&kb=search&v=1"));
  ASSERT_EQ(scripted.run(3, 1024, 700), 0);
  const auto state = scripted.state();
  const std::string notice = link_notice(state);
  for (const char* named : {"map 'abc/1/2'", "no partner city 'atlantis'", "avg: 'fortnight'", "no layer 'sparkles'",
                            "'zzz' is not part of a link", "q has a bad %-escape"})
    EXPECT_NE(notice.find(named), std::string::npos) << named << " in " << notice;
  EXPECT_TRUE(state["layers"]["citiesOn"].get<bool>());  // the good parts apply
  EXPECT_FALSE(state["layers"]["arcsOn"].get<bool>());
  EXPECT_TRUE(state["knowledge"]["open"].get<bool>());
  EXPECT_TRUE(state["selection"]["city"].is_null());
}

TEST(DeepLink, SelectionsAndFlightsAreNewHistoryEntriesAndPansReplace) {
  struct Write {
    std::string hash;
    bool push;
  };
  std::vector<Write> writes;
  AppConfig config = config_with_link("");
  config.link_changed = [&](const std::string& hash, bool push) { writes.push_back({hash, push}); };
  ScriptedApp scripted(std::move(config));
  scripted.after_frame(2, [](AtlasApp& app) {
    app.advance_clock(1);
    app.jump_to({120, 10}, 4);  // a pan: replaces
  });
  scripted.after_frame(4, [](AtlasApp& app) {
    app.advance_clock(1);
    app.partnership().select_city("pasig");  // a selection: a new entry
  });
  scripted.after_frame(6, [](AtlasApp& app) { app.advance_clock(1); });
  scripted.after_frame(7, [](AtlasApp& app) { app.jump_to({121, 14.6}, 5); });  // written within 0.5 s: waits
  scripted.after_frame(9, [](AtlasApp& app) { app.advance_clock(1); });
  ASSERT_EQ(scripted.run(12, 1024, 700), 0);
  ASSERT_EQ(writes.size(), 4u);
  EXPECT_FALSE(writes[0].push);  // the page's first link
  EXPECT_FALSE(writes[1].push);
  EXPECT_NE(writes[1].hash.find("map=4/10/120"), std::string::npos) << writes[1].hash;
  EXPECT_TRUE(writes[2].push);
  EXPECT_NE(writes[2].hash.find("city=pasig"), std::string::npos) << writes[2].hash;
  EXPECT_FALSE(writes[3].push);
  EXPECT_NE(writes[3].hash.find("map=5/14.6/121"), std::string::npos) << writes[3].hash;
}

TEST(DeepLink, OpeningALinkLaterRestoresItsStateAndIsNoNewEntry) {
  std::vector<std::pair<std::string, bool>> writes;
  AppConfig config = config_with_link("#city=bangkok&kb=search&q=bus");
  config.link_changed = [&](const std::string& hash, bool push) { writes.emplace_back(hash, push); };
  ScriptedApp scripted(std::move(config));
  std::string first;
  scripted.after_frame(2, [&](AtlasApp& app) {
    first = app.link();
    app.advance_clock(1);
    app.open_link("#map=3/0/150&station=nowhere");  // Back, to a page with other settings
  });
  scripted.after_frame(4, [&](AtlasApp& app) {
    app.advance_clock(1);
    app.open_link(first);  // Forward again
  });
  ASSERT_EQ(scripted.run(6, 1024, 700), 0);
  const auto state = scripted.state();
  EXPECT_EQ(state["selection"]["city"], "bangkok");
  EXPECT_EQ(state["knowledge"]["query"], "bus");
  EXPECT_EQ(scripted.app().link(), first);
  for (const auto& [hash, push] : writes) EXPECT_FALSE(push) << hash;
}

// A link with both a view and a city, on a fresh page and on one already running (Back, a link
// pasted into the address bar): the link's zoom is kept, and its centre too where the city shows
// beside the panel; on a phone, whose sheet covers the city there, only the centre moves.
TEST(DeepLink, AViewAndACityKeepTheLinksZoomOnAFreshAndARunningPage) {
  struct Case {
    int width, height;
    bool centre_kept;
  };
  constexpr const char* kLink = "#map=6/14/104&city=bangkok";
  for (const Case& c : {Case{1280, 800, true}, Case{390, 844, false}}) {
    ScriptedApp fresh(config_with_link(kLink));
    ASSERT_EQ(fresh.run(30, c.width, c.height), 0);
    ScriptedApp running(config_with_link("#city=taipei"));
    running.after_frame(5, [&](AtlasApp& app) {
      app.advance_clock(1);
      app.open_link(kLink);
    });
    for (int f = 6; f < 40; ++f) running.after_frame(f, [](AtlasApp& app) { app.advance_clock(0.1); });
    ASSERT_EQ(running.run(40, c.width, c.height), 0);
    for (const auto& state : {fresh.state(), running.state()}) {
      EXPECT_EQ(state["selection"]["city"], "bangkok");
      EXPECT_DOUBLE_EQ(state["map"]["zoom"].get<double>(), 6) << c.width;
      const double lng = state["map"]["center"][0], lat = state["map"]["center"][1];
      if (c.centre_kept) {
        EXPECT_NEAR(lng, 104, 1e-9);
        EXPECT_NEAR(lat, 14, 1e-9);
      } else {
        EXPECT_NEAR(lng, 100.5, 0.1) << "Bangkok centred above the sheet";
        EXPECT_LT(lat, 13.75) << "the centre south of Bangkok: the city above the sheet";
      }
    }
  }
}

// A bad link opened while the page runs, with the welcome card (which lists notices) folded: its
// header counts the notice until the card is opened.
TEST(DeepLink, ABadLinkOpenedLaterIsCountedOnTheFoldedWelcomeCard) {
  ScriptedApp scripted(config_with_link(""));
  nlohmann::json folded, read;
  scripted.after_frame(2, [](AtlasApp& app) {
    app.layout().set_folded(ui::Slot::WelcomeCard, true);
    app.open_link("#city=atlantis");
  });
  scripted.after_frame(4, [&](AtlasApp& app) {
    folded = nlohmann::json::parse(app.state_json());
    app.layout().set_folded(ui::Slot::WelcomeCard, false);
  });
  scripted.after_frame(6, [&](AtlasApp& app) { app.layout().set_folded(ui::Slot::WelcomeCard, true); });
  scripted.after_frame(8, [&](AtlasApp& app) { read = nlohmann::json::parse(app.state_json()); });
  ASSERT_EQ(scripted.run(9, 1024, 700), 0);
  EXPECT_NE(link_notice(folded).find("atlantis"), std::string::npos) << folded["notices"];
  EXPECT_EQ(folded["ui"]["unreadNotices"], 1);
  EXPECT_EQ(read["ui"]["unreadNotices"], 0) << "read once the card was open";
}

// Warnings about an earlier link do not stay on screen once a good link is opened.
TEST(DeepLink, AGoodLinkClearsWhatAnEarlierLinkWasWarnedFor) {
  ScriptedApp scripted(config_with_link("#city=atlantis"));
  nlohmann::json warned;
  scripted.after_frame(2, [&](AtlasApp& app) {
    warned = nlohmann::json::parse(app.state_json());
    app.open_link("#city=bangkok");
  });
  ASSERT_EQ(scripted.run(4, 1024, 700), 0);
  EXPECT_NE(link_notice(warned), "");
  EXPECT_EQ(link_notice(scripted.state()), "") << scripted.state()["notices"];
  EXPECT_EQ(scripted.state()["selection"]["city"], "bangkok");
}

}  // namespace
}  // namespace ccap::testing
