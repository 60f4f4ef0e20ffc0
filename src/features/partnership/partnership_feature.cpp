#include "features/partnership/partnership_feature.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <utility>

#include "base/country_names.h"
#include "base/text_format.h"
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
  if (const auto city = selection_in<CityId>(ctx.dock, PageKind::City, p.cities.size()); city != selected_) {
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
    ctx.marks.add(at, mark.disc.radius);  // drawn over the station clusters
    if (mark.group()) continue;           // its count is its label
    labels_.push_back(
        {mark.cities[0], at, static_cast<float>(mark.disc.radius), priority_of_city[mark.cities[0].index()], m});
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
      selected_ = selection_in<CityId>(*dock_, PageKind::City, p.cities.size());
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

void PartnershipFeature::picture_legend(std::vector<LegendLine>& lines) const {
  if (!partnership_ || (!layers_.cities && !layers_.arcs)) return;
  lines.push_back({LegendLine::Kind::Heading, "Cities Clean Air Partnership"});
  if (selected_ && partnership_->has(*selected_)) {  // what the picture is about
    const City& c = partnership_->city(*selected_);
    std::string text = "Selected: " + c.name + ", " + country_name(c.country);
    for (const auto& [pair, partner] : partnership_->partners_of(*selected_))
      text += "; C3 twin: " + partnership_->city(partner).name;
    lines.push_back({LegendLine::Kind::Text, text});
  }
  if (layers_.cities) {
    std::vector<std::string> names;
    for (const CertificationLevel& l : partnership_->levels) names.push_back(l.name);
    for (const LegendEntry& e : marker_legend(names)) lines.push_back({LegendLine::Kind::Symbol, e.label, e.symbol});
  }
  if (layers_.arcs)
    lines.push_back({LegendLine::Kind::Symbol,
                     "City-to-City Cooperation twins",
                     {.fill = render::kTwinningArcColor, .line = true}});
}

// Every partner city with its country, certification and twins (the companion's list), the open
// city's page, and the keyboard's city.
void PartnershipFeature::write_accessible(nlohmann::json& doc) const {
  using nlohmann::json;
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  const auto certification = [&](CityId c) -> std::string {
    const CertificationStatus* s = p.certification_of(c);
    return s ? p.level(s->level).name + " (" + s->status + ", " + std::to_string(s->year) + ")" : "";
  };
  if (accessible_cities_revision_ != content_revision_) {
    json cities = json::array();
    for (std::size_t i = 0; i < p.cities.size(); ++i) {
      const CityId id(i);
      const City& c = p.city(id);
      json twins = json::array();
      for (const auto& [pair, partner] : p.partners_of(id))
        twins.push_back({{"id", p.city(partner).id}, {"name", p.city(partner).name}, {"topic", pair->topic}});
      cities.push_back({{"id", c.id},
                        {"name", c.name},
                        {"country", country_name(c.country)},
                        {"certification", certification(id)},
                        {"twins", std::move(twins)}});
    }
    accessible_cities_ = std::move(cities);
    accessible_cities_revision_ = content_revision_;
  }
  doc["cities"] = accessible_cities_;
  doc["layers"] = {
      {"cities", layers_.cities}, {"arcs", layers_.arcs}, {"labels", layers_.labels}, {"flow", layers_.flow}};
  if (key_focus_ && p.has(*key_focus_))
    doc["focus"] = p.city(*key_focus_).name + ", " + country_name(p.city(*key_focus_).country);
  if (!selected_ || !dock_ || dock_->top() != page_of(PageKind::City, *selected_)) return;
  const City& c = p.city(*selected_);
  json sections = json::array();
  json facts = json::array();
  facts.push_back(country_name(c.country) + (c.population ? ", population " + with_thousands(c.population) : ""));
  if (c.participant_2015) facts.push_back("Participating city of the Cities Clean Air Partnership since 2015");
  for (const auto& [pair, partner] : p.partners_of(*selected_))
    facts.push_back("City-to-City Cooperation twin: " + p.city(partner).name +
                    (pair->topic.empty() ? "" : " (" + pair->topic + ")"));
  const std::string cert = certification(*selected_);
  facts.push_back(cert.empty() ? "No City Certification recorded in the sources" : "City Certification: " + cert);
  for (const Pm25Annual& a : c.pm25_annual) {
    char value[32];
    std::snprintf(value, sizeof value, "%.1f", a.value);
    facts.push_back("Annual PM2.5 " + std::to_string(a.year) + ": " + value + " µg/m³ (WHO guideline: 5)");
  }
  json links = json::array();
  for (const std::string& sid : c.sources)
    for (const Source& s : p.sources)
      if (s.id == sid) links.push_back({{"title", s.title}, {"url", s.url}});
  sections.push_back({{"heading", "In the partnership"}, {"lines", std::move(facts)}, {"links", std::move(links)}});
  doc["panel"] = {{"kind", "city"}, {"id", c.id}, {"title", c.name}, {"sections", std::move(sections)}};
}

// city=bangkok  show=cities,arcs,labels,flow (the layers on; "none")  cert=0,2 (ranks shown; 0: not
// certified)  country=JP,TH  programme=c3|certification. Only what differs from the start.
void PartnershipFeature::write_link(LinkState& link) const {
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  if (const auto city = dock_ ? selection_in<CityId>(*dock_, PageKind::City, p.cities.size()) : std::nullopt)
    link.set("city", p.city(*city).id);
  const LayerSettings start;
  std::vector<std::string> on;
  for (const auto& [name, value] : {std::pair{"cities", layers_.cities}, std::pair{"arcs", layers_.arcs},
                                    std::pair{"labels", layers_.labels}, std::pair{"flow", layers_.flow}})
    if (value) on.push_back(name);
  if (on.empty())
    link.set("show", "none");
  else if (on.size() < 4)
    link.set_list("show", on);
  if (layers_.ranks != start.ranks) {
    std::vector<std::string> ranks;
    for (int r : layers_.ranks) ranks.push_back(std::to_string(r));
    if (ranks.empty())
      link.set("cert", "none");
    else
      link.set_list("cert", ranks);
  }
  link.set_list("country", {layers_.countries.begin(), layers_.countries.end()});
  if (layers_.programme != start.programme)
    link.set("programme", layers_.programme == ProgrammeFilter::C3 ? "c3" : "certification");
}

void PartnershipFeature::read_link(LinkReader& link) {
  if (!partnership_) return;
  LayerSettings layers;
  if (const std::string* show = link.get("show")) {
    layers.cities = layers.arcs = layers.labels = layers.flow = false;
    for (const std::string& name : split_link_list(*show)) {
      if (name == "cities")
        layers.cities = true;
      else if (name == "arcs")
        layers.arcs = true;
      else if (name == "labels")
        layers.labels = true;
      else if (name == "flow")
        layers.flow = true;
      else if (name != "none")
        link.problem("show: no layer " + link_quote(name));
    }
  }
  if (const std::string* cert = link.get("cert")) {
    layers.ranks.clear();
    for (const std::string& rank : split_link_list(*cert)) {
      if (rank.size() == 1 && rank[0] >= '0' && rank[0] <= '3')
        layers.ranks.insert(rank[0] - '0');
      else if (rank != "none")
        link.problem("cert: " + link_quote(rank) + " is not a level from 0 to 3");
    }
  }
  for (const std::string& country : link.list("country")) {
    if (country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) &&
        std::isupper(static_cast<unsigned char>(country[1])))
      layers.countries.insert(country);
    else
      link.problem("country: " + link_quote(country) + " is not a two-letter country code");
  }
  if (const std::string* programme = link.get("programme")) {
    if (*programme == "c3")
      layers.programme = ProgrammeFilter::C3;
    else if (*programme == "certification")
      layers.programme = ProgrammeFilter::Certification;
    else
      link.problem("programme: " + link_quote(*programme) + " is neither c3 nor certification");
  }
  set_layers(layers);
  if (const std::string* id = link.get("city"); id && !select_city(*id))
    link.problem("city: no partner city " + link_quote(*id));
}

std::optional<LngLat> PartnershipFeature::place_of(const Page& page) const {
  if (page.kind != PageKind::City || !partnership_ || !partnership_->has(CityId(page.id))) return std::nullopt;
  return partnership_->city(CityId(page.id)).where;
}

void PartnershipFeature::write_status(nlohmann::json& state) const {
  using nlohmann::json;
  json& sel = state["selection"];
  sel = {{"city", nullptr}, {"name", ""}, {"partners", json::array()}, {"hover", nullptr}};
  json& layers = state["layers"];
  layers = {{"partnershipLoaded", partnership_.has_value()},
            {"cities", partnership_ ? partnership_->cities.size() : 0},
            {"pairs", partnership_ ? partnership_->pairs.size() : 0},
            {"markers", markers_.instances.size()},
            {"arcSegments", arc_segments_},
            {"citiesOn", layers_.cities},
            {"arcsOn", layers_.arcs},
            {"labelsOn", layers_.labels},
            {"flowOn", layers_.flow},
            {"flowAnimating", flow_drawn_}};
  state["labelsPlaced"] = labels_placed_.size();
  json& labels = state["labels"];  // [{city, x, y, width, height}]: where each name was drawn
  labels = json::array();
  if (partnership_)
    for (const ui::PlacedCityLabel& l : labels_placed_)
      if (partnership_->has(l.city))
        labels.push_back({{"city", partnership_->city(l.city).id},
                          {"x", l.box.x},
                          {"y", l.box.y},
                          {"width", l.box.width},
                          {"height", l.box.height}});
  if (!partnership_) return;
  const Partnership& p = *partnership_;
  json& marks = state["cityMarks"];  // [{x, y, r, cities: [id]}]: markers and groups as drawn, logical px
  marks = json::array();
  for (const CityMark& m : marks_.marks) {
    json ids = json::array();
    for (CityId c : m.cities) ids.push_back(p.city(c).id);
    marks.push_back({{"x", m.disc.centre.x}, {"y", m.disc.centre.y}, {"r", m.disc.radius}, {"cities", std::move(ids)}});
  }
  if (selected_) {
    sel["city"] = p.city(*selected_).id;
    sel["name"] = p.city(*selected_).name;
    for (const auto& [pair, partner] : p.partners_of(*selected_)) sel["partners"].push_back(p.city(partner).id);
  }
  if (hover_) sel["hover"] = p.city(*hover_).id;
  if (chooser_) {
    json& c = sel["chooser"];
    c = {{"x", chooser_->drawn.x},           {"y", chooser_->drawn.y},  {"width", chooser_->drawn.width},
         {"height", chooser_->drawn.height}, {"cities", json::array()}, {"buttons", json::array()}};
    for (CityId city : chooser_->cities)
      if (p.has(city)) c["cities"].push_back(p.city(city).id);
    for (const ui::Rect& b : chooser_->buttons)
      c["buttons"].push_back({{"x", b.x}, {"y", b.y}, {"width", b.width}, {"height", b.height}});
  }
}

}  // namespace ccap
