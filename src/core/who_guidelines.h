#pragma once
// WHO 2021 air quality guidelines for annual mean PM2.5 (µg/m³): the guideline level (AQG) and
// the four interim targets (IT1, the loosest, to IT4). Source: domain notes S17 (airclim.org).
#include <string>

namespace ccap {

struct Pm25AnnualThresholds {
  static constexpr double kIt1 = 35, kIt2 = 25, kIt3 = 15, kIt4 = 10, kGuideline = 5;
};

// Where an annual mean stands, in plain words: "3.1 x the WHO guideline (5 µg/m³); meets interim
// target 2 (25), not yet interim target 3 (15)". Values at a threshold meet it.
std::string describe_pm25_annual(double value);

// 0: meets the guideline; 1..4: meets interim target 4..1 only (1 = IT4 met); 5: above IT1.
int pm25_annual_band(double value);

}  // namespace ccap
