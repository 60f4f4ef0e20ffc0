// Your own data in the native app (issue 29): `--open FILE...` reads files through the importers
// the pipeline uses, shows them instead of the built-in set (or joined to it), says in the badge
// whose data it is, reports every file, and Remove returns to the built-in data. Never on a kiosk.
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "features/air/model/air_series.h"
#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

namespace fs = std::filesystem;

struct Files {
  fs::path dir = fs::temp_directory_path() / ("ccap-own-data-" + std::to_string(::getpid()));
  Files() { fs::create_directories(dir); }
  ~Files() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
  std::string write_gz(const std::string& name, const std::string& text, std::size_t keep = std::string::npos) const {
    const std::string path = (dir / name).string();
    gzFile out = gzopen(path.c_str(), "wb");
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
    if (keep != std::string::npos) fs::resize_file(path, keep);
    return path;
  }
};

// Two days of hourly PM2.5 at the U.S. embassy's monitor in Colombo, 3 km from the city's marker,
// with a negative value and a bad time among them.
std::string colombo_csv() {
  std::string text = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n";
  for (int h = 0; h < 48; ++h) {
    char row[160];
    std::snprintf(row, sizeof row,
                  "8054,23360,US Diplomatic Post: Colombo,2024-03-%02dT%02d:00:00Z,6.913253,79.848684,pm25,µg/m³,%d\n",
                  1 + h / 24, h % 24, 20 + h % 7);
    text += row;
  }
  return text + "8054,23360,US Diplomatic Post: Colombo,2024-03-02T05:00:00Z,6.913253,79.848684,pm25,µg/m³,-3\n" +
         "8054,23360,US Diplomatic Post: Colombo,not a time,6.913253,79.848684,pm25,µg/m³,30\n";
}

nlohmann::json own_of(const nlohmann::json& state) { return state["air"]["own"]; }

TEST(OwnData, OpenedFilesAreShownWithAReportAndTheBadgeNamesThemAndRemoveReturnsToTheBuiltInData) {
  Files files;
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  config.open_files = {files.write_gz("colombo.csv.gz", colombo_csv()), files.write("notes.txt", "hello there\n"),
                       files.write_gz("cut.csv.gz", colombo_csv(), 200)};
  std::vector<std::string> saved;
  config.save_file = [&](const std::string& name, const std::string&, const std::string& bytes) {
    saved.push_back(name);
    std::ofstream(files.dir / name, std::ios::binary) << bytes;
    return "Saved " + name;
  };
  ScriptedApp scripted(config);
  nlohmann::json shown, removed;
  scripted.after_frame(3, [&](AtlasApp& app) {
    shown = scripted.state();
    app.command(OwnDataAction{OwnDataAction::Kind::SaveSeries});
    app.command(OwnDataAction{OwnDataAction::Kind::SaveCsv});
  });
  scripted.after_frame(5, [&](AtlasApp& app) { app.command(OwnDataAction{OwnDataAction::Kind::Remove}); });
  scripted.after_frame(7, [&](AtlasApp&) { removed = scripted.state(); });
  ASSERT_EQ(scripted.run(7, 1024, 700), 0);

  const nlohmann::json own = own_of(shown);
  ASSERT_TRUE(own["shown"].get<bool>()) << own.dump();
  EXPECT_EQ(shown["air"]["dataset"], "yours");
  EXPECT_EQ(shown["air"]["caption"].get<std::string>().rfind("your data: colombo.csv.gz, ", 0), 0u)
      << shown["air"]["caption"];
  EXPECT_NE(shown["air"]["credit"].get<std::string>().find("nothing was uploaded"), std::string::npos);
  EXPECT_EQ(shown["air"]["stations"], 1);
  EXPECT_EQ(shown["air"]["hours"], 48);
  ASSERT_EQ(own["files"].size(), 3u);
  const auto& good = own["files"][0];
  EXPECT_EQ(good["kind"], "the OpenAQ archive CSV");
  EXPECT_EQ(good["accepted"], 48);
  EXPECT_EQ(good["rejected"]["negative value"], 1);
  EXPECT_EQ(good["rejected"]["bad timestamp"], 1);
  EXPECT_EQ(good["fatal"], "");
  EXPECT_NE(own["files"][1]["fatal"].get<std::string>().rfind("notes.txt: ", 0), std::string::npos);
  EXPECT_EQ(own["files"][2]["fatal"], "cut.csv.gz: the gzip data is cut short") << own["files"][2].dump();
  ASSERT_EQ(own["matches"].size(), 1u);
  EXPECT_EQ(own["matches"][0]["city"], "Colombo");

  // Taken away and opened again: the same series.
  ASSERT_EQ(saved.size(), 2u);
  EXPECT_NE(saved[0].find(".ccapaq"), std::string::npos);
  const std::string series = (files.dir / saved[0]).string();
  std::ifstream in(series, std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const AirQualityDecodeResult back = decode_air_quality(bytes);
  ASSERT_TRUE(back.data) << back.error;
  EXPECT_EQ(back.data->hours, 48u);
  EXPECT_NEAR(back.data->series[0].values[0], 20, 0.01);
  std::ifstream csv(files.dir / saved[1]);
  std::string header;
  std::getline(csv, header);
  EXPECT_NE(header.find("station_id,station_name,source,latitude,longitude,pollutant,time_utc,value_ugm3,flags"),
            std::string::npos);

  EXPECT_FALSE(own_of(removed)["shown"].get<bool>());
  EXPECT_NE(removed["air"]["dataset"], "yours");
}

// A CSV whose header does not say: reported with what is missing; the columns chosen (as the
// report's dialog or the page chooses them), the --open files are read again and it is shown.
TEST(OwnData, ColumnsChosenForACsvThatDidNotSayReadItAgain) {
  Files files;
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  config.open_files = {files.write("mine.csv", "when,where_x,where_y,what\n2024-03-01 05:00:00,100.5,13.7,33\n")};
  ScriptedApp scripted(config);
  nlohmann::json asked, read;
  scripted.after_frame(2, [&](AtlasApp& app) {
    asked = scripted.state();
    app.command(ChooseColumns{"mine.csv", "when", "where_x", "where_y", "where_x", "what", "no2"});
  });
  scripted.after_frame(5, [&](AtlasApp&) { read = scripted.state(); });
  ASSERT_EQ(scripted.run(5, 1024, 700), 0);
  EXPECT_FALSE(own_of(asked)["shown"].get<bool>());
  EXPECT_EQ(own_of(asked)["files"][0]["missing"].size(), 4u);
  ASSERT_TRUE(own_of(read)["shown"].get<bool>()) << own_of(read).dump();
  EXPECT_EQ(own_of(read)["files"][0]["accepted"], 1);
  EXPECT_EQ(read["air"]["pollutant"], "NO2");
}

TEST(OwnData, AKioskOpensNoFiles) {
  Files files;
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  config.kiosk = true;
  config.open_files = {files.write("colombo.csv", colombo_csv())};
  ScriptedApp scripted(config);
  nlohmann::json state;
  scripted.after_frame(3, [&](AtlasApp&) { state = scripted.state(); });
  ASSERT_EQ(scripted.run(3, 1024, 700), 0);
  EXPECT_FALSE(own_of(state)["shown"].get<bool>());
  EXPECT_TRUE(own_of(state)["files"].empty());
  EXPECT_NE(state["air"]["dataset"], "yours");
}

}  // namespace
}  // namespace ccap::testing
