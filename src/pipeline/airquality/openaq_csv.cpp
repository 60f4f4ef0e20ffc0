#include "pipeline/airquality/openaq_csv.h"

#include "base/text_format.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

namespace ccap::airquality {

namespace {

constexpr std::string_view kHeader = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value";

// The text without a character cut off at its end (a line cut at kMaxOpenAqLine bytes may end
// inside one): up to three bytes from the last lead byte whose sequence runs past the end.
std::string_view without_cut_character(std::string_view s) {
  for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto c = static_cast<unsigned char>(s[s.size() - back]);
    if ((c >> 6) == 0x2) continue;  // a continuation byte
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    return length > back ? s.substr(0, s.size() - back) : s;
  }
  return s;
}

// One CSV line into its first `count` `fields` (RFC 4180 quoting; the strings are reused from line
// to line); false when the quoting is broken.
bool split_csv(std::string_view line, std::vector<std::string>& fields, std::size_t& count) {
  count = 1;
  if (fields.empty()) fields.emplace_back();
  fields[0].clear();
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    std::string& field = fields[count - 1];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      if (++count > fields.size()) fields.emplace_back();
      fields[count - 1].clear();
    } else {
      field += c;
    }
  }
  return !quoted;
}

std::optional<double> parse_double(const std::string& s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

ImportReport import_openaq_csv(pipeline::LineReader& lines, const std::string& file, ReadingSink& sink) {
  ImportReport out;
  bool header_seen = false;
  std::vector<std::string> fields;
  std::size_t field_count = 0;
  while (const auto line_read = lines.next()) {
    std::string_view line = line_read->text;
    if (line_read->number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // byte-order mark
    if (line.empty() && !line_read->cut()) continue;
    if (!header_seen && line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank
    const auto where = [&] { return file + ":" + std::to_string(line_read->number); };
    if (!is_utf8(line_read->cut() ? without_cut_character(line) : line)) {
      out.fatal = where() + ": not UTF-8 text (a broken or legacy encoding)";
      return out;
    }
    if (!header_seen) {
      std::string unquoted;
      for (char c : line)
        if (c != '"') unquoted += c;
      if (unquoted != kHeader || line_read->cut()) {
        // At most the first 120 bytes of what was found (a binary file's "line" may be megabytes).
        constexpr std::size_t kShown = 120;
        const std::string found = line_read->length > kShown ? std::string(line.substr(0, kShown)) + "... (" +
                                                                   std::to_string(line_read->length) + " bytes)"
                                                             : std::string(line);
        out.fatal = where() + ": header is '" + found + "', expected '" + std::string(kHeader) + "'";
        return out;
      }
      header_seen = true;
      continue;
    }
    if (line_read->cut() || !split_csv(line, fields, field_count) || field_count != 9) {
      out.reject(Reject::Malformed, where());
      continue;
    }
    const auto& f = fields;
    const auto pollutant = parse_pollutant(f[6]);
    if (!pollutant) {
      out.reject(Reject::UnknownPollutant, where());
      continue;
    }
    if (f[8].empty()) {
      out.reject(Reject::MissingValue, where());
      continue;
    }
    const auto value = parse_double(f[8]);
    if (!value) {
      out.reject(Reject::Malformed, where());
      continue;
    }
    if (*value < 0) {
      out.reject(Reject::Negative, where());
      continue;
    }
    const Normalised n = normalise_concentration(*pollutant, *value, f[7]);
    if (!n.micrograms_per_m3) {
      out.reject(Reject::UnknownUnit, where());
      continue;
    }
    if (*n.micrograms_per_m3 > plausible_maximum(*pollutant)) {
      out.reject(Reject::ImpossibleSpike, where());
      continue;
    }
    ReadingView r;
    if (!parse_iso8601(f[3], r.time)) {
      out.reject(Reject::BadTime, where());
      continue;
    }
    const auto lat = parse_double(f[4]), lon = parse_double(f[5]);
    if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180) {
      out.reject(Reject::BadCoordinates, where());
      continue;
    }
    r.station = f[0];
    r.station_name = f[2];
    r.where = {*lon, *lat};
    r.pollutant = *pollutant;
    r.value = *n.micrograms_per_m3;
    out.add(sink, r, where);
  }
  if (!lines.error().empty()) {
    out.fatal = file + ": " + lines.error();
  } else if (!header_seen) {
    out.fatal = file + ": the file is empty";
  }
  return out;
}

ImportReport import_openaq_csv_file(const std::string& path, ReadingSink& sink) {
  auto lines = pipeline::LineReader::of_file(path, kMaxOpenAqLine);
  return import_openaq_csv(lines, path, sink);
}

ImportResult import_openaq_csv(std::string_view text, const std::string& file) {
  auto lines = pipeline::LineReader::of_text(text, kMaxOpenAqLine);
  return keep_readings([&](ReadingSink& sink) { return import_openaq_csv(lines, file, sink); });
}

}  // namespace ccap::airquality
