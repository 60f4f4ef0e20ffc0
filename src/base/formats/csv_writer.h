#pragma once
// CSV files for spreadsheets (RFC 4180), built in memory.
//
// The text is UTF-8 and starts with a byte-order mark (EF BB BF): without it Excel reads a CSV file
// in the system's legacy code page and "Hải Phòng" comes out garbled; other spreadsheets and
// RFC 4180 readers skip it. Lines end in CRLF (the last line too). A field is quoted when it holds a
// comma, a double quote, CR or LF, with its quotes doubled; other fields are written as they are
// (UTF-8 passes through unchanged).
//
// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - or @
// as a formula (and a leading tab or CR can hide one), so a TEXT cell starting with one of = + - @
// TAB CR gets a leading apostrophe, which the spreadsheet shows as text. The header's names are
// text cells too. Number cells are never altered: -5 stays -5.
//
// Numbers are written with a fixed number of decimals ("%.*f", always with a '.' point); NaN and
// infinities are written as empty cells.
//
// The header fixes the width: a row with fewer cells is padded with empty cells, a row with more is
// cut to the header's width (the extra cells are dropped). Rows never fail. (An empty header makes
// every line empty.)
#include <cstddef>
#include <string>
#include <vector>

namespace ccap {

class CsvCell {
 public:
  CsvCell() = default;  // an empty cell
  static CsvCell text(std::string value);
  // decimals is clamped to 0..17.
  static CsvCell number(double value, int decimals);

  bool is_number() const { return is_number_; }
  // The field as written in the file: guarded, formatted and quoted as the file needs.
  std::string field() const;

 private:
  bool is_number_ = false;
  std::string text_ = {};
  double number_ = 0;
  int decimals_ = 0;
};

class CsvWriter {
 public:
  explicit CsvWriter(std::vector<std::string> header);
  // Appends a row, padded or cut to the header's width.
  void row(const std::vector<CsvCell>& cells);
  // The whole file: BOM, header line, the rows.
  std::string text() const;
  // Rows written so far, the header not counted.
  std::size_t rows() const { return rows_; }

 private:
  std::size_t width_ = 0;
  std::size_t rows_ = 0;
  std::string body_ = {};  // header and rows, no BOM
};

}  // namespace ccap
