#include "pipeline/city_places.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include "base/text_format.h"

namespace ccap::pipeline {

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};

double round5(double v) { return std::round(v * 1e5) / 1e5; }

}  // namespace

CityPlacesResult read_city_places(const SourceRef& source, std::span<const TileKey> tiles,
                                  std::span<const PartnerPlace> partners) {
  GDALAllRegister();
  CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
  CityPlacesResult out;
  std::unique_ptr<GDALDataset, DatasetCloser> ds(
      GDALDataset::Open(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    out.errors.push_back(source.describe() + ": cannot be read as a vector data set");
    return out;
  }
  OGRLayer* layer = source.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(source.layer.c_str());
  if (!layer) {
    out.errors.push_back(source.describe() + ": has no layer '" + source.layer + "'");
    return out;
  }
  std::vector<GeoBounds> boxes;
  for (const TileKey& t : tiles) boxes.push_back(tile_bounds(t));
  layer->ResetReading();
  while (auto f = std::unique_ptr<OGRFeature>(layer->GetNextFeature())) {
    const std::string where = source.describe() + ": feature " + std::to_string(f->GetFID()) + ": ";
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) {
      out.errors.push_back(where + "is not a point");
      continue;
    }
    const LngLat p{g->toPoint()->getX(), g->toPoint()->getY()};
    if (!std::isfinite(p.lng) || !std::isfinite(p.lat) || std::abs(p.lat) > 90 || std::abs(p.lng) > 180) {
      out.errors.push_back(where + "has no usable coordinates");
      continue;
    }
    if (std::none_of(boxes.begin(), boxes.end(), [&](const GeoBounds& b) { return b.contains(p); })) continue;
    const auto field = [&](const char* name) { return f->GetFieldIndex(name); };
    const int name_i = field("NAME"), zoom_i = field("min_zoom"), rank_i = field("SCALERANK"), pop_i = field("POP_MAX"),
              id_i = field("GEONAMEID");
    if (name_i < 0 || !f->IsFieldSetAndNotNull(name_i) || std::string(f->GetFieldAsString(name_i)).empty()) {
      out.errors.push_back(where + "has no NAME");
      continue;
    }
    const long long id = id_i >= 0 && f->IsFieldSetAndNotNull(id_i) ? std::llround(f->GetFieldAsDouble(id_i)) : 0;
    const bool partner = std::any_of(partners.begin(), partners.end(), [&](const PartnerPlace& c) {
      return (id > 0 && c.geonames_id == id) || distance_meters(c.where, p) < kSamePlaceKm * 1000;
    });
    if (partner) continue;
    CityPlace c;
    c.name = f->GetFieldAsString(name_i);
    if (!is_utf8(c.name)) {
      out.errors.push_back(where + "its NAME is not UTF-8");
      continue;
    }
    c.where = {round5(p.lng), round5(p.lat)};
    c.min_zoom = zoom_i >= 0 && f->IsFieldSetAndNotNull(zoom_i) ? f->GetFieldAsDouble(zoom_i) : 8;
    c.rank = rank_i >= 0 ? f->GetFieldAsInteger(rank_i) : 10;
    c.population = pop_i >= 0 ? f->GetFieldAsInteger64(pop_i) : 0;
    out.places.push_back(std::move(c));
  }
  std::sort(out.places.begin(), out.places.end(), [](const CityPlace& a, const CityPlace& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.name < b.name;
  });
  return out;
}

std::string city_places_json(const std::vector<CityPlace>& places, const std::string& source_note) {
  nlohmann::json doc = {{"format", 1}, {"source", source_note}, {"places", nlohmann::json::array()}};
  for (const CityPlace& p : places)
    doc["places"].push_back({{"name", p.name},
                             {"lng", p.where.lng},
                             {"lat", p.where.lat},
                             {"min_zoom", p.min_zoom},
                             {"rank", p.rank},
                             {"population", p.population}});
  return doc.dump(1);
}

}  // namespace ccap::pipeline
