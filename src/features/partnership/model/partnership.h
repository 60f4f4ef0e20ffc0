#pragma once
// The partnership as the app knows it: cities (resolved from GeoNames by the content pipeline),
// C3 twinning pairs, the certification ladder and each city's status, the six areas of Clean Air
// Asia's Guidance Framework (which certification levels and Knowledge Platform entries refer to),
// and the sources every fact points to. Loaded from data/partnership.json (format
// "ccap-partnership" version 3, made by src/pipeline/content/build_content.mjs).
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

inline constexpr int kPartnershipFormatVersion = 3;  // 3: annual PM2.5 values carry their method

struct Source {
  std::string id, title, publisher, url;
};

// A source cited inline, by title and address (the Knowledge Platform's style).
struct Link {
  std::string title, url;
};

// How a published annual PM2.5 mean was made, as its cited source says (geodata/schema/
// cities.schema.json): an agency's own monitoring network ("agency monitors"), IQAir's World Air
// Quality Report, which compiles government and low-cost monitors ("IQAir compilation"), or a
// non-government organisation's average of monitors ("NGO average"). Means of different methods
// are not alike and are never set against each other.
enum class Pm25Method { AgencyMonitors, IqairCompilation, NgoAverage };

// The method from its name in the content ("IQAir compilation"); nothing for any other text.
std::optional<Pm25Method> pm25_method_named(std::string_view name);
// As the app shows it: "agency monitors", "IQAir estimate", "NGO average".
std::string pm25_method_label(Pm25Method method);
// As two means of the method are named together ("both IQAir estimates").
std::string pm25_methods_label(Pm25Method method);

// Every member has an initializer, so that `{.year = 2022, .value = 40.7}` names only what it sets.
struct Pm25Annual {
  int year = 0;
  double value = 0;  // the annual mean, µg/m³
  std::string note = {};
  std::vector<std::string> sources = {};
  Pm25Method method = Pm25Method::AgencyMonitors;
  std::string coverage = {};  // the part of the year, as the source states it ("273 days"); empty: not stated
  int stations = 0;           // monitoring stations averaged, as the source states; 0: not stated
  std::string caveat = {};    // a warning about comparing the value (an instrument change); empty: none
  std::vector<std::string> caveat_sources = {};
};

// What a mean rests on, briefly: the method's label, then the coverage and the stations where the
// source states them ("IQAir estimate"; "agency monitors, coverage January to November, 2 stations").
std::string pm25_basis(const Pm25Annual& m);
// The year, the mean and its basis, as the city panel shows it: "2022: 40.7 µg/m³, IQAir estimate".
std::string pm25_summary(const Pm25Annual& m);
// What a published annual mean says, line by line: the one source of the city panel's lines and of
// the accessible document's (each shows them, the panel with its citations). `caveat` and `note`
// are empty when the source gives none; `who` is the mean against the WHO guideline and interim
// targets (domain/who_guidelines.h).
struct Pm25Lines {
  std::string summary, note, caveat, who;
};
Pm25Lines pm25_lines(const Pm25Annual& m);
// Said once under a city's means.
inline constexpr const char* kPm25NotComparable = "Means of different methods or years are not comparable.";

// Two cities' annual means set side by side. A difference is stated only when both were made the
// same way: the same method, the same year and the same coverage (both unstated counts as the
// same). Otherwise `text` says they are not comparable, and why.
struct Pm25Comparison {
  bool comparable = false;
  double difference = 0;  // a minus b, µg/m³ (0 when not comparable)
  std::string text;       // "Kathmandu 27.4 µg/m³ above Singapore (2022; both IQAir estimate)"
};
Pm25Comparison compare_pm25(const std::string& a_name, const Pm25Annual& a, const std::string& b_name,
                            const Pm25Annual& b);

struct City {
  std::string id, name, local_name, country, note;
  LngLat where;
  long long population = 0;  // 0 when GeoNames has none
  long long geonames_id = 0;
  bool participant_2015 = false, pilot_2014 = false;
  std::vector<Pm25Annual> pm25_annual;
  std::vector<std::string> sources;
};

// The city's most recent published annual mean (the first listed of that year), or null.
const Pm25Annual* latest_pm25(const City& city);

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

  // The content's generation (base/ids.h): every CityId this table makes carries it.
  std::uint32_t generation = 0;
  // Takes generation `g`: the ids it holds (pairs, statuses, the index) are made again with it,
  // and ids of the generation before are refused from now on (has).
  void set_generation(std::uint32_t g);
  CityId city_id(std::size_t index) const { return CityId(index, generation); }
  // False for an id out of range or of another generation (kept across a reload of the content).
  bool has(CityId id) const { return id.index() < cities.size() && id.generation() == generation; }
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
