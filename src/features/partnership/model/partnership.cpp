#include "features/partnership/model/partnership.h"

#include "base/text_format.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

namespace ccap {

using nlohmann::json;

void Partnership::build_index() {
  pairs_by_city_.assign(cities.size(), {});
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    pairs_by_city_[pairs[k].a].push_back(k);
    pairs_by_city_[pairs[k].b].push_back(k);
  }
  city_by_id_.clear();
  for (std::size_t i = 0; i < cities.size(); ++i) city_by_id_.emplace_back(cities[i].id, i);
  std::sort(city_by_id_.begin(), city_by_id_.end());
  best_status_by_city_.assign(cities.size(), -1);
  for (std::size_t k = 0; k < statuses.size(); ++k) {
    long& best = best_status_by_city_[statuses[k].city];
    if (best < 0 || levels[statuses[k].level].rank > levels[statuses[static_cast<std::size_t>(best)].level].rank)
      best = static_cast<long>(k);
  }
}

std::optional<std::size_t> Partnership::city_index(const std::string& id) const {
  if (city_by_id_.size() != cities.size()) {  // not indexed (yet): look through
    for (std::size_t i = 0; i < cities.size(); ++i)
      if (cities[i].id == id) return i;
    return std::nullopt;
  }
  const auto it = std::lower_bound(city_by_id_.begin(), city_by_id_.end(), std::make_pair(id, std::size_t{0}));
  if (it == city_by_id_.end() || it->first != id) return std::nullopt;
  return it->second;
}

std::vector<std::pair<const TwinningPair*, std::size_t>> Partnership::partners_of(std::size_t city) const {
  std::vector<std::pair<const TwinningPair*, std::size_t>> out;
  auto add = [&](const TwinningPair& p) {
    if (p.a == city) out.emplace_back(&p, p.b);
    if (p.b == city) out.emplace_back(&p, p.a);
  };
  if (pairs_by_city_.size() == cities.size()) {
    for (std::size_t k : pairs_by_city_[city]) add(pairs[k]);
  } else {
    for (const TwinningPair& p : pairs) add(p);
  }
  return out;
}

const CertificationStatus* Partnership::certification_of(std::size_t city) const {
  if (best_status_by_city_.size() == cities.size()) {
    const long k = best_status_by_city_[city];
    return k < 0 ? nullptr : &statuses[static_cast<std::size_t>(k)];
  }
  const CertificationStatus* best = nullptr;
  for (const CertificationStatus& s : statuses)
    if (s.city == city && (!best || levels[s.level].rank > levels[best->level].rank)) best = &s;
  return best;
}

const Source* Partnership::source(const std::string& id) const {
  for (const Source& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

namespace {

// Reads fields of one JSON object, recording the first problem with its JSON pointer.
class Fields {
 public:
  Fields(const json& j, std::string pointer, std::vector<std::string>& problems, const std::string& file)
      : j_(j), pointer_(std::move(pointer)), problems_(problems), file_(file) {
    if (!j_.is_object()) fail("", "must be an object");
  }
  bool ok() const { return ok_; }

  std::string text(const char* key, bool required = true) {
    if (!ok_) return {};
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) fail(key, "is missing");
      return {};
    }
    if (!it->is_string()) return fail(key, "must be a string"), std::string();
    return it->get<std::string>();
  }
  double number(const char* key, double lo, double hi) {
    if (!ok_) return 0;
    const auto it = j_.find(key);
    if (it == j_.end() || !it->is_number()) return fail(key, "must be a number"), 0.0;
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < lo || v > hi)
      return fail(key, "is " + it->dump() + ", outside " + json(lo).dump() + ".." + json(hi).dump()), 0.0;
    return v;
  }
  std::vector<std::string> texts(const char* key) {
    std::vector<std::string> out;
    if (!ok_) return out;
    const auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return out;
    if (!it->is_array()) return fail(key, "must be an array"), out;
    for (const auto& v : *it) {
      if (!v.is_string()) return fail(key, "must hold strings"), out;
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  const json& raw(const char* key) const {
    static const json null;
    const auto it = j_.find(key);
    return it == j_.end() ? null : *it;
  }
  std::string pointer(const char* key) const { return pointer_ + "/" + key; }

 private:
  void fail(const std::string& key, const std::string& why) {
    if (!ok_) return;
    ok_ = false;
    problems_.push_back(file_ + ": " + pointer_ + (key.empty() ? "" : "/" + key) + ": " + why);
  }
  const json& j_;
  std::string pointer_;
  std::vector<std::string>& problems_;
  const std::string& file_;
  bool ok_ = true;
};

const json& array_at(const json& root, const char* key, std::vector<std::string>& problems, const std::string& file) {
  static const json empty = json::array();
  const auto it = root.find(key);
  if (it == root.end() || !it->is_array()) {
    problems.push_back(file + ": /" + key + ": must be an array");
    return empty;
  }
  return *it;
}

}  // namespace

PartnershipLoad parse_partnership(const std::string& text, const std::string& file) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    PartnershipLoad out;
    out.problems.push_back(file + ": not valid JSON (byte " + std::to_string(e.byte) + ")");
    return out;
  }
  PartnershipLoad out = parse_partnership_document(root, file);
  out.document = std::move(root);
  return out;
}

PartnershipLoad parse_partnership_document(const json& root, const std::string& file) {
  PartnershipLoad out;
  if (!root.is_object() || root.value("format", "") != "ccap-partnership" || root.value("version", 0) != 1) {
    out.problems.push_back(file + ": not a version 1 ccap-partnership file: rebuild the data");
    return out;
  }
  Partnership p;
  auto& problems = out.problems;

  const json& sources = array_at(root, "sources", problems, file);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    Fields f(sources[i], "/sources/" + std::to_string(i), problems, file);
    Source s{f.text("id"), f.text("title"), f.text("publisher"), f.text("url")};
    if (f.ok() && !is_web_address(s.url)) {
      problems.push_back(file + ": /sources/" + std::to_string(i) + "/url: must be an http:// or https:// address");
      continue;
    }
    if (f.ok()) p.sources.push_back(std::move(s));
  }

  std::set<std::string> city_ids;
  const json& cities = array_at(root, "cities", problems, file);
  for (std::size_t i = 0; i < cities.size(); ++i) {
    Fields f(cities[i], "/cities/" + std::to_string(i), problems, file);
    City c;
    c.id = f.text("id");
    c.name = f.text("name");
    c.local_name = f.text("local_name", false);
    c.country = f.text("country");
    c.note = f.text("note", false);
    c.where = {f.number("lng", -180, 180), f.number("lat", -90, 90)};
    const json& pop = f.raw("population");
    c.population = pop.is_number_integer() ? pop.get<long long>() : 0;
    const json& gid = f.raw("geonames_id");
    c.geonames_id = gid.is_number_integer() ? gid.get<long long>() : 0;
    for (const std::string& role : f.texts("roles")) {
      c.participant_2015 |= role == "participant-2015";
      c.pilot_2014 |= role == "pilot-2014";
    }
    c.sources = f.texts("sources");
    if (const json& pm = f.raw("pm25_annual"); pm.is_array()) {
      for (std::size_t k = 0; k < pm.size(); ++k) {
        Fields m(pm[k], f.pointer("pm25_annual") + "/" + std::to_string(k), problems, file);
        Pm25Annual a{static_cast<int>(m.number("year", 1990, 2100)), m.number("value", 0, 1000), m.text("note", false),
                     m.texts("sources")};
        if (m.ok()) c.pm25_annual.push_back(std::move(a));
      }
    }
    if (!f.ok()) continue;
    if (!city_ids.insert(c.id).second) {
      problems.push_back(file + ": /cities/" + std::to_string(i) + "/id: duplicate id \"" + c.id + "\"");
      continue;
    }
    p.cities.push_back(std::move(c));
  }

  p.build_index();  // cities by id, for the references below
  const json& pairs = array_at(root, "pairs", problems, file);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::string at = "/pairs/" + std::to_string(i);
    Fields f(pairs[i], at, problems, file);
    TwinningPair t;
    t.id = f.text("id");
    t.topic = f.text("topic", false);
    t.announced = f.text("announced", false);
    t.status = f.text("status");
    t.sources = f.texts("sources");
    const std::vector<std::string> ends = f.texts("cities");
    if (!f.ok()) continue;
    const auto a = ends.size() == 2 ? p.city_index(ends[0]) : std::nullopt;
    const auto b = ends.size() == 2 ? p.city_index(ends[1]) : std::nullopt;
    if (!a || !b || *a == *b) {
      problems.push_back(file + ": " + at + "/cities: must name two different known cities");
      continue;
    }
    t.a = *a;
    t.b = *b;
    p.pairs.push_back(std::move(t));
  }

  const json& cert = root.value("certification", json::object());
  for (const json& area : cert.value("areas", json::array()))
    if (area.is_object()) p.areas.emplace_back(area.value("id", ""), area.value("name", ""));
  const json& levels = array_at(cert, "levels", problems, file);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    Fields f(levels[i], "/certification/levels/" + std::to_string(i), problems, file);
    CertificationLevel l;
    l.id = f.text("id");
    l.name = f.text("name");
    l.focus = f.text("focus", false);
    l.rank = static_cast<int>(f.number("rank", 1, 100));
    l.name_published = f.raw("name_published").is_boolean() && f.raw("name_published").get<bool>();
    l.first_actions = f.texts("first_actions");
    l.areas = f.texts("areas");
    l.sources = f.texts("sources");
    if (f.ok()) p.levels.push_back(std::move(l));
  }
  std::sort(p.levels.begin(), p.levels.end(), [](const auto& x, const auto& y) { return x.rank < y.rank; });
  const json& statuses = array_at(cert, "statuses", problems, file);
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const std::string at = "/certification/statuses/" + std::to_string(i);
    Fields f(statuses[i], at, problems, file);
    const std::string city = f.text("city"), level = f.text("level");
    CertificationStatus s;
    s.status = f.text("status");
    s.year = static_cast<int>(f.number("year", 2014, 2100));
    s.sources = f.texts("sources");
    if (!f.ok()) continue;
    const auto ci = p.city_index(city);
    const auto li = std::find_if(p.levels.begin(), p.levels.end(), [&](const auto& l) { return l.id == level; });
    if (!ci || li == p.levels.end()) {
      problems.push_back(file + ": " + at + ": unknown city or level");
      continue;
    }
    s.city = *ci;
    s.level = static_cast<std::size_t>(li - p.levels.begin());
    p.statuses.push_back(std::move(s));
  }
  p.build_index();
  out.partnership = std::move(p);
  return out;
}

}  // namespace ccap
