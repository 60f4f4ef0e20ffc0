#include "pipeline/vector_source.h"

#include "base/file_bytes.h"
#include "base/json_reader.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>

namespace ccap::pipeline {

SourceRef SourceRef::parse(const std::string& text) {
  const auto hash = text.rfind('#');
  if (hash == std::string::npos) return {text, ""};
  return {text.substr(0, hash), text.substr(hash + 1)};
}

std::string SourceRef::describe() const { return layer.empty() ? path : path + " (layer " + layer + ")"; }

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

std::string last_gdal_error() {
  const char* msg = CPLGetLastErrorMsg();
  return msg && *msg ? msg : "unknown GDAL error";
}

std::string feature_label(OGRFeature& f) {
  std::string label = "feature " + std::to_string(f.GetFID());
  for (const char* field : {"name", "NAME", "ADMIN", "id"}) {
    const int i = f.GetFieldIndex(field);
    if (i >= 0 && f.IsFieldSetAndNotNull(i)) return label + " (" + f.GetFieldAsString(i) + ")";
  }
  return label;
}

// Appends the polygons of `g` to `out`; returns a reason when the geometry is not polygonal or
// its coordinates are unusable.
std::string collect_polygons(const OGRGeometry& g, std::vector<Polygon>& out) {
  const auto type = wkbFlatten(g.getGeometryType());
  if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    for (const OGRGeometry* part : *g.toGeometryCollection()) {
      if (auto why = collect_polygons(*part, out); !why.empty()) return why;
    }
    return {};
  }
  if (type != wkbPolygon) return std::string("geometry is ") + OGRGeometryTypeToName(type) + ", not a polygon";
  Polygon polygon;
  for (const OGRLinearRing* ring : *g.toPolygon()) {
    Ring r;
    r.reserve(static_cast<std::size_t>(ring->getNumPoints()));
    for (const OGRPoint& p : *ring) {
      const double lng = p.getX(), lat = p.getY();
      if (!std::isfinite(lng) || !std::isfinite(lat)) return "a coordinate is not a finite number";
      if (lat < -90 || lat > 90) return "latitude " + std::to_string(lat) + " is outside -90..90";
      if (lng < -540 || lng > 540) return "longitude " + std::to_string(lng) + " is outside -540..540";
      r.push_back({lng, lat});
    }
    if (r.size() < 4) return "a ring has " + std::to_string(r.size()) + " points (a closed ring needs 4)";
    if (r.front().lng != r.back().lng || r.front().lat != r.back().lat) r.push_back(r.front());
    polygon.push_back(std::move(r));
  }
  if (!polygon.empty()) out.push_back(std::move(polygon));
  return {};
}

}  // namespace

std::string json_syntax_problem(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const auto ends_with = [&](const std::string& tail) {
    return lower.size() >= tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (!ends_with(".geojson") && !ends_with(".json")) return "";
  constexpr std::size_t kMaxJsonBytes = std::size_t{1} << 30;
  const FileBytes file = read_file_bytes(path, kMaxJsonBytes);
  if (!file.bytes) return "";
  JsonProblems problems("");
  const std::string_view text(reinterpret_cast<const char*>(file.bytes->data()), file.bytes->size());
  if (parse_json(text, problems) || problems.list().empty()) return "";
  std::string why = problems.list().front();
  if (why.rfind(": ", 0) == 0) why.erase(0, 2);  // JsonProblems' empty file name
  return why;
}

PolygonLayer read_polygon_layer(const SourceRef& source, EmptyFeatures empty) {
  GDALAllRegister();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CPLErrorReset();
  PolygonLayer out;
  auto fail = [&](const std::string& why) {
    out.errors.push_back(source.describe() + ": " + why);
    return out;
  };

  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    const std::string gdal = last_gdal_error();
    const std::string json = json_syntax_problem(source.path);
    return fail(json.empty() ? "cannot be read as a vector data set: " + gdal : "cannot be read: " + json);
  }
  OGRLayer* layer = source.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(source.layer.c_str());
  if (!layer) {
    std::string names;
    for (auto* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
    return fail("has no layer '" + source.layer + "' (it has: " + names + ")");
  }

  std::unique_ptr<OGRCoordinateTransformation> to_crs84;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference crs84;
    crs84.SetWellKnownGeogCS("WGS84");
    crs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!srs->IsGeographic() || !srs->IsSame(&crs84)) {
      to_crs84.reset(OGRCreateCoordinateTransformation(srs, &crs84));
      if (!to_crs84) return fail("its SRS cannot be transformed to WGS 84: " + last_gdal_error());
    }
  }

  layer->ResetReading();
  while (auto feature = std::unique_ptr<OGRFeature>(layer->GetNextFeature())) {
    PolygonFeature pf;
    pf.label = feature_label(*feature);
    OGRGeometry* g = feature->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      if (empty == EmptyFeatures::Error)
        out.errors.push_back(source.describe() + ": " + pf.label + ": has no geometry");
      continue;
    }
    if (to_crs84 && g->transform(to_crs84.get()) != OGRERR_NONE) {
      out.errors.push_back(source.describe() + ": " + pf.label + ": cannot be transformed to WGS 84");
      continue;
    }
    if (auto why = collect_polygons(*g, pf.polygons); !why.empty()) {
      out.errors.push_back(source.describe() + ": " + pf.label + ": " + why);
      continue;
    }
    for (const Polygon& poly : pf.polygons)
      for (const LngLat& p : poly.front()) {
        out.extent.west = std::min(out.extent.west, p.lng);
        out.extent.east = std::max(out.extent.east, p.lng);
        out.extent.south = std::min(out.extent.south, p.lat);
        out.extent.north = std::max(out.extent.north, p.lat);
      }
    out.features.push_back(std::move(pf));
  }
  if (CPLGetLastErrorType() >= CE_Failure && out.features.empty() && out.errors.empty())
    return fail("reading failed: " + last_gdal_error());
  if (out.features.empty() && out.errors.empty()) return fail("has no features");
  return out;
}

}  // namespace ccap::pipeline
