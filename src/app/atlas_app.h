#pragma once
// Clean Air Atlas itself: the map (camera and navigation) and the features, composed behind the
// four callbacks the platform drives. Adding a feature is one line in the constructor's list.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/app_clock.h"
#include "app/imgui_layer.h"
#include "app/pixel_probe.h"
#include "base/notices.h"
#include "features/air/air_feature.h"
#include "features/basemap/basemap_feature.h"
#include "features/citymap/citymap_feature.h"
#include "features/kiosk/kiosk_feature.h"
#include "features/knowledge/knowledge_feature.h"
#include "features/partnership/partnership_feature.h"
#include "features/share/share_feature.h"
#include "host/application.h"
#include "map/gl/frame_renderer.h"
#include "map/map_camera.h"
#include "map/navigation.h"

namespace ccap {

struct AppConfig {
  std::string data_dir = "data";  // fonts/, basemap.ccapmap, partnership.json, airquality.ccapaq
  // Opens a source link for the user (a new browser tab); given by the platform.
  std::function<void(const std::string& url)> open_url;
  bool debug = false;                     // ?debug=1: frame times in the welcome card
  bool kiosk = false;                     // ?kiosk=1: an unattended display (features/kiosk)
  std::vector<std::string> missing = {};  // data files the page could not download (web/loader.js)
  std::vector<std::string> later = {};    // data files the page fetches after the map is drawn
  // Fetches a data file the app wants now (FetchData): it arrives through data_arrived. Unset
  // (natively): every file is in the data folder already, and arrives after the frame.
  std::function<void(const std::string& name, std::uint64_t bytes)> fetch_data = {};
  // Stops fetching a file asked for with fetch_data (CancelData): it does not arrive. Unset natively.
  std::function<void(const std::string& name)> cancel_data = {};
  // Asks for a live data file again (PollData): it arrives through data_arrived when it changed.
  // Unset natively: it is read from the data folder again, after the frame.
  std::function<void(const std::string& name)> poll_data = {};
  bool demo_data = false;  // ?demo=1, --demo: synthetic demo readings on the air overlay
  // Kiosk mode: the operator left it (the platform reloads the page without ?kiosk=1); the kiosk
  // reset itself after an idle time (the platform may switch to a new deployment now, unseen).
  std::function<void()> exit_kiosk = {}, kiosk_reset = {};
  // The link the page was opened with (the URL's hash, "#map=..."): the screen it reproduces.
  std::string link = {};
  // The link that reproduces the screen changed (base/link_state.h): `push` a new history entry
  // (a selection, a panel, a flight's end: what Back should return from) or replace the current
  // one (a pan, a zoom). Called at most every kMinLinkInterval, and not while the map moves.
  std::function<void(const std::string& hash, bool push)> link_changed = {};
  // Sharing (features/share): the link (a share sheet where the browser has one, else the
  // clipboard); a file for the user (a download); a picture printed beside the open panel's text.
  // Each returns what it did, for the user and the test API ("copied", "shared", "saved ...").
  bool web_share = false;  // the browser has navigator.share
  std::function<std::string(const std::string& hash, const std::string& title)> share_link = {};
  std::function<std::string(const std::string& name, const std::string& mime, const std::string& bytes)> save_file = {};
  std::function<std::string(const std::string& png)> print_picture = {};
  // The page's accessible companion (web/a11y.js) changed: its document, as JSON (feature.h,
  // write_accessible). Called at most every kMinAccessibleInterval, and only on a change.
  std::function<void(const std::string& json)> accessible_changed = {};
  // Render on demand: the app changed outside the platform's events; draw (next_frame_at).
  std::function<void()> request_frame = {};
  // Your own data (issue 29): the page's file picker for air-quality files (OpenDataFiles), and the
  // last import's files read again (ReadFilesAgain: columns were chosen for one); each file then
  // comes through the import calls below. Unset natively: `--open FILE...` (open_files) are read
  // at start, and again when asked.
  std::function<void()> pick_data_files = {}, read_files_again = {};
  std::vector<std::string> open_files = {};
};

inline constexpr double kMinAccessibleInterval = 0.25;  // s

inline constexpr double kMinLinkInterval = 0.5;  // s between link writes (Safari allows ~100 per 30 s)

class AtlasApp final : public Application {
 public:
  static constexpr double kMaxZoom = 11;  // the deepest the map zooms (city streets)

  explicit AtlasApp(AppConfig config);

  bool init() override;
  void frame(const FrameInfo& frame) override;
  void event(const InputEvent& event) override;
  void shutdown() override;
  void text_input(const std::string& utf8) override {
    imgui_.text_input(utf8);
    wake();
  }
  bool wants_text_input() const override;

  // Opens a link (Back, Forward, a hash typed into the address bar): applied at the next frame;
  // what it cannot use is named in a notice, the rest applies.
  void open_link(const std::string& hash) override { pending_link_ = hash; }
  void shared(const std::string& outcome) override {
    share_.report(outcome);
    wake();
  }
  // A data file that comes after the map (AppConfig::later): its progress in bytes on the wire,
  // then its arrival in the data folder (ok), or that it could not be downloaded.
  void data_progress(const std::string& name, double loaded, double total);
  void data_arrived(const std::string& name, bool ok);
  double next_frame_at(double now) const override;
  // Something outside the platform's events changed the app (the test or page API): draw again.
  void wake() {
    woken_ = true;
    if (config_.request_frame) config_.request_frame();
  }
  // The link that reproduces what is shown now.
  std::string link() const;
  // The next frame is saved as a picture (as the share menu's "Save image" does).
  void save_picture() { picture_ = SavePicture{}; }

  // The page's accessible companion's document (feature.h, write_accessible).
  std::string accessible_json() const;
  // What the page's companion asks (app/page_api.h): carried out after the next frame.
  void command(Command c) { commands_.push_back(std::move(c)); }

  // Your own data, as the page (app/page_api.h) or --open hands it over (app/own_files.cpp; the air
  // feature reads it: AirFeature::import_begin...). import_end marks stations near partner cities.
  bool import_begin(std::size_t files);
  void import_file(const std::string& name, std::uint64_t size);
  int import_chunk(std::span<const std::uint8_t> bytes);
  void import_file_end(const std::string& error);
  void import_end();
  // Natively: the files at `paths` (gzipped or not, unpacked with zlib), a 1 MiB chunk at a time.
  void import_paths(const std::vector<std::string>& paths);

  // For the test API (app/test_api.h) and the render tests.
  std::string state_json() const;
  int request_probe(float x, float y) { return probes_.request(x, y); }
  const MapCamera& camera() const { return camera_; }
  void fly_to(LngLat center, double zoom) { navigator_.fly_to(center, zoom, now_); }
  void jump_to(LngLat center, double zoom) { navigator_.jump_to({project(center), zoom}); }
  Notices& notices() { return notices_; }
  PartnershipFeature& partnership() { return partnership_; }
  AirFeature& air() { return air_; }
  KnowledgeFeature& knowledge() { return knowledge_; }
  KioskFeature& kiosk() { return kiosk_; }
  ShareFeature& share() { return share_; }
  // Moves the app's clock on by `seconds` (tests of idle times, without waiting for them); holds
  // it, so that it moves only when advanced (app/app_clock.h).
  void advance_clock(double seconds) { clock_.advance(seconds); }
  void hold_clock() { clock_.hold(now_); }
  // The GL context was lost and is back: every GPU resource is made and uploaded again.
  void gpu_restored() override;
  ui::Layout& layout() { return imgui_.layout(); }
  DockStack& dock() { return dock_; }

 private:
  void pick(FrameContext& ctx);
  void key(const InputEvent& e, double t);  // t: when, on the frame clock
  InitContext init_context() {
    return {config_.data_dir, notices_, dock_, config_.missing, config_.later, config_.demo_data, config_.kiosk};
  }
  // The camera's centre that shows `where` in the middle of the map area the panels leave free.
  WorldPoint centre_showing(LngLat where, double zoom) const;
  WorldPoint centre_showing(LngLat where, double zoom, const ui::Rect& area) const;  // in `area`
  // A newly opened page's subject is moved into view when the panel would hide it.
  void keep_page_subject_in_view();
  void carry_out(FrameContext& ctx);  // the frame's commands, after it is drawn
  // Flies to show every place of `places` in the map area the panels leave free.
  void fit_places(const std::vector<LngLat>& places);
  // The map area fit_places() fits in: clear of the panels, below the badge, above the headers
  // of the bottom panels.
  ui::Rect fit_area() const;
  // When that area changes while the camera still follows the fit (the badge gained its dataset
  // line as the tour's data arrived, a bottom panel grew), the places are fitted again; anything
  // else taking the camera over ends the fit.
  void keep_places_fitted();
  struct PlacesFit {
    std::vector<LngLat> places;
    ui::Rect area;      // the area they were fitted in
    int takeovers = 0;  // Navigator::takeover_count() after the fit's flight was aimed
  };
  std::optional<PlacesFit> places_fit_;
  // The pose that shows `bounds` within `area` (screen px), `padding` px inside it, at most `max_zoom`.
  CameraPose fit_in(const GeoBounds& bounds, const ui::Rect& area, double padding, double max_zoom) const;
  // Home: the partnership region in the largest part of the map clear of the panels
  // (map/clear_box.h); until the first input it follows the panels as they find their sizes.
  void update_home();
  static constexpr double kHomePadding = 24;  // px around the partner cities in the default view
  bool home_settling_ = true;
  std::optional<CameraPose> home_shown_;  // the first view as shown last frame, while settling
  GeoBounds home_bounds_;                 // every partner city's place, as of content revision home_revision_
  int home_revision_ = -1;
  static nlohmann::json memory_json();
  void apply_link(const std::string& hash, bool reduced_motion);
  void publish_link();  // tells the platform when the link changed (config_.link_changed)

  AppConfig config_;
  Notices notices_;
  PixelProbes probes_;
  MapCamera camera_;
  Navigator navigator_{camera_};
  bool view_ready_ = false;
  double now_ = 0;
  double utc_at_zero_ = 0;  // the wall clock (s since 1970 UTC) when the app's clock read 0; 0: not known
  AppClock clock_;          // the platform's clock, moved on or held by the test API
  std::uint64_t frame_count_ = 0;
  FrameInfo frame_info_;
  double frame_ms_average_ = 0;  // CPU time of the frame callback, smoothed
  // Render on demand (needs_frame): asked to draw; draw until then (s, frame clock); the last frame.
  bool woken_ = true;
  double settle_until_ = 0, last_frame_at_ = -1e300;
  std::optional<glm::dvec2> mouse_;  // over the canvas
  Commands commands_;
  std::vector<std::string> fetched_;  // data files wanted this frame, natively read after it (FetchData)
  DockStack dock_;
  ScreenMarks marks_;  // this frame's marks over earlier layers (see feature.h)
  std::uint64_t dock_revision_seen_ = 0;
  glm::dvec2 viewport_seen_{0, 0};           // the viewport keep_page_subject_in_view() last saw
  std::optional<std::string> pending_link_;  // opened, applied at the next frame
  std::string link_written_;                 // what the platform was last told
  double link_written_at_ = -1e9;
  bool flown_since_link_ = false;  // a flight (not a gesture) moved the map since
  bool replace_next_link_ = true;  // the page's own first link, or one just opened: no new entry
  std::string accessible_written_;
  double accessible_written_at_ = -1e9;
  bool link_held_ = false, accessible_held_ = false;  // a frame came too soon to write them
  void publish_accessible();
  ImGuiLayer imgui_;
  render::FrameRenderer frame_renderer_;

  BasemapFeature basemap_;
  CityMapFeature citymap_;
  AirFeature air_;
  PartnershipFeature partnership_;
  KnowledgeFeature knowledge_{partnership_};
  KioskFeature kiosk_{partnership_, knowledge_, config_.kiosk};
  ShareFeature share_{config_.web_share};
  // Drawn in this order (stations under cities); picked in the reverse (cities before stations).
  std::vector<Feature*> features_{&basemap_, &citymap_, &air_, &partnership_, &knowledge_, &kiosk_, &share_};
  std::optional<SavePicture> picture_;  // asked for: the next frame is drawn as the picture
  // The picture of this frame: the map's own text, no panels (the card is drawn on its own).
  void picture_panels(PanelContext& panels);
  // `map`: the frame's pixels (RGBA8, rows top first), drawn off the screen; the card goes beside.
  void take_picture(const SavePicture& picture, const FrameInfo& frame, std::vector<std::uint8_t> map);
};

}  // namespace ccap
