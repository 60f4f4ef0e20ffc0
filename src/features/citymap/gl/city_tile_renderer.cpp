#include "features/citymap/gl/city_tile_renderer.h"

#include <algorithm>
#include <cmath>

#include "map/palette.h"

namespace ccap::render {

std::string CityTileRenderer::init() {
  tiles_.clear();
  auto programs = std::make_shared<BasemapPrograms>();
  if (auto error = programs->init(); !error.empty()) return error;
  programs_ = std::move(programs);
  return {};
}

void CityTileRenderer::add(CityTileId id, const Basemap& tile) {
  if (!programs_) return;
  auto renderer = std::make_unique<BasemapRenderer>(programs_);
  renderer->upload(tile);
  tiles_[id] = std::move(renderer);
}

void CityTileRenderer::remove(CityTileId id) { tiles_.erase(id); }

void CityTileRenderer::draw(CityTileId id, const CityTileEntry& entry, const MapView& view, float opacity) {
  const auto it = tiles_.find(id);
  if (it == tiles_.end() || opacity <= 0.001f) return;
  const double size = entry.world_size();
  // Every world copy of the square in view: device pixels, GL's y from the bottom.
  const CopyRange copies = view.copies(entry.world_west(), entry.world_west() + size, 0);
  glEnable(GL_SCISSOR_TEST);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    const double x0 = (entry.world_west() + copy - view.center_x) * view.scale + view.viewport_w / 2;
    const double y0 = (entry.world_north() - view.center_y) * view.scale + view.viewport_h / 2;
    const double x1 = x0 + size * view.scale, y1 = y0 + size * view.scale;
    const auto px = [](double v, double hi) { return static_cast<GLint>(std::clamp(std::round(v), 0.0, hi)); };
    const GLint left = px(x0, view.viewport_w), right = px(x1, view.viewport_w);
    const GLint top = px(y0, view.viewport_h), bottom = px(y1, view.viewport_h);
    if (right <= left || bottom <= top) continue;
    glScissor(left, static_cast<GLint>(view.viewport_h) - bottom, right - left, bottom - top);
    it->second->draw_over(view, opacity);
  }
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace ccap::render
