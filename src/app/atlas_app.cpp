#include "app/atlas_app.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <nlohmann/json.hpp>

#include "base/version.h"
#include "map/gl/map_view.h"
#include "map/gl/offscreen_target.h"
#include "map/palette.h"
#include "map/region.h"

namespace ccap {

namespace {
constexpr double kMousePickRadius = 16;  // px from a marker's centre (covers the largest marker)
constexpr double kTouchPickRadius = 30;  // fingers are not pointers
// Render on demand: after input (or a call from the page) frames are drawn for this long, so that
// the panels settle (Dear ImGui sizes a new window over two frames, hover fades); and one frame
// every kHeartbeatSeconds whatever happens, as a safety net for a timer some feature left unsaid.
constexpr double kSettleSeconds = 0.5;
constexpr double kHeartbeatSeconds = 30;
}  // namespace

AtlasApp::AtlasApp(AppConfig config) : config_(std::move(config)), imgui_(config_.data_dir) {
  camera_.set_zoom_limits(0, kMaxZoom);
  navigator_.set_home(kPartnershipRegion, kHomePadding);
  if (!config_.link.empty() && !config_.kiosk) pending_link_ = config_.link;  // a kiosk always starts at home
}

bool AtlasApp::init() {
  if (!imgui_.init()) return false;
  InitContext ctx = init_context();
  for (Feature* f : features_) f->init(ctx);
  if (kiosk_.enabled()) imgui_.set_kiosk(static_cast<float>(kiosk_.config().scale));
  if (!config_.open_files.empty()) import_paths(config_.open_files);  // --open FILE...
  return true;
}

void AtlasApp::gpu_restored() {
  frame_renderer_ = {};
  imgui_.gpu_restored();
  InitContext ctx = init_context();
  for (Feature* f : features_) f->gpu_restored(ctx);
}

double AtlasApp::next_frame_at(double now) const {
  const double t = clock_.at(now);  // the features' clock
  if (woken_ || pending_link_ || picture_ || !commands_.empty() || probes_.has_pending()) return now;
  if (ui::wants_text_input()) return now;
  // Motion and settling panels draw as time passes; a held clock (a test's) passes none by itself.
  if (!clock_.held() && (t < settle_until_ || navigator_.is_moving())) return now;
  double due = last_frame_at_ + kHeartbeatSeconds;
  for (const Feature* f : features_) due = std::min(due, f->next_frame_at());
  // A link or accessible document held back by its interval is written by a frame at its end, not
  // at the next input (the loop may sleep: a screen reader would hear of the selection late).
  if (link_held_) due = std::min(due, link_written_at_ + kMinLinkInterval);
  if (accessible_held_) due = std::min(due, accessible_written_at_ + kMinAccessibleInterval);
  return clock_.platform_time(due, now);
}

void AtlasApp::data_progress(const std::string& name, double loaded, double total) {
  for (Feature* f : features_) f->data_progress(name, loaded, total);
  wake();
}

void AtlasApp::data_arrived(const std::string& name, bool ok) {
  if (!ok) config_.missing.push_back(name);  // read() says it could not be downloaded
  std::erase(config_.later, name);
  InitContext ctx = init_context();
  for (Feature* f : features_) f->data_arrived(name, ctx);
  wake();
}

void AtlasApp::shutdown() { imgui_.shutdown(); }

bool AtlasApp::wants_text_input() const { return ui::wants_text_input(); }

// Input is routed per pointer, where it went down (ui::PointerRouter): a gesture that starts on a
// panel is the panel's, one that starts on the map is the navigator's. Keys go to the map unless
// a text field is being typed in.
void AtlasApp::event(const InputEvent& e) {
  using Owner = ui::PointerRouter::Owner;
  if (!e.is_touch && (e.type == InputEvent::Type::PointerMove || e.type == InputEvent::Type::PointerDown))
    mouse_ = glm::dvec2{e.x, e.y};
  if (e.is_touch) mouse_.reset();  // a finger does not hover
  ui::PointerRouter& router = imgui_.router();
  const double t = e.time > 0 ? clock_.at(e.time) : now_;
  settle_until_ = std::max(settle_until_, t + kSettleSeconds);
  if (e.type != InputEvent::Type::Resize) home_settling_ = false;  // the map is the user's now
  for (Feature* f : features_) f->input_seen(e, t);
  switch (e.type) {
    case InputEvent::Type::PointerDown:
      if (router.down(e) == Owner::Panel) return;
      ui::release_focus();  // the map has the keyboard again
      imgui_.map_touched();
      break;
    case InputEvent::Type::PointerMove:
      if (router.move(e) == Owner::Panel) return;
      break;
    case InputEvent::Type::PointerUp:
      if (router.up(e) == Owner::Panel) return;
      break;
    case InputEvent::Type::Wheel:
      if (ui::panel_at(e.x, e.y)) return;  // scrolls the panel
      break;
    case InputEvent::Type::KeyDown: return key(e, t);
    case InputEvent::Type::Resize: break;
  }
  navigator_.handle(e, t);
}

void AtlasApp::key(const InputEvent& e, double t) {
  if (ui::wants_text_input()) return;  // typing: the field has it
  if (e.key == Key::Escape) {          // closes the top panel (its page); the one below shows again
    dock_.back();
    return;
  }
  ui::release_focus();
  const bool arrow = e.key == Key::Left || e.key == Key::Right || e.key == Key::Up || e.key == Key::Down;
  if (!e.shift && (arrow || e.key == Key::Enter))  // between cities; Shift + arrows pan
    for (auto f = features_.rbegin(); f != features_.rend(); ++f)
      if ((*f)->key(e)) return;
  navigator_.handle(e, t);
}

// What is under the mouse, and what a tap hit: the topmost layer first.
void AtlasApp::pick(FrameContext& ctx) {
  std::optional<Pointer> mouse;
  const double s = ctx.mark_scale;  // bigger marks, a bigger reach
  if (mouse_ && !ui::wants_pointer() && !navigator_.is_moving()) mouse = Pointer{*mouse_, kMousePickRadius * s};
  bool taken = false;
  for (auto f = features_.rbegin(); f != features_.rend(); ++f) taken = (*f)->hover(mouse, taken, ctx) || taken;
  if (const auto tap = navigator_.take_tap()) {
    const Pointer at{tap->at, (tap->touch ? kTouchPickRadius : kMousePickRadius) * s, tap->touch};
    taken = false;
    for (auto f = features_.rbegin(); f != features_.rend(); ++f) taken = (*f)->tap(at, taken, ctx) || taken;
    if (!taken) dock_.close();  // a tap on the empty map closes the detail panel
  }
}

void AtlasApp::carry_out(FrameContext& ctx) {
  keep_page_subject_in_view();
  keep_places_fitted();
  for (std::size_t i = 0; i < commands_.size(); ++i) {  // a feature may add commands as it goes
    const Command command = commands_[i];
    if (std::holds_alternative<FlyToPlace>(command) || std::holds_alternative<GoHome>(command) ||
        std::holds_alternative<FitPlaces>(command))
      flown_since_link_ = true;                             // Back returns from a flight, not from a pan
    if (const auto* f = std::get_if<FlyToPlace>(&command))  // beside the open panel, not under it
      navigator_.fly_to({centre_showing(f->where, f->zoom), f->zoom}, now_);
    if (const auto* z = std::get_if<ZoomBy>(&command)) navigator_.zoom_by(z->delta, camera_.viewport() * 0.5, now_);
    if (std::holds_alternative<GoHome>(command)) navigator_.go_home(now_, true);
    if (const auto* u = std::get_if<OpenUrl>(&command); u && config_.open_url && !config_.kiosk)
      config_.open_url(u->url);  // a kiosk shows it as a QR code instead (features/kiosk)
    if (const auto* fit = std::get_if<FitPlaces>(&command)) fit_places(fit->places);
    if (std::holds_alternative<ResetAll>(command)) {
      dock_.close();
      imgui_.reset();
      if (config_.kiosk_reset) config_.kiosk_reset();
    }
    if (std::holds_alternative<ExitKiosk>(command) && config_.exit_kiosk) config_.exit_kiosk();
    if (!config_.kiosk) {  // nothing leaves an unattended screen
      if (std::holds_alternative<ShareLink>(command) && config_.share_link)
        share_.report(config_.share_link(link(), "Clean Air Atlas: Cities Clean Air Partnership"));
      if (const auto* p = std::get_if<SavePicture>(&command)) picture_ = *p;
      if (const auto* f = std::get_if<SaveFile>(&command); f && config_.save_file)
        share_.report(config_.save_file(f->name, f->mime, f->bytes));
    }
    if (const auto* f = std::get_if<FetchData>(&command)) {
      if (config_.fetch_data)
        config_.fetch_data(f->name, f->bytes);  // the page fetches it; it arrives through data_arrived
      else
        fetched_.push_back(f->name);  // in the data folder already: it arrives after this frame
    }
    if (const auto* p = std::get_if<PollData>(&command)) {
      if (config_.poll_data)
        config_.poll_data(p->name);
      else
        fetched_.push_back(p->name);  // read again from the data folder
    }
    if (const auto* c = std::get_if<CancelData>(&command); c && config_.cancel_data) config_.cancel_data(c->name);
    if (std::holds_alternative<OpenDataFiles>(command) && !config_.kiosk) {
      if (config_.pick_data_files)
        config_.pick_data_files();
      else
        notices_.add(Notice::Level::Info, "Natively, open files with: clean_air_atlas --open FILE...");
    }
    if (std::holds_alternative<ReadFilesAgain>(command) && !config_.kiosk) {
      if (config_.read_files_again)
        config_.read_files_again();
      else
        import_paths(config_.open_files);
    }
    for (Feature* f : features_) f->on_command(command, ctx);
  }
  commands_.clear();
  for (Feature* f : features_) f->after_frame(ctx);
  for (const std::string& name : std::exchange(fetched_, {})) data_arrived(name, true);
}

void AtlasApp::frame(const FrameInfo& frame) {
  const auto start = std::chrono::steady_clock::now();
  ++frame_count_;
  frame_info_ = frame;
  now_ = clock_.at(frame.time_seconds);
  if (std::exchange(woken_, false)) settle_until_ = std::max(settle_until_, now_ + kSettleSeconds);
  last_frame_at_ = now_;

  camera_.set_viewport(frame.canvas_width, frame.canvas_height);
  if (!view_ready_) {
    navigator_.go_home(now_, false);
    home_shown_ = CameraPose{camera_.center(), camera_.zoom()};
    view_ready_ = true;
  }
  navigator_.set_reduced_motion(frame.reduced_motion);
  if (pending_link_) apply_link(*std::exchange(pending_link_, std::nullopt), frame.reduced_motion);
  navigator_.update(now_);

  marks_.clear();
  const double mark_scale = imgui_.scale_for(frame);
  if (utc_at_zero_ == 0 && frame.unix_seconds > 0) utc_at_zero_ = frame.unix_seconds - now_;
  FrameContext ctx{frame,  now_,      utc_at_zero_ > 0 ? utc_at_zero_ + now_ : 0, camera_, notices_, commands_, dock_,
                   marks_, mark_scale};
  for (Feature* f : features_) f->update(ctx);
  for (Feature* f : features_) f->arrange(ctx);
  pick(ctx);

  const std::optional<SavePicture> picture = std::exchange(picture_, std::nullopt);
  // A picture has no panels: its layout is the one without the dock (the scale bar and the credit
  // at the bottom of the picture, not above a phone's sheet).
  imgui_.begin_frame(frame, notices_, !dock_.empty() && !picture, now_);
  PanelContext panels{imgui_.layout(), imgui_.fonts(), commands_, dock_, marks_};
  panels.city_sections = [&](const CityRef& city) {
    for (Feature* f : features_) f->city_section(city, panels);
  };
  if (picture) {
    picture_panels(panels);
  } else {
    imgui_.welcome_card(notices_, kVersion, frame_ms_average_, config_.debug, commands_);
    for (Feature* f : features_) f->panels(panels);
    for (Feature* f : features_) f->map_names(panels);
  }
  // Over the labels, under the panels; a credit that needs more lines makes room next frame.
  if (basemap_.scale_bar_and_attribution(camera_, imgui_.layout(), panels.credits)) woken_ = true;
  imgui_.end_frame();

  // A picture's frame is drawn off the screen (the screen keeps the last frame: no flash).
  render::OffscreenTarget picture_target;
  if (picture && !picture_target.begin(frame.framebuffer_width, frame.framebuffer_height))
    notices_.add(Notice::Level::Warning, "The picture could not be made: this browser's WebGL has no room for it.");
  frame_renderer_.begin(frame.framebuffer_width, frame.framebuffer_height, palette::kOcean);
  const render::MapView view = render::make_map_view(camera_, frame.pixel_ratio, static_cast<float>(mark_scale));
  for (Feature* f : features_) f->draw(view, ctx);
  imgui_.render();
  if (picture) take_picture(*picture, frame, picture_target.end());
  if (probes_.has_pending() && !picture) {  // probes read the screen's frame
    probes_.resolve(frame_count_, frame.pixel_ratio, frame.framebuffer_width, frame.framebuffer_height,
                    [this](FramebufferPoint p) { return frame_renderer_.read_pixel(p.x, p.y); });
  }

  carry_out(ctx);
  update_home();  // the panels' places are known: the next frame's Home
  publish_link();
  publish_accessible();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  frame_ms_average_ = frame_count_ <= 2 ? ms : frame_ms_average_ * 0.95 + ms * 0.05;
}

}  // namespace ccap
