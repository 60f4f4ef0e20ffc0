#pragma once
// The attract tour of an unattended kiosk: one stop per C3 twinning pair, then one per certified
// city (or the stops kiosk.json names), each with a caption that says what the visitor sees: the
// pair and its topic and year, or the city and its certification, and one of their practices with
// its source (a kiosk shows the source's address as a QR code).
#include <optional>
#include <string>
#include <vector>

#include "features/knowledge/model/knowledge.h"
#include "features/partnership/model/partnership.h"

namespace ccap {

struct TourStop {
  std::vector<CityId> cities;  // a pair's two cities, or one city
  std::string title;           // "Kitakyushu and Haiphong"
  std::string detail;          // "C3 twins, announced 2019. Topic: waste management."
  std::string practice;        // one practice's title, or empty
  Link source;                 // where the practice (or else the pair or status) is published; may be empty
};

struct TourLoad {
  std::vector<TourStop> stops;
  std::vector<std::string> problems;  // "kiosk.json: /stops/2: "xyz" is neither a pair nor a city"
};

// `wanted`: pair or city ids in order; empty: every pair, then every certified city.
// `knowledge` may be null (not loaded): the stops then have no practice.
TourLoad build_tour(const Partnership& p, const Knowledge* knowledge, const std::vector<std::string>& wanted,
                    const std::string& file);

}  // namespace ccap
