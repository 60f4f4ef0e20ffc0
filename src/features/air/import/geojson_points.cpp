#include "features/air/import/geojson_points.h"

#include <cmath>

#include "base/json_reader.h"

namespace ccap::airquality {

namespace {

using nlohmann::json;

// The first of `names` present in `properties` as text (a number is written as JSON writes it).
std::string first_field(const json& properties, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const json& v = member_of(properties, n);
    if (v.is_string() && !v.get_ref<const std::string&>().empty()) return v.get<std::string>();
    if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
    if (v.is_number_float()) return v.dump();
  }
  return {};
}

}  // namespace

StationPointsRead read_geojson_points(std::string_view text, const std::string& file, const std::string& source) {
  StationPointsRead out;
  JsonProblems syntax(file);
  const auto root = parse_json(text, syntax);
  if (!root) {
    out.report.fatal = syntax.list().empty() ? file + ": not JSON" : syntax.list().front();
    return out;
  }
  const json& type = member_of(*root, "type");
  if (!type.is_string() || type.get_ref<const std::string&>() != "FeatureCollection") {
    out.report.fatal = file + ": not a GeoJSON FeatureCollection (no \"type\": \"FeatureCollection\")";
    return out;
  }
  const json& features = member_of(*root, "features");
  if (!features.is_array()) {
    out.report.fatal = file + ": /features: not an array";
    return out;
  }
  for (std::size_t i = 0; i < features.size(); ++i) {
    const json& f = features[i];
    const std::string where = file + ": feature " + std::to_string(i);
    const json& geometry = member_of(f, "geometry");
    const json& gtype = member_of(geometry, "type");
    if (!gtype.is_string() || gtype.get_ref<const std::string&>() != "Point") {
      out.report.reject(Reject::Malformed, where + " (not a point)");
      continue;
    }
    const json& c = member_of(geometry, "coordinates");
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
      out.report.reject(Reject::BadCoordinates, where + " (its coordinates are not two numbers)");
      continue;
    }
    const double lng = c[0].get<double>(), lat = c[1].get<double>();
    if (const auto problem = coordinates_problem(lat, lng)) {
      out.report.reject(*problem, where + (*problem == Reject::ProjectedCoordinates
                                               ? std::string(" (GeoJSON is WGS 84 degrees)")
                                               : " (" + std::to_string(lng) + ", " + std::to_string(lat) + ")"));
      continue;
    }
    const json& properties = member_of(f, "properties");
    AirStation s;
    s.id = first_field(properties, {"id", "siteid", "station_id", "location_id"});
    if (s.id.empty()) s.id = first_field(f, {"id"});
    if (s.id.empty()) s.id = std::to_string(i);
    s.name = first_field(properties, {"name", "sitename", "station_name", "location"});
    s.source = source;
    s.operator_name = first_field(properties, {"operator", "owner", "provider"});
    s.licence = first_field(properties, {"licence", "license"});
    s.url = first_field(properties, {"source_url", "url"});
    s.city = first_field(properties, {"city"});
    s.where = {lng, lat};
    out.stations.push_back(std::move(s));
  }
  if (out.stations.empty() && out.report.rejected_total() == 0) out.report.fatal = file + ": has no features";
  return out;
}

}  // namespace ccap::airquality
