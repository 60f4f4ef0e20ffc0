#pragma once
// The colour scales air-quality values are drawn with, and the legend that explains them:
//   - the US EPA AQI for PM2.5 (2024 breakpoints; see aqi.h), defined on 24-hour means;
//   - the WHO 2021 guideline and interim-target bands (see who_guidelines.h): the averaging time
//     of the thresholds follows the period shown: annual thresholds for annual means, 24-hour
//     ones for daily means (and, marked "indicative", for hourly values); ozone uses its 8-hour
//     and peak-season values.
// Each scale has a colour-blind-safe alternative: a sequential ramp ordered by lightness.
#include <optional>
#include <string>
#include <vector>

#include "base/color.h"
#include "domain/pollutant.h"
#include "domain/who_guidelines.h"
#include "features/air/model/air_timeline.h"

namespace ccap {

enum class AirScaleKind : std::uint8_t { Aqi, Who };

struct ScaleBand {
  std::string label;  // "Good (0-9.0)", "meets the guideline (<= 15)"
  double upper;       // the band's highest value (inclusive); infinity for the last
  Rgba8 color;
};

struct AirColorScale {
  AirScaleKind kind = AirScaleKind::Who;
  std::string title;   // "WHO 2021, 24-hour PM2.5"
  std::string caveat;  // empty, or why the comparison is only indicative
  std::vector<ScaleBand> bands;
  std::vector<double> guide_lines;  // thresholds to draw on charts (guideline first)

  int band_of(double value) const;     // -1: no value (NaN or negative)
  Rgba8 color_of(double value) const;  // kNoReading for no value
};

inline constexpr Rgba8 kNoReadingColor{0x9a, 0xa3, 0xab, 0xff};

// nullopt when the scale is not defined for the pollutant: the AQI here covers PM2.5 only, and
// the WHO sets no values for SO2 and CO in the table the app carries.
std::optional<AirColorScale> make_color_scale(AirScaleKind kind, Pollutant pollutant, AirPeriod period,
                                              bool colour_blind_safe);

// The WHO averaging time the thresholds are taken from for a period (see the header comment),
// and whether the comparison is only indicative.
struct WhoComparison {
  Averaging averaging;
  bool indicative;
};
WhoComparison who_comparison(Pollutant pollutant, AirPeriod period);

}  // namespace ccap
