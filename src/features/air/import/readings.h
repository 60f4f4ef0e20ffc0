#pragma once
// Air-quality readings as every importer hands them on, and the reasons a record is rejected.
// Nothing is dropped silently: each rejected record is counted under its reason, and the first
// few are kept with their line for the report.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/pollutant.h"
#include "map/geo.h"

namespace ccap::airquality {

// One reading as an importer hands it on: views into the record being read, valid during the call.
struct ReadingView {
  std::string_view station;  // the source's station id
  std::string_view station_name;
  LngLat where;
  Pollutant pollutant = Pollutant::Pm25;
  std::int64_t time = 0;  // seconds since 1970-01-01 UTC
  double value = 0;       // µg/m³
  // Where the record is ("readings.csv:812", "aqx.json: /records/3"), made only when asked for:
  // set by ImportReport::add, null for readings that come from no file.
  const std::function<std::string()>* record = nullptr;
};

// What a sink made of a reading: kept; the same reading again (the same station, pollutant,
// minute and value: a feed's later snapshot of an hour it published before; one reading, not a
// reject); a repeat with another value (reported, the first kept, never averaged); or from a
// station whose id it first saw more than kSameStationMeters away (one id at two places is a
// conflict, reported; the first place is kept).
enum class Added : std::uint8_t { Yes, Same, Repeat, Moved };
inline constexpr double kSameStationMeters = 100;

// The two rules every sink keeps (ReadingSink::add): the minute a reading at `t` (s since 1970
// UTC) belongs to, its seconds dropped; and whether a station seen at `first` is now elsewhere.
inline std::int64_t minute_of(std::int64_t t) { return t - (t % 60 + 60) % 60; }
inline bool elsewhere(LngLat first, LngLat now) { return distance_meters(first, now) > kSameStationMeters; }

// Where importers put what they read, a reading at a time, so that no importer holds a file's
// readings: the series builder (series_builder.h) sums them into hours as they come.
class ReadingSink {
 public:
  // Not Yes when the station already has a reading of that pollutant in that minute (not added:
  // Same when its value is the one kept, else Repeat, which the importer counts). The rule for times, one for every
  // sink: a reading belongs to the minute it was taken in, its seconds dropped (12:05:17 and 12:05:42 are one reading
  // and a repeat; each minute of an hour is one bit, so seconds cost no memory per row), and a leap second (23:59:60)
  // is its minute's last second (parse_iso8601), never the next hour's 00:00.
  virtual Added add(const ReadingView& reading) = 0;

 protected:
  ~ReadingSink() = default;
};

// A reading kept whole, for small feeds, tests and fuzzing.
struct Reading {
  std::string station;
  std::string station_name;
  LngLat where;
  Pollutant pollutant = Pollutant::Pm25;
  std::int64_t time = 0;  // seconds since 1970-01-01 UTC
  double value = 0;       // µg/m³
};

enum class Reject : std::uint8_t {
  Malformed,             // wrong number of fields, unparseable number, a line too long to be a record
  MissingValue,          // empty value
  Negative,              // below zero
  ImpossibleSpike,       // above the pollutant's plausible maximum
  DuplicateTime,         // a second, different value for the same station, pollutant and time
  UnknownUnit,           // or a unit that cannot apply to the pollutant
  UnknownPollutant,      // parameters the overlays do not draw (counted, not an error)
  BadTime,               // unparseable timestamp
  BadCoordinates,        // missing, non-finite or out of range
  ProjectedCoordinates,  // numbers far beyond ±180/±90: metres of a map projection (UTM, Web Mercator), not degrees
  MissingStation,        // no station id
  MovedStation,          // a station id already seen more than kSameStationMeters away
  FailedQc,              // the file's quality control did not pass it (AirNow: QC "Invalid" or "Suspect")
  UnknownQc,             // a quality-control flag the format does not know: not kept
  UnknownStation,        // a station the file gives no place for (no coordinates, not one the format knows)
  kCount,
};
const char* reject_name(Reject r);

// Whether a latitude and longitude as a file gives them (degrees; nullopt: not a number) can place a
// station, the one rule of every importer: none when they can; ProjectedCoordinates when both are
// in the thousands (a map projection's metres, a UTM easting and northing or Web Mercator: what
// gives kepler.gl's users a blank map); else BadCoordinates when either is missing, not finite or
// off the globe.
std::optional<Reject> coordinates_problem(std::optional<double> lat, std::optional<double> lng);

// What an importer made of one file: how many readings it handed on, every rejected record
// counted under its reason, the first few with their place. With `fatal` set the file could not
// be read as a whole: what it handed on before must not be used (the tool writes nothing).
struct ImportReport {
  std::size_t accepted = 0;
  std::size_t repeated = 0;  // readings sent again with the same value (Added::Same): one reading each
  std::array<std::size_t, static_cast<std::size_t>(Reject::kCount)> rejected{};
  std::vector<std::string> examples;    // "file:line: reason", the first few of each reason
  std::vector<Reject> example_reasons;  // of each example
  std::string fatal;

  std::size_t rejected_total() const;
  void reject(Reject why, const std::string& where);
  // Adds `other`'s counts and examples (at most the first few of each reason in all) to these.
  void absorb(const ImportReport& other);
  // Hands `reading` to `sink` and counts it, or counts why not at `where()` (made only then): no
  // station id, a repeat, a station id seen elsewhere.
  template <class Where>
  void add(ReadingSink& sink, const ReadingView& reading, Where&& where) {
    if (reading.station.empty()) return reject(Reject::MissingStation, where());
    const std::function<std::string()> record = where;
    ReadingView placed = reading;
    placed.record = &record;
    switch (sink.add(placed)) {
      case Added::Yes: ++accepted; break;
      case Added::Same: ++repeated; break;
      case Added::Repeat: reject(Reject::DuplicateTime, where()); break;
      case Added::Moved: reject(Reject::MovedStation, where()); break;
    }
  }
};

// The readings of one file, kept (ReadingList), with its report; none when it was fatal.
struct ImportResult : ImportReport {
  std::vector<Reading> readings;
};

// Runs `import(sink)` into a ReadingList: its report, and the readings unless it was fatal.
template <class Import>
ImportResult keep_readings(Import&& import);

// A sink that keeps the readings in their order, refusing repeats (station, pollutant, minute).
class ReadingList final : public ReadingSink {
 public:
  Added add(const ReadingView& reading) override;
  std::vector<Reading> take() { return std::move(readings_); }

 private:
  std::vector<Reading> readings_;
  std::map<std::tuple<std::string, int, std::int64_t>, std::size_t> seen_;  // -> its index in readings_
  std::map<std::string, LngLat, std::less<>> places_;                       // each station's first place
};

template <class Import>
ImportResult keep_readings(Import&& import) {
  ReadingList list;
  ImportResult out;
  static_cast<ImportReport&>(out) = import(list);
  if (out.fatal.empty()) out.readings = list.take();
  return out;
}

// The years a reading may carry: a date outside them is a mistake in the file, never data.
inline constexpr int kFirstReadingYear = 1970, kLastReadingYear = 2100;
// Parses "2024-03-01T05:00:00+07:00", "...Z", or "... 05:00:00" (UTC) to seconds since the epoch.
// Strictly: every field exactly its digits, a real calendar date in those years, an offset of at
// most ±14:59; anything else (a numeric prefix "20x4", "2024-02-30", "+0800") is refused.
bool parse_iso8601(std::string_view text, std::int64_t& seconds);

}  // namespace ccap::airquality
