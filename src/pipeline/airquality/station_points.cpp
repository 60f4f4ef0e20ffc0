#include "pipeline/airquality/station_points.h"

#include "pipeline/vector_source.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>

namespace ccap::airquality {

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

std::string first_field(OGRFeature& f, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const int i = f.GetFieldIndex(n);
    if (i >= 0 && f.IsFieldSetAndNotNull(i)) return f.GetFieldAsString(i);
  }
  return {};
}

}  // namespace

StationPoints read_station_points(const std::string& path, const std::string& source) {
  GDALAllRegister();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CPLErrorReset();
  StationPoints out;
  const char* const open_options[] = {"X_POSSIBLE_NAMES=lon,lng,long,longitude", "Y_POSSIBLE_NAMES=lat,latitude",
                                      "KEEP_GEOM_COLUMNS=NO", nullptr};
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options));
  if (!ds || ds->GetLayerCount() == 0) {
    const char* msg = CPLGetLastErrorMsg();
    const std::string json = pipeline::json_syntax_problem(path);
    out.fatal = json.empty()
                    ? path + ": cannot be read as a vector data set" + (msg && *msg ? std::string(": ") + msg : "")
                    : path + ": cannot be read: " + json;
    return out;
  }
  OGRLayer* layer = ds->GetLayer(0);
  std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!srs->IsSame(&wgs84)) to_wgs84.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
  }
  layer->ResetReading();
  while (auto f = std::unique_ptr<OGRFeature>(layer->GetNextFeature())) {
    const std::string where = path + ": feature " + std::to_string(f->GetFID());
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) {
      out.problems.push_back(where + ": not a point");
      continue;
    }
    if (to_wgs84 && g->transform(to_wgs84.get()) != OGRERR_NONE) {
      out.problems.push_back(where + ": cannot be transformed to WGS 84");
      continue;
    }
    const OGRPoint* p = g->toPoint();
    const double lng = p->getX(), lat = p->getY();
    if (!std::isfinite(lng) || !std::isfinite(lat) || std::abs(lat) > 90 || std::abs(lng) > 180) {
      out.problems.push_back(where + ": impossible coordinates");
      continue;
    }
    AirStation s;
    s.id = first_field(*f, {"id", "siteid", "station_id", "location_id"});
    s.name = first_field(*f, {"name", "sitename", "station_name", "location"});
    if (s.id.empty()) s.id = std::to_string(f->GetFID());
    s.source = source;
    s.operator_name = first_field(*f, {"operator", "owner", "provider"});
    s.licence = first_field(*f, {"licence", "license"});
    s.url = first_field(*f, {"source_url", "url"});
    s.city = first_field(*f, {"city"});
    s.where = {lng, lat};
    out.stations.push_back(std::move(s));
  }
  if (out.stations.empty() && out.problems.empty()) out.fatal = path + ": has no features";
  return out;
}

}  // namespace ccap::airquality
