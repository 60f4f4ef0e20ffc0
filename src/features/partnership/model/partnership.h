#pragma once
// The partnership as the app knows it: cities (resolved from GeoNames by the content pipeline),
// C3 twinning pairs, the certification ladder and each city's status, the six areas of Clean Air
// Asia's Guidance Framework (which certification levels and Knowledge Platform entries refer to),
// and the sources every fact points to. Loaded from data/partnership.json (format
// "ccap-partnership" version 2, made by src/pipeline/content/build_content.mjs).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/ids.h"
#include "map/geo.h"

namespace ccap {

using LevelId = Id<struct LevelTag>;  // Partnership::levels (ascending rank)
using AreaId = Id<struct AreaTag>;    // Partnership::areas

inline constexpr int kPartnershipFormatVersion = 2;

struct Source {
  std::string id, title, publisher, url;
};

// A source cited inline, by title and address (the Knowledge Platform's style).
struct Link {
  std::string title, url;
};

struct Pm25Annual {
  int year = 0;
  double value = 0;  // µg/m³
  std::string note;
  std::vector<std::string> sources;
};

struct City {
  std::string id, name, local_name, country, note;
  LngLat where;
  long long population = 0;  // 0 when GeoNames has none
  long long geonames_id = 0;
  bool participant_2015 = false, pilot_2014 = false;
  std::vector<Pm25Annual> pm25_annual;
  std::vector<std::string> sources;
};

struct TwinningPair {
  std::string id;
  CityId a, b;
  std::string topic;  // empty: not found in the sources
  std::string announced, status;
  std::vector<std::string> sources;
};

// One of the six areas of the Guidance Framework for Better Air Quality in Asian Cities.
struct GuidanceArea {
  std::string id, name;
};

struct CertificationLevel {
  std::string id, name, focus;
  int rank = 0;
  bool name_published = false;
  std::vector<std::string> first_actions, sources;
  std::vector<AreaId> areas;
};

struct CertificationStatus {
  CityId city;
  LevelId level;
  std::string status;
  int year = 0;
  std::vector<std::string> sources;
};

struct Partnership {
  std::vector<Source> sources;
  std::vector<City> cities;
  std::vector<TwinningPair> pairs;
  std::vector<GuidanceArea> areas;
  std::vector<Link> area_sources;          // where the six areas are published
  std::vector<CertificationLevel> levels;  // ascending rank
  std::vector<CertificationStatus> statuses;

  // Indexes pairs by city (and cities by id); call after changing cities or pairs. The queries
  // below use the index: they are constant time per city, however many pairs there are.
  void build_index();

  bool has(CityId id) const { return id.index() < cities.size(); }  // false for a stale id
  const City& city(CityId id) const { return cities[id.index()]; }
  const CertificationLevel& level(LevelId id) const { return levels[id.index()]; }
  const GuidanceArea& area(AreaId id) const { return areas[id.index()]; }
  std::optional<CityId> find_city(std::string_view key) const;
  std::optional<AreaId> find_area(std::string_view key) const;
  // The pairs a city is in, and its partner in each.
  std::vector<std::pair<const TwinningPair*, CityId>> partners_of(CityId city) const;
  bool is_c3(CityId city) const { return !partners_of(city).empty(); }
  // The highest certification status of a city, if any.
  const CertificationStatus* certification_of(CityId city) const;
  const Source* source(std::string_view id) const;

 private:
  std::vector<std::vector<std::size_t>> pairs_by_city_;          // indices into pairs
  std::vector<std::optional<std::size_t>> best_status_by_city_;  // index into statuses
  std::vector<std::pair<std::string, CityId>> city_by_id_;       // sorted by id
};

struct PartnershipLoad {
  std::optional<Partnership> partnership;  // what could be used (bad entries are left out)
  std::vector<std::string> problems;       // "partnership.json: /cities/3/lat: ..." for each
  nlohmann::json document;                 // the parsed file, for the other members' readers
};

// Parses and validates again what the pipeline wrote: a hand-edited or damaged file must not
// crash the app or draw a city in the wrong place. Entries with problems are dropped (and
// reported); the rest is kept. Never throws.
PartnershipLoad parse_partnership(std::string_view json_text, const std::string& file_name);

}  // namespace ccap
