#pragma once
// Every CSV of readings through one importer, told how to read a file's columns by a CsvFormat:
// the OpenAQ archive, the AirNow embassy files, data.gov.sg's regional PM2.5 and any column-mapped
// export (csv_formats.h) are formats, not importers of their own. One loop, one set of checks, one
// way of counting rejects: what differs between agencies is data.
//
// A row gives a station (a column, or a place the format knows by name), a time (one ISO 8601
// column, or year, month, day and hour columns in the zone's local time), and values: a pollutant
// and value pair (with a unit column, or one unit), or a column per pollutant. A value in
// `missing` (AirNow's -999) is no reading; a quality-control column keeps only what it passes.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/air/import/readings.h"

namespace ccap::airquality {

// A station a file names without coordinates (an embassy monitor, a region of Singapore).
struct CsvPlace {
  std::string id;  // the station's id in the series; empty: the file's name for it
  std::string name;
  LngLat where;
};

struct CsvFormat {
  std::string name;  // "OpenAQ archive CSV", named in messages

  // How fields are separated (',', ';' or TAB: a spreadsheet saved in a locale with a decimal
  // comma writes ';'), and whether numbers have a decimal comma ("12,5"; file_kind.h tells both).
  char separator = ',';
  bool decimal_comma = false;

  // The header must be exactly this (quotes aside); empty: the columns below must be present.
  std::string exact_header;

  // The time: one ISO 8601 column (parse_iso8601), or year, month, day and hour columns. A time
  // without an offset is in the zone `utc_offset_minutes` east of UTC (Ulaanbaatar: +480).
  std::string time_column;
  std::string year_column, month_column, day_column, hour_column;
  int utc_offset_minutes = 0;

  // The station: its id column, and a name column and coordinate columns, or `places` by id.
  std::string station_column, name_column, latitude_column, longitude_column;
  std::map<std::string, CsvPlace, std::less<>> places;

  // Values, as a pollutant and value pair...
  std::string pollutant_column, value_column;
  std::map<std::string, Pollutant, std::less<>> pollutant_names;  // the file's names; else parse_pollutant
  // ...or one column per pollutant.
  struct ValueColumn {
    std::string column;
    Pollutant pollutant = Pollutant::Pm25;
  };
  std::vector<ValueColumn> value_columns;
  std::string unit_column;  // the unit of each row's value; else `unit` for every value
  std::string unit = "ug/m3";
  std::vector<double> missing;  // values that mean "no reading" (AirNow: -999)

  // Quality control: a column whose value decides what is kept. `qc_keep` are kept,
  // `qc_missing` count as missing values, `qc_failed` are not kept (Reject::FailedQc); any other
  // value is not kept either (Reject::UnknownQc: a flag the format does not know).
  std::string qc_column;
  std::vector<std::string> qc_keep, qc_missing, qc_failed;

  // Columns that must hold this value for a row to be read (AirNow: Duration "1 Hr"); else
  // the row is Malformed.
  std::vector<std::pair<std::string, std::string>> must_equal;

  // The columns the format reads (its header must have them all).
  std::vector<std::string> columns() const;
};

// A record longer than this is not one (the longest real rows are under 200 bytes).
inline constexpr std::size_t kMaxCsvLine = 64 * 1024;

// A number in a CSV field, spaces around it allowed; with `decimal_comma`, "12,5" is twelve and a
// half (a '.' is then no number's). Nullopt: not a finite number.
std::optional<double> parse_csv_number(std::string_view text, bool decimal_comma);

// One CSV line into its first `count` `fields`, split at `separator` (RFC 4180 quoting; the strings
// are reused from line to line); false when the quoting is broken.
bool split_csv(std::string_view line, char separator, std::vector<std::string>& fields, std::size_t& count);

struct CsvColumns;  // where the format's columns are in a file's header

// One CSV file read a line at a time, however its lines come: pulled from a file (the pipeline's
// import_csv_file) or pushed as a browser hands the file over a chunk at a time (LineSplitter). Each line becomes
// readings for `sink` or counted rejects; finish() then says what the file was. Memory: one row.
class CsvImport {
 public:
  CsvImport(std::string file, const CsvFormat& format, ReadingSink& sink);
  ~CsvImport();
  CsvImport(const CsvImport&) = delete;
  CsvImport& operator=(const CsvImport&) = delete;
  // Line `number` (from 1) of the file, its first bytes `text` of `length` (more: it was cut).
  // False once the file is fatal: the lines after it need not be read.
  bool line(std::string_view text, std::size_t length, std::size_t number);
  // The file's end (`read_error`: why reading it failed, if it did): what it was.
  ImportReport finish(const std::string& read_error = {});
  const ImportReport& report() const { return out_; }  // so far (a progress bar's counts)

 private:
  struct Value {
    Pollutant pollutant;
    std::size_t column;
  };
  std::string file_;
  const CsvFormat& format_;
  ReadingSink& sink_;
  ImportReport out_;
  std::unique_ptr<CsvColumns> columns_;  // once the header was read
  std::vector<std::string> fields_;      // of the row being read (reused)
  std::size_t field_count_ = 0;
  std::vector<Value> values_;
};

// Text in memory, its readings kept (tests, fuzzing). The pipeline reads files from disk through the
// same import (pipeline/airquality/csv_importer.h).
ImportResult import_csv(std::string_view text, const std::string& file, const CsvFormat& format);

}  // namespace ccap::airquality
