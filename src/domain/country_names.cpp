#include "domain/country_names.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ccap {

namespace {

// Sorted by code.
constexpr std::array<std::pair<std::string_view, std::string_view>, 41> kNames{{
    {"AF", "Afghanistan"},
    {"AU", "Australia"},
    {"BD", "Bangladesh"},
    {"BN", "Brunei Darussalam"},
    {"BT", "Bhutan"},
    {"CA", "Canada"},
    {"CN", "China"},
    {"DE", "Germany"},
    {"FJ", "Fiji"},
    {"FR", "France"},
    {"GB", "United Kingdom"},
    {"HK", "Hong Kong, China"},
    {"ID", "Indonesia"},
    {"IN", "India"},
    {"IR", "Iran"},
    {"JP", "Japan"},
    {"KH", "Cambodia"},
    {"KR", "Republic of Korea"},
    {"KZ", "Kazakhstan"},
    {"LA", "Lao PDR"},
    {"LK", "Sri Lanka"},
    {"MM", "Myanmar"},
    {"MN", "Mongolia"},
    {"MO", "Macao, China"},
    {"MV", "Maldives"},
    {"MX", "Mexico"},
    {"MY", "Malaysia"},
    {"NL", "Netherlands"},
    {"NP", "Nepal"},
    {"NZ", "New Zealand"},
    {"PG", "Papua New Guinea"},
    {"PH", "Philippines"},
    {"PK", "Pakistan"},
    {"SE", "Sweden"},
    {"SG", "Singapore"},
    {"TH", "Thailand"},
    {"TL", "Timor-Leste"},
    {"TW", "Taiwan"},
    {"US", "United States"},
    {"UZ", "Uzbekistan"},
    {"VN", "Viet Nam"},
}};

}  // namespace

std::string country_name(std::string_view code) {
  const auto it = std::lower_bound(kNames.begin(), kNames.end(), code,
                                   [](const auto& entry, std::string_view c) { return entry.first < c; });
  return it != kNames.end() && it->first == code ? std::string(it->second) : std::string(code);
}

}  // namespace ccap
