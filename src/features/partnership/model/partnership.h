#pragma once
// The partnership as the app knows it: cities (resolved from GeoNames by the content pipeline),
// C3 twinning pairs, the certification ladder and each city's status, and the sources every fact
// points to. Loaded from data/partnership.json (made by src/pipeline/content/build_content.mjs).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "map/geo.h"

namespace ccap {

struct Source {
  std::string id, title, publisher, url;
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
  std::size_t a = 0, b = 0;  // indices into cities
  std::string topic;         // empty: not found in the sources
  std::string announced, status;
  std::vector<std::string> sources;
};

struct CertificationLevel {
  std::string id, name, focus;
  int rank = 0;
  bool name_published = false;
  std::vector<std::string> first_actions, areas, sources;
};

struct CertificationStatus {
  std::size_t city = 0, level = 0;  // indices
  std::string status;
  int year = 0;
  std::vector<std::string> sources;
};

struct Partnership {
  std::vector<Source> sources;
  std::vector<City> cities;
  std::vector<TwinningPair> pairs;
  std::vector<CertificationLevel> levels;                  // ascending rank
  std::vector<std::pair<std::string, std::string>> areas;  // Guidance Framework: id, name
  std::vector<CertificationStatus> statuses;

  // Indexes pairs by city (and cities by id); call after changing cities or pairs. The queries
  // below use the index: they are constant time per city, however many pairs there are.
  void build_index();

  std::optional<std::size_t> city_index(const std::string& id) const;
  // The pairs a city is in, and its partner in each.
  std::vector<std::pair<const TwinningPair*, std::size_t>> partners_of(std::size_t city) const;
  bool is_c3(std::size_t city) const { return !partners_of(city).empty(); }
  // The highest certification status of a city, if any.
  const CertificationStatus* certification_of(std::size_t city) const;
  const Source* source(const std::string& id) const;

 private:
  std::vector<std::vector<std::size_t>> pairs_by_city_;
  std::vector<long> best_status_by_city_;                        // index into statuses, -1: none
  std::vector<std::pair<std::string, std::size_t>> city_by_id_;  // sorted by id
};

struct PartnershipLoad {
  std::optional<Partnership> partnership;  // what could be used (bad entries are left out)
  std::vector<std::string> problems;       // "partnership.json: /cities/3/lat: ..." for each
  nlohmann::json document;                 // the parsed file (from text), for the other members' readers
};

// Parses and validates again what the pipeline wrote: a hand-edited or damaged file must not
// crash the app or draw a city in the wrong place. Entries with problems are dropped (and
// reported); the rest is kept.
PartnershipLoad parse_partnership(const std::string& json_text, const std::string& file_name);
PartnershipLoad parse_partnership_document(const nlohmann::json& document, const std::string& file_name);

}  // namespace ccap
