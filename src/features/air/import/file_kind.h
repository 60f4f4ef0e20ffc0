#pragma once
// What a file someone opens or drops on the map is, told from its first bytes, never from its name
// alone (a ".csv" may be a workbook, a ".txt" an OpenAQ export): the importer it goes to, and for
// CSV how its fields are separated. The first step of opening your own data (issue 29): a file that
// is none of the formats gets a message that names it and says what it looked like.
//
//   gzip (1F 8B)                   unpacked first, then told again
//   .ccapaq ("CCAPAQ\0\0")         the atlas's own series file
//   JSON: "FeatureCollection"      station points (GeoJSON)
//         "AQILast"                air4thai (Thailand PCD)
//         "publishtime"/"publish_time" with "siteid"/"site_id"   MOENV aqx_p_432 (Taiwan)
//   CSV, by its header (quotes, a byte-order mark and the case of names aside):
//         location_id,sensors_id,location,datetime,lat,lon,parameter,units,value   OpenAQ archive
//         Site, ..., Raw Conc., ..., QC Name                                        AirNow embassy
//         region,pm25_one_hourly,timestamp_sgt                                      data.gov.sg
//         a latitude and a longitude column (lat/latitude, lon/lng/long/longitude)  points with columns
//         anything else                                                             columns to be chosen
// The separator of a CSV is the one of ',' ';' TAB that splits its header into the most fields and
// its first rows into as many; a decimal comma ("12,5") is told where the separator is not ','.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ccap {

enum class FileKind : std::uint8_t {
  Gzip,
  AirSeries,  // .ccapaq
  GeoJson,    // station points
  Air4thaiJson,
  MoenvJson,
  OpenaqArchiveCsv,
  AirnowCsv,
  DatagovsgCsv,
  PointsCsv,  // a CSV with latitude and longitude columns
  Csv,        // a CSV whose columns must be chosen (time, place, value)
  Unknown,    // none of them: `why` says what it looked like
};
const char* file_kind_name(FileKind kind);  // "the OpenAQ archive CSV", ...

struct FileSniff {
  FileKind kind = FileKind::Unknown;
  char separator = ',';             // CSV kinds
  bool decimal_comma = false;       // CSV kinds: "12,5" is twelve and a half
  std::vector<std::string> header;  // CSV kinds: the column names, unquoted
  std::string why;                  // Unknown: "an Excel workbook (.xlsx): save it as CSV first"
};

// How many of a file's first bytes are enough to tell it.
inline constexpr std::size_t kSniffBytes = 64 * 1024;

// `head`: the file's first bytes (up to kSniffBytes; fewer for a short file).
FileSniff sniff_file(std::span<const std::uint8_t> head);

}  // namespace ccap
