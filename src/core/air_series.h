#pragma once
// Air-quality time series as the app draws them: stations, and for each station and pollutant an
// hourly series of values (µg/m³; NaN where there is no reading) on one shared time axis.
// Stored as .ccapaq (version 1, little-endian):
//   header: magic "CCAPAQ\0\0", u32 version, u32 station count, u32 series count, u32 hours,
//           i64 first hour (seconds since 1970 UTC, a multiple of 3600), u64 payload size,
//           u64 FNV-1a 64 checksum of the payload
//   payload: stations (id, name, source as u32-length strings; f64 lng, lat), then series
//           (u32 station, u8 pollutant, 3 bytes zero, f32 x hours)
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geo.h"
#include "core/pollutant.h"

namespace ccap {

struct AirStation {
  std::string id, name, source;
  LngLat where;
};

struct AirSeries {
  std::uint32_t station = 0;
  Pollutant pollutant = Pollutant::Pm25;
  std::vector<float> values;  // one per hour; NaN: no reading
};

struct AirQualityData {
  std::vector<AirStation> stations;
  std::vector<AirSeries> series;
  std::int64_t first_hour = 0;  // seconds since 1970 UTC
  std::uint32_t hours = 0;
};

inline constexpr std::uint32_t kAirSeriesFormatVersion = 1;

std::vector<std::uint8_t> encode_air_quality(const AirQualityData& data);
struct AirQualityDecodeResult {
  std::optional<AirQualityData> data;
  std::string error;
};
AirQualityDecodeResult decode_air_quality(std::span<const std::uint8_t> bytes);

}  // namespace ccap
