#include "features/partnership/model/partnership.h"

#include <algorithm>
#include <set>

#include "base/json_reader.h"
#include "features/partnership/model/content_fields.h"

namespace ccap {

using nlohmann::json;

void Partnership::build_index() {
  pairs_by_city_.assign(cities.size(), {});
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    pairs_by_city_[pairs[k].a.index()].push_back(k);
    pairs_by_city_[pairs[k].b.index()].push_back(k);
  }
  city_by_id_.clear();
  for (std::size_t i = 0; i < cities.size(); ++i) city_by_id_.emplace_back(cities[i].id, CityId(i));
  std::sort(city_by_id_.begin(), city_by_id_.end());
  best_status_by_city_.assign(cities.size(), std::nullopt);
  for (std::size_t k = 0; k < statuses.size(); ++k) {
    std::optional<std::size_t>& best = best_status_by_city_[statuses[k].city.index()];
    if (!best || level(statuses[k].level).rank > level(statuses[*best].level).rank) best = k;
  }
}

std::optional<CityId> Partnership::find_city(std::string_view key) const {
  if (city_by_id_.size() != cities.size()) {  // not indexed (yet): look through
    for (std::size_t i = 0; i < cities.size(); ++i)
      if (cities[i].id == key) return CityId(i);
    return std::nullopt;
  }
  const auto it = std::lower_bound(city_by_id_.begin(), city_by_id_.end(), key,
                                   [](const auto& entry, std::string_view k) { return entry.first < k; });
  if (it == city_by_id_.end() || it->first != key) return std::nullopt;
  return it->second;
}

std::optional<AreaId> Partnership::find_area(std::string_view key) const {
  for (std::size_t i = 0; i < areas.size(); ++i)
    if (areas[i].id == key) return AreaId(i);
  return std::nullopt;
}

std::vector<std::pair<const TwinningPair*, CityId>> Partnership::partners_of(CityId city) const {
  std::vector<std::pair<const TwinningPair*, CityId>> out;
  auto add = [&](const TwinningPair& p) {
    if (p.a == city) out.emplace_back(&p, p.b);
    if (p.b == city) out.emplace_back(&p, p.a);
  };
  if (pairs_by_city_.size() == cities.size()) {
    for (std::size_t k : pairs_by_city_[city.index()]) add(pairs[k]);
  } else {
    for (const TwinningPair& p : pairs) add(p);
  }
  return out;
}

const CertificationStatus* Partnership::certification_of(CityId city) const {
  if (best_status_by_city_.size() == cities.size()) {
    const auto& k = best_status_by_city_[city.index()];
    return k ? &statuses[*k] : nullptr;
  }
  const CertificationStatus* best = nullptr;
  for (const CertificationStatus& s : statuses)
    if (s.city == city && (!best || level(s.level).rank > level(best->level).rank)) best = &s;
  return best;
}

const Source* Partnership::source(std::string_view id) const {
  for (const Source& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

namespace {

void read_sources(const json& root, Partnership& p, JsonProblems& problems) {
  const json& sources = array_at(root, "", "sources", Presence::Required, problems);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    JsonObject f(sources[i], json_pointer("/sources", i), problems);
    Source s{f.text("id"), f.text("title"), f.text("publisher"), read_web_address(f, "url")};
    if (f.ok() && s.url.empty()) f.fail("url", "is missing");
    if (f.ok()) p.sources.push_back(std::move(s));
  }
}

void read_cities(const json& root, Partnership& p, JsonProblems& problems) {
  std::set<std::string> ids;
  const json& cities = array_at(root, "", "cities", Presence::Required, problems);
  for (std::size_t i = 0; i < cities.size(); ++i) {
    JsonObject f(cities[i], json_pointer("/cities", i), problems);
    City c;
    c.id = f.text("id");
    c.name = f.text("name");
    c.local_name = f.text("local_name", Presence::Optional);
    c.country = f.text("country");
    c.note = f.text("note", Presence::Optional);
    c.where = {f.number("lng", -180, 180), f.number("lat", -90, 90)};
    c.population = std::max(0LL, f.integer_or("population", 0));
    c.geonames_id = std::max(0LL, f.integer_or("geonames_id", 0));
    for (const std::string& role : f.texts("roles")) {
      c.participant_2015 |= role == "participant-2015";
      c.pilot_2014 |= role == "pilot-2014";
    }
    c.sources = f.texts("sources");
    const json& pm = array_at(cities[i], f.pointer(), "pm25_annual", Presence::Optional, problems);
    for (std::size_t k = 0; k < pm.size() && f.ok(); ++k) {
      JsonObject m(pm[k], json_pointer(f.pointer("pm25_annual"), k), problems);
      Pm25Annual a{m.integer("year", 1990, 2100), m.number("value", 0, 1000), m.text("note", Presence::Optional),
                   m.texts("sources")};
      if (m.ok()) c.pm25_annual.push_back(std::move(a));
    }
    if (f.ok() && !ids.insert(c.id).second) f.fail("id", "duplicate id \"" + c.id + "\"");
    if (f.ok()) p.cities.push_back(std::move(c));
  }
}

void read_pairs(const json& root, Partnership& p, JsonProblems& problems) {
  const json& pairs = array_at(root, "", "pairs", Presence::Required, problems);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    JsonObject f(pairs[i], json_pointer("/pairs", i), problems);
    TwinningPair t;
    t.id = f.text("id");
    t.topic = f.text("topic", Presence::Optional);
    t.announced = f.text("announced", Presence::Optional);
    t.status = f.text("status");
    t.sources = f.texts("sources");
    const std::vector<CityId> ends = ccap::read_cities(f, "cities", p);
    if (f.ok() && (ends.size() != 2 || ends[0] == ends[1])) f.fail("cities", "must name two different cities");
    if (!f.ok()) continue;
    t.a = ends[0];
    t.b = ends[1];
    p.pairs.push_back(std::move(t));
  }
}

void read_guidance_framework(const json& root, Partnership& p, JsonProblems& problems) {
  const json& section = member_of(root, "guidance_framework");
  JsonObject gf(section, "/guidance_framework", problems);
  if (!gf.ok()) return;
  const json& list = array_at(section, "/guidance_framework", "areas", Presence::Required, problems);
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonObject f(list[i], json_pointer("/guidance_framework/areas", i), problems);
    GuidanceArea a{f.text("id"), f.text("name")};
    if (f.ok() && p.find_area(a.id)) f.fail("id", "duplicate id \"" + a.id + "\"");
    if (f.ok()) p.areas.push_back(std::move(a));
  }
  p.area_sources = read_links(gf, "sources", Presence::Optional);
}

void read_certification(const json& root, Partnership& p, JsonProblems& problems) {
  const json& section = member_of(root, "certification");
  if (!JsonObject(section, "/certification", problems).ok()) return;
  const json& levels = array_at(section, "/certification", "levels", Presence::Required, problems);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    JsonObject f(levels[i], json_pointer("/certification/levels", i), problems);
    CertificationLevel l;
    l.id = f.text("id");
    l.name = f.text("name");
    l.focus = f.text("focus", Presence::Optional);
    l.rank = f.integer("rank", 1, 100);
    l.name_published = f.flag("name_published");
    l.first_actions = f.texts("first_actions");
    l.areas = read_areas(f, "areas", p);
    l.sources = f.texts("sources");
    if (f.ok()) p.levels.push_back(std::move(l));
  }
  std::stable_sort(p.levels.begin(), p.levels.end(), [](const auto& x, const auto& y) { return x.rank < y.rank; });
  const json& statuses = array_at(section, "/certification", "statuses", Presence::Required, problems);
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    JsonObject f(statuses[i], json_pointer("/certification/statuses", i), problems);
    const std::string city = f.text("city"), level = f.text("level");
    CertificationStatus s;
    s.status = f.text("status");
    s.year = f.integer("year", 2014, 2100);
    s.sources = f.texts("sources");
    if (!f.ok()) continue;
    const auto c = p.find_city(city);
    const auto l = std::find_if(p.levels.begin(), p.levels.end(), [&](const auto& x) { return x.id == level; });
    if (!c) f.fail("city", "unknown city \"" + city + "\"");
    if (l == p.levels.end()) f.fail("level", "unknown level \"" + level + "\"");
    if (!f.ok()) continue;
    s.city = *c;
    s.level = LevelId(static_cast<std::size_t>(l - p.levels.begin()));
    p.statuses.push_back(std::move(s));
  }
}

}  // namespace

PartnershipLoad parse_partnership(std::string_view text, const std::string& file) {
  PartnershipLoad out;
  JsonProblems problems(file);
  std::optional<json> root = parse_json(text, problems);
  if (root) {
    const json& r = *root;
    JsonObject head(r, "", problems);
    const bool ours =
        head.ok() && head.member("format") == "ccap-partnership" && head.member("version") == kPartnershipFormatVersion;
    if (head.ok() && !ours)
      problems.add("", "not a ccap-partnership file of version " + std::to_string(kPartnershipFormatVersion) +
                           ": rebuild the data (scripts/build.sh)");
    if (ours) {
      Partnership p;
      read_sources(r, p, problems);
      read_cities(r, p, problems);
      p.build_index();  // cities by id, for the references below
      read_pairs(r, p, problems);
      read_guidance_framework(r, p, problems);
      read_certification(r, p, problems);
      p.build_index();
      out.partnership = std::move(p);
      out.document = std::move(*root);
    }
  }
  out.problems = problems.take();
  return out;
}

}  // namespace ccap
