// Entry point of both builds: makes the app, hands it to the platform.
//   native: clean_air_atlas [--data DIR] [--frames N] [--size WxH] [--debug] [--kiosk] [--link HASH] [--bench QUERY]
//           [--open FILE...]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "app/atlas_app.h"
#include "app/bench_api.h"
#include "app/bench_app.h"
#include "app/page_api.h"
#include "app/test_api.h"
#include "platform/platform.h"

namespace {

void usage() {
  std::fprintf(
      stderr,
      "usage: clean_air_atlas [--data DIR] [--frames N] [--size WxH] [--debug] [--kiosk] [--demo] [--link HASH] "
      "[--bench QUERY] [--open FILE...]\n"
      "  --data DIR   folder with fonts/, basemap and content (default: data)\n"
      "  --frames N   quit after N frames (default: run until the window closes)\n"
      "  --size WxH   window size in logical pixels (default: 1280x800)\n"
      "  --debug      show frame times (in the browser: ?debug=1)\n"
      "  --kiosk      an unattended display (in the browser: ?kiosk=1; docs/kiosk.md)\n"
      "  --demo       synthetic demo readings on the air overlay, instead of measured ones (?demo=1)\n"
      "  --link HASH  open this link, e.g. '#map=5/13.75/100.5&city=bangkok' (docs/deep-links.md)\n"
      "  --bench Q    draw the peer benchmark's scene instead, e.g. 'n=100000&m=1000' (docs/performance.md)\n"
      "  --open F...  your own air-quality files on the map (OpenAQ, MOENV, air4thai, AirNow, data.gov.sg, CSV,\n"
      "               GeoJSON points, .ccapaq; gzipped too): every argument after it (docs/your-data.md)\n");
}

}  // namespace

int main(int argc, char** argv) {
  ccap::AppConfig config;
#ifdef __EMSCRIPTEN__
  config.data_dir = "/data";  // web/loader.js writes the downloaded data files here
#endif
  config.open_url = ccap::platform::open_url;
  config.exit_kiosk = ccap::platform::exit_kiosk;
  config.kiosk_reset = ccap::platform::kiosk_reset;
#ifdef __EMSCRIPTEN__
  config.fetch_data = ccap::platform::fetch_data;
  config.cancel_data = ccap::platform::cancel_data;
  config.poll_data = ccap::platform::poll_data;
  config.pick_data_files = ccap::platform::pick_data_files;
  config.read_files_again = ccap::platform::read_files_again;
#endif
  config.link_changed = ccap::platform::link_changed;
  config.share_link = ccap::platform::share_link;
  config.save_file = ccap::platform::save_file;
  config.print_picture = ccap::platform::print_picture;
  config.web_share = ccap::platform::has_web_share();
  config.accessible_changed = ccap::platform::accessible_changed;
  config.request_frame = ccap::platform::request_frame;
  ccap::platform::RunOptions options;
  std::optional<std::string> bench;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--data" && has_value) {
      config.data_dir = argv[++i];
    } else if (arg == "--frames" && has_value) {
      options.max_frames = std::strtol(argv[++i], nullptr, 10);
    } else if (arg == "--debug") {
      config.debug = true;
    } else if (arg == "--kiosk") {
      config.kiosk = true;
    } else if (arg == "--demo") {  // in the browser: ?demo=1
      config.demo_data = true;
    } else if (arg == "--link" && has_value) {  // in the browser: the page's hash
      config.link = argv[++i];
    } else if (arg == "--bench" && has_value) {  // the page's ?bench=1&n=...
      bench = argv[++i];
    } else if (arg == "--later" && has_value) {  // the page's loader: a data file it fetches after the map
      config.later.push_back(argv[++i]);
    } else if (arg == "--missing" && has_value) {  // the page's loader: a data file it could not get
      config.missing.push_back(argv[++i]);
    } else if (arg == "--open") {  // the rest are files
      while (i + 1 < argc) config.open_files.push_back(argv[++i]);
    } else if (arg == "--size" && has_value && std::sscanf(argv[++i], "%dx%d", &options.width, &options.height) == 2) {
    } else {
      usage();
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  if (bench) {
    ccap::BenchConfig bench_config{config.data_dir, *bench, ccap::platform::bench_scene_drawn,
                                   ccap::platform::bench_failed, ccap::platform::request_frame};
    static ccap::BenchApp bench_app(std::move(bench_config));
    ccap::set_bench_api_target(&bench_app);
    return ccap::platform::run(bench_app, options);
  }
  static ccap::AtlasApp app(config);  // static: on the web the main loop outlives main()
  ccap::set_test_api_target(&app);
  ccap::set_page_api_target(&app);
  return ccap::platform::run(app, options);
}
