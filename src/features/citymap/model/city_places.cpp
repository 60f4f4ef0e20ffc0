#include "features/citymap/model/city_places.h"

#include "base/json_reader.h"

namespace ccap {

CityPlaces read_city_places(std::string_view json_text, const std::string& file_name) {
  CityPlaces out;
  JsonProblems problems(file_name);
  if (const auto doc = parse_json(json_text, problems)) {
    JsonObject root(*doc, "", problems);
    const int format = root.integer("format", 0, 1000);
    if (root.ok() && format != 1) {
      problems.add("/format", "is " + std::to_string(format) + "; this build reads format 1");
    } else if (root.ok()) {
      const nlohmann::json& list = array_at(*doc, "", "places", Presence::Required, problems);
      for (std::size_t i = 0; i < list.size(); ++i) {
        JsonObject p(list[i], json_pointer("/places", i), problems);
        CityPlace c;
        c.name = p.text("name");
        c.where = {p.number("lng", -180, 180), p.number("lat", -90, 90)};
        c.min_zoom = p.number("min_zoom", 0, 24);
        c.rank = p.integer("rank", 0, 20);
        if (p.ok()) out.places.push_back(std::move(c));
      }
    }
  }
  out.problems = problems.take();
  return out;
}

std::vector<const CityPlace*> places_at(const CityPlaces& places, double zoom) {
  std::vector<const CityPlace*> out;
  for (const CityPlace& p : places.places)
    if (p.min_zoom <= zoom) out.push_back(&p);
  return out;
}

}  // namespace ccap
