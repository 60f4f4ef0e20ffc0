#include "base/formats/csv_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace ccap {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr char kLineEnd[] = "\r\n";

bool starts_a_formula(const std::string& s) {
  if (s.empty()) return false;
  switch (s[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

std::string quoted_if_needed(std::string s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string format_number(double v, int decimals) {
  if (!std::isfinite(v)) return {};
  // %f of the largest double has 309 integer digits.
  char buf[400];
  const int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  if (n <= 0 || static_cast<std::size_t>(n) >= sizeof buf) return {};
  std::string s(buf, static_cast<std::size_t>(n));
  // The C library writes the locale's decimal point; the file always has '.'.
  for (char& c : s) {
    if (c != '-' && (c < '0' || c > '9')) c = '.';
  }
  // -0.001 to two decimals is "-0.00": write "0.00".
  if (s[0] == '-' && s.find_first_of("123456789") == std::string::npos) s.erase(0, 1);
  return s;
}

void append_line(std::string& out, const std::vector<CsvCell>& cells, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) {
    if (i > 0) out += ',';
    if (i < cells.size()) out += cells[i].field();
  }
  out += kLineEnd;
}

}  // namespace

CsvCell CsvCell::text(std::string value) {
  CsvCell c;
  c.text_ = std::move(value);
  return c;
}

CsvCell CsvCell::number(double value, int decimals) {
  CsvCell c;
  c.is_number_ = true;
  c.number_ = value;
  c.decimals_ = std::clamp(decimals, 0, 17);
  return c;
}

std::string CsvCell::field() const {
  if (is_number_) return format_number(number_, decimals_);  // digits, '-' and '.': never quoted
  return quoted_if_needed(starts_a_formula(text_) ? "'" + text_ : text_);
}

CsvWriter::CsvWriter(std::vector<std::string> header) : width_(header.size()) {
  std::vector<CsvCell> cells;
  cells.reserve(header.size());
  for (auto& name : header) cells.push_back(CsvCell::text(std::move(name)));
  append_line(body_, cells, width_);
}

void CsvWriter::row(const std::vector<CsvCell>& cells) {
  append_line(body_, cells, width_);
  ++rows_;
}

std::string CsvWriter::text() const { return kBom + body_; }

}  // namespace ccap
