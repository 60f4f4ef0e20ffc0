#include "features/air/model/synthetic_readings.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "base/binary_io.h"

namespace ccap::airquality {

namespace {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  double normal() {  // Box-Muller
    const double u = 1.0 - uniform(), v = uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * kPi * v);
  }

 private:
  std::uint64_t state_;
};

std::uint64_t seed_for(std::uint64_t seed, const std::string& station, int stream) {
  const std::string key = std::to_string(seed) + "/" + station + "/" + std::to_string(stream);
  return fnv1a64(std::span(reinterpret_cast<const std::uint8_t*>(key.data()), key.size()));
}

bool is_particle(Pollutant p) { return p == Pollutant::Pm25 || p == Pollutant::Pm10; }

double daily_shape(Pollutant p, double solar_hour) {
  const auto bump = [&](double centre, double width) {
    double d = std::fmod(solar_hour - centre + 36.0, 24.0) - 12.0;
    return std::exp(-d * d / (2 * width * width));
  };
  if (p == Pollutant::O3) return 0.55 + 0.9 * bump(15, 3.5);
  return 0.8 + 0.35 * bump(8, 1.8) + 0.4 * bump(20, 2.5);
}

}  // namespace

AirQualityData synthetic_air_quality(std::vector<AirStation> stations, const SyntheticSpec& spec) {
  AirQualityData d;
  d.first_hour = spec.first_hour;
  d.hours = spec.hours;
  d.description = "Synthetic demo data: hourly values made by a deterministic generator (seed " +
                  std::to_string(spec.seed) + ") at real station locations. Not measurements.";
  constexpr double kPhi = 0.98, kSd = 0.35;
  const double innovation = kSd * std::sqrt(1 - kPhi * kPhi);
  for (std::uint32_t s = 0; s < stations.size(); ++s) {
    AirStation& st = stations[s];
    st.synthetic = true;
    st.source = kSyntheticSource;
    SplitMix64 weather_rng(seed_for(spec.seed, st.id, 0));
    std::vector<double> weather(spec.hours);
    double x = kSd * weather_rng.normal();
    for (double& w : weather) {
      w = x;
      x = kPhi * x + innovation * weather_rng.normal();
    }
    SplitMix64 base_rng(seed_for(spec.seed, st.id, 1));
    const double pm25 = base_rng.uniform(8, 60), pm10_ratio = base_rng.uniform(1.5, 2.1);
    const double no2 = base_rng.uniform(12, 60), o3 = base_rng.uniform(35, 80);
    const bool south = st.where.lat < 0;
    for (Pollutant p : spec.pollutants) {
      const double base = p == Pollutant::Pm25   ? pm25
                          : p == Pollutant::Pm10 ? pm25 * pm10_ratio
                          : p == Pollutant::No2  ? no2
                          : p == Pollutant::O3   ? o3
                                                 : 0;
      if (base <= 0) continue;  // SO2 and CO are not generated
      const double peak_day = (p == Pollutant::O3) != south ? 196 : 15;
      SplitMix64 gaps(seed_for(spec.seed, st.id, 10 + static_cast<int>(p)));
      AirSeries series{s, p, std::vector<float>(spec.hours)};
      std::uint32_t outage_left = 0;
      for (std::uint32_t h = 0; h < spec.hours; ++h) {
        const std::int64_t t = spec.first_hour + static_cast<std::int64_t>(h) * 3600;
        if (t % 86400 == 0 && outage_left == 0 && gaps.uniform() < 0.003)
          outage_left = 24 * (1 + static_cast<std::uint32_t>(gaps.uniform() * 3));
        const bool missing = gaps.uniform() < 0.01;
        if (outage_left > 0) {
          --outage_left;
          series.values[h] = std::numeric_limits<float>::quiet_NaN();
          continue;
        }
        if (missing) {
          series.values[h] = std::numeric_limits<float>::quiet_NaN();
          continue;
        }
        const double day = static_cast<double>(t) / 86400.0;
        const double season = 1 + 0.35 * std::cos(2 * kPi * (std::fmod(day, 365.25) - peak_day) / 365.25);
        const double solar_hour = std::fmod(static_cast<double>(t % 86400) / 3600.0 + st.where.lng / 15.0 + 48.0, 24.0);
        const double weather_factor = std::exp(is_particle(p) || p == Pollutant::No2 ? weather[h] : -0.5 * weather[h]);
        series.values[h] = static_cast<float>(base * season * daily_shape(p, solar_hour) * weather_factor);
      }
      d.series.push_back(std::move(series));
    }
  }
  d.stations = std::move(stations);
  return d;
}

std::vector<AirStation> scattered_stations(const std::vector<LngLat>& centres, std::size_t count, std::uint64_t seed,
                                           double radius_degrees) {
  std::vector<AirStation> out;
  if (centres.empty()) return out;
  SplitMix64 rng(seed);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const LngLat c = centres[i % centres.size()];
    const double r = radius_degrees * std::sqrt(rng.uniform()), a = 2 * kPi * rng.uniform();
    AirStation s;
    s.id = "bench-" + std::to_string(i);
    s.name = "Benchmark station " + std::to_string(i);
    s.operator_name = "none (benchmark)";
    s.where = {wrap_longitude(c.lng + r * std::cos(a)), std::clamp(c.lat + r * std::sin(a), -80.0, 80.0)};
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace ccap::airquality
