#include "features/citymap/citymap_feature.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/binary_io.h"
#include "map/basemap_format.h"

namespace ccap {

namespace {
constexpr DataFile kIndexFile{"tiles/index.json", 1u << 20, Notice::Level::Warning, "City-scale map",
                              "; the map shows the world map's coast at every zoom"};
constexpr std::size_t kMaxTileBytes = 4u << 20;
constexpr double kFadeSeconds = 0.3;  // a tile that arrives fades in over this

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
  std::string why;
  const auto bytes = ctx.read(file);
  if (!bytes) {
    why = "not downloaded";
  } else if (bytes->size() != entry.bytes || fnv1a64(*bytes) != entry.fnv1a64) {
    why = ctx.path(file) + ": its size or checksum is not the index's (damaged)";
  } else {
    BasemapDecodeResult decoded = decode_basemap(*bytes);
    if (!decoded.map)
      why = ctx.path(file) + ": " + decoded.error;
    else if (renderer_ready_)
      renderer_->add(id, *decoded.map);
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
    if (zoom_ < kCityTileMinZoom - 0.5) return;  // the index, once the map comes close
    index_state_ = IndexState::Coming;
    ctx.commands.push_back(FetchData{kIndexFile.name});
    return;
  }
  if (!picker_) return;  // below zoom 7.5 the picker wants nothing, and cancels what is coming
  const TilePicker::Plan plan = picker_->update(world_rect(ctx.camera), zoom_, frame_);
  for (CityTileId id : plan.fetch) {
    ++requested_;
    ctx.commands.push_back(FetchData{"tiles/" + index_.tiles[id.index()].file});
  }
  for (CityTileId id : plan.evict) {
    if (renderer_) renderer_->remove(id);
    arrived_at_.erase(id);
  }
}

void CityMapFeature::panels(PanelContext& ctx) {
  if (drawn_ > 0) ctx.credits.push_back("\u00a9 OpenStreetMap contributors (coast) \u00b7 Natural Earth");
}

void CityMapFeature::draw(const render::MapView& view, const FrameContext& ctx) {
  drawn_ = 0;
  if (!renderer_ready_ || !picker_ || ctx.camera.zoom() < kCityTileMinZoom) return;
  // From zoom 7.5 to 8 the tiles fade in over the world map; a tile just arrived fades in too.
  const float by_zoom = static_cast<float>(std::clamp((ctx.camera.zoom() - kCityTileMinZoom) / 0.5, 0.0, 1.0));
  for (CityTileId id : picker_->drawable(world_rect(ctx.camera))) {
    const auto at = arrived_at_.find(id);
    const double since = at == arrived_at_.end() ? kFadeSeconds : ctx.now - at->second;
    const float by_time = static_cast<float>(std::clamp(since / kFadeSeconds, 0.0, 1.0));
    renderer_->draw(id, index_.tiles[id.index()], view, ctx.camera.zoom(), by_zoom * by_time);
    ++drawn_;
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
  c["requested"] = requested_;
  c["failed"] = failed_;
}

}  // namespace ccap
