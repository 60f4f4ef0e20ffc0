#pragma once
// The peer finder: for a city exploring a twinning, the partner cities most worth talking to, with
// the reasons in plain words. Six parts, each shown to the user with its points and its reason:
//
//   similar size         up to 20: 20 x (1 - |log10(population ratio)|), 0 from ten times apart;
//   similar air          up to 15: 15 x (1 - |PM2.5 difference| / 20 µg/m³), between annual
//                        means made alike (compare_pm25: the same method, year and coverage; the
//                        latest such pair); a described city's own figure, whose method and year
//                        are not known, against the peer's latest mean, and the reason says so;
//   shared sources       up to 20: 20 x the share of your main pollution sources (sectors) that the
//                        peer's published practices address;
//   teaches your topics  up to 30: 30 x the share of your topics (Guidance Framework areas) that
//                        the peer's practices cover;
//   a step ahead         up to 15: 15 when the peer is one certification level above you, 10 when
//                        further above, 5 at the same level, 0 below;
//   nearby               up to 15: 15 x (1 - great-circle distance / 4,000 km), 0 from 4,000 km
//                        (a region's peers share weather, fuels and often language).
//
// A part whose data is not known on either side (a population GeoNames lacks, a PM2.5 mean not
// published or none made like yours, no sources or topics given, no place for a described city) is "unknown": it is
// shown as such and left out of the score, which is the points of the known parts over their maximum, as 0-100, with
// how many parts it rests on. Missing data never counts against a city. A score that rests on fewer than half of the
// parts is not a ranking (one part of six known would make a full score of one coincidence): such a match is "not
// enough to rank", listed after every ranked one, and the panel says what to add.
//
// "Nearby" is measured from your city's place: a partner city's own; for a described city, the
// middle of its country's partner cities (CityProfile::where_from names it on every distance).
//
// Cities you already twin with are left out, as is the city itself. Ties go to the larger score
// for topics, then to the city listed first. Nothing is weighed that the content does not publish.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "features/knowledge/model/knowledge.h"
#include "features/partnership/model/partnership.h"
#include "map/geo.h"

namespace ccap {

struct CityProfile {
  std::optional<CityId> city;              // a partner city, or none for a described city
  std::optional<LngLat> where;             // unknown for a described city until a country is chosen
  std::string where_from;                  // what `where` is, when not the city itself ("the middle of ...")
  std::string country;                     // ISO 3166-1 alpha-2; empty: not given
  long long population = 0;                // 0: unknown
  std::vector<Pm25Annual> pm25_published;  // a partner city's annual means, every year and method
  std::optional<double> pm25_given;        // a described city's own annual mean, µg/m³ (how made: unknown)
  std::set<std::string> sources;           // sectors: "transport", "industry", ...
  int certification_rank = 0;
  std::set<std::string> topics;  // Guidance Framework area ids
};

// A partner city's profile from the content: its population, published annual PM2.5 means,
// certification rank, and the sectors and areas of its practices.
CityProfile profile_of(CityId city, const Partnership& p, const Knowledge& k);

struct ScorePart {
  std::string name;  // "similar size"
  double points = 0, max = 0;
  std::string why;    // "2.9 million people against your 2.8 million"
  bool known = true;  // false: left out of the score
};

inline constexpr double kNearbyKm = 4000;

struct PeerMatch {
  CityId city;
  double score = 0;  // 0-100 over the known parts
  int known_parts = 0;
  std::vector<ScorePart> parts;
  std::vector<std::size_t>
      lessons;  // indices into Knowledge::practices: practices of the peer that fit your topics (all if none fit)
  // The score rests on at least half of the parts: it ranks.
  bool ranked() const { return 2 * static_cast<std::size_t>(known_parts) >= parts.size(); }
};

std::vector<PeerMatch> find_peers(const CityProfile& you, const Partnership& p, const Knowledge& k, std::size_t limit);

}  // namespace ccap
