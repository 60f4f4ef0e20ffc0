#include "features/knowledge/model/peer_finder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/text_format.h"

namespace ccap {

namespace {

std::string millions(long long n) {
  char buf[32];
  if (n >= 1'000'000) {
    std::snprintf(buf, sizeof buf, "%.1f million", static_cast<double>(n) / 1e6);
    return buf;
  }
  return with_thousands(n);
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? (i + 1 == words.size() ? " and " : ", ") : "") + words[i];
  return out;
}

// The latest of a profile's published means, or null.
const Pm25Annual* latest_of(const std::vector<Pm25Annual>& means) {
  if (means.empty()) return nullptr;
  return &*std::max_element(means.begin(), means.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
}

// "Similar air": the latest pair of means made alike, else the part is unknown and says why; a
// described city's own figure against the peer's latest mean, labelled as such.
ScorePart similar_air(const CityProfile& you, const CityProfile& them) {
  ScorePart air{"similar air", 0, 15, "", true};
  const auto score = [&](double yours, double theirs) {
    air.points = 15 * std::max(0.0, 1 - std::abs(yours - theirs) / 20);
  };
  const Pm25Annual* their_latest = latest_of(them.pm25_published);
  if (!their_latest) {
    air.known = false;
    air.why = "no published annual PM2.5";
    return air;
  }
  if (you.pm25_given) {
    score(*you.pm25_given, their_latest->value);
    air.why = "its " + std::to_string(their_latest->year) + " mean " + one_decimal(their_latest->value) + " µg/m³ (" +
              pm25_method_label(their_latest->method) + ") against your figure " + one_decimal(*you.pm25_given) +
              "; how each was made may differ";
    return air;
  }
  const Pm25Annual* yours_latest = latest_of(you.pm25_published);
  if (!yours_latest) {
    air.known = false;
    air.why = "your annual PM2.5 not given";
    return air;
  }
  const Pm25Annual *mine = nullptr, *theirs = nullptr;
  for (const Pm25Annual& a : you.pm25_published)
    for (const Pm25Annual& b : them.pm25_published)
      if (compare_pm25("", a, "", b).comparable && (!mine || a.year > mine->year)) {
        mine = &a;
        theirs = &b;
      }
  if (!mine) {
    air.known = false;
    air.why = "no mean made like yours (its " + std::to_string(their_latest->year) + ": " +
              pm25_method_label(their_latest->method) + "; yours " + std::to_string(yours_latest->year) + ": " +
              pm25_method_label(yours_latest->method) + ")";
    return air;
  }
  score(mine->value, theirs->value);
  air.why = one_decimal(theirs->value) + " µg/m³ against your " + one_decimal(mine->value) + " (" +
            std::to_string(mine->year) + ", both " + pm25_methods_label(mine->method) + ")";
  return air;
}

int rank_of(CityId city, const Partnership& p) {
  const CertificationStatus* s = p.certification_of(city);
  return s ? p.level(s->level).rank : 0;
}

}  // namespace

CityProfile profile_of(CityId city, const Partnership& p, const Knowledge& k) {
  CityProfile c;
  c.city = city;
  c.population = p.city(city).population;
  c.where = p.city(city).where;
  c.country = p.city(city).country;
  c.pm25_published = p.city(city).pm25_annual;
  c.certification_rank = rank_of(city, p);
  for (std::size_t i : k.practices_of(city)) {
    c.sources.insert(k.practices[i].sectors.begin(), k.practices[i].sectors.end());
    for (AreaId a : k.practices[i].areas) c.topics.insert(p.area(a).id);
  }
  return c;
}

std::vector<PeerMatch> find_peers(const CityProfile& you, const Partnership& p, const Knowledge& k, std::size_t limit) {
  std::vector<PeerMatch> out;
  for (std::size_t index = 0; index < p.cities.size(); ++index) {
    const CityId c = p.city_id(index);
    if (you.city == c) continue;
    if (you.city) {
      const auto twins = p.partners_of(*you.city);
      if (std::any_of(twins.begin(), twins.end(), [&](const auto& t) { return t.second == c; })) continue;
    }
    const CityProfile them = profile_of(c, p, k);
    PeerMatch m;
    m.city = c;

    const auto unknown = [](ScorePart part, std::string why) {
      part.known = false;
      part.why = std::move(why);
      return part;
    };

    ScorePart size{"similar size", 0, 20, "", true};
    if (you.population > 0 && them.population > 0) {
      const double ratio =
          std::abs(std::log10(static_cast<double>(them.population) / static_cast<double>(you.population)));
      size.points = 20 * std::max(0.0, 1 - ratio);
      size.why = millions(them.population) + " people against your " + millions(you.population);
    } else {
      size = unknown(size, you.population > 0 ? "its population is not known" : "your population not given");
    }
    m.parts.push_back(size);

    m.parts.push_back(similar_air(you, them));

    ScorePart sources{"shared sources", 0, 20, "", true};
    std::vector<std::string> shared;
    for (const std::string& s : you.sources)
      if (them.sources.count(s)) shared.push_back(s);
    if (!you.sources.empty()) {
      sources.points = 20.0 * static_cast<double>(shared.size()) / static_cast<double>(you.sources.size());
      sources.why = shared.empty() ? "no practice on your main sources yet" : "has worked on " + join(shared);
    } else {
      sources = unknown(sources, you.city ? "your city's practices name no sectors" : "you named no main sources");
    }
    m.parts.push_back(sources);

    ScorePart topics{"teaches your topics", 0, 30, "", true};
    std::vector<std::string> covered;
    for (const GuidanceArea& a : p.areas)
      if (you.topics.count(a.id) && them.topics.count(a.id)) covered.push_back(a.name);
    if (!you.topics.empty()) {
      topics.points = 30.0 * static_cast<double>(covered.size()) / static_cast<double>(you.topics.size());
      topics.why = covered.empty() ? "no published practice on your topics" : "practices in " + join(covered);
    } else {
      topics = unknown(topics, "you chose no topics");
    }
    m.parts.push_back(topics);

    ScorePart ahead{"a step ahead", 0, 15, "", true};
    const int step = them.certification_rank - you.certification_rank;
    ahead.points = step == 1 ? 15 : step > 1 ? 10 : step == 0 ? 5 : 0;
    ahead.why = step > 0    ? "certified above your level"
                : step == 0 ? "at your certification level"
                            : "below your certification level";
    m.parts.push_back(ahead);

    ScorePart nearby{"nearby", 0, 15, "", true};
    if (you.where && them.where) {
      const double km = distance_meters(*you.where, *them.where) / 1000;
      nearby.points = 15 * std::max(0.0, 1 - km / kNearbyKm);
      nearby.why = with_thousands(std::lround(km / 10) * 10) + " km away" +
                   (you.where_from.empty() ? "" : ", from " + you.where_from);
    } else {
      nearby = unknown(nearby, "your city's place not given");
    }
    m.parts.push_back(nearby);

    double points = 0, max = 0;
    for (const ScorePart& part : m.parts) {
      if (!part.known) continue;
      points += part.points;
      max += part.max;
      ++m.known_parts;
    }
    m.score = max > 0 ? 100 * points / max : 0;
    for (std::size_t i : k.practices_of(c)) {
      const Practice& x = k.practices[i];
      if (std::any_of(x.areas.begin(), x.areas.end(), [&](AreaId a) { return you.topics.count(p.area(a).id) > 0; }))
        m.lessons.push_back(i);
    }
    if (m.lessons.empty()) m.lessons = k.practices_of(c);
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const PeerMatch& a, const PeerMatch& b) {
    if (a.ranked() != b.ranked()) return a.ranked();
    if (std::abs(a.score - b.score) > 1e-9) return a.score > b.score;
    return a.parts[3].points > b.parts[3].points;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace ccap
