#include "features/air/air_feature.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/export_names.h"
#include "base/text_format.h"
#include "features/air/model/air_tables.h"
#include "features/air/ui/air_panels.h"
#include "map/picking.h"

namespace ccap {

namespace {
constexpr DataFile kIndexFile{"air/index.json", 1u << 20, Notice::Level::Warning, "The list of air-quality datasets",
                              "; the map shows no air-quality data"};
constexpr std::size_t kMaxDatasetBytes = 256u << 20;
constexpr double kFlyToStationZoom = 11;
constexpr const char* kLinkKeys[] = {"station", "pollutant", "avg", "time", "scale", "air", "palette", "play", "data"};
// A dataset's series file, named in what the user is told.
DataFile dataset_file(const AirDataset& d) {
  return {d.file.c_str(), kMaxDatasetBytes, Notice::Level::Warning, "Air-quality data"};
}
}  // namespace

void AirFeature::init(InitContext& ctx) {
  dock_ = &ctx.dock;
  picker_.set_demo(ctx.demo_data);
  renderer_ready_ = ctx.drawable("The air-quality overlay", renderer_.emplace().init());
  if (!renderer_ready_) return;
  if (ctx.comes_later(kIndexFile)) {
    loading_ = Loading{};
    return;
  }
  if (const auto bytes = ctx.read(kIndexFile)) read_index(*bytes, ctx.path(kIndexFile), ctx.notices);
  // The index was here already (natively): so is the demo set asked for, read before the first
  // frame as the index was (a link's air part then applies at once).
  if (!fetch_next_.empty()) data_arrived(std::exchange(fetch_next_, {}), ctx);
}

void AirFeature::read_index(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices) {
  AirIndex index = read_air_index(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), name);
  if (!index.problems.empty())
    notices.add_problems(Notice::Level::Warning, "Air-quality datasets", std::move(index.problems));
  picker_.set_index(std::move(index));
  if (picker_.demo()) {
    if (!picker_.index().demo)
      notices.add(Notice::Level::Warning, "Demo data was asked for, but this deployment has none.");
    request(picker_.want(picker_.index().demo ? picker_.index().demo->id : ""));
  }
}

void AirFeature::request(const AirDataset* dataset) {
  if (!dataset) return;
  fetch_next_ = dataset->file;
  loading_ = Loading{0, static_cast<double>(dataset->bytes)};
}

void AirFeature::data_progress(const std::string& name, double loaded, double total) {
  const AirDataset* coming = picker_.coming();
  if (loading_ && ((coming && name == coming->file) || name == kIndexFile.name)) loading_ = Loading{loaded, total};
}

void AirFeature::data_arrived(const std::string& name, InitContext& ctx) {
  if (name == kIndexFile.name && !picker_.indexed()) {
    loading_.reset();
    if (const auto bytes = ctx.read(kIndexFile)) read_index(*bytes, ctx.path(kIndexFile), ctx.notices);
    if (!fetch_next_.empty() || !deferred_link_) return;
    // A link that names no dataset: its air part applies to what the map shows when it comes.
    if (const std::string* id = deferred_link_->get("data")) request(picker_.want(*id));
    if (!fetch_next_.empty()) return;
  } else {
    const AirDataset* coming = picker_.coming();
    if (!coming || name != coming->file) return;
    loading_.reset();
    const DataFile file = dataset_file(*coming);
    const auto bytes = ctx.read(file);
    const bool ok = bytes && load_bytes(*bytes, ctx.path(file), ctx.notices).empty();
    picker_.arrived(coming->id, ok);
  }
  if (!deferred_link_ || !air_.loaded()) return;
  const LinkState kept = *std::exchange(deferred_link_, std::nullopt);  // the link's part, now
  LinkReader reader(kept);
  reader.reduced_motion = deferred_reduced_motion_;
  read_link(reader);
  std::vector<std::string> problems;
  for (const std::string& p : reader.problems()) problems.push_back("The link: " + p);
  if (!problems.empty()) ctx.notices.add_problems(Notice::Level::Warning, "The link", std::move(problems));
}

void AirFeature::gpu_restored(InitContext& ctx) {
  renderer_ready_ = ctx.drawable("The air-quality overlay", renderer_.emplace().init());
  surface_key_ = {};  // uploaded again by the next update, with the markers
}

std::string AirFeature::load_bytes(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices) {
  AirQualityDecodeResult decoded = decode_air_quality(bytes);
  if (!decoded.data) {
    const std::string problem = name + ": " + decoded.error;
    tell_not_loaded(notices, {name.c_str(), kMaxDatasetBytes, Notice::Level::Warning, "Air-quality data"}, problem);
    return problem;
  }
  air_.load(std::move(*decoded.data));
  selected_ = hover_ = std::nullopt;
  if (dock_) dock_->remove(PageKind::Station);  // the old data's ids
  surface_key_ = {};
  return {};
}

namespace {
// A step's start as a link names it: "2025" (year), "2025-03-14" (day), "2025-03-14T08" (hour, UTC).
std::string step_key(std::int64_t seconds, AirPeriod p) {
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  const CivilDate d = civil_from_days(days);
  char buf[32];
  if (p == AirPeriod::Year)
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (p == AirPeriod::Day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d", d.year, d.month, d.day,
                  static_cast<int>((seconds - days * 86400) / 3600));
  return buf;
}
}  // namespace

void AirFeature::picture_legend(std::vector<LegendLine>& lines) const {
  const AirSettings& s = air_.settings();
  if (!air_.loaded() || (!s.stations && !s.surface)) return;
  lines.push_back({LegendLine::Kind::Heading,
                   std::string(pollutant_name(s.pollutant)) + ", " + period_name(s.period) + ": " + air_.step_label()});
  if (air_.data().any_synthetic())
    lines.push_back({LegendLine::Kind::Warning, "SYNTHETIC DEMO DATA, not measurements"});
  else if (const AirDataset* d = picker_.shown())  // whose values, how sure, which period, licence
    lines.push_back({LegendLine::Kind::Note, dataset_caption(*d) + ". " + d->credit + ". " + d->licence});
  if (const auto& scale = air_.color_scale()) {
    lines.push_back({LegendLine::Kind::Note, scale->title + " (µg/m³)"});
    for (const ScaleBand& b : scale->bands)
      lines.push_back({LegendLine::Kind::Symbol, b.label, {.shape = MarkerShape::Square, .fill = b.color}});
  }
  lines.push_back(
      {LegendLine::Kind::Symbol, "no reading for this time", {.shape = MarkerShape::Square, .fill = kNoReadingColor}});
  lines.push_back({LegendLine::Kind::Symbol,
                   std::string("a cluster of stations (count on top), ringed by their ") +
                       (s.cluster_value == ClusterValue::Median ? "median" : "maximum"),
                   {.shape = MarkerShape::Square, .fill = kNoReadingColor, .value_ring = true}});
}

// The open station's page: what it is, its value now, and where the readings come from.
void AirFeature::write_accessible(nlohmann::json& doc) const {
  using nlohmann::json;
  if (picker_.indexed() && !picker_.demo()) {  // the measured datasets, each to show
    json list = json::array();
    for (const AirDataset& d : picker_.index().datasets)
      list.push_back({{"id", d.id},
                      {"caption", dataset_caption(d)},
                      {"licence", d.licence},
                      {"shown", picker_.shown() == &d},
                      {"coming", picker_.coming() == &d}});
    doc["datasets"] = std::move(list);
  }
  if (!air_.loaded()) return;
  {  // the overlay's settings, for the companion's controls
    const AirSettings& s = air_.settings();
    json pollutants = json::array();
    for (Pollutant p : {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2, Pollutant::O3, Pollutant::So2, Pollutant::Co})
      if (air_.timeline().has_pollutant(p))
        pollutants.push_back({{"key", pollutant_key(p)}, {"name", pollutant_name(p)}});
    doc["air"] = {{"pollutant", pollutant_key(s.pollutant)},
                  {"pollutants", std::move(pollutants)},
                  {"avg", period_key(s.period)},
                  {"scale", s.scale == AirScaleKind::Aqi ? "aqi" : "who"},
                  {"scaleTitle", air_.color_scale() ? air_.color_scale()->title : "no colour scale for this pollutant"},
                  {"step", s.step},
                  {"steps", air_.steps()},
                  {"time", air_.step_label()},
                  {"synthetic", air_.data().any_synthetic()},
                  {"dataset", picker_.shown() ? dataset_caption(*picker_.shown()) : ""},
                  {"credit", picker_.shown() ? picker_.shown()->credit : ""}};
  }
  if (!selected_ || !dock_ || dock_->top() != page_of(PageKind::Station, *selected_)) return;
  const AirStation& st = air_.data().stations[selected_->index()];
  const AirSettings& s = air_.settings();
  json lines = json::array();
  if (st.synthetic) lines.push_back("Synthetic demo data: the values are generated, not measured.");
  if (const AirDataset* d = picker_.shown(); d && !d->synthetic)
    lines.push_back("Dataset: " + dataset_caption(*d) + " (" + d->time_zone + ")");
  const float v = selected_->index() < air_.values().size() ? air_.values()[selected_->index()] : NAN;
  const auto& scale = air_.color_scale();
  std::string now =
      std::string(pollutant_name(s.pollutant)) + ", " + period_name(s.period) + ", " + air_.step_label() + ": ";
  if (std::isfinite(v)) {
    char value[32];
    std::snprintf(value, sizeof value, "%.1f µg/m³", v);
    now += value;
    if (scale && scale->band_of(v) >= 0)
      now += " (" + scale->bands[static_cast<std::size_t>(scale->band_of(v))].label + ")";
  } else {
    now += "no reading";
  }
  lines.push_back(now);
  if (!st.operator_name.empty()) lines.push_back("Operator: " + st.operator_name);
  if (!st.source.empty()) lines.push_back("Readings: " + st.source);
  if (!st.licence.empty()) lines.push_back("Licence: " + st.licence);
  json links = json::array();
  if (is_web_address(st.url)) links.push_back({{"title", "The station's source page"}, {"url", st.url}});
  doc["panel"] = {
      {"kind", "station"},
      {"id", st.id},
      {"title", st.name.empty() ? st.id : st.name},
      {"sections",
       json::array({{{"heading", "Air-quality station"}, {"lines", std::move(lines)}, {"links", std::move(links)}}})}};
}

// station=<id>  pollutant=no2  avg=hour|day|year  time=2025-03-14 (the step, see step_key)
// scale=aqi  air=stations|surface|none (what is drawn)  palette=safe  play=1. Only what differs
// from the start (the latest day with readings, PM2.5, WHO colours, both drawn, still).
void AirFeature::write_link(LinkState& link) const {
  if (!air_.loaded() && deferred_link_) {  // kept as the link said until the data comes
    for (const auto& [key, value] : deferred_link_->pairs()) link.set(key, value);
    return;
  }
  if (!air_.loaded()) return;
  if (const AirDataset* shown = picker_.shown(); shown && !shown->synthetic) link.set("data", shown->id);
  if (const auto station =
          dock_ ? selection_in<StationId>(*dock_, PageKind::Station, air_.data().stations.size()) : std::nullopt)
    link.set("station", air_.data().stations[station->index()].id);
  const AirSettings& s = pending_ ? *pending_ : air_.settings();
  const AirSettings start = air_.starting_settings(AirSettings{});
  if (s.pollutant != start.pollutant) link.set("pollutant", pollutant_key(s.pollutant));
  if (s.period != start.period) link.set("avg", period_key(s.period));
  if (s.period != start.period || s.step != start.step)
    link.set("time", step_key(air_.timeline().step_start(s.period, s.step), s.period));
  if (s.scale != start.scale) link.set("scale", s.scale == AirScaleKind::Aqi ? "aqi" : "who");
  if (!s.stations || !s.surface) link.set("air", s.stations ? "stations" : s.surface ? "surface" : "none");
  if (s.colour_blind_safe) link.set("palette", "safe");
  if (s.playing) link.set("play", "1");
}

void AirFeature::read_link(LinkReader& link) {
  deferred_link_.reset();
  // data=<id>: that measured dataset, fetched unless it is shown (the rest waits for it).
  if (const std::string* id = link.get("data"); id && picker_.indexed()) {
    const AirDataset* d = picker_.find(*id);
    if (!d || d->synthetic)
      link.problem("data: no measured dataset " + link_quote(*id) + " in this deployment");
    else if (picker_.demo())
      link.problem("data: " + link_quote(*id) + " is not shown beside the demo data");
    else
      request(picker_.want(*id));
  }
  if (loading_) {  // the data comes after the map: the link's part waits for it
    LinkState kept;
    for (const char* key : kLinkKeys)
      if (const std::string* v = link.get(key)) kept.set(key, *v);
    if (!kept.pairs().empty()) deferred_link_ = std::move(kept);
    deferred_reduced_motion_ = link.reduced_motion;
    return;
  }
  if (!air_.loaded()) {  // its keys are read (and named) only when there is data to apply them to
    for (const char* key : kLinkKeys)
      if (link.get(key)) {
        link.problem("air-quality settings are not applied: no air-quality data is loaded");
        break;
      }
    return;
  }
  AirSettings s = air_.starting_settings(AirSettings{});
  if (const std::string* v = link.get("pollutant")) {
    const auto p = parse_pollutant(*v);
    if (p && air_.timeline().has_pollutant(*p))
      s.pollutant = *p;
    else
      link.problem("pollutant: " + link_quote(*v) + (p ? " has no readings in this data" : " is not a pollutant"));
  }
  if (const std::string* v = link.get("avg")) {
    if (const auto p = parse_period(*v))
      s.period = *p;
    else
      link.problem("avg: " + link_quote(*v) + " is not hour, day or year");
  }
  if (s.period != air_.settings().period || s.pollutant != air_.settings().pollutant) {
    AirSettings staged = air_.settings();  // the start's day in the link's period (apply converts it)
    staged.period = s.period;
    staged.pollutant = s.pollutant;
    air_.apply(staged);
    s.step = air_.settings().step;
  }
  if (const std::string* v = link.get("time")) {
    bool found = false;
    for (std::size_t i = 0, n = air_.timeline().steps(s.period); i < n && !found; ++i)
      if (step_key(air_.timeline().step_start(s.period, i), s.period) == *v) s.step = i, found = true;
    if (!found) link.problem("time: " + link_quote(*v) + " is not a " + period_key(s.period) + " of the loaded data");
  }
  if (const std::string* v = link.get("scale")) {
    if (*v == "aqi" || *v == "who")
      s.scale = *v == "aqi" ? AirScaleKind::Aqi : AirScaleKind::Who;
    else
      link.problem("scale: " + link_quote(*v) + " is neither who nor aqi");
  }
  if (const std::string* v = link.get("air")) {
    if (*v == "stations" || *v == "surface" || *v == "none") {
      s.stations = *v == "stations";
      s.surface = *v == "surface";
    } else {
      link.problem("air: " + link_quote(*v) + " is not stations, surface or none");
    }
  }
  if (const std::string* v = link.get("palette")) s.colour_blind_safe = *v == "safe";
  if (const std::string* v = link.get("play")) s.playing = *v == "1" && !link.reduced_motion;
  pending_.reset();
  air_.apply(s);
  if (air_.settings().scale != s.scale)
    link.problem(std::string("scale: the US EPA AQI has no scale for ") + pollutant_name(s.pollutant) + " (" +
                 period_name(s.period) + "): WHO bands are shown");
  if (const std::string* id = link.get("station"); id && !select_station(*id))
    link.problem("station: no station " + link_quote(*id) + " in the loaded data");
}

bool AirFeature::select_station(const std::string& id) {
  std::optional<StationId> station;
  if (!id.empty()) {
    const auto& stations = air_.data().stations;
    const auto it = std::find_if(stations.begin(), stations.end(), [&](const AirStation& s) { return s.id == id; });
    if (it == stations.end()) return false;
    station = StationId(static_cast<std::size_t>(it - stations.begin()));
  }
  select(station);
  return true;
}

void AirFeature::select(std::optional<StationId> station) {
  if (dock_) show_selection(*dock_, PageKind::Station, station);
  selected_ = station;
}

// Playback, then the markers and (when the view or the values changed) the surface for this frame.
void AirFeature::update(FrameContext& ctx) {
  if (picker_.indexed() && !loading_ && fetch_next_.empty()) {  // the map at a dataset's stations
    const glm::dvec2 vp = ctx.camera.viewport();
    const LngLat a = ctx.camera.screen_to_lnglat({0, vp.y}), b = ctx.camera.screen_to_lnglat({vp.x, 0});
    request(picker_.want_view(a.lng, a.lat, b.lng, b.lat, ctx.camera.zoom()));
  }
  if (!fetch_next_.empty()) ctx.commands.push_back(FetchData{std::exchange(fetch_next_, {})});
  air_.advance(ctx.now);
  if (!air_.loaded()) return;
  selected_ = selection_in<StationId>(ctx.dock, PageKind::Station, air_.data().stations.size());
  const MapCamera& camera = ctx.camera;
  markers_ = air_.settings().stations ? air_.build_markers(camera, selected_, hover_) : AirMarkerLayer{};
  const bool surface = surface_opacity(camera) > 0;
  const glm::dvec2 vp = camera.viewport();
  const SurfaceKey key{camera.center().x, camera.center().y, camera.zoom(), vp.x, vp.y, air_.revision()};
  if (surface && !(key == surface_key_)) {
    const SurfaceGrid grid = air_.surface(camera);
    if (renderer_ready_) renderer_->upload_surface(grid);
    surface_samples_ = static_cast<int>(grid.covered);
    surface_key_ = key;
  } else if (!surface) {
    surface_samples_ = 0;
    surface_key_ = {};
  }
}

// The city markers are known: clusters move clear of them, then go to the GPU.
void AirFeature::arrange(FrameContext& ctx) {
  mark_scale_ = ctx.mark_scale;
  move_clusters_clear(markers_, ctx.marks, ctx.camera, ctx.mark_scale);
  for (std::size_t i = 0; i < markers_.markers.size(); ++i)  // city names keep off the clusters
    if (markers_.markers[i].count > 1)
      ctx.marks.add_under(markers_.markers[i].screen, square_reach_px(markers_.instances[i].radius, ctx.mark_scale));
  if (renderer_ready_) renderer_->upload_markers(markers_.instances);
  screen_.clear();
  for (const AirMarker& m : markers_.markers) screen_.push_back(m.screen);
}

bool AirFeature::hover(const std::optional<Pointer>& pointer, bool taken, FrameContext&) {
  hover_ = std::nullopt;
  if (!pointer || taken) return false;
  if (const auto hit = pick_nearest(screen_, pointer->at, pointer->radius); hit && markers_.markers[*hit].count == 1)
    hover_ = StationId(markers_.markers[*hit].station);
  return hover_.has_value();
}

// A station selects it; a cluster zooms in until it splits. (A tap that hits nothing closes the
// detail panel: the app does that.)
bool AirFeature::tap(const Pointer& pointer, bool taken, FrameContext& ctx) {
  const auto hit = taken ? std::nullopt : pick_nearest(screen_, pointer.at, pointer.radius);
  if (!hit) return false;
  const AirMarker& m = markers_.markers[*hit];
  if (m.count == 1) {
    select(StationId(m.station));
  } else {
    const double zoom = std::max(ctx.camera.zoom() + 1, std::floor(ctx.camera.zoom()) + 1.6);
    ctx.commands.push_back(FlyToPlace{ctx.camera.screen_to_lnglat(m.screen), std::min(zoom, ctx.camera.max_zoom())});
  }
  return true;
}

void AirFeature::panels(PanelContext& ctx) {
  if (loading_ && !ctx.picture && !picker_.indexed()) ui::air_loading_panel(loading_->loaded, loading_->total, ctx);
  if (!air_.loaded()) {
    if (picker_.indexed() && !ctx.picture)
      ui::datasets_panel(picker_, loading_ ? std::optional(std::pair(loading_->loaded, loading_->total)) : std::nullopt,
                         ctx, wish_);
    return;
  }
  counts_shown_ = ui::cluster_counts(markers_, ctx.marks);
  if (const AirDataset* d = picker_.shown(); d && (air_.settings().stations || air_.settings().surface))
    ctx.credits.push_back(d->attribution.empty() ? d->title : d->attribution);
  if (ctx.picture) return;  // a saved picture: the counts, no panels (its legend says what the badge does)
  ui::air_badge(air_, picker_.shown(), ctx.layout);
  AirSettings settings = air_.settings();
  bool download = false;
  if (ui::air_panel(air_, settings, ctx, download, picker_, wish_)) pending_ = settings;
  download_ = download_ || download;
  if (selected_ && ctx.layout.dock_open() && ctx.dock.top() == page_of(PageKind::Station, *selected_))
    ui::station_panel(air_, picker_.shown(), *selected_, ctx);
  ui::station_tooltip(air_, hover_, selected_);
}

// A city with a measured dataset opened: that dataset is fetched and shown (model/dataset_picker.h).
void AirFeature::city_section(const CityRef& city, PanelContext&) {
  if (!picker_.indexed()) return;
  if (!loading_) request(picker_.want_city(city.key));
  ui::measured_means(air_, picker_, city);
}

void AirFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  if (renderer_ready_ && air_.loaded())
    renderer_->draw(view, air_.color_scale() ? &*air_.color_scale() : nullptr, surface_opacity(ctx.camera));
}

void AirFeature::on_command(const Command& command, FrameContext& ctx) {
  if (std::holds_alternative<ResetAll>(command) && air_.loaded())
    pending_ = air_.starting_settings(AirSettings{});  // as at start
  if (const auto* fit = std::get_if<FitPlaces>(&command); fit && picker_.indexed() && !loading_) {
    for (const LngLat& place : fit->places)  // a tour's stop, an entry's cities: their city's data
      if (fetch_next_.empty()) request(picker_.want_at(place));
  }
  if (const auto* demo = std::get_if<ShowDemoData>(&command)) wish_.demo = demo->on;  // done after the frame
  if (const auto* show = std::get_if<ShowDataset>(&command)) wish_.dataset = show->id;
  if (const auto* s = std::get_if<SelectStation>(&command)) {
    select(s->station && s->station->index() < air_.data().stations.size() ? s->station : std::nullopt);
  } else if (const auto* f = std::get_if<FlyToStation>(&command)) {
    if (f->station.index() >= air_.data().stations.size()) return;
    select(f->station);
    ctx.commands.push_back(
        FlyToPlace{air_.data().stations[f->station.index()].where, std::max(ctx.camera.zoom(), kFlyToStationZoom)});
  }
}

void AirFeature::after_frame(FrameContext& ctx) {
  const ui::AirWish wish = std::exchange(wish_, {});
  if (wish.demo && *wish.demo != picker_.demo()) {  // one or the other, never both on the map
    picker_.set_demo(*wish.demo);
    picker_.clear();
    air_.load(AirQualityData{});
    selected_ = hover_ = std::nullopt;
    if (dock_) dock_->remove(PageKind::Station);
    loading_.reset();
    if (*wish.demo && picker_.index().demo) request(picker_.want(picker_.index().demo->id));
  }
  if (wish.dataset) {
    request(picker_.want(*wish.dataset));
    if (const AirDataset* d = picker_.find(*wish.dataset))  // go to it
      ctx.commands.push_back(FitPlaces{{{d->west, d->south}, {d->east, d->north}}});
  }
  if (pending_) air_.apply(*std::exchange(pending_, std::nullopt));
  if (std::exchange(download_, false) && air_.loaded())  // what the table holds is what the map shows now
    ctx.commands.push_back(SaveFile{export_file_name(stations_csv_what(air_), std::time(nullptr), "csv"), "text/csv",
                                    stations_csv(air_, stations_in_view(air_, ctx.camera))});
}

std::optional<LngLat> AirFeature::place_of(const Page& page) const {
  if (page.kind != PageKind::Station || page.id >= air_.data().stations.size()) return std::nullopt;
  return air_.data().stations[page.id].where;
}

void AirFeature::write_status(nlohmann::json& state) const {
  using nlohmann::json;
  json& a = state["air"];
  a = {{"loaded", air_.loaded()},
       {"loading", loading_.has_value()},
       {"synthetic", false},
       {"stations", 0},
       {"series", 0},
       {"hours", 0},
       {"pollutant", ""},
       {"period", ""},
       {"scale", ""},
       {"timeLabel", ""},
       {"step", 0},
       {"steps", 0},
       {"playing", false},
       {"stationsOn", true},
       {"surfaceOn", true},
       {"colourBlindSafe", false},
       {"markers", 0},
       {"clusters", 0},
       {"clusterCountsShown", 0},
       {"level", 0},
       {"surfaceSamples", 0},
       {"selectedStation", nullptr},
       {"selectedValue", nullptr},
       {"selectedColor", ""},
       {"selectedLng", 0.0},
       {"selectedLat", 0.0}};
  // The datasets: how many the index lists, which is shown (or coming), whose and how sure.
  a["datasets"] = picker_.index().datasets.size();
  a["demo"] = picker_.demo();
  a["dataset"] = picker_.shown() ? picker_.shown()->id : "";
  a["datasetComing"] = picker_.coming() ? picker_.coming()->id : "";
  a["caption"] = picker_.shown() ? dataset_caption(*picker_.shown()) : "";
  a["credit"] = picker_.shown() ? picker_.shown()->credit : "";
  if (!air_.loaded()) return;
  const AirSettings& s = air_.settings();
  const AirQualityData& d = air_.data();
  a["synthetic"] = d.any_synthetic();
  a["stations"] = d.stations.size();
  a["series"] = d.series.size();
  a["hours"] = d.hours;
  a["pollutant"] = pollutant_name(s.pollutant);
  a["period"] = period_name(s.period);
  a["scale"] = air_.color_scale() ? air_.color_scale()->title : "none for this pollutant";
  a["timeLabel"] = air_.step_label();
  a["step"] = s.step;
  a["steps"] = air_.steps();
  a["playing"] = s.playing;
  a["stationsOn"] = s.stations;
  a["surfaceOn"] = s.surface;
  a["colourBlindSafe"] = s.colour_blind_safe;
  a["markers"] = markers_.markers.size();
  a["clusters"] =
      std::count_if(markers_.markers.begin(), markers_.markers.end(), [](const AirMarker& m) { return m.count > 1; });
  a["clusterCountsShown"] = counts_shown_;
  json& where = a["clusterMarks"];  // [{x, y, r, count}]: each cluster as drawn, logical px (r: to its corners)
  where = json::array();
  for (std::size_t i = 0; i < markers_.markers.size(); ++i)
    if (const AirMarker& m = markers_.markers[i]; m.count > 1)
      where.push_back({{"x", m.screen.x},
                       {"y", m.screen.y},
                       {"r", square_reach_px(markers_.instances[i].radius, mark_scale_)},
                       {"count", m.count}});
  a["level"] = markers_.level;
  a["surfaceSamples"] = surface_samples_;
  if (selected_ && selected_->index() < d.stations.size()) {
    const std::size_t i = selected_->index();
    const float value = air_.values()[i];
    a["selectedStation"] = d.stations[i].id;
    a["selectedLng"] = d.stations[i].where.lng;
    a["selectedLat"] = d.stations[i].where.lat;
    if (std::isfinite(value)) a["selectedValue"] = value;
    a["selectedColor"] = to_hex(air_.color_scale() ? air_.color_scale()->color_of(value) : kNoReadingColor);
  }
}

}  // namespace ccap
