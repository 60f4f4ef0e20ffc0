#include "pipeline/land_mesh.h"

#include <cpl_error.h>
#include <geos_c.h>
#include <ogr_geometry.h>

#include <map>
#include <utility>

namespace ccap::pipeline {

// ---------------------------------------------------------------------------------------------
// GEOS, through its reentrant C API, with its messages kept for error reports.
struct LandTriangulator::Geos {
  GEOSContextHandle_t ctx = GEOS_init_r();
  std::string last_error;
  ~Geos() { GEOS_finish_r(ctx); }
};

namespace {

void on_geos_error(const char* message, void* userdata) {
  static_cast<std::string*>(userdata)->assign(message ? message : "unknown GEOS error");
}

OGRLinearRing to_ogr_ring(const Ring& ring) {
  OGRLinearRing r;
  r.setNumPoints(static_cast<int>(ring.size()), false);
  for (int i = 0; i < static_cast<int>(ring.size()); ++i) r.setPoint(i, ring[i].lng, ring[i].lat);
  r.closeRings();
  return r;
}

void collect_polygons(const OGRGeometry* g, std::vector<const OGRPolygon*>& out) {
  if (!g) return;
  const auto type = wkbFlatten(g->getGeometryType());
  if (type == wkbPolygon) {
    out.push_back(g->toPolygon());
  } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    for (const OGRGeometry* part : *g->toGeometryCollection()) collect_polygons(part, out);
  }  // lines and points left by MakeValid or clipping have no area: nothing to fill
}

std::unique_ptr<OGRGeometry> mercator_band() {
  OGRLinearRing r;
  const double lat = kMaxMercatorLatitude;
  r.addPoint(-540, -lat);
  r.addPoint(540, -lat);
  r.addPoint(540, lat);
  r.addPoint(-540, lat);
  r.closeRings();
  auto band = std::make_unique<OGRPolygon>();
  band->addRing(&r);
  return band;
}

// The polygon with every vertex projected to world coordinates.
OGRPolygon project_polygon(const OGRPolygon& p) {
  OGRPolygon out;
  for (const OGRLinearRing* ring : p) {
    OGRLinearRing r;
    for (const OGRPoint& pt : *ring) {
      const WorldPoint w = project({pt.getX(), pt.getY()});
      r.addPoint(w.x, w.y);
    }
    out.addRing(&r);
  }
  return out;
}

}  // namespace

LandTriangulator::LandTriangulator() : geos_(std::make_unique<Geos>()) {
  GEOSContext_setErrorMessageHandler_r(geos_->ctx, on_geos_error, &geos_->last_error);
}

LandTriangulator::~LandTriangulator() = default;

std::string LandTriangulator::add(const Polygon& polygon, Mesh& mesh) {
  if (polygon.empty()) return {};
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);  // validity findings are counted, not printed
  // 1. continuous across the antimeridian, holes beside their outer ring
  OGRPolygon lnglat;
  const Ring outer = unwrap_ring(polygon.front());
  OGRLinearRing outer_ring = to_ogr_ring(outer);
  lnglat.addRing(&outer_ring);
  for (std::size_t i = 1; i < polygon.size(); ++i) {
    OGRLinearRing hole = to_ogr_ring(shift_near(unwrap_ring(polygon[i]), outer.front().lng));
    lnglat.addRing(&hole);
  }
  // 2. repaired and clipped to the latitudes Web Mercator can show
  const bool was_valid = lnglat.IsValid();
  if (!was_valid) ++repaired_;
  std::unique_ptr<OGRGeometry> valid(was_valid ? lnglat.clone() : lnglat.MakeValid());
  if (!valid) return "the polygon is invalid and GEOS could not repair it";
  static const std::unique_ptr<OGRGeometry> band = mercator_band();
  std::unique_ptr<OGRGeometry> clipped(valid->Intersection(band.get()));
  if (!clipped) return "clipping to the Mercator latitude limit failed";
  std::vector<const OGRPolygon*> parts;
  collect_polygons(clipped.get(), parts);

  for (const OGRPolygon* part : parts) {
    // 3. projected (and repaired again if straightening edges in Mercator made them touch)
    OGRPolygon world = project_polygon(*part);
    std::unique_ptr<OGRGeometry> world_valid(world.IsValid() ? world.clone() : world.MakeValid());
    std::vector<const OGRPolygon*> pieces;
    collect_polygons(world_valid.get(), pieces);
    for (const OGRPolygon* piece : pieces) {
      // 4. constrained Delaunay triangulation
      std::vector<unsigned char> wkb(static_cast<std::size_t>(piece->WkbSize()));
      piece->exportToWkb(wkbNDR, wkb.data());
      GEOSContextHandle_t ctx = geos_->ctx;
      GEOSGeometry* g = GEOSGeomFromWKB_buf_r(ctx, wkb.data(), wkb.size());
      if (!g) return "GEOS could not read the polygon: " + geos_->last_error;
      GEOSGeometry* triangles = GEOSConstrainedDelaunayTriangulation_r(ctx, g);
      GEOSGeom_destroy_r(ctx, g);
      if (!triangles) return "triangulation failed: " + geos_->last_error;
      // Vertices ring by ring, in ring order (the file codes each from the one before), each
      // coordinate once; the triangles use these (GEOS's triangulation adds no points).
      std::map<std::pair<double, double>, std::uint32_t> index_of;
      for (const OGRLinearRing* ring : *piece) {
        for (int k = 0; k + 1 < ring->getNumPoints(); ++k) {  // the closing point repeats the first
          const auto [it, inserted] =
              index_of.try_emplace({ring->getX(k), ring->getY(k)}, static_cast<std::uint32_t>(mesh.vertices.size()));
          if (inserted) mesh.vertices.push_back({static_cast<float>(ring->getX(k)), static_cast<float>(ring->getY(k))});
        }
      }
      const int n = GEOSGetNumGeometries_r(ctx, triangles);
      for (int t = 0; t < n; ++t) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx, triangles, t);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, GEOSGetExteriorRing_r(ctx, tri));
        for (unsigned int k = 0; k < 3; ++k) {
          double x = 0, y = 0;
          GEOSCoordSeq_getXY_r(ctx, seq, k, &x, &y);
          auto [it, inserted] = index_of.try_emplace({x, y}, static_cast<std::uint32_t>(mesh.vertices.size()));
          if (inserted) mesh.vertices.push_back({static_cast<float>(x), static_cast<float>(y)});
          mesh.indices.push_back(it->second);
        }
      }
      GEOSGeom_destroy_r(ctx, triangles);
    }
  }
  return {};
}

}  // namespace ccap::pipeline
