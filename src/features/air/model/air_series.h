#pragma once
// Air-quality time series as the app draws them: stations, and for each station and pollutant an
// hourly series of values (µg/m³; NaN where there is no reading) on one shared time axis.
// Stored as .ccapaq (version 3, little-endian; version 2 files, without the recipe, still read):
//   header: magic "CCAPAQ\0\0", u32 version, u32 station count, u32 series count, u32 hours,
//           i64 first hour (seconds since 1970 UTC, a multiple of 3600), u64 payload size,
//           u64 FNV-1a 64 checksum of the payload
//   payload: the dataset's description (a u32-length string), then stations (id, name, source,
//           operator, licence, url, city as u32-length strings; f64 lng, lat; u8 flags), then
//           series (u32 station, u8 pollutant, 3 bytes zero, f32 scale, u16 x hours), then (version
//           3) u8 recipe flag; when 1: u64 seed, u8 pollutant count, u8 x count pollutants.
// A file with a recipe holds no series: its readings are synthetic demo data that the reader makes
// with the documented generator (synthetic_readings.h) from the recipe, the stations and the time
// axis. The built-in demo set is 7 kB so instead of 3 MB (2.7 MB gzipped: noise does not compress).
// Values are quantised: value = q x scale, with q = 65535 for "no reading". The writer picks
// scale = 0.01 µg/m³ where the series allows it (an error of at most 0.005), coarser only for
// series above 655 µg/m³.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/pollutant.h"
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

// How synthetic demo readings were made (synthetic_readings.h): stored instead of their values.
struct SyntheticRecipe {
  std::uint64_t seed = 2025;
  std::vector<Pollutant> pollutants;
  friend bool operator==(const SyntheticRecipe&, const SyntheticRecipe&) = default;
};

struct AirQualityData {
  std::string description;  // shown with the data: what it is, where from
  std::vector<AirStation> stations;
  std::vector<AirSeries> series;
  std::int64_t first_hour = 0;  // seconds since 1970 UTC
  std::uint32_t hours = 0;
  // Set: every series was made from this recipe, and a file stores the recipe instead of them.
  std::optional<SyntheticRecipe> recipe;

  bool any_synthetic() const;
};

inline constexpr std::uint32_t kAirSeriesFormatVersion = 3;
// A recipe may make at most this many hourly values (stations x pollutants x hours): 32 MB of
// floats, about 20 times the built-in set. Beyond, the file is refused before anything is made.
inline constexpr std::uint64_t kMaxSyntheticValues = 8'000'000;
// The longest time axis a .ccapaq file may have: eleven years of hours (96,624; the longest real
// record shipped, the U.S. Embassy monitor in Ulaanbaatar, runs from 2015 to February 2025). The
// app refuses longer files, and the pipeline refuses to write them (series_builder.h): a mistyped
// year is refused, never allocated.
inline constexpr std::uint32_t kMaxAirSeriesHours = 24 * 366 * 11;

// The longest text a .ccapaq file holds (a station's name, source, url...; the description), bytes.
inline constexpr std::size_t kMaxAirText = 4096;

// What the reader refuses in `data`, each naming its place ("station 3 ('TW-11'): its name is
// 5000 bytes, more than 4096"): the one set of rules that the pipeline checks before it writes a
// file and the app after it reads one. Texts at most kMaxAirText bytes; station ids not empty and
// each at one station; coordinates on the globe; at most kMaxAirSeriesHours hours from a whole
// hour; each series of a station that is there, of a known pollutant, one value per hour; a
// recipe within kMaxSyntheticValues. Empty: the file can be written and read back.
std::vector<std::string> air_quality_problems(const AirQualityData& data);

// `data` as a .ccapaq file. Call air_quality_problems first: what it names is written anyway.
std::vector<std::uint8_t> encode_air_quality(const AirQualityData& data);
struct AirQualityDecodeResult {
  std::optional<AirQualityData> data;
  std::string error;
};
AirQualityDecodeResult decode_air_quality(std::span<const std::uint8_t> bytes);

}  // namespace ccap
