// The app drawn on Mesa with no display: the map and the ImGui panels are really on the
// framebuffer, read back through the same pixel probes the browser tests use.
#include <gtest/gtest.h>

#include <unistd.h>
#include "base/file_bytes.h"
#include "features/citymap/model/city_tile_index.h"
#include "map/basemap_format.h"

#include <filesystem>
#include <fstream>

#include "features/air/model/air_scale.h"
#include "features/partnership/model/marker_style.h"
#include "map/great_circle.h"
#include "map/palette.h"
#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

AppConfig test_config() {
  AppConfig c;
  c.data_dir = CCAP_TEST_DATA_DIR;
  c.demo_data = true;  // the overlay's drawing is tested on the demo set, whose values are known
  return c;
}

const nlohmann::json* find_window(const nlohmann::json& state, const std::string& name) {
  for (const auto& w : state["uiWindows"])
    if (w["name"] == name) return &w;
  return nullptr;
}

struct Place {
  const char* name;
  LngLat where;
  Rgba8 expected;
};

// Probes each place (in the view after `setup`) at frame 3 and checks its colour at frame 4.
void expect_places(const std::vector<Place>& places, const std::function<void(AtlasApp&)>& setup = {}) {
  ScriptedApp scripted(test_config());
  std::vector<int> ids;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings basemap_only;  // these tests are about the basemap: no markers or arcs on top
    basemap_only.cities = basemap_only.arcs = basemap_only.labels = false;
    app.partnership().set_layers(basemap_only);
    AirSettings no_air = app.air().overlay().settings();
    no_air.stations = no_air.surface = false;
    app.air().set_settings(no_air);
    for (ui::Slot slot : {ui::Slot::WelcomeCard, ui::Slot::LayersPanel})  // panels must not cover a probe
      app.layout().set_folded(slot, true);
    if (setup) setup(app);
  });
  scripted.after_frame(3, [&](AtlasApp& app) {
    for (const Place& p : places) {
      const glm::dvec2 at = app.camera().lnglat_to_screen(p.where);
      ids.push_back(app.request_probe(static_cast<float>(at.x), static_cast<float>(at.y)));
    }
  });
  ASSERT_EQ(scripted.run(4, 1024, 700), 0);
  const auto state = scripted.state();
  ASSERT_TRUE(state["map"]["basemapLoaded"].get<bool>()) << state["notices"].dump();
  for (std::size_t i = 0; i < places.size(); ++i) {
    const Rgba8 got = probe_color(state, ids[i]);
    EXPECT_LE(channel_distance(got, places[i].expected), 2)
        << places[i].name << ": " << to_hex(got) << ", expected " << to_hex(places[i].expected);
  }
}

}  // namespace

TEST(AppRender, DrawsTheWelcomePanelOverTheMap) {
  ScriptedApp scripted(test_config());
  int panel_probe = 0;
  nlohmann::json panel;
  // Frame 2: the panel has its size; probe inside its right padding.
  scripted.after_frame(2, [&](AtlasApp& app) {
    const auto state = nlohmann::json::parse(app.state_json());
    const auto* w = find_window(state, "Clean Air Atlas");
    ASSERT_NE(w, nullptr);
    panel = *w;
    panel_probe =
        app.request_probe(panel["x"].get<float>() + 5, panel["y"].get<float>() + panel["height"].get<float>() - 5);
  });
  ASSERT_EQ(scripted.run(3, 1024, 700), 0);
  const auto state = scripted.state();
  EXPECT_EQ(state["frame"], 3);
  EXPECT_EQ(state["canvas"]["width"], 1024);
  EXPECT_EQ(state["framebuffer"]["height"], 700);
  EXPECT_GT(panel["width"].get<float>(), 100);
  EXPECT_GT(panel["height"].get<float>(), 60);
  EXPECT_NE(find_window(state, "Map controls"), nullptr);
  EXPECT_TRUE(state["notices"].empty()) << state["notices"].dump();
  // The panel's body: opaque white over whatever the map drew there.
  const Rgba8 got = probe_color(state, panel_probe);
  EXPECT_GE(std::min({got.r, got.g, got.b}), 245) << to_hex(got);
}

TEST(AppRender, OnAPhoneSizedCanvasThePanelsStartFolded) {
  ScriptedApp scripted(test_config());
  ASSERT_EQ(scripted.run(3, 390, 700), 0);
  const auto state = scripted.state();
  for (const char* name : {"Clean Air Atlas", "Layers & legend"}) {
    const auto* w = find_window(state, name);
    ASSERT_NE(w, nullptr) << name;
    EXPECT_LE((*w)["height"].get<float>(), ui::kTouchTarget) << name << " is folded to its header";
    EXPECT_LE((*w)["x"].get<float>() + (*w)["width"].get<float>(), 390) << name << " fits the screen";
  }
}

// Land and ocean at known places, Chukotka across 180° and the Wrangel Island seam are render
// tests as data: tests/render/ (render_cases_test.cpp).

TEST(AppRender, TheLevelOfDetailCrossFadeKeepsLandAndOceanExact) {
  // Zoom 2.7 is inside the fade from 1:110m to 1:50m (starting at 2.4): the stencil path draws.
  using namespace palette;
  expect_places(
      {
          {"Kyushu", {130.75, 32.75}, kLand},
          {"central China", {105, 35}, kLand},
          {"Philippine Sea", {137, 22}, kOcean},
      },
      [](AtlasApp& app) {
        app.jump_to({125, 28}, 2.7);
      });
}

TEST(AppRender, KeepsRunningAndSaysWhatIsMissing) {
  AppConfig config;
  config.data_dir = "/nonexistent";
  ScriptedApp scripted(config);
  int probe = 0;
  scripted.after_frame(2, [&](AtlasApp& app) { probe = app.request_probe(500, 300); });
  ASSERT_EQ(scripted.run(3, 1024, 700), 0);
  const auto state = scripted.state();
  const std::string notices = state["notices"].dump();
  EXPECT_NE(notices.find("/nonexistent/fonts/NotoSans-Regular.ttf"), std::string::npos) << notices;
  EXPECT_NE(notices.find("Basemap not loaded (/nonexistent/basemap.ccapmap: cannot be opened"), std::string::npos)
      << notices;
  EXPECT_FALSE(state["map"]["basemapLoaded"].get<bool>());
  EXPECT_LE(channel_distance(probe_color(state, probe), palette::kOcean), 1) << "the ocean is still drawn";
}

TEST(AppRender, ACorruptBasemapIsReportedNotDrawn) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ccap-corrupt-basemap-" + std::to_string(::getpid()));
  fs::create_directories(dir / "fonts");
  fs::copy_file(fs::path(CCAP_TEST_DATA_DIR) / "fonts/NotoSans-Regular.ttf", dir / "fonts/NotoSans-Regular.ttf",
                fs::copy_options::overwrite_existing);
  std::vector<char> bytes(fs::file_size(fs::path(CCAP_TEST_DATA_DIR) / "basemap.ccapmap"));
  std::ifstream(fs::path(CCAP_TEST_DATA_DIR) / "basemap.ccapmap", std::ios::binary).read(bytes.data(), bytes.size());
  bytes[bytes.size() / 2] ^= 0x40;
  std::ofstream(dir / "basemap.ccapmap", std::ios::binary).write(bytes.data(), bytes.size());

  AppConfig config;
  config.data_dir = dir.string();
  ScriptedApp scripted(config);
  ASSERT_EQ(scripted.run(2, 640, 480), 0);
  const std::string notices = scripted.state()["notices"].dump();
  EXPECT_NE(notices.find("checksum mismatch (corrupted file)"), std::string::npos) << notices;
  EXPECT_NE(notices.find("the map shows the ocean only"), std::string::npos) << notices;
  fs::remove_all(dir);
}

}  // namespace ccap::testing

namespace ccap::testing {

TEST(PartnershipRender, MarkersAndTheTranspacificArcAreDrawnWhereTheyBelong) {
  ScriptedApp scripted(AppConfig{CCAP_TEST_DATA_DIR, {}});
  int baguio = 0, kitakyushu = 0, arc_mid = 0, ocean = 0;
  scripted.after_frame(1, [](AtlasApp& app) {
    LayerSettings steady;  // no flow: the arc's colour is steady
    steady.flow = false;
    steady.labels = false;
    app.partnership().set_layers(steady);
    AirSettings no_air = app.air().overlay().settings();
    no_air.stations = no_air.surface = false;
    app.air().set_settings(no_air);
  });
  scripted.after_frame(3, [&](AtlasApp& app) {
    auto at = [&](LngLat p) {
      const glm::dvec2 s = app.camera().lnglat_to_screen(p);
      return app.request_probe(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    arc_mid = at(great_circle_midpoint({100.50144, 13.75398}, {-117.16472, 32.71571}));
    ocean = at({158, 8});  // open ocean, south of the arcs
  });
  scripted.after_frame(4, [](AtlasApp& app) {  // the probes above read frame 4
    app.jump_to({125.5, 25}, 4);  // near enough for Baguio's own marker (at the home view it is in a group)
  });
  scripted.after_frame(5, [&](AtlasApp& app) {
    auto at = [&](LngLat p) {
      const glm::dvec2 s = app.camera().lnglat_to_screen(p);
      return app.request_probe(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    baguio = at({120.593, 16.416});
    kitakyushu = at({130.85034, 33.85181});
  });
  ASSERT_EQ(scripted.run(7, 1024, 700), 0);
  const auto state = scripted.state();
  ASSERT_TRUE(state["layers"]["partnershipLoaded"].get<bool>()) << state["notices"].dump();
  EXPECT_EQ(state["layers"]["cities"], 32);
  EXPECT_EQ(state["layers"]["pairs"], 5);
  EXPECT_EQ(state["layers"]["markers"], 32);
  EXPECT_LE(channel_distance(probe_color(state, baguio), certification_color(1)), 3) << "Bronze pilot: orange";
  EXPECT_LE(channel_distance(probe_color(state, kitakyushu), certification_color(0)), 3) << "not certified: blue";
  const Rgba8 arc = probe_color(state, arc_mid);
  EXPECT_GT(channel_distance(arc, palette::kOcean), 60) << "the arc crosses the Pacific there: " << to_hex(arc);
  EXPECT_LT(arc.r, arc.b) << "in the arc's blue: " << to_hex(arc);
  EXPECT_LE(channel_distance(probe_color(state, ocean), palette::kOcean), 2) << "and nothing is drawn elsewhere";
}

// Arcs are simplified for small scales (map/gl/line_levels.h): zoomed out, Bangkok - San Diego
// must still cover the pixels of its ends and of points all along its great circle.
TEST(PartnershipRender, ZoomedOutAnArcStillPassesThroughItsEndsAndItsGreatCircle) {
  const LngLat bangkok{100.50144, 13.75398}, san_diego{-117.16472, 32.71571};
  const auto path = great_circle_path(bangkok, san_diego, 8);  // the ends and 7 points between
  ScriptedApp scripted(AppConfig{CCAP_TEST_DATA_DIR, {}});
  std::vector<int> ids;
  int ocean = 0;
  double zoom = 0;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings arcs_only;  // no markers over the ends, no names, a steady colour
    arcs_only.cities = arcs_only.labels = arcs_only.flow = false;
    app.partnership().set_layers(arcs_only);
    AirSettings no_air = app.air().overlay().settings();
    no_air.stations = no_air.surface = false;
    app.air().set_settings(no_air);
    for (ui::Slot slot : {ui::Slot::WelcomeCard, ui::Slot::LayersPanel}) app.layout().set_folded(slot, true);
    app.jump_to(great_circle_midpoint(bangkok, san_diego), 0.6);  // the whole Pacific, 300 px across
  });
  scripted.after_frame(3, [&](AtlasApp& app) {
    zoom = app.camera().zoom();
    for (const LngLat& p : path) {
      const glm::dvec2 at = app.camera().lnglat_to_screen({wrap_longitude(p.lng), p.lat});
      ids.push_back(app.request_probe(static_cast<float>(at.x), static_cast<float>(at.y)));
    }
    const glm::dvec2 south = app.camera().lnglat_to_screen({-160, -5});  // open ocean, far from every arc
    ocean = app.request_probe(static_cast<float>(south.x), static_cast<float>(south.y));
  });
  ASSERT_EQ(scripted.run(4, 1024, 700), 0);
  const auto state = scripted.state();
  ASSERT_TRUE(state["layers"]["partnershipLoaded"].get<bool>()) << state["notices"].dump();
  EXPECT_LT(zoom, 1) << "zoomed out: a simplified level is drawn";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Rgba8 got = probe_color(state, ids[i]);
    EXPECT_GT(channel_distance(got, palette::kOcean), 60) << i << "/8 along the arc: " << to_hex(got);
    EXPECT_GT(channel_distance(got, palette::kLand), 60) << i << "/8 along the arc: " << to_hex(got);
    EXPECT_LT(got.r + 40, got.b) << i << "/8 along the arc, in its blue: " << to_hex(got);
  }
  EXPECT_LE(channel_distance(probe_color(state, ocean), palette::kOcean), 2) << "and nothing is drawn elsewhere";
}

// One station north of Bangkok with two days of PM2.5: 10 µg/m³ on the first (meets the WHO
// 24-hour guideline), 60 on the second (between interim targets 2 and 1).
TEST(AirQualityRender, AStationsColourFollowsTheTimeThePaletteAndTheSurfaceEndsNearIt) {
  const LngLat station{100.70, 14.20};
  AirQualityData d;
  d.first_hour = 1735689600;
  d.hours = 48;
  AirStation st;
  st.id = "test-1";
  st.where = station;
  d.stations.push_back(st);
  AirSeries series{0, Pollutant::Pm25, std::vector<float>(48, 10.0f)};
  for (std::size_t h = 24; h < 48; ++h) series.values[h] = 60;
  d.series.push_back(series);
  const auto bytes = encode_air_quality(d);

  ScriptedApp scripted(test_config());
  std::vector<int> ids;
  const auto probe_at = [&](AtlasApp& app, LngLat p) {
    const glm::dvec2 at = app.camera().lnglat_to_screen(p);
    ids.push_back(app.request_probe(static_cast<float>(at.x), static_cast<float>(at.y)));
  };
  const LngLat near{100.73, 14.20}, far{101.02, 14.30};  // ~3 km east; ~36 km east-north-east
  AirSettings s;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings none;
    none.cities = none.arcs = none.labels = none.flow = false;
    app.partnership().set_layers(none);
    const std::vector<std::uint8_t> garbage{'C', 'C', 'A', 'P', 1, 2, 3};
    EXPECT_EQ(app.air().load_bytes(garbage, "broken.ccapaq", app.notices()),
              "broken.ccapaq: too short for a .ccapaq header");
    EXPECT_TRUE(app.air().overlay().loaded()) << "the data loaded before stays";
    ASSERT_EQ(app.air().load_bytes(bytes, "test", app.notices()), "");
    s = app.air().overlay().settings();
    s.pollutant = Pollutant::Pm25;
    s.period = AirPeriod::Day;
    s.step = 0;
    s.scale = AirScaleKind::Who;
    s.surface = false;
    app.air().set_settings(s);
    app.jump_to(station, 10);
  });
  scripted.after_frame(3, [&](AtlasApp& app) { probe_at(app, station); });
  scripted.after_frame(4, [&](AtlasApp& app) {
    s.step = 1;
    app.air().set_settings(s);
  });
  scripted.after_frame(6, [&](AtlasApp& app) { probe_at(app, station); });
  scripted.after_frame(7, [&](AtlasApp& app) {
    s.colour_blind_safe = true;
    s.surface = true;
    app.air().set_settings(s);
  });
  scripted.after_frame(9, [&](AtlasApp& app) {
    probe_at(app, station);
    probe_at(app, near);
    probe_at(app, far);
  });
  ASSERT_EQ(scripted.run(10, 1024, 700), 0);
  const auto state = scripted.state();
  ASSERT_TRUE(state["air"]["loaded"].get<bool>()) << state["notices"].dump();
  const auto who = *make_color_scale(AirScaleKind::Who, Pollutant::Pm25, AirPeriod::Day, false);
  const auto who_cvd = *make_color_scale(AirScaleKind::Who, Pollutant::Pm25, AirPeriod::Day, true);
  const Rgba8 day1 = probe_color(state, ids[0]), day2 = probe_color(state, ids[1]), cvd = probe_color(state, ids[2]);
  EXPECT_LE(channel_distance(day1, who.bands[0].color), 3) << to_hex(day1) << ": meets the guideline";
  EXPECT_LE(channel_distance(day2, who.bands[4].color), 3) << to_hex(day2) << ": interim target 1";
  EXPECT_LE(channel_distance(cvd, who_cvd.bands[4].color), 3) << to_hex(cvd) << ": the colour-blind-safe ramp";
  const Rgba8 near_colour = probe_color(state, ids[3]), far_colour = probe_color(state, ids[4]);
  EXPECT_GT(channel_distance(near_colour, palette::kLand), 20)
      << to_hex(near_colour) << ": the surface near the station";
  EXPECT_LE(channel_distance(far_colour, palette::kLand), 2) << to_hex(far_colour) << ": no surface beyond 30 km";
  EXPECT_GT(state["air"]["surfaceSamples"].get<int>(), 0);
  EXPECT_EQ(state["air"]["markers"], 1);
}

// One station at `where` with a day of PM2.5 at 60 µg/m³ (between interim targets 2 and 1): the
// surface around it is coloured wherever it is drawn.
std::vector<std::uint8_t> one_station_day(LngLat where, const char* id) {
  AirQualityData d;
  d.first_hour = 1735689600;
  d.hours = 24;
  AirStation st;
  st.id = id;
  st.where = where;
  d.stations.push_back(st);
  d.series.push_back({0, Pollutant::Pm25, std::vector<float>(24, 60.0f)});
  return encode_air_quality(d);
}

// The surface is interpolated between stations on land: it stops at the coast (map/gl/
// land_mask.h). A station on the shore of the Gulf of Thailand, and two points as far from it,
// one inland and one out at sea.
TEST(AirQualityRender, TheSurfaceStopsAtTheCoast) {
  const LngLat station{100.60, 13.56}, inland{100.60, 13.70}, sea{100.60, 13.40};  // ~16-18 km away
  const auto bytes = one_station_day(station, "shore-1");

  AppConfig config = test_config();
  config.demo_data = false;
  ScriptedApp scripted(config);
  std::vector<int> ids;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings none;
    none.cities = none.arcs = none.labels = none.flow = false;
    app.partnership().set_layers(none);
    ASSERT_EQ(app.air().load_bytes(bytes, "shore", app.notices()), "");
    AirSettings s = app.air().overlay().settings();
    s.pollutant = Pollutant::Pm25;
    s.period = AirPeriod::Day;
    s.surface = true;
    app.air().set_settings(s);
    app.jump_to(station, 9);
  });
  scripted.after_frame(20, [&](AtlasApp& app) {  // the city tiles have come: hold the clock past their fade
    app.hold_clock();
    app.advance_clock(1);
  });
  scripted.after_frame(24, [&](AtlasApp& app) {
    for (const LngLat p : {inland, sea}) {
      const glm::dvec2 at = app.camera().lnglat_to_screen(p);
      ids.push_back(app.request_probe(static_cast<float>(at.x), static_cast<float>(at.y)));
    }
  });
  ASSERT_EQ(scripted.run(26, 1024, 700), 0);
  const auto state = scripted.state();
  ASSERT_GT(state["air"]["surfaceSamples"].get<int>(), 0);
  const Rgba8 on_land = probe_color(state, ids[0]), at_sea = probe_color(state, ids[1]);
  EXPECT_GT(channel_distance(on_land, palette::kLand), 20) << to_hex(on_land) << ": the surface inland";
  EXPECT_LE(channel_distance(at_sea, palette::kOcean), 2) << to_hex(at_sea) << ": the sea, uncoloured";
}

}  // namespace ccap::testing

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace ccap::testing {

// The city tiles' index the tests' data folder holds (data/tiles/index.json).
CityTileIndex test_tile_index() {
  const auto bytes = read_file_bytes(std::string(CCAP_TEST_DATA_DIR) + "/tiles/index.json", 1 << 20);
  if (!bytes.bytes) return {};
  return read_city_tile_index(std::string_view(reinterpret_cast<const char*>(bytes.bytes->data()), bytes.bytes->size()),
                              "index");
}

// Whether the tile's square holds the world point.
bool holds(const CityTileEntry& t, WorldPoint p) {
  return p.x >= t.world_west() && p.x < t.world_west() + t.world_size() && p.y >= t.world_north() &&
         p.y < t.world_north() + t.world_size();
}

TEST(CityMapRender, AtZoom10OverBangkokTheTilesInViewAreFetchedAndTheirRiverIsDrawn) {
  // The Chao Phraya as Bangkok's tile holds it: a river segment's middle, probed on screen.
  const LngLat bangkok{100.52, 13.75};
  const std::string dir = CCAP_TEST_DATA_DIR;
  const CityTileIndex index = test_tile_index();
  ASSERT_FALSE(index.tiles.empty()) << dir << "/tiles/index.json";
  const WorldPoint at = project(bangkok);
  const auto tile = std::find_if(index.tiles.begin(), index.tiles.end(),
                                 [&](const CityTileEntry& t) { return t.z == 8 && holds(t, at); });
  ASSERT_NE(tile, index.tiles.end()) << "Bangkok has a tile";
  const auto tile_bytes = read_file_bytes(dir + "/tiles/" + tile->file, 4 << 20);
  ASSERT_TRUE(tile_bytes.bytes);
  const Basemap map = *decode_basemap(*tile_bytes.bytes).map;
  // The river segment nearest Bangkok (the Chao Phraya runs through it), long enough to probe.
  const Segment* river = nullptr;
  double best = 1e9;
  for (const Segment& r : map.levels[0].rivers) {
    const double mx = (r.a.x + r.b.x) / 2.0, my = (r.a.y + r.b.y) / 2.0;
    const double d = std::hypot(mx - at.x, my - at.y);
    if (d < best && std::hypot(r.b.x - r.a.x, r.b.y - r.a.y) * 256 * 1024 > 20) best = d, river = &r;
  }
  ASSERT_NE(river, nullptr);
  const LngLat middle = unproject({(river->a.x + river->b.x) / 2.0, (river->a.y + river->b.y) / 2.0});

  AppConfig config = test_config();
  config.demo_data = false;
  ScriptedApp scripted(config);
  int probe = -1;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings none;
    none.cities = none.arcs = none.labels = none.flow = false;
    app.partnership().set_layers(none);
    app.jump_to(bangkok, 10);
  });
  scripted.after_frame(20, [&](AtlasApp& app) {  // the index and the tiles have come (a frame each)
    app.hold_clock();
    app.advance_clock(1);  // their 0.2 s fade-in over, on the app's clock
  });
  scripted.after_frame(40, [&](AtlasApp& app) {
    const glm::dvec2 p = app.camera().lnglat_to_screen(middle);
    probe = app.request_probe(static_cast<float>(p.x), static_cast<float>(p.y));
  });
  ASSERT_EQ(scripted.run(42, 1024, 700), 0);
  const auto state = scripted.state();
  const auto& c = state["cityMap"];
  EXPECT_EQ(c["index"], "read");
  EXPECT_GE(c["drawn"].get<int>(), 1) << c.dump();
  EXPECT_LE(c["requested"].get<int>(), 4 + 2)
      << "only the tiles that meet the view (and a regional one or two): " << c.dump();
  EXPECT_EQ(c["failed"], 0);
  const Rgba8 colour = probe_color(state, probe);
  EXPECT_LE(channel_distance(colour, palette::kRiver), 40) << to_hex(colour) << ": the river, not the land";
  EXPECT_GT(channel_distance(colour, palette::kLand), 30) << to_hex(colour);
  // Bangkok's neighbours are named; Bangkok itself, a partner city, is not among them.
  std::vector<std::string> names;
  for (const auto& n : c["names"]) names.push_back(n["name"]);
  EXPECT_NE(std::find(names.begin(), names.end(), "Nonthaburi"), names.end()) << c["names"].dump();
  EXPECT_NE(std::find(names.begin(), names.end(), "Samut Prakan"), names.end()) << c["names"].dump();
  EXPECT_EQ(std::find(names.begin(), names.end(), "Bangkok"), names.end());
}

// Bangkok's own tile damaged, every other tile missing: the world map stays under them, one
// notice says so (not one per tile), and the map is drawn.
TEST(CityMapRender, DamagedAndMissingTilesLeaveTheWorldMapWithOneNotice) {
  namespace fs = std::filesystem;
  const fs::path source = CCAP_TEST_DATA_DIR;
  const fs::path dir = fs::temp_directory_path() / ("ccap-broken-tiles-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "tiles");
  for (const auto& entry : fs::directory_iterator(source))
    if (entry.path().filename() != "tiles") fs::create_symlink(entry.path(), dir / entry.path().filename());
  for (const char* keep : {"index.json", "places.json"})
    fs::create_symlink(source / "tiles" / keep, dir / "tiles" / keep);
  const CityTileIndex index = test_tile_index();
  ASSERT_FALSE(index.tiles.empty());
  const LngLat bangkok{100.52, 13.75};
  const WorldPoint at = project(bangkok);
  for (const CityTileEntry& t : index.tiles) {
    if (holds(t, at)) {
      auto bytes = *read_file_bytes((source / "tiles" / t.file).string(), 4 << 20).bytes;
      bytes[bytes.size() / 2] ^= 0x40;
      std::ofstream(dir / "tiles" / t.file, std::ios::binary)
          .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
  }

  AppConfig config = test_config();
  config.data_dir = dir.string();
  config.demo_data = false;
  ScriptedApp scripted(config);
  int probe = -1;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings none;
    none.cities = none.arcs = none.labels = none.flow = false;
    app.partnership().set_layers(none);
    app.jump_to(bangkok, 10);
  });
  scripted.after_frame(20, [&](AtlasApp& app) {
    const glm::dvec2 p = app.camera().lnglat_to_screen(bangkok);
    probe = app.request_probe(static_cast<float>(p.x), static_cast<float>(p.y));
  });
  ASSERT_EQ(scripted.run(22, 1024, 700), 0);
  const auto state = scripted.state();
  fs::remove_all(dir);
  const auto& c = state["cityMap"];
  EXPECT_EQ(c["index"], "read");
  EXPECT_GE(c["failed"].get<int>(), 2) << c.dump();
  EXPECT_EQ(c["loaded"], 0) << c.dump();
  EXPECT_EQ(c["drawn"], 0) << c.dump();
  int told = 0;
  for (const auto& n : state["notices"]) told += n.dump().find("city-scale") != std::string::npos;
  EXPECT_EQ(told, 1) << state["notices"].dump();
  const Rgba8 colour = probe_color(state, probe);
  EXPECT_LE(channel_distance(colour, palette::kLand), 2) << to_hex(colour) << ": the world map's land at Bangkok";
}

// Where four city tiles meet (at Ulaanbaatar, far from any coast), no crack along their edges:
// the air surface, drawn only where the map has land (map/gl/land_mask.h), covers every pixel
// along both edges and beside them. A gap in a tile's land, or between two tiles, would be sea in
// the land mask: a line of uncoloured land across the surface.
TEST(CityMapRender, NoCrackWhereFourTilesMeet) {
  const CityTileIndex index = test_tile_index();
  ASSERT_FALSE(index.tiles.empty());
  const auto has = [&](int x, int y) {
    return std::any_of(index.tiles.begin(), index.tiles.end(),
                       [&](const CityTileEntry& t) { return t.z == 8 && t.x == x && t.y == y; });
  };
  const WorldPoint ulaanbaatar = project({106.92, 47.92});
  const auto tile = std::find_if(index.tiles.begin(), index.tiles.end(), [&](const CityTileEntry& t) {
    return t.z == 8 && has(t.x - 1, t.y) && has(t.x, t.y - 1) && has(t.x - 1, t.y - 1) &&
           std::hypot(t.world_west() - ulaanbaatar.x, t.world_north() - ulaanbaatar.y) < t.world_size();
  });
  ASSERT_NE(tile, index.tiles.end()) << "four tiles meet at Ulaanbaatar";
  const LngLat corner = unproject({tile->world_west(), tile->world_north()});
  const auto bytes = one_station_day(corner, "corner-1");

  AppConfig config = test_config();
  config.demo_data = false;
  ScriptedApp scripted(config);
  std::vector<int> ids;
  scripted.after_frame(1, [&](AtlasApp& app) {
    LayerSettings none;
    none.cities = none.arcs = none.labels = none.flow = false;
    app.partnership().set_layers(none);
    ASSERT_EQ(app.air().load_bytes(bytes, "corner", app.notices()), "");
    AirSettings s = app.air().overlay().settings();
    s.pollutant = Pollutant::Pm25;
    s.period = AirPeriod::Day;
    s.surface = true;
    s.stations = false;  // the surface alone
    app.air().set_settings(s);
    app.jump_to(corner, 10);
  });
  scripted.after_frame(20, [&](AtlasApp& app) {
    app.hold_clock();
    app.advance_clock(1);  // the tiles' fade-in over
  });
  scripted.after_frame(24, [&](AtlasApp& app) {
    const glm::dvec2 c = app.camera().lnglat_to_screen(corner);
    for (double along = -60; along <= 60; along += 6)  // 21 x 5 x 2 probes (at most 256 are kept)
      for (double across : {-1.0, -0.5, 0.0, 0.5, 1.0}) {
        ids.push_back(app.request_probe(static_cast<float>(c.x + along), static_cast<float>(c.y + across)));
        ids.push_back(app.request_probe(static_cast<float>(c.x + across), static_cast<float>(c.y + along)));
      }
  });
  ASSERT_EQ(scripted.run(26, 1024, 700), 0);
  const auto state = scripted.state();
  EXPECT_GE(state["cityMap"]["drawn"].get<int>(), 4)
      << "the four city tiles (the regional one under them is not drawn)" << state["cityMap"].dump();
  int cracks = 0;
  std::string where;
  for (int id : ids) {
    const Rgba8 colour = probe_color(state, id);
    if (channel_distance(colour, palette::kLand) <= 20 || channel_distance(colour, palette::kOcean) <= 20)
      ++cracks, where = to_hex(colour);
  }
  EXPECT_EQ(cracks, 0) << cracks << " of " << ids.size() << " pixels along the edges are not under the surface ("
                       << where << ")";
}

TEST(UiFont, HasEveryGlyphOfTheContentsLocalNames) {
  ScriptedApp scripted(AppConfig{CCAP_TEST_DATA_DIR, {}});
  std::vector<unsigned> missing;
  scripted.after_frame(2, [&](AtlasApp&) {
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    // Hải Phòng, Đà Nẵng, Đà Lạt, µg/m³, the middle dot and the dash used in the panels.
    for (const char* text : {"Hải Phòng", "Đà Nẵng", "Đà Lạt", "µg/m³", "·", "–"}) {
      const char* p = text;
      while (*p) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
      }
    }
  });
  ASSERT_EQ(scripted.run(2, 640, 480), 0);
  EXPECT_TRUE(missing.empty()) << "missing U+" << std::hex << (missing.empty() ? 0u : missing[0]);
}

}  // namespace ccap::testing

namespace ccap::testing {
namespace {

// After the GL context comes back (natively: the app is told so while its context lives on, so
// its old GL names leak but nothing else differs), every GPU resource is made again: the same
// frame is drawn, pixel for pixel, at places over land, sea, cities, arcs and panels.
TEST(AppRender, AfterTheGpuIsRestoredTheSameFrameIsDrawn) {
  ScriptedApp scripted(test_config());
  std::vector<int> before, after;
  scripted.after_frame(2, [](AtlasApp& app) {
    LayerSettings still;
    still.flow = false;  // nothing moves between the frames compared
    app.partnership().set_layers(still);
  });
  const auto ask = [](AtlasApp& app, std::vector<int>& ids) {
    for (float x = 20; x < 1024; x += 120)  // (both sets within the 256 probes kept)
      for (float y = 20; y < 700; y += 100) ids.push_back(app.request_probe(x, y));
    for (const City& c : app.partnership().partnership()->cities) {  // every marker's centre
      const glm::dvec2 at = app.camera().lnglat_to_screen(c.where);
      if (at.x < 0 || at.y < 0 || at.x >= 1024 || at.y >= 700) continue;
      ids.push_back(app.request_probe(static_cast<float>(at.x), static_cast<float>(at.y)));
    }
  };
  scripted.after_frame(4, [&](AtlasApp& app) { ask(app, before); });
  scripted.after_frame(6, [](AtlasApp& app) { app.gpu_restored(); });
  scripted.after_frame(8, [&](AtlasApp& app) { ask(app, after); });
  ASSERT_EQ(scripted.run(10, 1024, 700), 0);
  const auto state = scripted.state();
  ASSERT_EQ(before.size(), after.size());
  int differ = 0;
  for (std::size_t i = 0; i < before.size(); ++i)
    if (to_hex(probe_color(state, before[i])) != to_hex(probe_color(state, after[i]))) ++differ;
  EXPECT_EQ(differ, 0) << "of " << before.size() << " probes";
  EXPECT_TRUE(state["notices"].empty()) << state["notices"].dump();
}

}  // namespace
}  // namespace ccap::testing
