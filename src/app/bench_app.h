#pragma once
// The peer benchmark's page (?bench=1, ../shared/peer-bench/README.md): instead of the atlas, the
// harness's fixed scene (features/bench/model/peer_scene.h) drawn with the app's own renderers —
// the basemap's land and outlines, line buffers for the arcs, point sprites for the points — so
// that first frame, pan frame time, CPU and bytes compare with deck.gl and MapLibre GL JS.
// No panels and no fonts: the page loads the app and the basemap only.
#include <functional>
#include <optional>
#include <string>

#include "features/bench/gl/peer_scene_renderer.h"
#include "features/bench/model/peer_scene.h"
#include "host/application.h"
#include "map/map_camera.h"

namespace ccap {

struct BenchConfig {
  std::string data_dir = "data";  // basemap.ccapmap
  std::string query;              // the page's URL query: ?bench=1&n=&m=&lon=&lat=&zoom=&seed=
  // The first frame holding the whole scene has been issued (the platform fences it, for
  // firstFrameMs); the scene cannot be drawn, and why.
  std::function<void()> scene_drawn = {};
  std::function<void(const std::string& why)> failed = {};
  std::function<void()> request_frame = {};  // the camera moved: draw (Application::next_frame_at)
};

class BenchApp final : public Application {
 public:
  explicit BenchApp(BenchConfig config) : config_(std::move(config)) {}

  bool init() override;
  void frame(const FrameInfo& frame) override;
  void event(const InputEvent&) override {}  // the harness moves the camera, nobody else
  void shutdown() override {}
  bool uses_imgui() const override { return false; }
  double next_frame_at(double now) const override { return pending_camera_ || !drawn_ ? now : 1e300; }

  // The harness's setCamera({lon, lat, zoom}): shown by the next frame.
  void set_camera(double lon, double lat, double zoom) {
    pending_camera_ = Camera{lon, lat, zoom};
    if (config_.request_frame) config_.request_frame();
  }
  std::string describe_json() const;  // counts and timings for the harness's results.json

 private:
  struct Camera {
    double lon, lat, zoom;
  };
  void fail(const std::string& why);

  BenchConfig config_;
  bench::PeerSceneParams params_;
  MapCamera camera_;
  std::optional<Camera> pending_camera_;
  bool drawn_ = false, failed_ = false;
  render::PeerSceneRenderer renderer_;
  std::size_t points_ = 0, arc_segments_ = 0;
  double build_ms_ = 0;  // generating and uploading the points and arcs
};

}  // namespace ccap
