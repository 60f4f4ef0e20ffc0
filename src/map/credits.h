#pragma once
// The map's credit line: who made the data drawn this frame, and under which licence. Every
// licence that asks for attribution where its data is shown (OpenStreetMap's ODbL: "©
// OpenStreetMap contributors"; GeoNames' CC BY 4.0) keeps its credit on every screen, a phone's
// included; what does not fit on one line goes on a second rather than being dropped. A credit
// that another surface already names in full (the air badge names its dataset and licence) may
// give way on a narrow screen.
#include <functional>
#include <string>
#include <vector>

namespace ccap {

struct Credit {
  std::string text;              // "Air: MOENV Taiwan (OGDL-Taiwan 1.0)"
  std::string brief = {};        // a shorter form for narrow screens ("© OpenStreetMap"); empty: text
  bool named_elsewhere = false;  // shown in full elsewhere on screen: may be left out when narrow
};

// The basemap's and the partner cities' own.
Credit base_credit();

// The lines to draw, each no wider than `fits` allows where that can be done: the full credits
// on one line; else the brief ones; else without those named elsewhere; else the brief ones
// without those, split over as many lines as they need (between credits, never inside one).
std::vector<std::string> credit_lines(const std::vector<Credit>& credits,
                                      const std::function<bool(const std::string&)>& fits);

}  // namespace ccap
