#include "features/partnership/partnership_feature.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <utility>

#include "base/text_format.h"
#include "domain/country_names.h"
#include "map/picking.h"
#include "map/spatial_focus.h"

namespace ccap {

namespace {
constexpr DataFile kContentFile{"partnership.json", 16u << 20, Notice::Level::Error, "Partnership content"};
constexpr double kFlyToCityZoom = 6;
}  // namespace

void PartnershipFeature::init(InitContext& ctx) {
  dock_ = &ctx.dock;
  renderer_ready_ = ctx.drawable("The partnership layers", renderer_.emplace().init());
  if (!renderer_ready_) return;
  if (const auto bytes = ctx.read(kContentFile))
    load_text(std::string(bytes->begin(), bytes->end()), ctx.path(kContentFile), ctx.notices);
}

std::size_t PartnershipFeature::load_text(const std::string& text, const std::string& name, Notices& notices) {
  PartnershipLoad load = parse_partnership(text, name);
  const std::size_t problems = load.problems.size();
  const bool usable = load.partnership && !load.partnership->cities.empty();
  notices.add_problems(usable ? Notice::Level::Warning : Notice::Level::Error, name, std::move(load.problems));
  if (!usable) {
    if (partnership_)
      notices.add(Notice::Level::Info, name + ": no usable city in it; the content loaded before stays");
    return std::max<std::size_t>(problems, 1);
  }
  partnership_ = std::move(load.partnership);
  partnership_->set_generation(static_cast<std::uint32_t>(content_revision_));  // ids of the content before: stale
  content_ = std::move(load.document);
  content_name_ = name;
  ++content_revision_;
  selected_ = hover_ = std::nullopt;
  if (dock_) dock_->remove(PageKind::City);  // the old content's ids
  highlighted_.clear();
  candidates_.clear();
  if (renderer_ready_) renderer_->upload_candidates({});
  rebuild_layers();
  return problems;
}

void PartnershipFeature::gpu_restored(InitContext& ctx) {
  renderer_ready_ = ctx.drawable("The partnership layers", renderer_.emplace().init());
  if (!renderer_ready_ || !partnership_) return;
  uploaded_.clear();
  rebuild_layers();  // markers and arcs
  renderer_->upload_candidates(build_candidate_arcs(*partnership_, candidates_));
}

void PartnershipFeature::rebuild_layers() {
  if (!partnership_) return;
  markers_ = build_markers(*partnership_, layers_, hover_, selected_);
  refresh_flags();
  const ArcLayer arcs = build_arcs(*partnership_, layers_);
  arc_segments_ = arcs.segments.size();
  if (renderer_ready_) renderer_->upload_arcs(arcs);
}

void PartnershipFeature::refresh_flags() {
  if (!partnership_) return;
  set_marker_flags(markers_, *partnership_, hover_, selected_);
  highlight_markers(markers_, highlighted_);  // drawn from the next update's marks
}

void PartnershipFeature::set_layers(const LayerSettings& layers) {
  layers_ = layers;
  rebuild_layers();
}

bool PartnershipFeature::select_city(const std::string& id) {
  std::optional<CityId> city;
  if (!id.empty()) {
    city = partnership_ ? partnership_->find_city(id) : std::nullopt;
    if (!city) return false;
  }
  select(city);
  return true;
}

void PartnershipFeature::select(std::optional<CityId> city) {
  if (dock_) show_selection(*dock_, PageKind::City, city);
  if (city != selected_) {
    selected_ = city;
    refresh_flags();
  }
}

// What must stay on its own, never in a group: the selected city and its twins, and the cities
// a panel points at (a practice's cities, compared cities).
std::vector<CityId> PartnershipFeature::never_grouped() const {
  std::vector<CityId> alone = highlighted_;
  if (selected_ && partnership_->has(*selected_)) {
    alone.push_back(*selected_);
    for (const auto& [pair, partner] : partnership_->partners_of(*selected_)) alone.push_back(partner);
  }
  return alone;
}

// Markers' screen positions this frame, the marks as drawn at this zoom (cities and groups), and
// the label candidates: on screen, by priority.
void PartnershipFeature::update(FrameContext& ctx) {
  marker_screen_.clear();
  labels_.clear();
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  // The selection follows the dock: Back, close and Escape act there.
  if (const auto city = selection_in<CityId>(ctx.dock, PageKind::City, p.cities.size(), p.generation);
      city != selected_) {
    selected_ = city;
    refresh_flags();
  }
  std::vector<double> priority, priority_of_city(p.cities.size(), 0);
  for (const CityId city : markers_.city) {
    marker_screen_.push_back(ctx.camera.lnglat_to_screen(p.city(city).where));
    double rank = static_cast<double>(p.city(city).population);
    if (p.is_c3(city)) rank += 1e9;
    if (city == hover_) rank += 1e11;
    if (city == selected_) rank += 1e12;
    priority.push_back(rank);
    priority_of_city[city.index()] = rank;
  }
  marks_ = city_marks(markers_, marker_screen_, priority, never_grouped(), ctx.camera.zoom(), ctx.mark_scale);
  if (renderer_ready_ && (marks_.instances.size() != uploaded_.size() ||
                          !std::equal(marks_.instances.begin(), marks_.instances.end(), uploaded_.begin(),
                                      [](const MarkerInstance& a, const MarkerInstance& b) {
                                        return std::memcmp(&a, &b, sizeof a) == 0;
                                      }))) {
    renderer_->upload_markers(marks_.instances);
    uploaded_ = marks_.instances;
  }
  mark_centres_.clear();
  for (const CityMark& mark : marks_.marks) mark_centres_.push_back(mark.disc.centre);
  const glm::dvec2 vp = ctx.camera.viewport();
  for (std::size_t m = 0; m < marks_.marks.size(); ++m) {
    const CityMark& mark = marks_.marks[m];
    const glm::dvec2 at = mark.disc.centre;
    if (at.x < -50 || at.y < -50 || at.x > vp.x + 50 || at.y > vp.y + 50) continue;
    // What text keeps off reaches a diamond's corners (1.3 times its radius: marker_instance.h);
    // grouping goes by the radius (city_marks.h).
    const bool diamond = marks_.instances[m].shape == static_cast<std::uint8_t>(MarkerShape::Diamond);
    const double reach = mark.disc.radius * (diamond ? kMarkerDiamondReach : 1.0);
    ctx.marks.add(at, reach);    // drawn over the station clusters
    if (mark.group()) continue;  // its count is its label
    labels_.push_back({mark.cities[0], at, static_cast<float>(reach), priority_of_city[mark.cities[0].index()], m});
  }
  if (key_focus_ && (!p.has(*key_focus_) || !city_shown(p, *key_focus_, layers_))) key_focus_.reset();
  if (const auto k = std::exchange(pending_key_, std::nullopt)) move_key_focus(*k, ctx);
}

bool PartnershipFeature::key(const InputEvent& e) {
  if (!partnership_ || !layers_.cities || markers_.city.empty()) return false;
  pending_key_ = e.key;
  return true;
}

// Arrows: the next city that way on screen (map/spatial_focus.h), kept in view; Enter: open it.
void PartnershipFeature::move_key_focus(Key key, FrameContext& ctx) {
  const Partnership& p = *partnership_;
  if (key == Key::Enter) {
    if (key_focus_ && p.has(*key_focus_)) ctx.commands.push_back(FlyToCity{*key_focus_});
    return;
  }
  const glm::dvec2 direction = key == Key::Left    ? glm::dvec2{-1, 0}
                               : key == Key::Right ? glm::dvec2{1, 0}
                               : key == Key::Up    ? glm::dvec2{0, -1}
                                                   : glm::dvec2{0, 1};
  std::optional<std::size_t> from;
  for (std::size_t i = 0; i < markers_.city.size(); ++i)
    if (markers_.city[i] == key_focus_) from = i;
  const auto next = next_in_direction(marker_screen_, from, ctx.camera.viewport() * 0.5, direction);
  if (!next) return;
  key_focus_ = markers_.city[*next];
  const glm::dvec2 at = marker_screen_[*next], vp = ctx.camera.viewport();
  constexpr double kInset = 48;  // px: a city at the edge is brought in
  if (at.x < kInset || at.y < kInset || at.x > vp.x - kInset || at.y > vp.y - kInset)
    ctx.commands.push_back(FlyToPlace{p.city(*key_focus_).where, ctx.camera.zoom()});
}

const CityMark* PartnershipFeature::mark_at(glm::dvec2 at, double radius) const {
  const auto hit = pick_nearest(mark_centres_, at, radius);
  return hit ? &marks_.marks[*hit] : nullptr;
}

bool PartnershipFeature::hover(const std::optional<Pointer>& pointer, bool taken, FrameContext&) {
  const CityMark* mark = pointer && !taken ? mark_at(pointer->at, pointer->radius) : nullptr;
  const std::optional<CityId> hover = mark && !mark->group() ? std::optional(mark->cities[0]) : std::nullopt;
  hover_group_ = mark && mark->group() ? mark->cities : std::vector<CityId>{};
  if (hover != hover_) {
    hover_ = hover;
    refresh_flags();
  }
  return mark != nullptr;
}

bool PartnershipFeature::tap(const Pointer& pointer, bool taken, FrameContext&) {
  chooser_.reset();
  key_focus_.reset();  // a pointer: the keyboard's ring goes
  if (taken) return false;
  // A group, or a finger between marks too close to tell apart: ask which city.
  std::vector<CityId> choices;
  if (pointer.touch) {
    constexpr double kSlackPx = 12;
    constexpr std::size_t kMostMarks = 6;
    for (std::size_t m : pick_candidates(mark_centres_, pointer.at, pointer.radius, kSlackPx, kMostMarks))
      choices.insert(choices.end(), marks_.marks[m].cities.begin(), marks_.marks[m].cities.end());
  } else if (const CityMark* mark = mark_at(pointer.at, pointer.radius)) {
    choices = mark->cities;
  }
  if (choices.size() > 1) {
    chooser_ = ui::CityChooser{pointer.at, std::move(choices), {}, {}};
    return true;
  }
  if (!choices.empty()) select(choices[0]);
  return !choices.empty();
}

void PartnershipFeature::panels(PanelContext& ctx) {
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  ui::group_counts(marks_);
  labels_placed_ = layers_.labels
                       ? ui::city_labels(p, labels_, marks_, ctx.marks.under(), ctx.layout, selected_, hover_)
                       : std::vector<ui::PlacedCityLabel>{};
  for (const ui::PlacedCityLabel& l : labels_placed_)
    ctx.map_labels.push_back({{l.box.x, l.box.y}, {l.box.right(), l.box.bottom()}});
  if (ctx.picture) return;  // a saved picture: the names, no panels
  if (key_focus_)
    for (std::size_t i = 0; i < markers_.city.size(); ++i)
      if (markers_.city[i] == *key_focus_)
        ui::keyboard_focus_ring(p, *key_focus_, marker_screen_[i],
                                markers_.instances[i].radius * static_cast<float>(ctx.layout.px(1)));
  LayerSettings layers = layers_;
  if (ui::layers_panel(p, layers, ctx)) pending_layers_ = layers;
  if (selected_ && ctx.layout.dock_open() && ctx.dock.top() == page_of(PageKind::City, *selected_))
    ui::city_panel(p, *selected_, ctx);
  ui::city_tooltip(p, hover_, selected_);
  ui::group_tooltip(p, hover_group_);
  if (chooser_) {
    if (const auto chosen = ui::city_chooser(p, *chooser_, ctx.layout)) {
      chooser_.reset();
      select(*chosen);
    }
  }
}

void PartnershipFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  const bool flow = layers_.flow && !ctx.frame.reduced_motion;  // less motion: the arcs stand still
  flow_drawn_ = flow && layers_.arcs && ctx.now - last_input_ < kFlowRestSeconds;
  if (flow_drawn_ && last_flow_frame_ >= 0) flow_clock_ += std::min(ctx.now - last_flow_frame_, 0.1);
  last_flow_frame_ = flow_drawn_ ? ctx.now : -1;
  if (partnership_ && renderer_ready_) renderer_->draw(view, flow ? flow_clock_ : -1.0);
}

void PartnershipFeature::after_frame(FrameContext&) {
  if (pending_layers_) set_layers(*std::exchange(pending_layers_, std::nullopt));
}

void PartnershipFeature::on_command(const Command& command, FrameContext& ctx) {
  if (!partnership_) return;
  const Partnership& p = *partnership_;  // ids from another feature may be stale: checked here
  if (const auto* c = std::get_if<SelectCity>(&command)) {
    select(c->city && p.has(*c->city) ? c->city : std::nullopt);
  } else if (const auto* f = std::get_if<FlyToCity>(&command)) {
    if (!p.has(f->city)) return;
    if (f->behind && dock_) {
      dock_->show_behind(page_of(PageKind::City, f->city));
      selected_ = selection_in<CityId>(*dock_, PageKind::City, p.cities.size(), p.generation);
    } else {
      select(f->city);
    }
    ctx.commands.push_back(FlyToPlace{partnership_->city(f->city).where, std::max(ctx.camera.zoom(), kFlyToCityZoom)});
    refresh_flags();
  } else if (const auto* h = std::get_if<HighlightCities>(&command)) {
    highlighted_.clear();
    std::copy_if(h->cities.begin(), h->cities.end(), std::back_inserter(highlighted_),
                 [&](CityId city) { return p.has(city); });
    refresh_flags();
  } else if (const auto* s = std::get_if<ShowCandidates>(&command)) {
    candidates_.clear();
    std::copy_if(s->pairs.begin(), s->pairs.end(), std::back_inserter(candidates_),
                 [&](const auto& pair) { return p.has(pair.first) && p.has(pair.second); });
    if (renderer_ready_) renderer_->upload_candidates(build_candidate_arcs(*partnership_, candidates_));
  } else if (std::holds_alternative<TourStarts>(command)) {  // the tour shows the twins, flowing
    LayerSettings shown = layers_;
    shown.cities = shown.arcs = shown.flow = true;
    set_layers(shown);
  } else if (std::holds_alternative<ResetAll>(command)) {  // layers, filters and marks as at start
    highlighted_.clear();
    candidates_.clear();
    if (renderer_ready_) renderer_->upload_candidates({});
    set_layers(LayerSettings{});
    refresh_flags();
  }
}

}  // namespace ccap
