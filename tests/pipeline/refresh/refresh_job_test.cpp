// `ccap_geodata refresh` against the replay server (127.0.0.1): a new hour is published and a
// second run changes nothing; every way a feed fails leaves its dataset as it was, named, while
// the others are refreshed; the window folds old hours into daily means; and the job killed at
// random moments of its publishing never leaves a set that a browser could read half of.
#include "pipeline/refresh/refresh_job.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "base/file_bytes.h"
#include "features/air/model/air_series.h"
#include "pipeline/airquality/dataset_build.h"
#include "pipeline/byte_stream.h"
#include "pipeline/refresh/air_publish.h"
#include "pipeline/refresh/replay_server.h"
#include "test_paths.h"

extern char** environ;

namespace ccap::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReplayServer;

constexpr std::int64_t kDec7 = 1796601600;  // 2026-12-07T00:00Z

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
void write_text(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// A published set in a fresh folder: MOENV Taiwan (one station, 00:00-02:59 UTC on 7 Dec) and
// OpenAQ Colombo (one station, 00:00), as airquality-datasets would have written it.
struct Served {
  fs::path dir;
  explicit Served(const std::string& name) : dir(fs::temp_directory_path() / (name + std::to_string(::getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    AirIndex index;
    index.datasets.push_back(write("moenv-taiwan", "MOENV (Taiwan)", "12", {121.526528, 25.062361}, 3));
    index.datasets.push_back(write("openaq-colombo", "OpenAQ (Colombo)", "openaq-1", {79.85, 6.91}, 1));
    write_text(dir / "index.json", write_air_index(index));
  }
  ~Served() { fs::remove_all(dir); }
  AirDataset write(const std::string& id, const std::string& title, const std::string& station, LngLat where,
                   std::uint32_t hours) {
    AirQualityData d;
    AirStation s;
    s.id = station, s.name = "Station " + station, s.source = title, s.where = where;
    d.stations = {s};
    d.series = {{0, Pollutant::Pm25, std::vector<float>(hours, 15.0f)}};
    d.first_hour = kDec7, d.hours = hours;
    AirDataset e;
    e.id = id, e.title = title, e.publisher = title, e.licence = "open", e.status = "provisional", e.time_zone = "UTC";
    e.credit = title + " readings", e.attribution = "Air: " + title, e.url = "https://example.org/" + id;
    airquality::describe_series(d, e);
    const auto bytes = encode_air_quality(d);
    e.file = "air/" + id + ".ccapaq", e.bytes = bytes.size();
    write_text(dir / (id + ".ccapaq"), std::string(bytes.begin(), bytes.end()));
    return e;
  }
  AirIndex index() const { return read_air_index(read_text(dir / "index.json"), "index.json"); }
  const AirDataset& entry(const AirIndex& index, const std::string& id) const {
    for (const AirDataset& d : index.datasets)
      if (d.id == id) return d;
    throw std::runtime_error("no " + id);
  }
  AirQualityData series(const AirDataset& d) const {
    const FileBytes f = read_file_bytes((dir / fs::path(d.file).filename()).string(), 1 << 24);
    auto decoded = decode_air_quality(*f.bytes);
    if (!decoded.data) throw std::runtime_error(d.file + ": " + decoded.error);
    return *decoded.data;
  }
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
  // Every file the index names is there and decodes, the size the index says.
  void expect_whole() const {
    const AirIndex i = index();
    ASSERT_TRUE(i.problems.empty()) << i.problems.front();
    ASSERT_EQ(i.datasets.size(), 2u);
    for (const AirDataset& d : i.datasets) {
      const fs::path p = dir / fs::path(d.file).filename();
      ASSERT_TRUE(fs::exists(p)) << d.file;
      EXPECT_EQ(fs::file_size(p), d.bytes) << d.file;
      EXPECT_NO_THROW(series(d));
    }
  }
};

json moenv_record(const char* local_time, const char* pm25) {
  return {{"sitename", "Zhongshan"}, {"county", "Taipei City"},   {"siteid", "12"}, {"longitude", "121.526528"},
          {"latitude", "25.062361"}, {"publishtime", local_time}, {"pm2.5", pm25}};
}
json openaq_page(json results) {
  return {{"bodyJson", {{"meta", {{"page", 1}, {"limit", 100}}}, {"results", results}}}};
}
json openaq_location() {
  return openaq_page(json::array(
      {{{"id", 1},
        {"name", "Colombo"},
        {"coordinates", {{"latitude", 6.91}, {"longitude", 79.85}}},
        {"sensors", json::array({{{"id", 11}, {"parameter", {{"id", 2}, {"name", "pm25"}, {"units", "µg/m³"}}}}})}}}));
}
json openaq_hour(const char* utc, double v) {
  return openaq_page(json::array({{{"value", v},
                                   {"parameter", {{"name", "pm25"}, {"units", "µg/m³"}}},
                                   {"period", {{"datetimeFrom", {{"utc", utc}}}}}}}));
}

// MOENV answers 7 Dec 11:00 in Taipei (03:00 UTC, a new hour); OpenAQ answers `openaq_hours`.
json scenario(const json& openaq_hours) {
  return {{"routes",
           {{"/api/v2/aqx_p_432",
             json::array({{{"bodyJson", {{"records", json::array({moenv_record("2026/12/07 11:00:00", "21")})}}}}})},
            {"/v3/locations", json::array({openaq_location()})},
            {"/v3/sensors/11/hours", openaq_hours}}}};
}

struct Job {
  const Served& served;
  const ReplayServer& server;
  fs::path sources;
  std::vector<double> waits;
  Job(const Served& s, const ReplayServer& r)
      : served(s), server(r), sources(s.dir.parent_path() / (s.dir.filename().string() + "-sources.json")) {
    write_text(sources, json{{"format", 1},
                             {"sources", json::array({{{"dataset", "moenv-taiwan"},
                                                       {"feed", "moenv-aqx"},
                                                       {"url", server.url("/api/v2/aqx_p_432")},
                                                       {"key_env", "TEST_MOENV_KEY"}},
                                                      {{"dataset", "openaq-colombo"},
                                                       {"feed", "openaq-v3"},
                                                       {"url", server.url("/v3")},
                                                       {"bbox", {79.8, 6.8, 80.0, 7.0}}}})}}
                            .dump());
  }
  ~Job() { fs::remove(sources); }
  RefreshOptions options() {
    RefreshOptions o;
    o.sources = sources.string();
    o.out_dir = served.dir.string();
    o.env = [](const std::string& name) {
      return name == "TEST_MOENV_KEY" ? std::string("k-secret-42") : std::string();
    };
    o.fetch = [this](const HttpRequest& request) {
      HttpRequest quick = request;
      quick.timeout_s = 1;  // the slow answer is 3 s: past it
      quick.max_bytes = 1 << 20;
      return http_get(quick, [this](double s) { waits.push_back(s); });
    };
    return o;
  }
  RefreshResult run() { return run_refresh(options()); }
};

const DatasetRefresh& report(const RefreshResult& r, const std::string& id) {
  for (const DatasetRefresh& d : r.datasets)
    if (d.id == id) return d;
  throw std::runtime_error("no report for " + id);
}

TEST(RefreshJob, PublishesTheNewHourAndASecondRunChangesNothing) {
  Served served("ccap-refresh-new-");
  ReplayServer server(scenario(json::array({openaq_hour("2026-12-07T01:00:00Z", 30)})));
  ASSERT_TRUE(server.running());
  Job job(served, server);
  const AirIndex before = served.index();
  const RefreshResult first = job.run();
  ASSERT_EQ(first.error, "");
  ASSERT_TRUE(first.ok()) << first.error << report(first, "moenv-taiwan").failure
                          << report(first, "openaq-colombo").failure;
  EXPECT_TRUE(first.published);
  const AirIndex after = served.index();
  const AirDataset& moenv = served.entry(after, "moenv-taiwan");
  EXPECT_NE(moenv.file, served.entry(before, "moenv-taiwan").file) << "a new name for new bytes";
  EXPECT_EQ(moenv.hours, 4u) << "00:00 to 03:00 UTC";
  const AirQualityData series = served.series(moenv);
  EXPECT_FLOAT_EQ(series.series[0].values[3], 21);
  const std::string gz = (served.dir / (fs::path(moenv.file).filename().string() + ".gz")).string();
  EXPECT_EQ(read_text(gz).substr(0, 2), "\x1f\x8b") << "its gzip form beside it";
  std::string why;
  const auto packed = read_all(file_stream(gz), 1 << 24, why);  // (gunzipped as it is read)
  ASSERT_TRUE(packed) << why;
  EXPECT_EQ(*packed, encode_air_quality(series)) << "the same bytes";
  EXPECT_EQ(series.description, dataset_caption(moenv));
  const AirDataset& openaq = served.entry(after, "openaq-colombo");
  EXPECT_EQ(openaq.hours, 2u);
  const std::string line = report(first, "moenv-taiwan").line;
  EXPECT_NE(line.find("1 new hour"), std::string::npos) << line;
  EXPECT_NE(line.find("newest 2026-12-07T03:00:00Z"), std::string::npos) << line;
  EXPECT_EQ(line.find("k-secret-42"), std::string::npos) << "the key is never printed";
  for (const json& q : server.requests())
    if (q["url"].get<std::string>().find("/v3/sensors") == 0) {
      EXPECT_NE(q["url"].get<std::string>().find("datetime_from=2026-12-06T01:00:00Z"), std::string::npos)
          << "asked from a day before the newest hour held: " << q["url"];
    }
  EXPECT_TRUE(fs::exists(served.dir / "moenv-taiwan.ccapaq")) << "the previous set's files stay for a while";

  const std::string index_text = read_text(served.dir / "index.json");
  const std::vector<std::string> files = served.files();
  const RefreshResult second = job.run();
  EXPECT_TRUE(second.ok());
  EXPECT_FALSE(second.published);
  EXPECT_NE(report(second, "moenv-taiwan").line.find("nothing new"), std::string::npos);
  EXPECT_EQ(read_text(served.dir / "index.json"), index_text) << "a second run changes nothing";
  EXPECT_EQ(served.files(), files);
}

// Each way a feed can fail, on OpenAQ's hours; MOENV's feed answers well all the while.
struct Failure {
  const char* name;
  json answers;
  const char* said;  // in the dataset's reason
};

class RefreshFailures : public ::testing::TestWithParam<Failure> {};

TEST_P(RefreshFailures, KeepTheFailedDatasetAsItWasAndSayWhyWhileTheOthersAreRefreshed) {
  Served served("ccap-refresh-fail-");
  ReplayServer server(scenario(GetParam().answers));
  ASSERT_TRUE(server.running());
  Job job(served, server);
  const AirIndex before = served.index();
  const RefreshResult r = job.run();
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.published) << "MOENV was refreshed";
  const std::string why = report(r, "openaq-colombo").failure;
  EXPECT_NE(why.find(GetParam().said), std::string::npos) << why;
  EXPECT_NE(report(r, "openaq-colombo").line.find("kept as it was"), std::string::npos);
  const AirIndex after = served.index();
  EXPECT_EQ(served.entry(after, "openaq-colombo").file, served.entry(before, "openaq-colombo").file);
  EXPECT_EQ(served.entry(after, "openaq-colombo").hours, 1u);
  EXPECT_EQ(served.entry(after, "moenv-taiwan").hours, 4u);
  served.expect_whole();
}

const json kHtml = {{"contentType", "text/html"},
                    {"body", "<html><body>Service temporarily unavailable</body></html>"}};
INSTANTIATE_TEST_SUITE_P(
    EveryWay, RefreshFailures,
    ::testing::Values(
        Failure{"ServerErrors", json::array({{{"status", 500}}}), "HTTP 500 (4 tries)"},
        Failure{"HtmlWithStatus200", json::array({kHtml}), "text/html, not JSON"},
        Failure{"TruncatedBody", json::array({{{"body", "{\"results\": [1, 2"}, {"truncate", true}}}), "4 tries"},
        Failure{"WrongContentType", json::array({{{"contentType", "text/plain"}, {"body", "{}"}}}), "text/plain"},
        Failure{"HugeBody", json::array({{{"repeat", {{"text", std::string(1024, 'x')}, {"count", 4096}}}}}), "bytes"},
        Failure{"SlowPastTheTimeout", json::array({{{"delayMs", 3000}, {"bodyJson", json::object()}}}), "4 tries"},
        Failure{"Garbage", json::array({{{"body", "{\"results\": 7}"}}}), "results"},
        Failure{"RateLimitedPastItsTries", json::array({{{"status", 429}, {"headers", {{"Retry-After", "5"}}}}}),
                "HTTP 429"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(RefreshJob, AMissingKeyIsNamedAndTheDatasetKept) {
  Served served("ccap-refresh-key-");
  ReplayServer server(scenario(json::array({openaq_hour("2026-12-07T01:00:00Z", 30)})));
  Job job(served, server);
  RefreshOptions o = job.options();
  o.env = [](const std::string&) { return std::string(); };
  const RefreshResult r = run_refresh(o);
  EXPECT_NE(report(r, "moenv-taiwan").failure.find("TEST_MOENV_KEY"), std::string::npos);
  EXPECT_EQ(served.entry(served.index(), "moenv-taiwan").hours, 3u);
  EXPECT_EQ(served.entry(served.index(), "openaq-colombo").hours, 2u);
}

TEST(RefreshJob, ADamagedIndexPublishesNothing) {
  Served served("ccap-refresh-index-");
  write_text(served.dir / "index.json", "{\"version\": 1, \"datasets\": [");
  ReplayServer server(scenario(json::array({openaq_hour("2026-12-07T01:00:00Z", 30)})));
  Job job(served, server);
  const RefreshResult r = job.run();
  EXPECT_NE(r.error.find("index.json"), std::string::npos) << r.error;
  EXPECT_FALSE(r.published);
  EXPECT_EQ(read_text(served.dir / "index.json"), "{\"version\": 1, \"datasets\": [");
}

TEST(RefreshJob, HoursOlderThanTheWindowFoldIntoTheDailyArchive) {
  Served served("ccap-refresh-window-");
  ReplayServer server(scenario(json::array({openaq_hour("2026-12-09T05:00:00Z", 30)})));
  Job job(served, server);
  json sources = json::parse(read_text(job.sources));
  sources["window_days"] = 2;  // 8 and 9 Dec stay; 7 Dec folds
  write_text(job.sources, sources.dump());
  const RefreshResult r = job.run();
  ASSERT_TRUE(r.published);
  const AirIndex after = served.index();
  const AirDataset& openaq = served.entry(after, "openaq-colombo");
  EXPECT_EQ(openaq.first_hour, kDec7 + 86400);
  EXPECT_EQ(openaq.hours, 24u + 6u);
  EXPECT_EQ(read_text(served.dir / "openaq-colombo.daily.csv"),
            "station,pollutant,date,mean_ugm3,hours\nopenaq-1,pm25,2026-12-07,15.00,1\n");
  EXPECT_NE(report(r, "openaq-colombo").line.find("1 day folded into daily means"), std::string::npos);
}

// The job run as the service runs it, killed (SIGKILL) at moments spread over its publishing
// (CCAP_REFRESH_STEP_PAUSE_MS stretches each step to 25 ms): after every kill the folder serves a
// whole set, and the run after the last kill completes and leaves no temporary file.
TEST(RefreshJob, KilledAtAnyMomentItLeavesAWholeSetAndTheNextRunCompletes) {
  Served served("ccap-refresh-kill-");
  ReplayServer server(scenario(json::array({openaq_hour("2026-12-07T01:00:00Z", 30)})));
  ASSERT_TRUE(server.running());
  Job job(served, server);
  const std::string start_index = read_text(served.dir / "index.json");
  const auto spawn = [&](bool pause) {
    std::vector<std::string> env = {"TEST_MOENV_KEY=k", "PATH=/usr/bin:/bin"};
    if (pause) env.push_back("CCAP_REFRESH_STEP_PAUSE_MS=25");
    std::vector<char*> envp;
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = {CCAP_GEODATA_TOOL,    "refresh",   "--sources",
                                     job.sources.string(), "--out-dir", served.dir.string()};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    EXPECT_EQ(posix_spawn(&pid, argv[0], &quiet, nullptr, argv.data(), envp.data()), 0);
    posix_spawn_file_actions_destroy(&quiet);
    return pid;
  };
  int killed = 0, completed = 0;
  for (int round = 0; round < 16; ++round) {
    const pid_t pid = spawn(true);
    ::usleep(static_cast<useconds_t>(20000 + round * 9000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    (WIFSIGNALED(status) ? killed : completed) += 1;
    served.expect_whole();
    if (::testing::Test::HasFatalFailure()) return;
    if (!WIFSIGNALED(status)) write_text(served.dir / "index.json", start_index);  // again from the start
  }
  EXPECT_GT(killed, 0);
  write_text(served.dir / "index.json", start_index);
  const pid_t pid = spawn(false);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  served.expect_whole();
  EXPECT_EQ(served.entry(served.index(), "moenv-taiwan").hours, 4u);
  for (const std::string& f : served.files()) EXPECT_EQ(f.find(".tmp-"), std::string::npos) << "left behind: " << f;
}

}  // namespace
}  // namespace ccap::pipeline
