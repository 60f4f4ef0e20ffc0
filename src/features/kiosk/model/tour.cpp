#include "features/kiosk/model/tour.h"

#include <algorithm>

#include "base/json_reader.h"
#include "base/text_format.h"

namespace ccap {

namespace {

// The first source of `ids` the one link rule lets a visitor open.
Link first_source(const Partnership& p, const std::vector<std::string>& ids) {
  for (const std::string& id : ids)
    if (const Source* s = p.source(id); s && is_web_address(s->url)) return {s->title, s->url};
  return {};
}

// A practice of these cities (one that names all of them first), with its first openable source.
void add_practice(TourStop& stop, const Knowledge* k) {
  if (!k) return;
  const Practice* best = nullptr;
  std::size_t best_shared = 0;
  for (const Practice& pr : k->practices) {
    const std::size_t shared =
        static_cast<std::size_t>(std::count_if(stop.cities.begin(), stop.cities.end(), [&](CityId c) {
          return std::find(pr.cities.begin(), pr.cities.end(), c) != pr.cities.end();
        }));
    const bool openable =
        std::any_of(pr.sources.begin(), pr.sources.end(), [](const Link& l) { return is_web_address(l.url); });
    if (shared > best_shared && openable) {
      best = &pr;
      best_shared = shared;
    }
  }
  if (!best) return;
  stop.practice = best->title;
  for (const Link& l : best->sources)
    if (is_web_address(l.url)) {
      stop.source = l;
      break;
    }
}

TourStop pair_stop(const Partnership& p, const Knowledge* k, const TwinningPair& pair) {
  TourStop stop;
  stop.cities = {pair.a, pair.b};
  stop.title = p.city(pair.a).name + " and " + p.city(pair.b).name;
  stop.detail = "City-to-City Cooperation twins";
  if (!pair.announced.empty()) stop.detail += ", announced " + pair.announced;
  stop.detail += ".";
  if (!pair.topic.empty()) stop.detail += " Topic: " + pair.topic + ".";
  add_practice(stop, k);
  if (stop.source.url.empty()) stop.source = first_source(p, pair.sources);
  return stop;
}

TourStop city_stop(const Partnership& p, const Knowledge* k, CityId city) {
  TourStop stop;
  stop.cities = {city};
  stop.title = p.city(city).name;
  if (const CertificationStatus* s = p.certification_of(city)) {
    stop.detail = "Clean Air Cities certification: " + p.level(s->level).name;
    if (!s->status.empty()) stop.detail += " (" + s->status + (s->year ? ", " + std::to_string(s->year) : "") + ")";
    stop.detail += ".";
  } else {
    stop.detail = "A partner city of the Cities Clean Air Partnership.";
  }
  add_practice(stop, k);
  if (stop.source.url.empty())
    if (const CertificationStatus* s = p.certification_of(city)) stop.source = first_source(p, s->sources);
  return stop;
}

}  // namespace

TourLoad build_tour(const Partnership& p, const Knowledge* knowledge, const std::vector<std::string>& wanted,
                    const std::string& file) {
  TourLoad load;
  if (wanted.empty()) {
    for (const TwinningPair& pair : p.pairs) load.stops.push_back(pair_stop(p, knowledge, pair));
    for (std::size_t i = 0; i < p.cities.size(); ++i)
      if (p.certification_of(p.city_id(i))) load.stops.push_back(city_stop(p, knowledge, p.city_id(i)));
    return load;
  }
  JsonProblems problems(file);
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    if (wanted[i].empty()) continue;  // not an id: reported with the settings
    const auto pair = std::find_if(p.pairs.begin(), p.pairs.end(),
                                   [&](const TwinningPair& candidate) { return candidate.id == wanted[i]; });
    if (pair != p.pairs.end()) {
      load.stops.push_back(pair_stop(p, knowledge, *pair));
    } else if (const auto city = p.find_city(wanted[i])) {
      load.stops.push_back(city_stop(p, knowledge, *city));
    } else {
      problems.add(json_pointer("/stops", i), "\"" + wanted[i] + "\" is neither a C3 pair nor a partner city");
    }
  }
  load.problems = problems.take();
  return load;
}

}  // namespace ccap
