#include "features/air/air_feature.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/binary_io.h"
#include "base/formats/export_names.h"
#include "features/air/model/air_tables.h"
#include "features/air/ui/air_panels.h"
#include "map/picking.h"

namespace ccap {

namespace {
constexpr DataFile kIndexFile{"air/index.json", 1u << 20, Notice::Level::Warning, "The list of air-quality datasets",
                              "; the map shows no air-quality data"};
constexpr std::size_t kMaxDatasetBytes = 256u << 20;
constexpr double kFlyToStationZoom = 11;
// A dataset's series file, named in what the user is told.
DataFile dataset_file(const AirDataset& d) {
  return {d.file.c_str(), kMaxDatasetBytes, Notice::Level::Warning, "Air-quality data"};
}
}  // namespace

void AirFeature::init(InitContext& ctx) {
  dock_ = &ctx.dock;
  kiosk_ = ctx.kiosk;
  picker_.set_demo(ctx.demo_data);
  renderer_ready_ = ctx.drawable("The air-quality overlay", renderer_.emplace().init());
  if (!renderer_ready_) return;
  if (ctx.comes_later(kIndexFile)) {
    loading_ = Loading{};
    return;
  }
  if (const auto bytes = ctx.read(kIndexFile)) read_index(*bytes, ctx.path(kIndexFile), ctx.notices);
  index_seen_ = true;
  // The index was here already (natively): so is the demo set asked for, read before the first
  // frame as the index was (a link's air part then applies at once).
  if (!fetch_next_.name.empty()) data_arrived(std::exchange(fetch_next_, {}).name, ctx);
}

void AirFeature::read_index(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices) {
  index_hash_ = fnv1a64(bytes);
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
  fetch_next_ = {dataset->file, dataset->bytes};
  loading_ = Loading{0, static_cast<double>(dataset->bytes)};
}

void AirFeature::data_progress(const std::string& name, double loaded, double total) {
  const AirDataset* coming = picker_.coming();
  if (loading_ && ((coming && name == coming->file) || name == kIndexFile.name)) loading_ = Loading{loaded, total};
}

void AirFeature::data_arrived(const std::string& name, InitContext& ctx) {
  if (name == kIndexFile.name && index_seen_) return index_polled(ctx);
  if (name == kIndexFile.name) {
    loading_.reset();
    index_seen_ = true;
    if (const auto bytes = ctx.read(kIndexFile)) read_index(*bytes, ctx.path(kIndexFile), ctx.notices);
    if (!fetch_next_.name.empty() || !deferred_link_) return;
    // A link that names no dataset: its air part applies to what the map shows when it comes.
    if (const std::string* id = deferred_link_->get("data")) request(picker_.want(*id));
    if (!fetch_next_.name.empty()) return;
  } else {
    const AirDataset* coming = picker_.coming();
    if (!coming || name != coming->file) return;
    loading_.reset();
    const DataFile file = dataset_file(*coming);
    const auto bytes = ctx.read(file);
    const bool refresh = std::exchange(refreshing_, false);
    if (own_.shown) {  // your data stays on the map: this becomes the built-in set it joins or gives way to
      AirQualityDecodeResult decoded = bytes ? decode_air_quality(*bytes) : AirQualityDecodeResult{};
      const bool ok = decoded.data.has_value() && !decoded.data->any_synthetic();
      if (ok) own_.builtin = std::move(*decoded.data), own_.builtin_dataset = *coming, shown_file_ = coming->file;
      picker_.arrived(coming->id, ok);
      if (ok && own_.join) show_own();
      return;
    }
    const bool ok = bytes && (refresh ? replace_bytes(*bytes, ctx.path(file), ctx.notices)
                                      : load_bytes(*bytes, ctx.path(file), ctx.notices))
                                 .empty();
    if (ok) shown_file_ = coming->file;
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

void AirFeature::index_polled(InitContext& ctx) {
  std::string why;
  const auto bytes = ctx.read_quietly(kIndexFile, why);
  if (!bytes) return;  // offline, or not there for now: what is on screen stays, and the next poll asks again
  const std::uint64_t hash = fnv1a64(*bytes);
  if (hash == index_hash_) return;
  if (!picker_.indexed()) {  // the first index could not be had: this one is the first
    read_index(*bytes, ctx.path(kIndexFile), ctx.notices);
    return;
  }
  index_hash_ = hash;
  AirIndex next = read_air_index(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                                 ctx.path(kIndexFile));
  if (next.datasets.empty() && !next.demo) {
    ctx.notices.add(Notice::Level::Warning,
                    "The list of air-quality datasets changed but cannot be read (" +
                        (next.problems.empty() ? std::string("it lists none") : next.problems.front()) +
                        "); the data on screen is kept.");
    return;
  }
  if (!next.problems.empty())
    ctx.notices.add_problems(Notice::Level::Warning, "Air-quality datasets", std::move(next.problems));
  if (kiosk_ && touched_since_reset_) {
    pending_index_ = std::move(next);  // swapped in when nobody is there
    return;
  }
  apply_refreshed(std::move(next));
}

void AirFeature::apply_refreshed(AirIndex index) {
  if (loading_ || !fetch_next_.name.empty()) {  // a file named by the index before is on its way: after it
    pending_index_ = std::move(index);
    return;
  }
  picker_.set_index(std::move(index));
  const AirDataset* shown = picker_.shown();
  if (!shown || shown->file == shown_file_ || own_.shown) return;  // (your data: its newer file after Remove)
  if (const AirDataset* d = picker_.again()) {
    request(d);
    refreshing_ = true;
  }
}

std::string AirFeature::replace_bytes(std::span<const std::uint8_t> bytes, const std::string& name, Notices& notices) {
  AirQualityDecodeResult decoded = decode_air_quality(bytes);
  if (!decoded.data) {
    const std::string problem = name + ": " + decoded.error + "; the data on screen is kept";
    tell_not_loaded(notices, {name.c_str(), kMaxDatasetBytes, Notice::Level::Warning, "Newer air-quality data"},
                    problem);
    return problem;
  }
  const std::string selected =
      selected_ && selected_->index() < air_.data().stations.size() ? air_.data().stations[selected_->index()].id : "";
  hover_ = std::nullopt;
  air_.replace(std::move(*decoded.data));
  if (!selected.empty() && !select_station(selected)) select(std::nullopt);
  surface_key_ = {};
  ++refreshes_;
  return {};
}

void AirFeature::input_seen(const InputEvent&, double) { touched_since_reset_ = true; }

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
  if (picker_.indexed() && !loading_ && fetch_next_.name.empty() && !own_.shown) {  // the map at a dataset's stations
    const glm::dvec2 vp = ctx.camera.viewport();
    const LngLat a = ctx.camera.screen_to_lnglat({0, vp.y}), b = ctx.camera.screen_to_lnglat({vp.x, 0});
    request(picker_.want_view(a.lng, a.lat, b.lng, b.lat, ctx.camera.zoom()));
  }
  if (!fetch_next_.name.empty()) ctx.commands.push_back(std::exchange(fetch_next_, {}));
  utc_now_ = ctx.utc_now;
  now_ = ctx.now;
  const bool aging = shown() && !reading_age(*shown(), utc_now_).empty();
  const double into_minute = aging ? std::fmod(std::fmod(utc_now_ - shown()->end_hour(), 60.0) + 60, 60.0) : 0;
  next_age_tick_ = aging ? ctx.now + 60 - into_minute : kNoFrameNeeded;  // the minute of "N min ago" changes then
  if (index_seen_ && next_poll_at_ == kNoFrameNeeded) next_poll_at_ = ctx.now + kPollSeconds;
  if (ctx.now >= next_poll_at_) {
    ctx.commands.push_back(PollData{kIndexFile.name});
    next_poll_at_ = ctx.now + kPollSeconds;
  }
  if (pending_index_ && !loading_ && fetch_next_.name.empty() && !(kiosk_ && touched_since_reset_))
    apply_refreshed(*std::exchange(pending_index_, {}));
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
  for (std::size_t i = 0; i < markers_.markers.size(); ++i)  // city names keep off stations and clusters
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
                         own_view(), ctx, wish_);
    if (ctx.layout.dock_open() && ctx.dock.top() == Page{PageKind::Import, 0} && !ctx.picture)
      ui::import_page(own_view(), ctx, wish_);
    return;
  }
  counts_shown_ = ui::cluster_counts(markers_, ctx.marks);
  if (const AirDataset* d = shown(); d && (air_.settings().stations || air_.settings().surface))
    ctx.credits.push_back({d->attribution.empty() ? d->title : d->attribution, {}, true});  // the badge names it
  if (ctx.picture) return;  // a saved picture: the counts, no panels (its legend says what the badge does)
  const std::string age = shown() ? reading_age(*shown(), utc_now_) : std::string();
  ui::air_badge(air_, shown(), age, ctx.layout);
  AirSettings settings = air_.settings();
  bool download = false;
  if (ui::air_panel(air_, settings, ctx, download, picker_, own_view(), wish_)) pending_ = settings;
  download_ = download_ || download;
  if (selected_ && ctx.layout.dock_open() && ctx.dock.top() == page_of(PageKind::Station, *selected_))
    ui::station_panel(air_, shown(), *selected_, ctx);
  if (ctx.layout.dock_open() && ctx.dock.top() == Page{PageKind::Import, 0}) ui::import_page(own_view(), ctx, wish_);
  ui::station_tooltip(air_, hover_, selected_);
}

// A city with a measured dataset opened: that dataset is fetched and shown (model/dataset_picker.h).
void AirFeature::city_section(const CityRef& city, PanelContext&) {
  if (!picker_.indexed()) return;
  if (!loading_ && !own_.shown) request(picker_.want_city(city.key));
  ui::measured_means(air_, picker_, city);
}

void AirFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  if (renderer_ready_ && air_.loaded())
    renderer_->draw(view, air_.color_scale() ? &*air_.color_scale() : nullptr, surface_opacity(ctx.camera));
}

void AirFeature::on_command(const Command& command, FrameContext& ctx) {
  if (std::holds_alternative<ResetAll>(command)) touched_since_reset_ = false;  // (a pending index comes next update)
  if (std::holds_alternative<ResetAll>(command) && air_.loaded())
    pending_ = air_.starting_settings(AirSettings{});  // as at start
  if (const auto* fit = std::get_if<FitPlaces>(&command); fit && picker_.indexed() && !loading_ && !own_.shown) {
    for (const LngLat& place : fit->places)  // a tour's stop, an entry's cities: their city's data
      if (fetch_next_.name.empty()) request(picker_.want_at(place));
  }
  if (const auto* demo = std::get_if<ShowDemoData>(&command)) wish_.demo = demo->on;  // done after the frame
  if (const auto* show = std::get_if<ShowDataset>(&command)) wish_.dataset = show->id;
  if (const auto* c = std::get_if<ChooseColumns>(&command)) wish_.own.columns = chosen_columns(*c);
  if (const auto* own = std::get_if<OwnDataAction>(&command)) {  // as the panel's buttons, after the frame
    using K = OwnDataAction::Kind;
    wish_.own.cancel |= own->kind == K::Cancel;
    wish_.own.remove |= own->kind == K::Remove;
    wish_.own.report |= own->kind == K::Report;
    wish_.own.export_series |= own->kind == K::SaveSeries;
    wish_.own.export_csv |= own->kind == K::SaveCsv;
    if (own->kind == K::Join || own->kind == K::Replace) wish_.own.join = own->kind == K::Join;
  }
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
  own_wish(wish.own, ctx);
  if (wish.dataset || (wish.demo && *wish.demo != picker_.demo())) remove_own();  // a built-in set instead
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

}  // namespace ccap
