#include "features/partnership/model/partnership.h"

#include "domain/who_guidelines.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "base/json_reader.h"
#include "base/text_format.h"
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
  for (std::size_t i = 0; i < cities.size(); ++i) city_by_id_.emplace_back(cities[i].id, city_id(i));
  std::sort(city_by_id_.begin(), city_by_id_.end());
  best_status_by_city_.assign(cities.size(), std::nullopt);
  for (std::size_t k = 0; k < statuses.size(); ++k) {
    std::optional<std::size_t>& best = best_status_by_city_[statuses[k].city.index()];
    if (!best || level(statuses[k].level).rank > level(statuses[*best].level).rank) best = k;
  }
}

void Partnership::set_generation(std::uint32_t g) {
  generation = g;
  for (TwinningPair& pair : pairs) pair.a = city_id(pair.a.index()), pair.b = city_id(pair.b.index());
  for (CertificationStatus& s : statuses) s.city = city_id(s.city.index());
  build_index();
}

std::optional<CityId> Partnership::find_city(std::string_view key) const {
  if (city_by_id_.size() != cities.size()) {  // not indexed (yet): look through
    for (std::size_t i = 0; i < cities.size(); ++i)
      if (cities[i].id == key) return city_id(i);
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

struct MethodName {
  Pm25Method method;
  const char* content;  // as cities.json names it
  const char* label;    // as the app shows it
  const char* labels;   // the label for two values ("both ...")
};
constexpr MethodName kMethods[] = {
    {Pm25Method::AgencyMonitors, "agency monitors", "agency monitors", "agency monitors"},
    {Pm25Method::IqairCompilation, "IQAir compilation", "IQAir estimate", "IQAir estimates"},
    {Pm25Method::NgoAverage, "NGO average", "NGO average", "NGO averages"},
};

const MethodName& method_name(Pm25Method m) {
  for (const MethodName& n : kMethods)
    if (n.method == m) return n;
  return kMethods[0];
}

}  // namespace

std::optional<Pm25Method> pm25_method_named(std::string_view name) {
  for (const MethodName& n : kMethods)
    if (name == n.content) return n.method;
  return std::nullopt;
}

std::string pm25_method_label(Pm25Method method) { return method_name(method).label; }

std::string pm25_methods_label(Pm25Method method) { return method_name(method).labels; }

std::string pm25_basis(const Pm25Annual& m) {
  std::string out = pm25_method_label(m.method);
  if (!m.coverage.empty()) out += ", coverage " + m.coverage;
  if (m.stations > 0) out += ", " + std::to_string(m.stations) + (m.stations == 1 ? " station" : " stations");
  return out;
}

std::string pm25_summary(const Pm25Annual& m) {
  return std::to_string(m.year) + ": " + one_decimal(m.value) + " µg/m³, " + pm25_basis(m);
}

Pm25Lines pm25_lines(const Pm25Annual& m) {
  return {pm25_summary(m), m.note, m.caveat.empty() ? std::string() : "Caution: " + m.caveat,
          describe_pm25_annual(m.value)};
}

Pm25Comparison compare_pm25(const std::string& a_name, const Pm25Annual& a, const std::string& b_name,
                            const Pm25Annual& b) {
  Pm25Comparison out;
  std::vector<std::string> differences;
  if (a.method != b.method)
    differences.push_back("different methods: " + pm25_method_label(a.method) + " and " + pm25_method_label(b.method));
  if (a.year != b.year)
    differences.push_back("different years: " + std::to_string(a.year) + " and " + std::to_string(b.year));
  if (a.coverage != b.coverage) {
    const auto stated = [](const std::string& c) { return c.empty() ? std::string("not stated") : c; };
    differences.push_back("different coverage: " + stated(a.coverage) + " and " + stated(b.coverage));
  }
  if (!differences.empty()) {
    out.text = a_name + " and " + b_name + ": not comparable (";
    for (std::size_t i = 0; i < differences.size(); ++i) out.text += (i ? "; " : "") + differences[i];
    out.text += ")";
    return out;
  }
  out.comparable = true;
  out.difference = a.value - b.value;
  std::string basis = std::to_string(a.year) + ", both " + method_name(a.method).labels;
  if (!a.coverage.empty()) basis += ", coverage " + a.coverage;
  if (std::abs(out.difference) < 0.05)  // equal as published (one decimal)
    out.text = a_name + " and " + b_name + " the same, " + one_decimal(a.value) + " µg/m³ (" + basis + ")";
  else
    out.text = a_name + " " + one_decimal(std::abs(out.difference)) + " µg/m³ " +
               (out.difference > 0 ? "above " : "below ") + b_name + " (" + basis + ")";
  return out;
}

const Pm25Annual* latest_pm25(const City& city) {
  const auto& pm = city.pm25_annual;
  if (pm.empty()) return nullptr;
  return &*std::max_element(pm.begin(), pm.end(), [](const auto& x, const auto& y) { return x.year < y.year; });
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

// One annual PM2.5 mean; nothing (and the problem reported) when any field is wrong: a value
// without its method must not be shown, since it could be compared with one of another method.
std::optional<Pm25Annual> read_pm25(const json& value, const std::string& pointer, JsonProblems& problems) {
  JsonObject m(value, pointer, problems);
  Pm25Annual a;
  a.year = m.integer("year", 1990, 2100);
  a.value = m.number("value", 0, 1000);
  const std::string method = m.text("method");
  if (m.ok()) {
    if (const auto known = pm25_method_named(method))
      a.method = *known;
    else
      m.fail("method", "\"" + method + "\" is not a method (agency monitors, IQAir compilation, NGO average)");
  }
  a.coverage = m.text("coverage", Presence::Optional);
  if (!m.member("stations").is_null()) a.stations = m.integer("stations", 1, 100000);
  a.note = m.text("note", Presence::Optional);
  a.sources = m.texts("sources");
  if (!m.ok()) return std::nullopt;
  if (const json& caveat = m.member("caveat"); !caveat.is_null()) {
    JsonObject c(caveat, m.pointer("caveat"), problems);
    a.caveat = c.text("text");
    a.caveat_sources = c.texts("sources");
    if (c.ok() && a.caveat_sources.empty()) c.fail("sources", "a caveat needs its sources");
    if (!c.ok()) return std::nullopt;
  }
  return a;
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
      if (auto a = read_pm25(pm[k], json_pointer(f.pointer("pm25_annual"), k), problems))
        c.pm25_annual.push_back(std::move(*a));
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
