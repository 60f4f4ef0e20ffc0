#include "pipeline/city_tiles.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <set>
#include <utility>

#include "map/basemap_format.h"
#include "pipeline/border_lines.h"
#include "pipeline/land_mesh.h"

namespace ccap::pipeline {

std::string TileKey::name() const { return std::to_string(z) + "-" + std::to_string(x) + "-" + std::to_string(y); }

GeoBounds tile_bounds(TileKey key) {
  const double n = std::ldexp(1.0, key.z);
  const auto lat = [&](double y) {
    return std::atan(std::sinh(std::numbers::pi * (1 - 2 * y / n))) * 180 / std::numbers::pi;
  };
  return {key.x / n * 360 - 180, lat(key.y + 1), (key.x + 1) / n * 360 - 180, lat(key.y)};
}

std::vector<TileKey> tiles_near(std::span<const LngLat> places, double radius_km, int z) {
  std::set<TileKey> keys;
  const double n = std::ldexp(1.0, z);
  constexpr double kKmPerDegree = 111.32;  // along a meridian, and along the equator
  for (const LngLat& p : places) {
    const double dlat = radius_km / kKmPerDegree;
    const double dlng = radius_km / (kKmPerDegree * std::max(0.05, std::cos(p.lat * std::numbers::pi / 180)));
    const WorldPoint nw = project({p.lng - dlng, std::min(p.lat + dlat, kMaxMercatorLatitude)});
    const WorldPoint se = project({p.lng + dlng, std::max(p.lat - dlat, -kMaxMercatorLatitude)});
    const int y0 = std::clamp(static_cast<int>(std::floor(nw.y * n)), 0, static_cast<int>(n) - 1);
    const int y1 = std::clamp(static_cast<int>(std::floor(se.y * n)), 0, static_cast<int>(n) - 1);
    const int x0 = static_cast<int>(std::floor(nw.x * n)), x1 = static_cast<int>(std::floor(se.x * n));
    for (int x = x0; x <= x1; ++x)  // across the antimeridian: the tile numbers wrap
      for (int y = y0; y <= y1; ++y)
        keys.insert({z, ((x % static_cast<int>(n)) + static_cast<int>(n)) % static_cast<int>(n), y});
  }
  return {keys.begin(), keys.end()};
}

std::optional<std::pair<LngLat, LngLat>> clip_segment(LngLat a, LngLat b, const GeoBounds& box) {
  // Liang-Barsky: the part of a + t (b - a), t in [0, 1], inside the box.
  double t0 = 0, t1 = 1;
  const double dx = b.lng - a.lng, dy = b.lat - a.lat;
  for (const auto& [p, q] : {std::pair{-dx, a.lng - box.west}, std::pair{dx, box.east - a.lng},
                             std::pair{-dy, a.lat - box.south}, std::pair{dy, box.north - a.lat}}) {
    if (p == 0) {
      if (q < 0) return std::nullopt;
      continue;
    }
    const double t = q / p;
    if (p < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 > t1) return std::nullopt;
  }
  if (t0 == t1) return std::nullopt;  // a single point
  return std::pair{LngLat{a.lng + t0 * dx, a.lat + t0 * dy}, LngLat{a.lng + t1 * dx, a.lat + t1 * dy}};
}

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

std::string last_gdal_error() {
  const char* msg = CPLGetLastErrorMsg();
  return msg && *msg ? msg : "unknown GDAL error";
}

Vec2f to_world(LngLat p) {
  const WorldPoint w = project(p);
  return {static_cast<float>(w.x), static_cast<float>(w.y)};
}

std::unique_ptr<OGRPolygon> box_polygon(const GeoBounds& b) {
  OGRLinearRing r;
  r.addPoint(b.west, b.south);
  r.addPoint(b.east, b.south);
  r.addPoint(b.east, b.north);
  r.addPoint(b.west, b.north);
  r.closeRings();
  auto p = std::make_unique<OGRPolygon>();
  p->addRing(&r);
  return p;
}

void collect(const OGRGeometry* g, OGRwkbGeometryType want, std::vector<const OGRGeometry*>& out) {
  if (!g || g->IsEmpty()) return;
  const auto type = wkbFlatten(g->getGeometryType());
  if (type == want) {
    out.push_back(g);
  } else if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
    for (const OGRGeometry* part : *g->toGeometryCollection()) collect(part, want, out);
  }
}

// A source opened once and read tile by tile through GDAL's spatial filter.
class TiledSource {
 public:
  TiledSource(const SourceRef& ref, std::vector<std::string>& errors) : ref_(ref) {
    ds_.reset(GDALDataset::Open(ref.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds_) {
      const std::string json = json_syntax_problem(ref.path);
      errors.push_back(
          ref.describe() + ": " +
          (json.empty() ? "cannot be read as a vector data set: " + last_gdal_error() : "cannot be read: " + json));
      return;
    }
    layer_ = ref.layer.empty() ? ds_->GetLayer(0) : ds_->GetLayerByName(ref.layer.c_str());
    if (!layer_) errors.push_back(ref.describe() + ": has no layer '" + ref.layer + "'");
  }
  explicit operator bool() const { return layer_ != nullptr; }

  // The features that meet `box`, each geometry repaired if invalid and clipped to the box;
  // `keep` decides on a feature first. Problems go to `errors`, naming the feature and the tile.
  template <class Keep>
  std::vector<std::unique_ptr<OGRGeometry>> clipped(const GeoBounds& box, const std::string& tile,
                                                    std::vector<std::string>& errors, Keep keep) {
    std::vector<std::unique_ptr<OGRGeometry>> out;
    const auto clip = box_polygon(box);
    layer_->SetSpatialFilterRect(box.west, box.south, box.east, box.north);
    layer_->ResetReading();
    while (auto f = std::unique_ptr<OGRFeature>(layer_->GetNextFeature())) {
      if (!keep(*f)) continue;
      const OGRGeometry* g = f->GetGeometryRef();
      const std::string where = ref_.describe() + ": feature " + std::to_string(f->GetFID()) + ", tile " + tile + ": ";
      if (!g || g->IsEmpty()) {
        errors.push_back(where + "has no geometry");
        continue;
      }
      std::unique_ptr<OGRGeometry> valid(g->IsValid() ? g->clone() : g->MakeValid());
      if (!valid) {
        errors.push_back(where + "is invalid and GEOS could not repair it");
        continue;
      }
      std::unique_ptr<OGRGeometry> inside(valid->Intersection(clip.get()));
      if (!inside) {
        errors.push_back(where + "clipping to the tile failed: " + last_gdal_error());
        continue;
      }
      if (!inside->IsEmpty()) out.push_back(std::move(inside));
    }
    layer_->SetSpatialFilter(nullptr);
    return out;
  }

  OGRLayer* layer() { return layer_; }
  std::string describe() const { return ref_.describe(); }

 private:
  SourceRef ref_;
  Dataset ds_;
  OGRLayer* layer_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Polygons through GEOS's C API: each source feature converted once, then cut tile by tile with
// GEOSClipByRect (a rectangle clip that needs no valid input and costs little on a country of
// 100,000 points), repaired only when the small piece is invalid, snapped to kSnapDegrees and
// merged. (OGR's Intersection checked and repaired the whole country for every tile: minutes.)

inline constexpr double kSnapDegrees = 1e-5;  // about 1 m: far below the tiles' 19 m grid

class Geos {
 public:
  Geos() : ctx_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(
        ctx_, [](const char* m, void* out) { static_cast<std::string*>(out)->assign(m ? m : "unknown GEOS error"); },
        &error_);
  }
  ~Geos() { GEOS_finish_r(ctx_); }
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;

  GEOSContextHandle_t ctx() const { return ctx_; }
  const std::string& error() const { return error_; }

  // `g` in GEOS (null when GEOS cannot read it); the caller owns it.
  GEOSGeometry* from_ogr(const OGRGeometry& g) {
    std::vector<unsigned char> wkb(static_cast<std::size_t>(g.WkbSize()));
    g.exportToWkb(wkbNDR, wkb.data());
    return GEOSGeomFromWKB_buf_r(ctx_, wkb.data(), wkb.size());
  }

  // Owns a GEOS geometry made here.
  struct Owned {
    Geos* geos = nullptr;
    GEOSGeometry* g = nullptr;
    Owned() = default;
    Owned(Geos* o, GEOSGeometry* x) : geos(o), g(x) {}
    Owned(Owned&& o) noexcept : geos(o.geos), g(std::exchange(o.g, nullptr)) {}
    Owned& operator=(Owned&& o) noexcept {
      std::swap(g, o.g);
      geos = o.geos;
      return *this;
    }
    ~Owned() {
      if (g) GEOSGeom_destroy_r(geos->ctx_, g);
    }
    explicit operator bool() const { return g != nullptr; }
  };
  Owned own(GEOSGeometry* g) { return {this, g}; }

  // The polygonal part of `g` inside `box`, valid and snapped (empty when nothing is inside).
  Owned clip(const GEOSGeometry* g, const GeoBounds& box) {
    Owned cut = own(GEOSClipByRect_r(ctx_, g, box.west, box.south, box.east, box.north));
    if (!cut || GEOSisEmpty_r(ctx_, cut.g)) return cut;
    if (GEOSisValid_r(ctx_, cut.g) != 1) cut = own(GEOSMakeValid_r(ctx_, cut.g));
    if (!cut) return cut;
    return own(GEOSGeom_setPrecision_r(ctx_, cut.g, kSnapDegrees, 0));
  }

 private:
  GEOSContextHandle_t ctx_;
  std::string error_;
};

// A polygon layer's features that meet any of the tiles, in GEOS, each with its box: read once,
// then cut for every tile. (Through OGR's spatial filter each tile converted and tested every
// whole country again.)
struct GeosLayer {
  struct Entry {
    Geos::Owned geometry;
    GeoBounds box;
    long long fid = 0;
  };
  std::string name;  // the source, for messages
  std::vector<Entry> entries;

  GeosLayer(TiledSource& source, Geos& geos, std::span<const GeoBounds> tiles, std::vector<std::string>& errors)
      : name(source.describe()) {
    OGRLayer* layer = source.layer();
    layer->ResetReading();
    while (auto f = std::unique_ptr<OGRFeature>(layer->GetNextFeature())) {
      const OGRGeometry* g = f->GetGeometryRef();
      if (!g || g->IsEmpty()) continue;  // nothing to fill
      OGREnvelope e;
      g->getEnvelope(&e);
      const GeoBounds box{e.MinX, e.MinY, e.MaxX, e.MaxY};
      if (std::none_of(tiles.begin(), tiles.end(), [&](const GeoBounds& t) { return overlap(box, t); })) continue;
      Geos::Owned converted = geos.own(geos.from_ogr(*g));
      if (!converted) {
        errors.push_back(name + ": feature " + std::to_string(f->GetFID()) + ": GEOS cannot read it: " + geos.error());
        continue;
      }
      entries.push_back({std::move(converted), box, f->GetFID()});
    }
  }

  static bool overlap(const GeoBounds& a, const GeoBounds& b) {
    return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
  }
};

// The union of the polygonal pieces of every feature of `layer` in `box` (empty Owned: none).
Geos::Owned area_in(GeosLayer& layer, Geos& geos, const GeoBounds& box, const std::string& tile,
                    std::vector<std::string>& errors) {
  GEOSContextHandle_t ctx = geos.ctx();
  std::vector<GEOSGeometry*> parts;  // owned until the collection takes them
  for (GeosLayer::Entry& e : layer.entries) {
    if (!GeosLayer::overlap(e.box, box)) continue;
    Geos::Owned cut = geos.clip(e.geometry.g, box);
    if (!cut) {
      errors.push_back(layer.name + ": feature " + std::to_string(e.fid) + ", tile " + tile +
                       ": clipping failed: " + geos.error());
      continue;
    }
    if (!GEOSisEmpty_r(ctx, cut.g)) parts.push_back(std::exchange(cut.g, nullptr));
  }
  if (parts.empty()) return {};
  Geos::Owned all = geos.own(
      GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
  Geos::Owned merged = geos.own(GEOSUnaryUnion_r(ctx, all.g));
  if (!merged) errors.push_back(layer.name + ": tile " + tile + ": merging failed: " + geos.error());
  return merged;
}

// The polygons of `g` as rings of longitude and latitude.
std::vector<Polygon> polygons_of(GEOSContextHandle_t ctx, const GEOSGeometry* g) {
  std::vector<Polygon> out;
  const int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POLYGON) {
    Polygon p;
    const auto ring = [&](const GEOSGeometry* r) {
      const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, r);
      unsigned n = 0;
      GEOSCoordSeq_getSize_r(ctx, seq, &n);
      Ring out_ring(n);
      for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx, seq, i, &out_ring[i].lng, &out_ring[i].lat);
      return out_ring;
    };
    p.push_back(ring(GEOSGetExteriorRing_r(ctx, g)));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(ctx, g); ++i) p.push_back(ring(GEOSGetInteriorRingN_r(ctx, g, i)));
    if (p.front().size() >= 4) out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i) {
      auto more = polygons_of(ctx, GEOSGetGeometryN_r(ctx, g, i));
      out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  return out;
}

void append(pipeline::Mesh& into, const pipeline::Mesh& part) {
  const auto base = static_cast<std::uint32_t>(into.vertices.size());
  into.vertices.insert(into.vertices.end(), part.vertices.begin(), part.vertices.end());
  for (std::uint32_t i : part.indices) into.indices.push_back(base + i);
}

// Triangulates `polygon` into `mesh`. GEOS's constrained triangulation gives up on a few polygons
// of the fine coastline ("Unable to find a convex corner": its joining of small holes to the outer
// ring fails; seen around Philadelphia's marshes); such a polygon is cut in two across its longer
// side, through its first hole when it has one (each half then has that hole as a notch and no
// hole), else in the middle, and each half tried again, down to kMaxSplits levels. The seam is
// not coast (the coast was taken from the whole polygon) and the halves' triangles meet along it.
std::string triangulate_in_parts(const Polygon& polygon, Geos& geos, LandTriangulator& triangulator,
                                 pipeline::Mesh& mesh, int depth = 0) {
  constexpr int kMaxSplits = 8;
  pipeline::Mesh attempt;
  const std::string why = triangulator.add(polygon, attempt);
  if (why.empty()) {
    append(mesh, attempt);
    return {};
  }
  if (depth == kMaxSplits) return why + " (also in its parts, cut " + std::to_string(kMaxSplits) + " times)";
  GeoBounds b{polygon.front().front().lng, polygon.front().front().lat, polygon.front().front().lng,
              polygon.front().front().lat};
  for (const LngLat& p : polygon.front()) {
    b.west = std::min(b.west, p.lng), b.east = std::max(b.east, p.lng);
    b.south = std::min(b.south, p.lat), b.north = std::max(b.north, p.lat);
  }
  const bool wide = b.east - b.west >= b.north - b.south;
  double mid = wide ? (b.west + b.east) / 2 : (b.south + b.north) / 2;
  if (polygon.size() > 1) {  // through a hole: each half gets it as a notch in its outer ring
    const Ring& hole = polygon[1];
    double lo = wide ? hole.front().lng : hole.front().lat, hi = lo;
    for (const LngLat& p : hole) lo = std::min(lo, wide ? p.lng : p.lat), hi = std::max(hi, wide ? p.lng : p.lat);
    mid = (lo + hi) / 2;
  }
  // The polygon in GEOS, by its WKB through OGR (as LandTriangulator reads it).
  OGRPolygon ogr;
  for (const Ring& r : polygon) {
    OGRLinearRing ring;
    for (const LngLat& p : r) ring.addPoint(p.lng, p.lat);
    ring.closeRings();
    ogr.addRing(&ring);
  }
  Geos::Owned whole = geos.own(geos.from_ogr(ogr));
  if (!whole) return why;
  for (const GeoBounds half :
       {wide ? GeoBounds{b.west, b.south, mid, b.north} : GeoBounds{b.west, b.south, b.east, mid},
        wide ? GeoBounds{mid, b.south, b.east, b.north} : GeoBounds{b.west, mid, b.east, b.north}}) {
    Geos::Owned part = geos.clip(whole.g, half);
    if (!part) return why + " (and cutting it in two failed: " + geos.error() + ")";
    for (const Polygon& piece : polygons_of(geos.ctx(), part.g))
      if (auto again = triangulate_in_parts(piece, geos, triangulator, mesh, depth + 1); !again.empty()) return again;
  }
  return {};
}

bool on_one_edge(LngLat a, LngLat b, const GeoBounds& box) {
  constexpr double kEps = kSnapDegrees;  // clipped points lie on the box, then snap to the grid
  const auto near = [](double v, double edge) { return std::abs(v - edge) < kEps; };
  return (near(a.lng, box.west) && near(b.lng, box.west)) || (near(a.lng, box.east) && near(b.lng, box.east)) ||
         (near(a.lat, box.south) && near(b.lat, box.south)) || (near(a.lat, box.north) && near(b.lat, box.north));
}

}  // namespace

CityTilesResult cut_city_tiles(const CityTileSources& sources, std::span<const TileKey> keys) {
  GDALAllRegister();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CityTilesResult result;
  auto& errors = result.errors;
  TiledSource land(sources.land, errors);
  std::optional<TiledSource> lakes, rivers;  // none for the regional level
  if (!sources.lakes.path.empty()) lakes.emplace(sources.lakes, errors);
  if (!sources.rivers.path.empty()) rivers.emplace(sources.rivers, errors);
  // Borders: the edges two countries share, found once for the whole world (border_lines.h).
  std::vector<GeoSegment> borders;
  {
    const PolygonLayer countries = read_polygon_layer(sources.countries, EmptyFeatures::Skip);
    errors.insert(errors.end(), countries.errors.begin(), countries.errors.end());
    std::vector<std::vector<Ring>> rings_by_country;
    for (const PolygonFeature& f : countries.features) {
      std::vector<Ring> rings;
      for (const Polygon& p : f.polygons) rings.insert(rings.end(), p.begin(), p.end());
      rings_by_country.push_back(std::move(rings));
    }
    borders = extract_lines(rings_by_country).borders;
  }
  if (!land || (lakes && !*lakes) || (rivers && !*rivers) || !errors.empty()) return result;
  std::vector<GeoBounds> boxes;
  for (const TileKey& k : keys) boxes.push_back(tile_bounds(k));
  Geos geos;  // before the layers, which hold its geometries
  GeosLayer land_area(land, geos, boxes, errors);
  std::optional<GeosLayer> lake_area;
  if (lakes) lake_area.emplace(*lakes, geos, boxes, errors);

  std::vector<CityTile> tiles;
  for (const TileKey& key : keys) {
    const GeoBounds box = tile_bounds(key);
    const std::string name = key.name();
    CityTile tile;
    tile.key = key;
    tile.map.bounds = box;
    tile.map.grid = kBasemapMaxGrid;
    BasemapLevel level;
    level.min_zoom = static_cast<float>(key.z);

    // Land, lakes cut out.
    if (Geos::Owned ground = area_in(land_area, geos, box, name, errors)) {
      if (Geos::Owned water = lake_area ? area_in(*lake_area, geos, box, name, errors) : Geos::Owned{}) {
        Geos::Owned dry = geos.own(GEOSDifference_r(geos.ctx(), ground.g, water.g));
        if (!dry) {
          errors.push_back(sources.lakes.describe() + ": tile " + name +
                           ": cutting the lakes out failed: " + geos.error());
          continue;
        }
        ground = std::move(dry);
      }
      const std::vector<Polygon> polygons = polygons_of(geos.ctx(), ground.g);
      LandTriangulator triangulator;
      pipeline::Mesh mesh;
      for (const Polygon& polygon : polygons) {
        for (const Ring& r : polygon)
          for (std::size_t i = 1; i < r.size(); ++i)
            if (!on_one_edge(r[i - 1], r[i], box)) level.coastlines.push_back({to_world(r[i - 1]), to_world(r[i])});
        if (auto why = triangulate_in_parts(polygon, geos, triangulator, mesh); !why.empty())
          errors.push_back(sources.land.describe() + ": tile " + name + ": " + why);
      }
      tile.stats.land_pieces = polygons.size();
      level.land_vertices = std::move(mesh.vertices);
      level.land_indices = std::move(mesh.indices);
    }

    for (const GeoSegment& s : borders)
      if (const auto part = clip_segment(s.a, s.b, box))
        level.borders.push_back({to_world(part->first), to_world(part->second)});

    const auto is_river = [](const OGRFeature& f) {
      const int i = f.GetFieldIndex("featurecla");
      return i < 0 || std::string(f.GetFieldAsString(i)) != "Lake Centerline";
    };
    for (const auto& g :
         rivers ? rivers->clipped(box, name, errors, is_river) : std::vector<std::unique_ptr<OGRGeometry>>{}) {
      std::vector<const OGRGeometry*> lines;
      collect(g.get(), wkbLineString, lines);
      for (const OGRGeometry* line : lines) {
        const OGRLineString* l = line->toLineString();
        for (int i = 1; i < l->getNumPoints(); ++i)
          level.rivers.push_back({to_world({l->getX(i - 1), l->getY(i - 1)}), to_world({l->getX(i), l->getY(i)})});
      }
    }

    tile.stats.triangles = level.land_indices.size() / 3;
    tile.stats.coast_segments = level.coastlines.size();
    tile.stats.border_segments = level.borders.size();
    tile.stats.river_segments = level.rivers.size();
    tile.map.levels.push_back(std::move(level));
    tiles.push_back(std::move(tile));
  }
  if (errors.empty()) result.tiles = std::move(tiles);
  return result;
}

}  // namespace ccap::pipeline
