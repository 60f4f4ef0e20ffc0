#include "pipeline/airquality/openaq_csv.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

namespace ccap::airquality {

namespace {

constexpr std::string_view kHeader = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value";

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

// One CSV line into fields (RFC 4180 quoting); nullopt when the quoting is broken.
std::optional<std::vector<std::string>> split_csv(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::optional<double> parse_double(const std::string& s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

ImportResult import_openaq_csv(std::string_view text, const std::string& file) {
  ImportResult out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  if (text.find_first_not_of(" \r\n\t") == std::string_view::npos) {
    out.fatal = file + ": the file is empty";
    return out;
  }
  if (!valid_utf8(text)) {
    out.fatal = file + ": not UTF-8 text (a broken or legacy encoding)";
    return out;
  }
  std::size_t line_no = 0;
  bool header_seen = false;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::string where = file + ":" + std::to_string(line_no);
    if (!header_seen) {
      std::string unquoted;
      for (char c : line)
        if (c != '"') unquoted += c;
      if (unquoted != kHeader) {
        // At most the first 120 bytes of what was found (a binary file's "line" may be megabytes).
        constexpr std::size_t kShown = 120;
        const std::string found = line.size() > kShown ? std::string(line.substr(0, kShown)) + "... (" +
                                                             std::to_string(line.size()) + " bytes)"
                                                       : std::string(line);
        out.fatal = where + ": header is '" + found + "', expected '" + std::string(kHeader) + "'";
        return out;
      }
      header_seen = true;
      continue;
    }
    const auto fields = split_csv(line);
    if (!fields || fields->size() != 9) {
      out.reject(Reject::Malformed, where);
      continue;
    }
    const auto& f = *fields;
    const auto pollutant = parse_pollutant(f[6]);
    if (!pollutant) {
      out.reject(Reject::UnknownPollutant, where);
      continue;
    }
    if (f[8].empty()) {
      out.reject(Reject::MissingValue, where);
      continue;
    }
    const auto value = parse_double(f[8]);
    if (!value) {
      out.reject(Reject::Malformed, where);
      continue;
    }
    if (*value < 0) {
      out.reject(Reject::Negative, where);
      continue;
    }
    const Normalised n = normalise_concentration(*pollutant, *value, f[7]);
    if (!n.micrograms_per_m3) {
      out.reject(Reject::UnknownUnit, where);
      continue;
    }
    if (*n.micrograms_per_m3 > plausible_maximum(*pollutant)) {
      out.reject(Reject::ImpossibleSpike, where);
      continue;
    }
    Reading r;
    if (!parse_iso8601(f[3], r.time)) {
      out.reject(Reject::BadTime, where);
      continue;
    }
    const auto lat = parse_double(f[4]), lon = parse_double(f[5]);
    if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180) {
      out.reject(Reject::BadCoordinates, where);
      continue;
    }
    r.station = f[0];
    r.station_name = f[2];
    r.where = {*lon, *lat};
    r.pollutant = *pollutant;
    r.value = *n.micrograms_per_m3;
    out.readings.push_back(std::move(r));
  }
  if (!header_seen) out.fatal = file + ": no header line";
  drop_duplicates(out, file);
  return out;
}

}  // namespace ccap::airquality
