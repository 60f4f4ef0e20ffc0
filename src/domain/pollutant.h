#pragma once
// The pollutants the overlays know, their names in data files, and unit normalisation.
//
// Everything is stored in µg/m³. Gas mixing ratios are converted at 25 °C and 1 atm (the reference
// conditions of US EPA and WHO figures), where one mole of gas fills 24.45 L:
//   µg/m³ = ppb x M / 24.45   (ppm = 1000 ppb; mg/m³ = 1000 µg/m³)
// with molar masses M (g/mol): NO2 46.0055, O3 47.9982, SO2 64.0638, CO 28.0101.
// Particles (PM2.5, PM10) are mass concentrations already; a mixing ratio for them is an error.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ccap {

enum class Pollutant { Pm25, Pm10, No2, O3, So2, Co };
inline constexpr std::size_t kPollutantCount = static_cast<std::size_t>(Pollutant::Co) + 1;

const char* pollutant_name(Pollutant p);                     // "PM2.5"
const char* pollutant_key(Pollutant p);                      // "pm25": in links and file names
std::optional<Pollutant> parse_pollutant(std::string_view);  // "pm25", "PM2.5", "no2", "o3", ... case-insensitive

struct Normalised {
  std::optional<double> micrograms_per_m3;
  std::string problem;  // "unknown unit 'furlongs'", "ppb is not a unit for PM2.5"
};
// `unit`: "µg/m³", "ug/m3", "mg/m3", "ppb", "ppm" (case-insensitive, with or without the micro sign).
Normalised normalise_concentration(Pollutant p, double value, std::string_view unit);

// A reading above this is taken as an instrument fault, not air: it is flagged, not drawn.
double plausible_maximum(Pollutant p);

}  // namespace ccap
