#pragma once
// Synthetic demo readings: hourly series for given stations, made by a deterministic generator so
// the overlays have something to show where no openly licensed readings could be found. They are
// NOT measurements: every station gets `synthetic = true` and the app says "synthetic demo data"
// wherever they are shown.
//
// The model, per station and pollutant (all random draws from a splitmix64 stream seeded by the
// seed, the station id and the pollutant, so the same inputs always give the same bytes):
//   value(t) = base x season(day) x daily(local solar hour) x exp(weather(t)), then gaps.
//   base      PM2.5 uniform in 8..60 µg/m³ per station; PM10 = PM2.5 x uniform 1.5..2.1;
//             NO2 uniform 12..60; O3 uniform 35..80. Demo levels chosen to exercise every colour
//             band of the scales, not estimates of any city's air.
//   season    1 + 0.35 cos(2 pi (day - peak) / 365.25): particles and NO2 peak in mid-January
//             (mid-July south of the equator), O3 in mid-summer.
//   daily     particles and NO2: morning (08:00) and evening (20:00) traffic peaks; O3: an
//             afternoon peak (15:00). Local solar time = UTC + longitude / 15 h.
//   weather   AR(1) in log space, 0.98 hour-to-hour correlation, stationary sd 0.35, shared by a
//             station's pollutants: PM2.5, PM10 and NO2 move together, O3 against them at half
//             the strength (stagnant air builds up primary pollutants and titrates ozone).
//   gaps      1% of hours missing at random, and outages of 1-3 days starting on 0.3% of days.
#include <cstdint>
#include <vector>

#include "features/air/model/air_series.h"

namespace ccap::airquality {

struct SyntheticSpec {
  std::int64_t first_hour = 1735689600;  // 2025-01-01T00:00Z
  std::uint32_t hours = 8760;
  std::uint64_t seed = 2025;
  std::vector<Pollutant> pollutants{Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2, Pollutant::O3};
};

inline constexpr const char* kSyntheticSource = "synthetic demo data";

// Fills in series for `stations` (which are marked synthetic, with kSyntheticSource as source).
AirQualityData synthetic_air_quality(std::vector<AirStation> stations, const SyntheticSpec& spec);

// `count` stations scattered evenly over discs of `radius_degrees` around `centres`, in turn, for
// benchmarks: ids "bench-N".
std::vector<AirStation> scattered_stations(const std::vector<LngLat>& centres, std::size_t count, std::uint64_t seed,
                                           double radius_degrees = 3);

}  // namespace ccap::airquality
