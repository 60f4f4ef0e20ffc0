#include "map/basemap_format.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "base/binary_io.h"

namespace ccap {

namespace {

constexpr char kMagic[8] = {'C', 'C', 'A', 'P', 'M', 'A', 'P', '\0'};
// The encoder's limit on vertices, triangles and line points a level: keeps every index delta
// within a 32-bit varint. The decoder needs no such limit (counts are checked against bytes).
constexpr std::size_t kMaxItems = std::size_t{1} << 28;

struct IPoint {
  std::int32_t x = 0, y = 0;
  friend bool operator==(const IPoint&, const IPoint&) = default;
};

Vec2f world_of(IPoint p) { return {basemap_world(p.x), basemap_world(p.y)}; }

// ---------------------------------------------------------------------------------------------
// Varints

std::uint32_t zigzag(std::int64_t v) { return static_cast<std::uint32_t>(v < 0 ? (-v) * 2 - 1 : v * 2); }
std::int64_t unzigzag(std::uint32_t u) {
  return (u & 1) ? -static_cast<std::int64_t>(u >> 1) - 1 : static_cast<std::int64_t>(u >> 1);
}

void put_varint(std::vector<std::uint8_t>& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}
void put_signed(std::vector<std::uint8_t>& out, std::int64_t v) { put_varint(out, zigzag(v)); }

// One section of a level: reads varints and bytes, never past its end, and says where it failed.
class Section {
 public:
  Section(std::span<const std::uint8_t> bytes, std::size_t file_offset) : bytes_(bytes), file_offset_(file_offset) {}

  bool varint(std::uint32_t& v) {
    at_ = pos_;
    if (pos_ == bytes_.size()) return fail_number("the section ends inside a number");
    const std::uint8_t first = bytes_[pos_++];
    if (first < 0x80) {  // the common case: one byte
      v = first;
      return true;
    }
    return continue_varint(first, v);
  }
  // A varint whose first byte came from elsewhere (the land vertices' first bytes): the rest.
  bool rest_of_varint(std::uint8_t first, std::uint32_t& v) {
    at_ = pos_;
    return continue_varint(first, v);
  }
  bool signed_varint(std::int64_t& v) {
    std::uint32_t u = 0;
    if (!varint(u)) return false;
    v = unzigzag(u);
    return true;
  }
  bool byte(std::uint8_t& b) {
    at_ = pos_;
    if (pos_ == bytes_.size()) return fail_number("the section ends early");
    b = bytes_[pos_++];
    return true;
  }
  // The next n bytes (at most what is left) as a section of their own; this one goes on after them.
  Section take_front(std::size_t n) {
    n = std::min(n, remaining());
    const Section front(bytes_.subspan(pos_, n), file_offset_ + pos_);
    pos_ += n;
    return front;
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  // The file offset of the item read last (for messages).
  std::size_t offset() const { return file_offset_ + at_; }
  std::size_t end_offset() const { return file_offset_ + pos_; }
  const std::string& problem() const { return problem_; }

 private:
  bool continue_varint(std::uint8_t first, std::uint32_t& v) {
    std::uint32_t result = first & 0x7f;
    for (int shift = 7; shift < 35; shift += 7) {
      if (pos_ == bytes_.size()) return fail_number("the section ends inside a number");
      const std::uint8_t b = bytes_[pos_++];
      if (shift == 28 && (b & 0xf0)) return fail_number("a number is longer than 32 bits (bad varint)");
      result |= static_cast<std::uint32_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        v = result;
        return true;
      }
    }
    return false;  // not reached: the fifth byte either ends the number or fails above
  }
  bool fail_number(const char* why) {
    problem_ = why;
    return false;
  }
  std::span<const std::uint8_t> bytes_;
  std::size_t file_offset_ = 0;
  std::size_t pos_ = 0, at_ = 0;
  std::string problem_;
};

// ---------------------------------------------------------------------------------------------
// Triangles

using Triangle = std::array<std::uint32_t, 3>;

bool consecutive(std::uint32_t a, std::uint32_t b) { return a == b + 1 || b == a + 1; }

// The same triangle starting at its smallest corner (the same winding); the smallest rotation when
// corners repeat.
Triangle canonical(Triangle t) {
  const Triangle r1{t[1], t[2], t[0]}, r2{t[2], t[0], t[1]};
  return std::min({t, r1, r2});
}

std::vector<Triangle> canonical_triangles(std::span<const std::uint32_t> indices) {
  std::vector<Triangle> out(indices.size() / 3);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = canonical({indices[3 * i], indices[3 * i + 1], indices[3 * i + 2]});
  std::sort(out.begin(), out.end());
  return out;
}

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

// Writes coastlines, then borders, of one level over its pool of points (see the header).
class LineEncoder {
 public:
  explicit LineEncoder(std::vector<IPoint> land) : pool_(std::move(land)) {
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
    const auto it = where_.find(point_key(p.x - shift * kBasemapUnitsPerWorld, p.y));
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
        const IPoint stored{static_cast<std::int32_t>(p.x - shift * kBasemapUnitsPerWorld), p.y};
        pool_.push_back(stored);
        where_[point_key(stored.x, stored.y)].push_back(static_cast<std::uint32_t>(index));
      }
      prev_index_ = index;
      prev_ = p;
    }
  }

  std::vector<IPoint> pool_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> where_;
  std::int64_t prev_index_ = -1;
  IPoint prev_;
};

// ---------------------------------------------------------------------------------------------
// The level table

struct LevelEntry {
  float min_zoom = 0;
  std::uint32_t vertices = 0, vertex_bytes = 0;
  std::uint32_t triangles = 0, op_bytes = 0, arg_bytes = 0;
  std::uint32_t coast_lines = 0, coast_points = 0, coast_bytes = 0;
  std::uint32_t border_lines = 0, border_points = 0, border_bytes = 0;
};

void put_entry(ByteWriter& w, const LevelEntry& e) {
  w.put(e.min_zoom);
  for (std::uint32_t v : {e.vertices, e.vertex_bytes, e.triangles, e.op_bytes, e.arg_bytes, e.coast_lines,
                          e.coast_points, e.coast_bytes, e.border_lines, e.border_points, e.border_bytes})
    w.put(v);
}

bool get_entry(ByteReader& r, LevelEntry& e) {
  return r.get(e.min_zoom) && r.get(e.vertices) && r.get(e.vertex_bytes) && r.get(e.triangles) && r.get(e.op_bytes) &&
         r.get(e.arg_bytes) && r.get(e.coast_lines) && r.get(e.coast_points) && r.get(e.coast_bytes) &&
         r.get(e.border_lines) && r.get(e.border_points) && r.get(e.border_bytes);
}

// ---------------------------------------------------------------------------------------------
// Decoding a level

class LevelDecoder {
 public:
  LevelDecoder(std::size_t level, BasemapLevel& out) : level_(level), out_(out) {}

  // The first bytes of all 2 x count numbers, then the rest of those that need more (see the header).
  bool vertices(Section rest, std::uint32_t count) {
    Section first = rest.take_front(std::size_t{count} * 2);  // the level table checked the size
    pool_.reserve(count);
    out_.land_vertices.reserve(count);
    const auto number = [&](std::int64_t& v) {
      std::uint8_t b = 0;
      std::uint32_t u = 0;
      if (!first.byte(b) || (b >= 0x80 && !rest.rest_of_varint(b, u))) return false;
      v = unzigzag(b < 0x80 ? b : u);
      return true;
    };
    std::int64_t x = 0, y = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::int64_t dx = 0, dy = 0;
      if (!number(dx) || !number(dy)) return fail(rest, "land vertices", rest.problem());
      x += dx;
      y += dy;
      if (!in_range(x) || !in_range(y))
        return fail(first, "land vertices", "vertex " + std::to_string(i) + " is beyond ±8 world widths");
      const IPoint p{static_cast<std::int32_t>(x), static_cast<std::int32_t>(y)};
      pool_.push_back(p);
      out_.land_vertices.push_back(world_of(p));
    }
    return done(rest, "land vertices");
  }

  bool triangles(Section ops, Section args, std::uint32_t count) {
    const std::size_t vertices = pool_.size();
    auto& out = out_.land_indices;
    out.reserve(std::size_t{count} * 3);
    std::vector<std::array<std::uint32_t, 2>> gates;
    gates.reserve(std::size_t{count} * 2 + 3);
    const auto push = [&](std::uint32_t a, std::uint32_t b) {
      if (!consecutive(a, b)) gates.push_back({a, b});
    };
    const auto bad_index = [&](Section& s, const char* name, std::int64_t i) {
      return fail(
          s, name,
          "land index " + std::to_string(i) + " is out of range (" + std::to_string(vertices) + " land vertices)");
    };
    std::int64_t anchor = 0;
    while (out.size() < std::size_t{count} * 3) {
      if (gates.empty()) {
        std::int64_t da = 0, db = 0, dc = 0;
        if (!args.signed_varint(da) || !args.signed_varint(db) || !args.signed_varint(dc))
          return fail(args, "triangle arguments", args.problem());
        const std::int64_t a = anchor + da, b = a + db, c = a + dc;
        for (std::int64_t i : {a, b, c})
          if (i < 0 || i >= static_cast<std::int64_t>(vertices)) return bad_index(args, "triangle arguments", i);
        anchor = a;
        const auto ua = static_cast<std::uint32_t>(a), ub = static_cast<std::uint32_t>(b),
                   uc = static_cast<std::uint32_t>(c);
        out.push_back(ua);
        out.push_back(ub);
        out.push_back(uc);
        push(uc, ua);
        push(ub, uc);
        push(ua, ub);
        continue;
      }
      const auto [u, v] = gates.back();
      gates.pop_back();
      std::uint8_t op = 0;
      if (!ops.byte(op)) return fail(ops, "triangle ops", "the ops end before the triangle count");
      std::int64_t w = 0;
      switch (op) {
        case 0: continue;
        case 1: w = std::int64_t{u} + 1; break;
        case 2: w = std::int64_t{u} - 1; break;
        case 3: w = std::int64_t{v} + 1; break;
        case 4: w = std::int64_t{v} - 1; break;
        case 5: {
          std::int64_t d = 0;
          if (!args.signed_varint(d)) return fail(args, "triangle arguments", args.problem());
          w = std::int64_t{u} + d;
          if (w < 0 || w >= static_cast<std::int64_t>(vertices)) return bad_index(args, "triangle arguments", w);
          break;
        }
        default: return fail(ops, "triangle ops", "unknown op " + std::to_string(op));
      }
      if (w < 0 || w >= static_cast<std::int64_t>(vertices)) return bad_index(ops, "triangle ops", w);
      const auto uw = static_cast<std::uint32_t>(w);
      out.push_back(v);
      out.push_back(u);
      out.push_back(uw);
      push(uw, v);
      push(u, uw);
    }
    return done(ops, "triangle ops") && done(args, "triangle arguments");
  }

  // Coastlines, then borders: the pool of points and the previous point carry over.
  bool lines(Section s, const char* name, std::uint32_t polylines, std::uint32_t points, std::vector<Segment>& out) {
    out.reserve(points - polylines);
    pool_.reserve(pool_.size() + points);
    std::uint32_t seen = 0;
    for (std::uint32_t l = 0; l < polylines; ++l) {
      std::uint32_t n = 0;
      std::int64_t shift = 0;
      if (!s.varint(n)) return fail(s, name, s.problem());
      if (n < 2 || n > points - seen)
        return fail(s, name,
                    "polyline " + std::to_string(l) + " has " + std::to_string(n) +
                        " points (at least 2, at most the " + std::to_string(points - seen) +
                        " left of the level's count)");
      if (!s.signed_varint(shift)) return fail(s, name, s.problem());
      if (shift < -kBasemapMaxShift || shift > kBasemapMaxShift)
        return fail(s, name, "polyline " + std::to_string(l) + ": world shift " + std::to_string(shift) + " beyond ±8");
      const std::int64_t dx_shift = shift * kBasemapUnitsPerWorld;
      Vec2f prev_world{};
      for (std::uint32_t k = 0; k < n; ++k) {
        std::uint32_t token = 0;
        if (!s.varint(token)) return fail(s, name, s.problem());
        std::int64_t x = 0, y = 0, index = 0;
        if (token % 2 == 0) {  // a new point
          std::int64_t dy = 0;
          if (!s.signed_varint(dy)) return fail(s, name, s.problem());
          x = prev_.x + unzigzag(token / 2);
          y = prev_.y + dy;
          if (!in_range(x) || !in_range(y)) return fail(s, name, "a point is beyond ±8 world widths");
          index = static_cast<std::int64_t>(pool_.size());
          pool_.push_back({static_cast<std::int32_t>(x - dx_shift), static_cast<std::int32_t>(y)});
        } else {
          index = prev_index_ + unzigzag(token / 2);
          if (index < 0 || index >= static_cast<std::int64_t>(pool_.size()))
            return fail(s, name,
                        "point index " + std::to_string(index) + " is out of range (" + std::to_string(pool_.size()) +
                            " points so far)");
          const IPoint& p = pool_[static_cast<std::size_t>(index)];
          x = p.x + dx_shift;
          y = p.y;
          if (!in_range(x)) return fail(s, name, "a point is beyond ±8 world widths");
        }
        prev_index_ = index;
        prev_ = {static_cast<std::int32_t>(x), static_cast<std::int32_t>(y)};
        const Vec2f world = world_of(prev_);
        if (k > 0) out.push_back({prev_world, world});
        prev_world = world;
      }
      seen += n;
    }
    if (seen != points)
      return fail(
          s, name,
          "the polylines hold " + std::to_string(seen) + " points, the level table says " + std::to_string(points));
    return done(s, name);
  }

  const std::string& error() const { return error_; }

 private:
  static bool in_range(std::int64_t v) { return v >= -kBasemapMaxUnits && v <= kBasemapMaxUnits; }

  bool fail(const Section& s, const char* section, const std::string& what) {
    error_ = "level " + std::to_string(level_) + " " + section + ", byte " + std::to_string(s.offset()) + ": " + what;
    return false;
  }
  bool done(const Section& s, const char* section) {
    if (s.remaining() == 0) return true;
    error_ = "level " + std::to_string(level_) + " " + section + ", byte " + std::to_string(s.end_offset()) + ": " +
             std::to_string(s.remaining()) + " bytes left over";
    return false;
  }

  std::size_t level_;
  BasemapLevel& out_;
  std::vector<IPoint> pool_;
  IPoint prev_;
  std::int64_t prev_index_ = -1;
  std::string error_;
};

BasemapDecodeResult fail(std::string why) { return {std::nullopt, std::move(why)}; }

}  // namespace

std::optional<std::int32_t> basemap_grid_units(float world) {
  if (!std::isfinite(world)) return std::nullopt;
  const double units = std::nearbyint(static_cast<double>(world) * kBasemapUnitsPerWorld);
  if (std::abs(units) > kBasemapMaxUnits) return std::nullopt;
  return static_cast<std::int32_t>(units);
}

float basemap_world(std::int32_t units) {
  return static_cast<float>(static_cast<double>(units) / kBasemapUnitsPerWorld);
}

BasemapEncodeResult encode_basemap(const Basemap& map) {
  const auto refuse = [](std::string why) { return BasemapEncodeResult{{}, std::move(why)}; };
  if (map.levels.empty() || map.levels.size() > kMaxLevels)
    return refuse("level count " + std::to_string(map.levels.size()) + " is out of range 1.." +
                  std::to_string(kMaxLevels));
  ByteWriter table;
  std::vector<std::uint8_t> body;
  for (std::size_t i = 0; i < map.levels.size(); ++i) {
    const BasemapLevel& l = map.levels[i];
    const std::string where = "level " + std::to_string(i) + ": ";
    if (!std::isfinite(l.min_zoom) || (i > 0 && !(l.min_zoom > map.levels[i - 1].min_zoom)))
      return refuse(where + "min zoom is not finite or not ascending");
    if (l.land_indices.size() % 3 != 0) return refuse(where + "land index count is not a multiple of 3");
    if (l.land_vertices.size() > kMaxItems || l.land_indices.size() / 3 > kMaxItems ||
        l.coastlines.size() + l.borders.size() > kMaxItems / 2)
      return refuse(where + "too many vertices, triangles or segments for one level");
    for (std::uint32_t index : l.land_indices)
      if (index >= l.land_vertices.size())
        return refuse(where + "land index " + std::to_string(index) + " is out of range (" +
                      std::to_string(l.land_vertices.size()) + " land vertices)");
    const auto on_grid = [&](Vec2f v, IPoint& p) {
      const auto x = basemap_grid_units(v.x), y = basemap_grid_units(v.y);
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

    LineEncoder lines(std::move(land));
    for (const auto& [segments, name, count, points, bytes] :
         {std::tuple{&l.coastlines, "coastline", &e.coast_lines, &e.coast_points, &e.coast_bytes},
          std::tuple{&l.borders, "border", &e.border_lines, &e.border_points, &e.border_bytes}}) {
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
  file.out.insert(file.out.end(), std::begin(kMagic), std::end(kMagic));
  file.put(kBasemapFormatVersion);
  file.put(static_cast<std::uint32_t>(map.levels.size()));
  file.put(map.bounds.west);
  file.put(map.bounds.south);
  file.put(map.bounds.east);
  file.put(map.bounds.north);
  file.put(static_cast<std::uint64_t>(payload.size()));
  file.put(fnv1a64(payload));
  file.out.insert(file.out.end(), payload.begin(), payload.end());
  return {std::move(file.out), {}};
}

BasemapDecodeResult decode_basemap(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kBasemapHeaderSize)
    return fail("too short for a .ccapmap header (" + std::to_string(bytes.size()) + " bytes)");
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail("not a .ccapmap file (bad magic)");
  ByteReader header(bytes.subspan(sizeof kMagic, kBasemapHeaderSize - sizeof kMagic));
  std::uint32_t version = 0, level_count = 0;
  Basemap map;
  std::uint64_t payload_size = 0, checksum = 0;
  header.get(version);
  header.get(level_count);
  header.get(map.bounds.west);
  header.get(map.bounds.south);
  header.get(map.bounds.east);
  header.get(map.bounds.north);
  header.get(payload_size);
  header.get(checksum);
  if (version == 1)
    return fail("format version 1 was made by an older pipeline: rebuild the data (this build reads version " +
                std::to_string(kBasemapFormatVersion) + ")");
  if (version != kBasemapFormatVersion)
    return fail("format version " + std::to_string(version) + " is not supported (this build reads " +
                std::to_string(kBasemapFormatVersion) + "): rebuild the data");
  if (level_count == 0 || level_count > kMaxLevels)
    return fail("level count " + std::to_string(level_count) + " is out of range 1.." + std::to_string(kMaxLevels));
  const auto payload = bytes.subspan(kBasemapHeaderSize);
  if (payload.size() != payload_size)
    return fail("payload is " + std::to_string(payload.size()) + " bytes, the header says " +
                std::to_string(payload_size) + " (truncated or padded file)");
  if (fnv1a64(payload) != checksum) return fail("checksum mismatch (corrupted file)");

  const std::size_t table_size = level_count * kBasemapLevelEntrySize;
  if (payload.size() < table_size) return fail("level table is truncated");
  ByteReader r(payload.first(table_size));
  std::vector<LevelEntry> entries(level_count);
  std::uint64_t sections = 0;
  for (std::uint32_t i = 0; i < level_count; ++i) {
    LevelEntry& e = entries[i];
    get_entry(r, e);  // cannot fail: the table's size was checked
    const std::string where = "level " + std::to_string(i) + ": ";
    if (!std::isfinite(e.min_zoom) || (i > 0 && !(e.min_zoom > entries[i - 1].min_zoom)))
      return fail(where + "min zoom is not finite or not ascending");
    if (e.vertices > e.vertex_bytes / 2)
      return fail(where + std::to_string(e.vertices) + " land vertices cannot fit in " +
                  std::to_string(e.vertex_bytes) + " bytes");
    if (e.triangles > std::uint64_t{e.op_bytes} + e.arg_bytes / 3)
      return fail(where + std::to_string(e.triangles) + " triangles cannot fit in " + std::to_string(e.op_bytes) +
                  " op and " + std::to_string(e.arg_bytes) + " argument bytes");
    for (const auto& [name, lines, points, size] :
         {std::tuple{"coastline", e.coast_lines, e.coast_points, e.coast_bytes},
          std::tuple{"border", e.border_lines, e.border_points, e.border_bytes}})
      if (points > size || std::uint64_t{lines} * 2 > points)
        return fail(where + std::to_string(lines) + " " + name + " polylines of " + std::to_string(points) +
                    " points cannot fit in " + std::to_string(size) + " bytes");
    sections += std::uint64_t{e.vertex_bytes} + e.op_bytes + e.arg_bytes + e.coast_bytes + e.border_bytes;
  }
  if (sections != payload.size() - table_size)
    return fail("the level table's sections add up to " + std::to_string(sections) + " bytes, " +
                std::to_string(payload.size() - table_size) + " follow it");

  map.levels.resize(level_count);
  std::size_t at = table_size;
  const auto take = [&](std::uint32_t size) {
    const Section s(payload.subspan(at, size), kBasemapHeaderSize + at);
    at += size;
    return s;
  };
  for (std::uint32_t i = 0; i < level_count; ++i) {
    const LevelEntry& e = entries[i];
    BasemapLevel& l = map.levels[i];
    l.min_zoom = e.min_zoom;
    LevelDecoder level(i, l);
    const Section vertices = take(e.vertex_bytes), ops = take(e.op_bytes), args = take(e.arg_bytes),
                  coast = take(e.coast_bytes), borders = take(e.border_bytes);
    if (!level.vertices(vertices, e.vertices) || !level.triangles(ops, args, e.triangles) ||
        !level.lines(coast, "coastlines", e.coast_lines, e.coast_points, l.coastlines) ||
        !level.lines(borders, "borders", e.border_lines, e.border_points, l.borders))
      return fail(level.error());
  }
  return {std::move(map), {}};
}

Basemap snapped_to_grid(const Basemap& map) {
  Basemap out = map;
  const auto snap = [](Vec2f& v) {
    const auto x = basemap_grid_units(v.x), y = basemap_grid_units(v.y);
    if (x && y) v = {basemap_world(*x), basemap_world(*y)};
  };
  for (BasemapLevel& l : out.levels) {
    for (Vec2f& v : l.land_vertices) snap(v);
    for (auto* lines : {&l.coastlines, &l.borders})
      for (Segment& s : *lines) snap(s.a), snap(s.b);
  }
  return out;
}

bool same_triangles(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return a.size() == b.size() && canonical_triangles(a) == canonical_triangles(b);
}

}  // namespace ccap
