#pragma once
// WHO 2021 air quality guidelines (µg/m³): for each pollutant and averaging period, the guideline
// level (AQG) and the interim targets that exist (IT1, the loosest, to IT4). Source: the project's
// domain notes, S17 (airclim.org, WHO air quality guidelines).
#include <optional>
#include <string>
#include <vector>

#include "domain/pollutant.h"

namespace ccap {

enum class Averaging { Annual, Day, EightHour, PeakSeason };

struct WhoThresholds {
  Pollutant pollutant;
  Averaging averaging;
  std::vector<double> interim_targets;  // IT1, IT2, ... (descending)
  double guideline;                     // AQG
};

// nullopt for a combination the WHO sets no value for (e.g. PM2.5 over 8 hours).
std::optional<WhoThresholds> who_thresholds(Pollutant pollutant, Averaging averaging);

// Bands counted up from the guideline, for n interim targets: 0 meets the guideline; 1 meets the
// strictest interim target (IT n) but not the guideline; ...; n meets only IT1; n + 1 is above IT1.
// A value exactly at a threshold meets it.
int who_band(const WhoThresholds& t, double value);

// Annual PM2.5 in plain words: "3.1 x the WHO guideline (5 µg/m³); meets interim target 2 (25),
// not yet interim target 3 (15)".
std::string describe_pm25_annual(double value);
int pm25_annual_band(double value);  // who_band for annual PM2.5

struct Pm25AnnualThresholds {
  static constexpr double kIt1 = 35, kIt2 = 25, kIt3 = 15, kIt4 = 10, kGuideline = 5;
};

}  // namespace ccap
