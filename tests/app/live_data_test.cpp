// Live data in the native app: the air index is read again every 10 minutes of the app's clock
// (PollData), and a newer series for the dataset on screen replaces it in place; the station and
// the newest hour shown stay, and an index that cannot be read leaves the data with a notice.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "base/file_bytes.h"
#include "features/air/model/air_datasets.h"
#include "features/air/model/air_series.h"
#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

namespace fs = std::filesystem;

std::string text_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The test data, its air folder a copy that the test publishes into as the refresh job would.
struct LiveData {
  fs::path dir = fs::temp_directory_path() / ("ccap-live-data-" + std::to_string(::getpid()));
  LiveData() {
    const fs::path source = CCAP_TEST_DATA_DIR;
    fs::remove_all(dir);
    fs::create_directories(dir / "air");
    for (const auto& entry : fs::directory_iterator(source))
      if (entry.path().filename() != "air") fs::create_symlink(entry.path(), dir / entry.path().filename());
    for (const auto& entry : fs::directory_iterator(source / "air"))
      if (entry.path().extension() == ".ccapaq" || entry.path().filename() == "index.json")
        fs::copy_file(entry.path(), dir / "air" / entry.path().filename());
  }
  ~LiveData() { fs::remove_all(dir); }
  // A refresh: MOENV's series with one hour more, Zhongshan ("12") at `pm25` in it, published
  // under a new name and then the index.
  void publish_next_hour(float pm25) const {
    AirIndex index = read_air_index(text_of(dir / "air/index.json"), "index.json");
    AirDataset& e = *std::find_if(index.datasets.begin(), index.datasets.end(),
                                  [](const AirDataset& d) { return d.id == "moenv-taiwan"; });
    const auto bytes = *read_file_bytes((dir / e.file).string(), 1 << 26).bytes;
    AirQualityData data = *decode_air_quality(bytes).data;
    ++data.hours;
    for (AirSeries& s : data.series) {
      s.values.push_back(NAN);
      if (data.stations[s.station].id == "12" && s.pollutant == Pollutant::Pm25) s.values.back() = pm25;
    }
    const auto next = encode_air_quality(data);
    e.file = "air/moenv-taiwan-next.ccapaq";
    e.bytes = next.size();
    e.hours = data.hours;
    std::ofstream(dir / e.file, std::ios::binary).write(reinterpret_cast<const char*>(next.data()), next.size());
    std::ofstream(dir / "air/index.json", std::ios::binary) << write_air_index(index);
  }
};

TEST(LiveData, ANewerSeriesReplacesTheDataOnScreenAtTheNextPollAndABrokenIndexIsSaidNotUsed) {
  LiveData live;
  AppConfig config;
  config.data_dir = live.dir.string();
  ScriptedApp scripted(config);
  nlohmann::json shown, before_poll, polled, broken;
  scripted.after_frame(1, [&](AtlasApp& app) { app.jump_to({121.5265, 25.0624}, 11); });
  scripted.after_frame(6, [&](AtlasApp& app) {
    app.hold_clock();
    ASSERT_TRUE(app.air().select_station("12"));
    AirSettings s = app.air().overlay().settings();
    s.period = AirPeriod::Hour;
    s.step = app.air().overlay().timeline().steps(AirPeriod::Hour) - 1;  // the newest hour
    app.air().set_settings(s);
  });
  scripted.after_frame(8, [&](AtlasApp& app) {
    shown = nlohmann::json::parse(app.state_json())["air"];
    live.publish_next_hour(42.5f);
    app.advance_clock(shown["nextPollIn"].get<double>() - 1);
  });
  scripted.after_frame(10, [&](AtlasApp& app) {
    before_poll = nlohmann::json::parse(app.state_json())["air"];
    app.advance_clock(1);
  });
  scripted.after_frame(14, [&](AtlasApp& app) {
    polled = nlohmann::json::parse(app.state_json())["air"];
    std::ofstream(live.dir / "air/index.json") << "{\"version\": 1, \"datasets\": [";
    app.advance_clock(600);
  });
  scripted.after_frame(18, [&](AtlasApp& app) { broken = nlohmann::json::parse(app.state_json()); });
  ASSERT_EQ(scripted.run(18, 1024, 700), 0);
  ASSERT_EQ(shown["dataset"], "moenv-taiwan");
  EXPECT_EQ(shown["selectedStation"], "12");
  EXPECT_GT(shown["nextPollIn"].get<double>(), 0);
  EXPECT_NEAR(polled["nextPollIn"].get<double>(), 600, 1e-6) << "every 10 minutes (the clock is held)";
  EXPECT_EQ(before_poll["refreshes"], 0) << "not before 10 minutes";
  EXPECT_EQ(polled["refreshes"], 1);
  EXPECT_EQ(polled["file"], "air/moenv-taiwan-next.ccapaq");
  EXPECT_EQ(polled["hours"], shown["hours"].get<int>() + 1);
  EXPECT_EQ(polled["selectedStation"], "12") << "the station stays selected";
  EXPECT_EQ(polled["selectedValue"], 42.5) << "at the new hour: a visitor at the newest hour follows it";
  EXPECT_EQ(broken["air"]["selectedValue"], 42.5) << "the data on screen is kept";
  bool said = false;
  for (const auto& n : broken["notices"])
    said = said || n.dump().find("changed but cannot be read") != std::string::npos;
  EXPECT_TRUE(said) << broken["notices"].dump();
}

}  // namespace
}  // namespace ccap::testing
