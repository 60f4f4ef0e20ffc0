#pragma once
// A small partnership and knowledge base for the Knowledge Platform's tests: four cities (A and B
// alike and 90 km apart, B one certification level up; C big, clean, far and certified at the top;
// D A's twin), three practices, an institution and a training.
#include <optional>
#include <string>
#include <vector>

#include "features/knowledge/model/knowledge.h"

namespace ccap::testing {

inline Partnership sample_partnership() {
  Partnership p;
  const auto city = [](std::string id, std::string name, std::string local, std::string country, long long pop,
                       std::optional<double> pm25, LngLat where) {
    City c;
    c.where = where;
    c.id = std::move(id);
    c.name = std::move(name);
    c.local_name = std::move(local);
    c.country = std::move(country);
    c.population = pop;
    if (pm25) c.pm25_annual.push_back({.year = 2023, .value = *pm25, .sources = {"S1"}});
    return c;
  };
  p.cities = {city("a", "Alpha", "", "VN", 1'000'000, 30.0, {105.85, 21.03}),
              city("b", "Haiphong", "Hải Phòng", "VN", 1'100'000, 28.0, {106.68, 20.86}),
              city("c", "Gamma", "", "JP", 10'000'000, 10.0, {130.88, 33.88}),
              city("d", "Delta", "", "PH", 900'000, std::nullopt, {120.98, 14.60})};
  p.pairs.push_back({"a-d", CityId(0), CityId(3), "", "", "", {}});
  p.areas = {{"aqm-monitoring", "Air quality standards and monitoring"},
             {"emissions-inventory", "Emissions inventories"},
             {"communication", "Air quality communication"}};
  p.levels = {{"bronze", "Bronze", "", 1, true, {}, {}, {}},
              {"silver", "Silver", "", 2, false, {}, {}, {}},
              {"gold", "Gold", "", 3, false, {}, {}, {}}};
  p.statuses = {{CityId(1), LevelId(0), "certified", 2016, {}}, {CityId(2), LevelId(2), "certified", 2018, {}}};
  p.build_index();
  return p;
}

// Typed ids from table indices, for short fixtures.
template <class IdType>
std::vector<IdType> ids(std::initializer_list<std::size_t> indices) {
  std::vector<IdType> out;
  for (std::size_t i : indices) out.emplace_back(i);
  return out;
}

// Refers to sample_partnership()'s cities and areas.
inline Knowledge sample_knowledge() {
  Knowledge k;
  const auto practice = [](std::string id, std::string title, std::vector<CityId> cities, std::vector<AreaId> areas,
                           std::vector<std::string> pollutants, std::vector<std::string> sectors, std::string summary) {
    Practice x;
    x.id = std::move(id);
    x.title = std::move(title);
    x.cities = std::move(cities);
    x.areas = std::move(areas);
    x.pollutants = std::move(pollutants);
    x.sectors = std::move(sectors);
    x.summary = std::move(summary);
    x.sources = {{"a page", "https://example.org"}};
    return x;
  };
  using C = CityId;
  using A = AreaId;
  k.practices = {practice("bus", "Electric buses", ids<C>({1}), ids<A>({0}), {"PM2.5", "NO2"}, {"transport"},
                          "Buses on batteries."),
                 practice("inventory", "An emissions inventory of the port", ids<C>({2}), ids<A>({1, 0}), {"SO2"},
                          {"industry", "shipping"}, "Counting the port's emissions, ship by ship."),
                 practice("bus-lanes", "Bus lanes and monitoring", ids<C>({0, 3}), ids<A>({0}), {"PM2.5"},
                          {"transport"}, "Monitoring along new bus lanes.")};
  Expert e;
  e.id = "bureau";
  e.name = "Gamma Environment Bureau";
  e.kind = "city-agency";
  e.role = "Runs the city's emissions inventory and monitoring network.";
  e.city = CityId(2);
  e.country = "JP";
  e.areas = ids<A>({1});
  e.pollutants = {"PM2.5"};
  e.sources = {{"its site", "https://example.org/bureau"}};
  k.experts.push_back(e);
  Training t;
  t.id = "course";
  t.title = "Emissions inventory course";
  t.provider = "A university";
  t.level = "introductory";
  t.format = "online";
  t.summary = "How to build an emissions inventory.";
  t.areas = ids<A>({1});
  t.pollutants = {"PM2.5", "PM10"};
  t.sources = {{"course page", "https://example.org/course"}};
  k.trainings.push_back(t);
  return k;
}

}  // namespace ccap::testing
