// Writing the basemap file (format in basemap_format.h): quantised land vertices, triangles as a
// walk of ops, coastlines and borders over the land's pool of points.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "base/binary_io.h"
#include "map/basemap_coding.h"
#include "map/basemap_format.h"

namespace ccap {

namespace {

using namespace basemap_coding;

void put_varint(std::vector<std::uint8_t>& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}
void put_signed(std::vector<std::uint8_t>& out, std::int64_t v) { put_varint(out, zigzag(v)); }

// Writes the triangles as ops and arguments (see the header): the decoder's walk, replayed. The
// output depends only on the set of triangles, not on their order or starting corners.
void encode_triangles(std::span<const std::uint32_t> indices, std::vector<std::uint8_t>& ops,
                      std::vector<std::uint8_t>& args) {
  const std::vector<Triangle> tris = canonical_triangles(indices);
  const std::size_t n = tris.size();
  struct Edge {
    std::uint64_t key;  // from << 32 | to
    std::uint32_t triangle, third;
    bool operator<(const Edge& o) const { return key != o.key ? key < o.key : triangle < o.triangle; }
  };
  const auto key = [](std::uint32_t from, std::uint32_t to) { return std::uint64_t{from} << 32 | to; };
  std::vector<Edge> edges;
  edges.reserve(3 * n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Triangle& t = tris[i];
    edges.push_back({key(t[0], t[1]), i, t[2]});
    edges.push_back({key(t[1], t[2]), i, t[0]});
    edges.push_back({key(t[2], t[0]), i, t[1]});
  }
  std::sort(edges.begin(), edges.end());
  std::vector<std::uint32_t> skip(edges.size());  // per group start: the first entry maybe not yet used
  for (std::uint32_t i = 0; i < skip.size(); ++i) skip[i] = i;
  std::vector<bool> emitted(n, false);
  // The first triangle not yet written that has the directed edge from -> to.
  const auto neighbour = [&](std::uint32_t from, std::uint32_t to) -> const Edge* {
    const std::uint64_t k = key(from, to);
    const auto first = std::lower_bound(edges.begin(), edges.end(), Edge{k, 0, 0});
    if (first == edges.end() || first->key != k) return nullptr;
    const auto group = static_cast<std::size_t>(first - edges.begin());
    std::size_t i = skip[group];
    while (i < edges.size() && edges[i].key == k && emitted[edges[i].triangle]) ++i;
    skip[group] = static_cast<std::uint32_t>(i);
    return i < edges.size() && edges[i].key == k ? &edges[i] : nullptr;
  };

  std::vector<std::array<std::uint32_t, 2>> gates;
  const auto push = [&](std::uint32_t a, std::uint32_t b) {
    if (!consecutive(a, b)) gates.push_back({a, b});
  };
  std::size_t done = 0, next_new = 0;
  std::int64_t anchor = 0;
  while (done < n) {
    if (gates.empty()) {
      while (emitted[next_new]) ++next_new;
      const Triangle& t = tris[next_new];
      emitted[next_new] = true;
      ++done;
      put_signed(args, std::int64_t{t[0]} - anchor);
      put_signed(args, std::int64_t{t[1]} - t[0]);
      put_signed(args, std::int64_t{t[2]} - t[0]);
      anchor = t[0];
      push(t[2], t[0]);
      push(t[1], t[2]);
      push(t[0], t[1]);
      continue;
    }
    const auto [u, v] = gates.back();
    gates.pop_back();
    const Edge* e = neighbour(v, u);
    if (!e) {
      ops.push_back(0);
      continue;
    }
    emitted[e->triangle] = true;
    ++done;
    const std::uint32_t w = e->third;
    if (w == u + 1) {
      ops.push_back(1);
    } else if (w + 1 == u) {
      ops.push_back(2);
    } else if (w == v + 1) {
      ops.push_back(3);
    } else if (w + 1 == v) {
      ops.push_back(4);
    } else {
      ops.push_back(5);
      put_signed(args, std::int64_t{w} - u);
    }
    push(w, v);
    push(u, w);
  }
}

// ---------------------------------------------------------------------------------------------
// Lines

std::uint64_t point_key(std::int64_t x, std::int64_t y) {
  return std::uint64_t{static_cast<std::uint32_t>(x)} << 32 | static_cast<std::uint32_t>(y);
}

// Writes coastlines, then borders, then rivers, of one level over its pool of points (see the header).
class LineEncoder {
 public:
  LineEncoder(std::vector<IPoint> land, std::int32_t grid) : pool_(std::move(land)), grid_(grid) {
    for (std::uint32_t i = 0; i < pool_.size(); ++i) where_[point_key(pool_[i].x, pool_[i].y)].push_back(i);
  }

  // `segments` on the grid; appends to `out`, returns the polyline and point counts.
  std::pair<std::uint32_t, std::uint32_t> encode(const std::vector<std::array<IPoint, 2>>& segments,
                                                 std::vector<std::uint8_t>& out) {
    std::uint32_t polylines = 0, points = 0;
    std::vector<IPoint> line;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      if (line.empty() || !(segments[i][0] == line.back())) {
        if (!line.empty()) write(line, out);
        line.assign({segments[i][0]});
        ++polylines;
        ++points;
      }
      line.push_back(segments[i][1]);
      ++points;
    }
    if (!line.empty()) write(line, out);
    return {polylines, points};
  }

 private:
  const std::vector<std::uint32_t>* find(IPoint p, std::int64_t shift) const {
    const auto it = where_.find(point_key(p.x - shift * grid_, p.y));
    return it == where_.end() ? nullptr : &it->second;
  }

  void write(const std::vector<IPoint>& line, std::vector<std::uint8_t>& out) {
    // The world shift under which most points are already in the pool (0 first on a tie).
    std::int64_t shift = 0;
    std::size_t best = 0;
    for (std::int64_t s : {0, 1, -1}) {
      std::size_t hits = 0;
      for (const IPoint& p : line) hits += find(p, s) != nullptr;
      if (hits > best) best = hits, shift = s;
    }
    put_varint(out, static_cast<std::uint32_t>(line.size()));
    put_signed(out, shift);
    for (const IPoint& p : line) {
      std::int64_t index = 0;
      if (const auto* candidates = find(p, shift)) {
        // The occurrence nearest to the next index: runs along a ring cost a byte a point.
        const std::int64_t wanted = prev_index_ + 1;
        const auto it = std::lower_bound(candidates->begin(), candidates->end(), wanted,
                                         [](std::uint32_t c, std::int64_t w) { return std::int64_t{c} < w; });
        index = it == candidates->end() ? candidates->back() : *it;
        if (it != candidates->begin() && it != candidates->end() && wanted - *(it - 1) < *it - wanted)
          index = *(it - 1);
        put_varint(out, zigzag(index - prev_index_) * 2 + 1);
      } else {
        put_varint(out, zigzag(std::int64_t{p.x} - prev_.x) * 2);
        put_signed(out, std::int64_t{p.y} - prev_.y);
        index = static_cast<std::int64_t>(pool_.size());
        const IPoint stored{static_cast<std::int32_t>(p.x - shift * grid_), p.y};
        pool_.push_back(stored);
        where_[point_key(stored.x, stored.y)].push_back(static_cast<std::uint32_t>(index));
      }
      prev_index_ = index;
      prev_ = p;
    }
  }

  std::vector<IPoint> pool_;
  std::int32_t grid_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> where_;
  std::int64_t prev_index_ = -1;
  IPoint prev_;
};

}  // namespace

BasemapEncodeResult encode_basemap(const Basemap& map) {
  const auto refuse = [](std::string why) { return BasemapEncodeResult{{}, std::move(why)}; };
  if (map.levels.empty() || map.levels.size() > kMaxLevels)
    return refuse("level count " + std::to_string(map.levels.size()) + " is out of range 1.." +
                  std::to_string(kMaxLevels));
  if (map.grid < kBasemapMinGrid || map.grid > kBasemapMaxGrid)
    return refuse("grid " + std::to_string(map.grid) + " is out of range " + std::to_string(kBasemapMinGrid) + ".." +
                  std::to_string(kBasemapMaxGrid));
  ByteWriter table;
  std::vector<std::uint8_t> body;
  for (std::size_t i = 0; i < map.levels.size(); ++i) {
    const BasemapLevel& l = map.levels[i];
    const std::string where = "level " + std::to_string(i) + ": ";
    if (!std::isfinite(l.min_zoom) || (i > 0 && !(l.min_zoom > map.levels[i - 1].min_zoom)))
      return refuse(where + "min zoom is not finite or not ascending");
    if (l.land_indices.size() % 3 != 0) return refuse(where + "land index count is not a multiple of 3");
    if (l.land_vertices.size() > kMaxItems || l.land_indices.size() / 3 > kMaxItems ||
        l.coastlines.size() + l.borders.size() + l.rivers.size() > kMaxItems / 2)
      return refuse(where + "too many vertices, triangles or segments for one level");
    for (std::uint32_t index : l.land_indices)
      if (index >= l.land_vertices.size())
        return refuse(where + "land index " + std::to_string(index) + " is out of range (" +
                      std::to_string(l.land_vertices.size()) + " land vertices)");
    const auto on_grid = [&](Vec2f v, IPoint& p) {
      const auto x = basemap_grid_units(v.x, map.grid), y = basemap_grid_units(v.y, map.grid);
      if (!x || !y) return false;
      p = {*x, *y};
      return true;
    };

    LevelEntry e;
    e.min_zoom = l.min_zoom;
    std::vector<IPoint> land(l.land_vertices.size());
    std::vector<std::uint8_t> section, rest;  // the numbers' first bytes, the rest of their bytes
    IPoint prev;
    for (std::size_t k = 0; k < land.size(); ++k) {
      if (!on_grid(l.land_vertices[k], land[k]))
        return refuse(where + "land vertex " + std::to_string(k) + " is not finite or beyond ±8 world widths");
      for (std::int64_t delta : {std::int64_t{land[k].x} - prev.x, std::int64_t{land[k].y} - prev.y}) {
        const std::size_t at = rest.size();
        put_signed(rest, delta);
        section.push_back(rest[at]);
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(at));
      }
      prev = land[k];
    }
    section.insert(section.end(), rest.begin(), rest.end());
    e.vertices = static_cast<std::uint32_t>(land.size());
    e.vertex_bytes = static_cast<std::uint32_t>(section.size());
    body.insert(body.end(), section.begin(), section.end());

    std::vector<std::uint8_t> ops, args;
    encode_triangles(l.land_indices, ops, args);
    e.triangles = static_cast<std::uint32_t>(l.land_indices.size() / 3);
    e.op_bytes = static_cast<std::uint32_t>(ops.size());
    e.arg_bytes = static_cast<std::uint32_t>(args.size());
    body.insert(body.end(), ops.begin(), ops.end());
    body.insert(body.end(), args.begin(), args.end());

    LineEncoder lines(std::move(land), map.grid);
    for (const auto& [segments, name, count, points, bytes] :
         {std::tuple{&l.coastlines, "coastline", &e.coast_lines, &e.coast_points, &e.coast_bytes},
          std::tuple{&l.borders, "border", &e.border_lines, &e.border_points, &e.border_bytes},
          std::tuple{&l.rivers, "river", &e.river_lines, &e.river_points, &e.river_bytes}}) {
      std::vector<std::array<IPoint, 2>> snapped(segments->size());
      for (std::size_t k = 0; k < snapped.size(); ++k)
        if (!on_grid((*segments)[k].a, snapped[k][0]) || !on_grid((*segments)[k].b, snapped[k][1]))
          return refuse(where + name + " segment " + std::to_string(k) + " is not finite or beyond ±8 world widths");
      section.clear();
      std::tie(*count, *points) = lines.encode(snapped, section);
      *bytes = static_cast<std::uint32_t>(section.size());
      body.insert(body.end(), section.begin(), section.end());
    }
    put_entry(table, e);
  }
  std::vector<std::uint8_t> payload = std::move(table.out);
  payload.insert(payload.end(), body.begin(), body.end());

  ByteWriter file;
  file.out.reserve(kBasemapHeaderSize + payload.size());
  for (const char c : kMagic) file.put(c);
  file.put(kBasemapFormatVersion);
  file.put(static_cast<std::uint32_t>(map.levels.size()));
  file.put(static_cast<std::uint32_t>(map.grid));
  file.put(std::uint32_t{0});
  file.put(map.bounds.west);
  file.put(map.bounds.south);
  file.put(map.bounds.east);
  file.put(map.bounds.north);
  file.put(static_cast<std::uint64_t>(payload.size()));
  file.put(fnv1a64(payload));
  file.out.insert(file.out.end(), payload.begin(), payload.end());
  return {std::move(file.out), {}};
}

Basemap snapped_to_grid(const Basemap& map) {
  Basemap out = map;
  const auto snap = [&](Vec2f& v) {
    const auto x = basemap_grid_units(v.x, map.grid), y = basemap_grid_units(v.y, map.grid);
    if (x && y) v = {basemap_world(*x, map.grid), basemap_world(*y, map.grid)};
  };
  for (BasemapLevel& l : out.levels) {
    for (Vec2f& v : l.land_vertices) snap(v);
    for (auto* lines : {&l.coastlines, &l.borders, &l.rivers})
      for (Segment& s : *lines) snap(s.a), snap(s.b);
  }
  return out;
}

}  // namespace ccap
