#pragma once
// Someone's own files, read in the app as their bytes arrive (issue 29): one or several files at
// once, each told from its first bytes (file_kind.h) and read by the importer the pipeline uses for
// that format (csv_import.h with csv_formats.h or csv_guess.h, json_feeds.h, geojson_points.h, the
// app's own .ccapaq), into hourly series (series_builder.h), then merged (air_data_merge.h).
//
// Memory is bounded by the output, not the input: a CSV is read a line at a time (LineSplitter) as
// its chunks come, whatever its size; a JSON document (a national feed's snapshot, station points)
// and a .ccapaq file are read whole, up to kMaxWholeFileBytes. Each file's readings are built into
// series of their own, so that a file that turns out to be unreadable part way (a header without
// the columns, a cut gzip, bytes that are not text) is left out whole and named, and the others
// are used. Nothing is dropped silently: every record is a reading or a counted reject.
//
// The session is driven by the page (the browser hands over Blob.stream() chunks, a gzip unpacked
// by DecompressionStream) or natively by `--open` (read and unpacked with zlib): begin_file, feed
// each chunk, end_file; then finish. Cancel is the caller's: it drops the session, and nothing it
// read is shown.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "features/air/import/csv_import.h"
#include "features/air/import/file_kind.h"
#include "features/air/import/readings.h"
#include "features/air/model/air_datasets.h"
#include "features/air/model/air_series.h"

namespace ccap::airquality {

// A JSON document or a .ccapaq file is read whole; a larger one is refused, named.
inline constexpr std::size_t kMaxWholeFileBytes = 64u << 20;
// A station is a partner city's when it lies within this distance of the city's marker, as the
// city panel's measured means choose stations (features/air/ui/station_panel.cpp).
inline constexpr double kPartnerCityMeters = 25'000;

struct PartnerPlace {
  std::string key, name;  // "bangkok", "Bangkok"
  LngLat where;
};

// What became of one file.
struct ImportedFile {
  std::string name;
  FileKind kind = FileKind::Unknown;
  std::uint64_t size = 0;   // as the page announced it (0: not known; a gzip's packed size)
  std::uint64_t bytes = 0;  // read (unpacked)
  std::size_t lines = 0;    // of a CSV
  ImportReport report;      // readings, rejects by reason with the first examples; `fatal`: not used
  std::array<std::size_t, kPollutantCount> readings{};  // accepted, by pollutant
  std::size_t stations = 0;                             // with readings, or station points
  std::int64_t first = 0, last = -1;                    // its readings' times (s since 1970 UTC); none: first > last
  // A CSV whose columns could not all be told (csv_guess.h): what was not, and its header, so that
  // the columns can be chosen (a CsvFormat for the file's next reading).
  std::vector<std::string> missing_columns, header;
  char separator = ',';
  bool decimal_comma = false;
  bool done = false;  // read to its end
};

// The columns someone chose for `file` (a CSV whose header did not say: ImportedFile::missing_columns)
// as the format its next reading uses: one value column of `pollutant`, in µg/m³; the file's own
// separator and decimal comma. Nullopt when a name is not one of its header's.
struct ChosenColumns {
  std::string time, station, latitude, longitude, value;
  Pollutant pollutant = Pollutant::Pm25;
};
std::optional<CsvFormat> chosen_format(const ImportedFile& file, const ChosenColumns& columns);

// A station of the result within kPartnerCityMeters of a partner city (the nearest).
struct CityMatch {
  std::string station, city;  // names
  double meters = 0;
};

struct ImportOutcome {
  std::optional<AirQualityData> data;  // every readable file's stations and series; none: `error`
  std::vector<ImportedFile> files;
  ImportReport overlaps;  // the same station and hour given differently by two files (the first kept)
  std::vector<CityMatch> matches;
  std::string error;  // why there is no data ("none of the 2 files could be read")
};

class DataImport {
 public:
  DataImport();
  ~DataImport();
  // What the atlas knows of formats whose files name places without saying where they are (the
  // built-in index's AirDataset::file_places): AirNow's embassy sites and their zone, Singapore's
  // regions. Without them such a file's rows are each an UnknownStation.
  void know_places(const std::vector<AirDataset>& datasets);
  DataImport(const DataImport&) = delete;
  DataImport& operator=(const DataImport&) = delete;

  // The next file: `size` its announced size (0: not known). `columns`: the format chosen for it
  // in the mapping dialog (a CSV whose columns could not be told), else it is told from its bytes.
  void begin_file(const std::string& name, std::uint64_t size, const CsvFormat* columns = nullptr);
  // Its next bytes. False: it needs no more (it cannot be read: the rest would change nothing).
  bool feed(std::span<const std::uint8_t> bytes);
  // Its end; `read_error`: why it could not be read to the end (a cut gzip, a file gone).
  void end_file(const std::string& read_error = {});

  const std::vector<ImportedFile>& files() const { return files_; }
  // Counts so far, for a progress bar: bytes read, readings accepted, records rejected.
  std::uint64_t bytes() const;
  std::size_t accepted() const;
  std::size_t rejected() const;

  // The result: the readable files' data, station ids made unique per source, each station within
  // kPartnerCityMeters of a partner city marked as the city's (unless the file named one).
  ImportOutcome finish(std::span<const PartnerPlace> cities = {});

 private:
  struct Reading;  // the file being read
  struct KnownPlaces {
    std::map<std::string, CsvPlace, std::less<>> places;
    int utc_offset_minutes = 0;
    bool any = false;
  };
  KnownPlaces airnow_, datagovsg_;
  std::unique_ptr<Reading> file_;
  std::vector<ImportedFile> files_;
  std::vector<AirQualityData> parts_;  // of each file read
  std::vector<std::string> part_names_;
  void tell();                                     // the file's kind, from its head
  void take(std::span<const std::uint8_t> bytes);  // bytes after the head was told
  void finish_file(const std::string& read_error);
};

// The partner cities within kPartnerCityMeters of `data`'s stations: each station without a city
// gets the nearest's key; returns the matches (stations that had a city keep it and are listed).
std::vector<CityMatch> match_partner_cities(AirQualityData& data, std::span<const PartnerPlace> cities);

// What the badge, the panels and every export say of imported data, as of any dataset (air_datasets.h):
// "your data: a.csv, b.csv" (joined: "your data: a.csv + MOENV (Taiwan)"), its period and stations;
// its publisher, licence and status are the files' own, which the atlas cannot know. Its id
// ("yours") is never written into a link: the files are on this device only.
inline constexpr const char* kOwnDataId = "yours";
AirDataset describe_own_data(const std::vector<ImportedFile>& files, const AirQualityData& data,
                             const AirDataset* joined = nullptr);

}  // namespace ccap::airquality
