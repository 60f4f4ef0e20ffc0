#include "domain/pollutant.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ccap {

namespace {

constexpr double kMolarVolume = 24.45;  // L/mol at 25 °C, 1 atm

std::string lower_ascii(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<double> molar_mass(Pollutant p) {
  switch (p) {
    case Pollutant::No2: return 46.0055;
    case Pollutant::O3: return 47.9982;
    case Pollutant::So2: return 64.0638;
    case Pollutant::Co: return 28.0101;
    default: return std::nullopt;
  }
}

}  // namespace

const char* pollutant_name(Pollutant p) {
  switch (p) {
    case Pollutant::Pm25: return "PM2.5";
    case Pollutant::Pm10: return "PM10";
    case Pollutant::No2: return "NO2";
    case Pollutant::O3: return "O3";
    case Pollutant::So2: return "SO2";
    case Pollutant::Co: return "CO";
  }
  return "?";
}

const char* pollutant_key(Pollutant p) {
  switch (p) {
    case Pollutant::Pm25: return "pm25";
    case Pollutant::Pm10: return "pm10";
    case Pollutant::No2: return "no2";
    case Pollutant::O3: return "o3";
    case Pollutant::So2: return "so2";
    case Pollutant::Co: return "co";
  }
  return "?";
}

std::optional<Pollutant> parse_pollutant(std::string_view text) {
  const std::string s = lower_ascii(text);
  if (s == "pm25") return Pollutant::Pm25;
  if (s == "pm10") return Pollutant::Pm10;
  if (s == "no2") return Pollutant::No2;
  if (s == "o3") return Pollutant::O3;
  if (s == "so2") return Pollutant::So2;
  if (s == "co") return Pollutant::Co;
  return std::nullopt;
}

Normalised normalise_concentration(Pollutant p, double value, std::string_view unit) {
  std::string u = lower_ascii(unit);
  for (const char* micro : {"\xc2\xb5", "\xce\xbc"})  // µ (micro sign) and μ (Greek mu)
    if (u.rfind(micro, 0) == 0) u = "u" + u.substr(2);
  if (u.size() >= 3 && u.compare(u.size() - 2, 2, "\xc2\xb3") == 0) u = u.substr(0, u.size() - 2) + "3";  // m³
  if (u == "ug/m3") return {value, {}};
  if (u == "mg/m3") return {value * 1000, {}};
  if (u == "ppb" || u == "ppm") {
    const auto m = molar_mass(p);
    if (!m) return {std::nullopt, std::string(unit) + " is not a unit for " + pollutant_name(p)};
    const double ppb = u == "ppm" ? value * 1000 : value;
    return {ppb * *m / kMolarVolume, {}};
  }
  return {std::nullopt, "unknown unit '" + std::string(unit) + "'"};
}

double plausible_maximum(Pollutant p) {
  switch (p) {
    case Pollutant::Pm25: return 1500;  // beyond the worst recorded wildfire and dust episodes
    case Pollutant::Pm10: return 5000;  // dust storms reach a few thousand
    case Pollutant::No2: return 2000;
    case Pollutant::O3: return 1000;
    case Pollutant::So2: return 5000;
    case Pollutant::Co: return 100000;  // 100 mg/m³
  }
  return 1e9;
}

}  // namespace ccap
