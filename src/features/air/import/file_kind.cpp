#include "features/air/import/file_kind.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ccap {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The fields of `line` split at `sep` outside quotes, unquoted and trimmed.
std::vector<std::string> fields_of(std::string_view line, char sep) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  for (std::string& f : out) f = std::string(trim(f));
  return out;
}

// The first `n` lines of `text` (without their line breaks); the last may be cut by the head's end.
std::vector<std::string_view> first_lines(std::string_view text, std::size_t n) {
  std::vector<std::string_view> out;
  while (!text.empty() && out.size() < n) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!trim(line).empty()) out.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

bool is_utf8_text(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0) return false;
    if (i + n > s.size()) return true;  // cut by the head's end, not broken
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += n;
  }
  return true;
}

bool has(const std::vector<std::string>& names, std::initializer_list<const char*> any) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return std::any_of(any.begin(), any.end(), [&](const char* a) { return n == a; });
  });
}

FileSniff sniff_json(std::string_view text) {
  FileSniff s;
  const auto holds = [&](std::string_view key) { return text.find(key) != std::string_view::npos; };
  if (holds("\"FeatureCollection\"") || holds("\"Feature\"")) {
    s.kind = FileKind::GeoJson;
  } else if (holds("\"AQILast\"")) {
    s.kind = FileKind::Air4thaiJson;
  } else if ((holds("\"publishtime\"") || holds("\"publish_time\"")) && (holds("\"siteid\"") || holds("\"site_id\""))) {
    s.kind = FileKind::MoenvJson;
  } else {
    s.why = "JSON, but none of the formats the atlas reads (GeoJSON points, MOENV aqx_p_432, air4thai)";
  }
  return s;
}

FileSniff sniff_csv(std::string_view text) {
  FileSniff s;
  const std::vector<std::string_view> lines = first_lines(text, 6);
  if (lines.empty()) {
    s.why = "empty";
    return s;
  }
  // The separator: the most fields in the header, and as many in the rows after it.
  std::size_t best = 1;
  for (const char sep : {',', ';', '\t'}) {
    const std::size_t n = fields_of(lines[0], sep).size();
    const bool rows_agree = std::all_of(lines.begin() + 1, lines.end() - (lines.size() > 2 ? 1 : 0),
                                        [&](std::string_view l) { return fields_of(l, sep).size() == n; });
    if (n > best && rows_agree) best = n, s.separator = sep;
  }
  s.header = fields_of(lines[0], s.separator);
  if (best < 2) {
    s.why = "text, but not a table: its first line has no ',', ';' or tab between columns";
    return s;
  }
  if (s.separator != ',')
    for (std::size_t i = 1; i < lines.size() && !s.decimal_comma; ++i)
      for (const std::string& f : fields_of(lines[i], s.separator)) {
        const std::size_t comma = f.find(',');
        if (comma != std::string::npos && comma > 0 && comma + 1 < f.size() &&
            f.find_first_not_of("-0123456789,") == std::string::npos && f.find(',', comma + 1) == std::string::npos)
          s.decimal_comma = true;
      }
  std::vector<std::string> names;
  for (const std::string& h : s.header) names.push_back(lower(h));
  std::string joined;
  for (const std::string& n : names) joined += (joined.empty() ? "" : ",") + n;
  if (joined == "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value") {
    s.kind = FileKind::OpenaqArchiveCsv;
  } else if (has(names, {"site"}) && has(names, {"raw conc."}) && has(names, {"qc name"})) {
    s.kind = FileKind::AirnowCsv;
  } else if (has(names, {"region"}) && has(names, {"pm25_one_hourly"}) && has(names, {"timestamp_sgt"})) {
    s.kind = FileKind::DatagovsgCsv;
  } else if (has(names, {"lat", "latitude"}) && has(names, {"lon", "lng", "long", "longitude"})) {
    s.kind = FileKind::PointsCsv;
  } else {
    s.kind = FileKind::Csv;
  }
  return s;
}

}  // namespace

const char* file_kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::Gzip: return "a gzip file";
    case FileKind::AirSeries: return "the atlas's own series (.ccapaq)";
    case FileKind::GeoJson: return "GeoJSON station points";
    case FileKind::Air4thaiJson: return "air4thai JSON (Thailand PCD)";
    case FileKind::MoenvJson: return "MOENV aqx_p_432 JSON (Taiwan)";
    case FileKind::OpenaqArchiveCsv: return "the OpenAQ archive CSV";
    case FileKind::AirnowCsv: return "the AirNow embassy CSV";
    case FileKind::DatagovsgCsv: return "data.gov.sg regional PM2.5 CSV";
    case FileKind::PointsCsv: return "a CSV with latitude and longitude columns";
    case FileKind::Csv: return "a CSV whose columns are to be chosen";
    case FileKind::Unknown: break;
  }
  return "not a file the atlas reads";
}

FileSniff sniff_file(std::span<const std::uint8_t> head) {
  const std::string_view bytes(reinterpret_cast<const char*>(head.data()), std::min(head.size(), kSniffBytes));
  FileSniff s;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b)
    return s.kind = FileKind::Gzip, s;
  if (bytes.substr(0, 8) == std::string_view("CCAPAQ\0\0", 8)) return s.kind = FileKind::AirSeries, s;
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4))
    return s.why = "a zip file, such as an Excel workbook (.xlsx): save the sheet as CSV first", s;
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return s.why = "an old Excel workbook (.xls): save the sheet as CSV first", s;
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return s.why = "empty", s;
  if (!is_utf8_text(text)) return s.why = "not text (binary data, or a text encoding other than UTF-8)", s;
  const char first = text[text.find_first_not_of(" \t\r\n")];
  return first == '{' || first == '[' ? sniff_json(text) : sniff_csv(text);
}

}  // namespace ccap
