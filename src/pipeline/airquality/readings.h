#pragma once
// Air-quality readings as every importer returns them, and the reasons a record is rejected.
// Nothing is dropped silently: each rejected record is counted under its reason, and the first
// few are kept with their line for the report.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/pollutant.h"
#include "map/geo.h"

namespace ccap::airquality {

struct Reading {
  std::string station;  // the source's station id
  std::string station_name;
  LngLat where;
  Pollutant pollutant = Pollutant::Pm25;
  std::int64_t time = 0;  // seconds since 1970-01-01 UTC
  double value = 0;       // µg/m³
};

enum class Reject : std::uint8_t {
  Malformed,         // wrong number of fields, unparseable number
  MissingValue,      // empty value
  Negative,          // below zero
  ImpossibleSpike,   // above the pollutant's plausible maximum
  DuplicateTime,     // a second reading for the same station, pollutant and time
  UnknownUnit,       // or a unit that cannot apply to the pollutant
  UnknownPollutant,  // parameters the overlays do not draw (counted, not an error)
  BadTime,           // unparseable timestamp
  BadCoordinates,    // missing, non-finite or out of range
  kCount,
};
const char* reject_name(Reject r);

struct ImportResult {
  std::vector<Reading> readings;
  std::array<std::size_t, static_cast<std::size_t>(Reject::kCount)> rejected{};
  std::vector<std::string> examples;  // "file:line: reason", the first few of each reason
  std::string fatal;                  // the whole file could not be read (then nothing else is set)

  std::size_t rejected_total() const;
  void reject(Reject why, const std::string& where);
};

// The years a reading may carry: a date outside them is a mistake in the file, never data.
inline constexpr int kFirstReadingYear = 1970, kLastReadingYear = 2100;
// Parses "2024-03-01T05:00:00+07:00", "...Z", or "... 05:00:00" (UTC) to seconds since the epoch.
// Strictly: every field exactly its digits, a real calendar date in those years, an offset of at
// most ±14:59; anything else (a numeric prefix "20x4", "2024-02-30", "+0800") is refused.
bool parse_iso8601(std::string_view text, std::int64_t& seconds);

// Removes exact repeats (same station, pollutant, time), keeping the first; counts them.
void drop_duplicates(ImportResult& result, const std::string& file);

}  // namespace ccap::airquality
