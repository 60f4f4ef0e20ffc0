#include "features/citymap/citymap_feature.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <vector>

#include "base/binary_io.h"
#include "map/basemap_format.h"

namespace ccap {

namespace {
constexpr DataFile kIndexFile{"tiles/index.json", 1u << 20, Notice::Level::Warning, "City-scale map",
                              "; the map shows the world map's coast at every zoom"};
constexpr DataFile kPlacesFile{"tiles/places.json", 1u << 20, Notice::Level::Warning, "Town names",
                               "; the map at city scale names only the partner cities"};
constexpr int kFineTileZoom = 8;  // the tiles of the OpenStreetMap-derived coast; below, Natural Earth's
constexpr std::size_t kMaxTileBytes = 4u << 20;
constexpr double kFadeSeconds = 0.2;  // a tile that arrives fades in over this
// A town is named from half a zoom step before Natural Earth's min_zoom: at zoom 10, Taipei's
// and Bangkok's neighbours down to rank 10 (Nonthaburi, Samut Prakan, Keelung, Zhongli ...).
constexpr double kNamesAhead = 0.5;

// From its min_zoom a tile, or the town names from 7.5, fade in over half a zoom step.
float fade_by_zoom(double zoom, double from) {
  return static_cast<float>(std::clamp((zoom - from) / kTileFadeZooms, 0.0, 1.0));
}

WorldRect world_rect(const MapCamera& camera) {
  const WorldPoint nw = camera.screen_to_world({0, 0});
  const WorldPoint se = camera.screen_to_world(camera.viewport());
  return {nw.x, nw.y, se.x, se.y};
}
}  // namespace

void CityMapFeature::init(InitContext& ctx) {
  renderer_ready_ = ctx.drawable("The city-scale map", renderer_.emplace().init());
}

void CityMapFeature::gpu_restored(InitContext& ctx) {
  init(ctx);
  if (picker_) picker_.emplace(index_);  // the tiles come again as the view needs them
  arrived_at_.clear();
}

void CityMapFeature::data_arrived(const std::string& name, InitContext& ctx) {
  if (name == kPlacesFile.name) {
    if (const auto bytes = ctx.read(kPlacesFile)) {
      places_ = read_city_places(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                                 ctx.path(kPlacesFile));
      if (!places_.problems.empty()) ctx.notices.add_problems(Notice::Level::Warning, "Town names", places_.problems);
    }
    return;
  }
  if (name == kIndexFile.name) {
    const auto bytes = ctx.read(kIndexFile);
    if (!bytes) {
      index_state_ = IndexState::Failed;
      return;
    }
    index_ = read_city_tile_index(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                                  ctx.path(kIndexFile));
    if (!index_.problems.empty())
      ctx.notices.add_problems(Notice::Level::Warning, "The city-scale map's index", index_.problems);
    for (std::size_t i = 0; i < index_.tiles.size(); ++i) by_file_["tiles/" + index_.tiles[i].file] = CityTileId(i);
    picker_.emplace(index_);
    index_state_ = IndexState::Read;
    return;
  }
  const auto it = by_file_.find(name);
  if (it == by_file_.end() || !picker_) return;
  const CityTileId id = it->second;
  if (picker_->state(id) != TilePicker::State::Coming) return;  // cancelled: not kept
  const CityTileEntry& entry = index_.tiles[id.index()];
  const DataFile file{name.c_str(), kMaxTileBytes, Notice::Level::Warning, "A city-scale tile"};
  std::string why;  // empty: the tile is loaded
  if (const auto bytes = ctx.read_quietly(file, why); bytes) {
    if (bytes->size() != entry.bytes || fnv1a64(*bytes) != entry.fnv1a64) {
      why = ctx.path(file) + ": its size or checksum is not the index's (damaged)";
    } else if (BasemapDecodeResult decoded = decode_basemap(*bytes); !decoded.map) {
      why = ctx.path(file) + ": " + decoded.error;
    } else if (renderer_ready_) {
      renderer_->add(id, *decoded.map);
    }
  }
  picker_->arrived(id, why.empty());
  if (why.empty()) {
    arrived_at_[id] = now_;
    return;
  }
  ++failed_;
  if (!failure_told_) {  // once: the world map stays under every tile that cannot be had
    failure_told_ = true;
    ctx.notices.add(Notice::Level::Warning,
                    "Part of the city-scale map not loaded (" + why + "); the world map's coast is shown there");
  }
}

void CityMapFeature::update(FrameContext& ctx) {
  now_ = ctx.now;
  zoom_ = ctx.camera.zoom();
  ++frame_;
  if (index_state_ == IndexState::NotAsked) {
    if (zoom_ < kRegionalTileMinZoom - 0.5) return;  // the index, once the map comes close
    index_state_ = IndexState::Coming;
    ctx.commands.push_back(FetchData{kIndexFile.name});
    ctx.commands.push_back(FetchData{kPlacesFile.name});
    return;
  }
  names_wanted_.clear();
  if (zoom_ >= kCityTileMinZoom) {
    const glm::dvec2 viewport = ctx.camera.viewport();
    for (const CityPlace* p : places_at(places_, zoom_ + kNamesAhead)) {
      const glm::dvec2 at = ctx.camera.lnglat_to_screen(p->where);
      if (at.x >= 0 && at.y >= 0 && at.x <= viewport.x && at.y <= viewport.y) names_wanted_.push_back({&p->name, at});
    }
  }
  if (!picker_) return;  // no index (yet); below zoom 4.5 the picker wants nothing and cancels what is coming
  const TilePicker::Plan plan = picker_->update(world_rect(ctx.camera), zoom_, frame_);
  for (CityTileId id : plan.fetch) {
    ++requested_;
    ctx.commands.push_back(FetchData{"tiles/" + index_.tiles[id.index()].file});
  }
  for (CityTileId id : plan.cancel) ctx.commands.push_back(CancelData{"tiles/" + index_.tiles[id.index()].file});
  for (CityTileId id : plan.evict) {
    if (renderer_) renderer_->remove(id);
    arrived_at_.erase(id);
  }
}

void CityMapFeature::panels(PanelContext& ctx) {
  // ODbL: credited wherever the fine coast is drawn, a phone's screen included.
  if (drawn_osm_ > 0)
    ctx.credits.push_back(
        {"\u00a9 OpenStreetMap contributors (coast) \u00b7 Natural Earth", "\u00a9 OpenStreetMap contributors"});
}

void CityMapFeature::map_names(PanelContext& ctx) {
  names_shown_ = names_wanted_.empty() ? std::vector<ui::ShownName>{}
                                       : ui::place_names(names_wanted_, ctx.map_labels, ctx.marks, ctx.layout,
                                                         fade_by_zoom(zoom_, kCityTileMinZoom));
}

void CityMapFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  drawn_ = drawn_osm_ = fading_ = 0;
  if (!renderer_ready_ || !picker_) return;
  const double zoom = ctx.camera.zoom();
  const WorldRect rect = world_rect(ctx.camera);
  struct Draw {
    CityTileId id;
    float opacity;
  };
  std::vector<Draw> draws;
  std::set<std::pair<int, int>> opaque_fine;             // city tiles drawn fully: what they hide is not drawn
  for (CityTileId id : picker_->drawable(rect, zoom)) {  // the regional level first
    const CityTileEntry& entry = index_.tiles[id.index()];
    const auto at = arrived_at_.find(id);  // a tile just arrived fades in too
    const double since = at == arrived_at_.end() ? kFadeSeconds : ctx.now - at->second;
    const float by_time = static_cast<float>(std::clamp(since / kFadeSeconds, 0.0, 1.0));
    const float opacity = fade_by_zoom(zoom, entry.min_zoom()) * by_time;
    draws.push_back({id, opacity});
    if (entry.z == kFineTileZoom && opacity >= 1) opaque_fine.insert({entry.x, entry.y});
    if (by_time < 1) ++fading_;
  }
  for (const Draw& d : draws) {
    const CityTileEntry& entry = index_.tiles[d.id.index()];
    if (entry.z < kFineTileZoom && hidden_under(entry, rect, kFineTileZoom, opaque_fine)) continue;
    renderer_->draw(d.id, entry, view, d.opacity);
    ++drawn_;
    if (entry.z >= kFineTileZoom) ++drawn_osm_;
  }
}

double CityMapFeature::next_frame_at() const {
  double next = kNoFrameNeeded;
  for (const auto& [id, at] : arrived_at_)
    if (now_ - at < kFadeSeconds) next = std::min(next, now_);  // fading in: draw on
  return next;
}

void CityMapFeature::write_status(nlohmann::json& state) const {
  nlohmann::json& c = state["cityMap"];
  c["index"] = index_state_ == IndexState::Read     ? "read"
               : index_state_ == IndexState::Coming ? "coming"
               : index_state_ == IndexState::Failed ? "failed"
                                                    : "not asked";
  c["tiles"] = index_.tiles.size();
  c["wanted"] = picker_ ? picker_->wanted() : 0;
  c["coming"] = picker_ ? picker_->coming() : 0;
  c["loaded"] = picker_ ? picker_->loaded() : 0;
  c["drawn"] = drawn_;
  c["fading"] = fading_;  // drawn, still fading in as they arrived
  c["requested"] = requested_;
  c["failed"] = failed_;
  c["places"] = places_.places.size();
  nlohmann::json& names = c["names"];  // [{name, x, y, w, h}]: the town names drawn, logical px
  names = nlohmann::json::array();
  for (const ui::ShownName& n : names_shown_)
    names.push_back({{"name", *n.name},
                     {"x", n.box.min.x},
                     {"y", n.box.min.y},
                     {"w", n.box.max.x - n.box.min.x},
                     {"h", n.box.max.y - n.box.min.y}});
}

}  // namespace ccap
