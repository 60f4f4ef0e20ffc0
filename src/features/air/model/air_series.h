#pragma once
// Air-quality time series as the app draws them: stations, and for each station and pollutant an
// hourly series of values (µg/m³; NaN where there is no reading) on one shared time axis.
// Stored as .ccapaq (version 2, little-endian):
//   header: magic "CCAPAQ\0\0", u32 version, u32 station count, u32 series count, u32 hours,
//           i64 first hour (seconds since 1970 UTC, a multiple of 3600), u64 payload size,
//           u64 FNV-1a 64 checksum of the payload
//   payload: the dataset's description (a u32-length string), then stations (id, name, source,
//           operator, licence, url, city as u32-length strings; f64 lng, lat; u8 flags), then
//           series (u32 station, u8 pollutant, 3 bytes zero, f32 scale, u16 x hours).
// Values are quantised: value = q x scale, with q = 65535 for "no reading". The writer picks
// scale = 0.01 µg/m³ where the series allows it (an error of at most 0.005), coarser only for
// series above 655 µg/m³.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/pollutant.h"
#include "map/geo.h"

namespace ccap {

struct AirStation {
  std::string id, name;
  std::string source;                       // where the readings come from: "OpenAQ", "MOENV", "synthetic demo data"
  std::string operator_name, licence, url;  // who runs the station, the data's licence, a public page
  std::string city;                         // the partner city it belongs to (id), or empty
  LngLat where;
  bool synthetic = false;  // its readings are synthetic demo data, not measurements
};

struct AirSeries {
  std::uint32_t station = 0;
  Pollutant pollutant = Pollutant::Pm25;
  std::vector<float> values;  // one per hour; NaN: no reading
};

struct AirQualityData {
  std::string description;  // shown with the data: what it is, where from
  std::vector<AirStation> stations;
  std::vector<AirSeries> series;
  std::int64_t first_hour = 0;  // seconds since 1970 UTC
  std::uint32_t hours = 0;

  bool any_synthetic() const;
};

inline constexpr std::uint32_t kAirSeriesFormatVersion = 2;
// The longest time axis a .ccapaq file may have: five years of hours. The app refuses longer
// files, and the pipeline refuses to write them (pipeline/airquality/series_builder.h).
inline constexpr std::uint32_t kMaxAirSeriesHours = 24 * 366 * 5;

std::vector<std::uint8_t> encode_air_quality(const AirQualityData& data);
struct AirQualityDecodeResult {
  std::optional<AirQualityData> data;
  std::string error;
};
AirQualityDecodeResult decode_air_quality(std::span<const std::uint8_t> bytes);

}  // namespace ccap
