#include "app/bench_app.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "base/file_bytes.h"
#include "map/basemap_format.h"

namespace ccap {

void BenchApp::fail(const std::string& why) {
  failed_ = true;
  if (config_.failed) config_.failed(why);
}

bool BenchApp::init() {
  const bench::PeerSceneParse parsed = bench::parse_peer_scene(config_.query);
  if (!parsed.params) {
    fail(parsed.error);
    return true;  // keep running (a blank map): the harness reads the error
  }
  params_ = *parsed.params;
  camera_.set_zoom_limits(0, 24);
  pending_camera_ = Camera{params_.lon, params_.lat, params_.zoom};
  if (const std::string error = renderer_.init(); !error.empty()) {
    fail("a shader failed: " + error);
    return true;
  }
  const std::string path = config_.data_dir + "/basemap.ccapmap";
  const FileBytes file = read_file_bytes(path, 64u << 20);
  if (!file.bytes) return fail(file.error), true;
  const BasemapDecodeResult decoded = decode_basemap(*file.bytes);
  if (!decoded.map) return fail(path + ": " + decoded.error), true;
  renderer_.upload(*decoded.map, params_);

  const auto start = std::chrono::steady_clock::now();
  const std::vector<bench::PeerPoint> points = bench::peer_points(params_);
  const std::vector<Segment> arcs = bench::peer_arcs(params_);
  renderer_.upload(points, arcs);
  points_ = points.size();
  arc_segments_ = arcs.size();
  build_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}

void BenchApp::frame(const FrameInfo& frame) {
  if (failed_) return;
  camera_.set_viewport(frame.canvas_width, frame.canvas_height);
  if (const auto c = std::exchange(pending_camera_, std::nullopt)) {
    camera_.set_zoom(c->zoom);
    camera_.set_center_lnglat({c->lon, c->lat});
  }
  const render::MapView view = render::make_map_view(camera_, frame.pixel_ratio);
  renderer_.draw(view, camera_.zoom(), frame.framebuffer_width, frame.framebuffer_height);
  if (!drawn_ && config_.scene_drawn) config_.scene_drawn();
  drawn_ = true;
}

std::string BenchApp::describe_json() const {
  const nlohmann::json j = {{"points", points_},
                            {"arcSegments", arc_segments_},
                            {"sceneBuildMs", build_ms_},
                            {"pointDrawing", "GL_POINTS sprites, one vertex a point"},
                            {"basemap", "basemap.ccapmap, Natural Earth 1:50m level"}};
  return j.dump();
}

}  // namespace ccap
