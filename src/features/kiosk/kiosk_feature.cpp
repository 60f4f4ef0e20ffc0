#include "features/kiosk/kiosk_feature.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace ccap {

namespace {
const DataFile kKioskFile{"kiosk.json", 64 * 1024, Notice::Level::Warning, "Kiosk settings", "; the defaults are used"};
constexpr double kAfterResetPause = 4;  // s on the home view before the tour goes on
}  // namespace

void KioskFeature::init(InitContext& ctx) {
  if (!enabled_) return;
  if (const auto bytes = ctx.read(kKioskFile)) {
    KioskConfigLoad load = parse_kiosk_config(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), kKioskFile.name);
    if (!load.problems.empty())
      ctx.notices.add_problems(Notice::Level::Warning, kKioskFile.name, std::move(load.problems));
    config_ = std::move(load.config);
  }
  timer_ = IdleTimer(config_);
  exit_ = OperatorExit(config_.pin);
}

void KioskFeature::input_seen(const InputEvent& e, double now) {
  if (!enabled_ || e.type == InputEvent::Type::Resize) return;
  last_input_ = now;
  if (e.type == InputEvent::Type::PointerDown && exit_.tap({e.x, e.y}, screen_width_, now)) pin_.open = true;
}

const QrMatrix* KioskFeature::qr_of(const std::string& url) {
  auto it = qr_cache_.find(url);
  if (it == qr_cache_.end()) it = qr_cache_.emplace(url, make_qr(url)).first;
  return it->second ? &*it->second : nullptr;
}

void KioskFeature::show_stop(std::size_t index, FrameContext& ctx) {
  stop_ = index;
  const TourStop& stop = tour_[index];
  ctx.dock.remove(PageKind::Tour);
  ctx.dock.show(Page{PageKind::Tour, static_cast<std::uint32_t>(index)});
  std::vector<LngLat> places;
  const Partnership& p = *partnership_.partnership();
  for (CityId c : stop.cities) places.push_back(p.city(c).where);
  ctx.commands.push_back(HighlightCities{stop.cities});
  ctx.commands.push_back(FitPlaces{std::move(places)});
  next_stop_at_ = ctx.now + config_.stop_seconds;
  ++stops_shown_;
}

void KioskFeature::update(FrameContext& ctx) {
  if (!enabled_) return;
  if (config_.demo_data && !demo_asked_) ctx.commands.push_back(ShowDemoData{true});  // kiosk.json's "demo_data"
  demo_asked_ = true;
  screen_width_ = ctx.camera.viewport().x;
  if (last_input_ < 0) last_input_ = ctx.now;  // idle counts from the first frame
  idle_for_ = ctx.now - last_input_;
  const Partnership* p = partnership_.partnership();
  if (p && tour_revision_ != partnership_.content_revision()) {
    TourLoad load = build_tour(*p, knowledge_.knowledge(), config_.stops, kKioskFile.name);
    if (!load.problems.empty())
      ctx.notices.add_problems(Notice::Level::Warning, kKioskFile.name, std::move(load.problems));
    if (load.stops.empty() && !config_.stops.empty()) load = build_tour(*p, knowledge_.knowledge(), {}, "");
    tour_ = std::move(load.stops);
    tour_revision_ = partnership_.content_revision();
    stop_.reset();
  }

  const IdleTimer::Events events = timer_.update(ctx.now, last_input_);
  if (events.stop) {  // a visitor: the map is theirs, where it is
    ctx.dock.remove(PageKind::Tour);
    ctx.commands.push_back(HighlightCities{});
    stop_.reset();
  }
  if (events.attract) {
    ctx.dock.close();                      // the caption takes the detail panel
    ctx.commands.push_back(TourStarts{});  // the arcs flow even if the last visitor turned them off
    stop_.reset();
    next_stop_at_ = ctx.now;
  }
  if (events.reset) {
    ++resets_;
    links_.clear();
    pin_ = {};
    ctx.commands.push_back(ResetAll{});
    if (config_.home)
      ctx.commands.push_back(FlyToPlace{config_.home->where, config_.home->zoom});
    else
      ctx.commands.push_back(GoHome{});
    stop_.reset();
    next_stop_at_ = ctx.now + kAfterResetPause;
  }
  if (timer_.attracting() && !tour_.empty() && ctx.now >= next_stop_at_ && !events.reset)
    show_stop(stop_ ? (*stop_ + 1) % tour_.size() : 0, ctx);
}

void KioskFeature::panels(PanelContext& ctx) {
  if (!enabled_ || ctx.picture) return;
  if (timer_.attracting()) ctx.layout.set_folded(ui::Slot::WelcomeCard, true);  // the map and the caption
  const auto top = ctx.dock.top();
  if (top && ctx.layout.dock_open() && top->kind == PageKind::Tour && top->id < tour_.size()) {
    const TourStop& stop = tour_[top->id];
    ui::tour_caption(stop, top->id, tour_.size(), stop.source.url.empty() ? nullptr : qr_of(stop.source.url), ctx);
  }
  if (top && ctx.layout.dock_open() && top->kind == PageKind::Link && top->id < links_.size())
    ui::link_card(links_[top->id].title, links_[top->id].url, qr_of(links_[top->id].url), ctx);
  if (const auto entered = ui::pin_pad(pin_, ctx.layout)) {
    // The pad's own frame clock is not at hand here: the lock counts from the last input.
    switch (exit_.check(*entered, last_input_)) {
      case OperatorExit::Verdict::Open:
        pin_ = {};
        exit_asked_ = true;
        ctx.commands.push_back(ExitKiosk{});
        break;
      case OperatorExit::Verdict::Wrong: pin_.message = "Wrong PIN"; break;
      case OperatorExit::Verdict::Locked: pin_.message = "Locked: try again in a minute"; break;
    }
  }
}

// In kiosk mode a link becomes a page with its QR code (the app opens nothing).
void KioskFeature::on_command(const Command& command, FrameContext& ctx) {
  if (!enabled_) return;
  if (const auto* open = std::get_if<OpenUrl>(&command)) {
    const auto known = std::find_if(links_.begin(), links_.end(), [&](const Link& l) { return l.url == open->url; });
    const std::size_t index = static_cast<std::size_t>(known - links_.begin());
    if (known == links_.end()) links_.push_back({open->title, open->url});
    ctx.dock.show(Page{PageKind::Link, static_cast<std::uint32_t>(index)});
  }
}

void KioskFeature::write_status(nlohmann::json& state) const {
  nlohmann::json& k = state["kiosk"];
  k = {{"enabled", enabled_},
       {"attract", timer_.attracting()},
       {"stop", nullptr},
       {"stops", tour_.size()},
       {"stopsShown", stops_shown_},
       {"resets", resets_},
       {"idleSeconds", config_.idle_seconds},
       {"idleFor", idle_for_},
       {"resetSeconds", config_.reset_seconds},
       {"scale", config_.scale},
       {"links", nlohmann::json::array()},
       {"operatorExit", exit_.enabled()},
       {"pinPad", pin_.open},
       {"pinKeys", nlohmann::json::object()},
       {"pinEntered", pin_.entered.size()},
       {"pinMessage", pin_.message},
       {"exitAsked", exit_asked_}};
  for (const Link& l : links_) k["links"].push_back(l.url);
  for (const auto& [key, r] : pin_.keys)
    k["pinKeys"][key] = {{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}};
  if (stop_ && *stop_ < tour_.size()) {
    const TourStop& s = tour_[*stop_];
    k["stop"] = {{"index", *stop_}, {"title", s.title}, {"source", s.source.url}};
  }
}

}  // namespace ccap
