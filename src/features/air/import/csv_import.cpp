#include "features/air/import/csv_import.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/text_format.h"
#include "features/air/import/line_splitter.h"

namespace ccap::airquality {

// The format's columns as positions in this file's header.
struct CsvColumns {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t time = kNone, year = kNone, month = kNone, day = kNone, hour = kNone;
  std::size_t station = kNone, name = kNone, latitude = kNone, longitude = kNone;
  std::size_t pollutant = kNone, value = kNone, unit = kNone, qc = kNone;
  std::vector<std::size_t> values;                              // of format.value_columns
  std::vector<std::pair<std::size_t, std::string>> must_equal;  // (column, value)
  std::size_t count = 0;                                        // fields in the header
};

namespace {

// The text without a character cut off at its end (a line cut at kMaxCsvLine bytes may end
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

std::string offset_text(int minutes) {  // +480 -> "+08:00"
  char text[16];
  const int m = std::abs(minutes);
  std::snprintf(text, sizeof text, "%c%02d:%02d", minutes < 0 ? '-' : '+', m / 60 % 100, m % 60);
  return text;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

using Columns = CsvColumns;

// Where each of the format's columns is, or the first one missing.
std::optional<Columns> find_columns(const std::vector<std::string>& header, std::size_t count, const CsvFormat& f,
                                    std::string& missing) {
  Columns c;
  c.count = count;
  const auto at = [&](const std::string& name, std::size_t& into) {
    if (name.empty() || !missing.empty()) return;
    const auto it = std::find(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(count), name);
    if (it == header.begin() + static_cast<std::ptrdiff_t>(count))
      missing = name;
    else
      into = static_cast<std::size_t>(it - header.begin());
  };
  at(f.time_column, c.time);
  at(f.year_column, c.year);
  at(f.month_column, c.month);
  at(f.day_column, c.day);
  at(f.hour_column, c.hour);
  at(f.station_column, c.station);
  at(f.name_column, c.name);
  at(f.latitude_column, c.latitude);
  at(f.longitude_column, c.longitude);
  at(f.pollutant_column, c.pollutant);
  at(f.value_column, c.value);
  at(f.unit_column, c.unit);
  at(f.qc_column, c.qc);
  for (const auto& v : f.value_columns) at(v.column, c.values.emplace_back(Columns::kNone));
  for (const auto& [column, value] : f.must_equal) at(column, c.must_equal.emplace_back(Columns::kNone, value).first);
  if (!missing.empty()) return std::nullopt;
  return c;
}

// The row's time, or nullopt.
std::optional<std::int64_t> row_time(const std::vector<std::string>& f, const Columns& c, const CsvFormat& format) {
  std::string text;
  if (c.time != Columns::kNone) {
    text = f[c.time];
  } else {
    const auto two = [](const std::string& s) { return s.size() == 1 ? "0" + s : s; };
    text = f[c.year] + "-" + two(f[c.month]) + "-" + two(f[c.day]) + " " + two(f[c.hour]) + ":00";
  }
  std::int64_t t = 0;
  // A time without an offset is the zone's; one with an offset (or Z) says its own.
  if (format.utc_offset_minutes != 0 && parse_iso8601(text + offset_text(format.utc_offset_minutes), t)) return t;
  if (parse_iso8601(text, t)) return t;
  return std::nullopt;
}

// One value of a row, checked and normalised, or why it is not a reading.
std::optional<double> checked_value(std::string_view text, Pollutant p, std::string_view unit, const CsvFormat& format,
                                    Reject& why) {
  if (text.find_first_not_of(' ') == std::string_view::npos) return why = Reject::MissingValue, std::nullopt;
  const auto value = parse_csv_number(text, format.decimal_comma);
  if (!value) return why = Reject::Malformed, std::nullopt;
  if (std::find(format.missing.begin(), format.missing.end(), *value) != format.missing.end())
    return why = Reject::MissingValue, std::nullopt;
  if (*value < 0) return why = Reject::Negative, std::nullopt;
  const Normalised n = normalise_concentration(p, *value, unit);
  if (!n.micrograms_per_m3) return why = Reject::UnknownUnit, std::nullopt;
  if (*n.micrograms_per_m3 > plausible_maximum(p)) return why = Reject::ImpossibleSpike, std::nullopt;
  return n.micrograms_per_m3;
}

std::string shown(std::string_view line, std::size_t length) {
  // At most the first 120 bytes of what was found (a binary file's "line" may be megabytes).
  constexpr std::size_t kShown = 120;
  return length > kShown ? std::string(line.substr(0, kShown)) + "... (" + std::to_string(length) + " bytes)"
                         : std::string(line);
}

}  // namespace

std::optional<double> parse_csv_number(std::string_view s, bool decimal_comma) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  std::string swapped;
  if (decimal_comma) {
    if (s.find('.') != std::string_view::npos) return std::nullopt;
    swapped.assign(s);
    std::replace(swapped.begin(), swapped.end(), ',', '.');
    s = swapped;
  }
  return parse_decimal(s);  // (Emscripten 3.1's libc++ has no std::from_chars for doubles)
}

// One CSV line into its first `count` `fields`, split at `separator` (RFC 4180 quoting; the strings
// are reused from line to line); false when the quoting is broken.
bool split_csv(std::string_view line, char separator, std::vector<std::string>& fields, std::size_t& count) {
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
    } else if (c == separator) {
      if (++count > fields.size()) fields.emplace_back();
      fields[count - 1].clear();
    } else {
      field += c;
    }
  }
  return !quoted;
}

std::vector<std::string> CsvFormat::columns() const {
  std::vector<std::string> out;
  for (const std::string* c :
       {&time_column, &year_column, &month_column, &day_column, &hour_column, &station_column, &name_column,
        &latitude_column, &longitude_column, &pollutant_column, &value_column, &unit_column, &qc_column})
    if (!c->empty()) out.push_back(*c);
  for (const ValueColumn& v : value_columns) out.push_back(v.column);
  for (const auto& m : must_equal) out.push_back(m.first);
  return out;
}

CsvImport::CsvImport(std::string file, const CsvFormat& format, ReadingSink& sink)
    : file_(std::move(file)), format_(format), sink_(sink) {}

CsvImport::~CsvImport() = default;

bool CsvImport::line(std::string_view line, std::size_t length, std::size_t number) {
  if (!out_.fatal.empty()) return false;
  const bool cut = length > line.size();
  const CsvFormat& format = format_;
  ImportReport& out = out_;
  std::vector<std::string>& fields = fields_;
  std::size_t& field_count = field_count_;
  if (number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // byte-order mark
  if (line.empty() && !cut) return true;
  if (!columns_ && line.find_first_not_of(" \t") == std::string_view::npos) return true;  // blank
  const auto where = [&] { return file_ + ":" + std::to_string(number); };
  if (!is_utf8(cut ? without_cut_character(line) : line)) {
    out.fatal = where() + ": not UTF-8 text (a broken or legacy encoding)";
    return false;
  }
  if (!columns_) {
    std::string missing;
    if (!format.exact_header.empty()) {
      std::string unquoted;
      for (char c : line)
        if (c != '"') unquoted += c;
      if (unquoted != format.exact_header || cut) {
        out.fatal = where() + ": header is '" + shown(line, length) + "', expected '" + format.exact_header + "'";
        return false;
      }
    }
    if (cut || !split_csv(line, format.separator, fields, field_count)) {  // (no column can be told)
      out.fatal = where() + ": header is '" + shown(line, length) + "', " +
                  (cut ? "longer than any header (" + std::to_string(kMaxCsvLine / 1024) + " kB)"
                       : std::string("with a quote that is not closed"));
      return false;
    }
    std::optional<Columns> found = find_columns(fields, field_count, format, missing);
    if (!found) {
      out.fatal = where() + ": header is '" + shown(line, length) + "', without the column '" + missing + "' that " +
                  format.name + " has";
      return false;
    }
    columns_ = std::make_unique<Columns>(std::move(*found));
    return true;
  }
  const Columns* columns = columns_.get();
  if (cut || !split_csv(line, format.separator, fields, field_count) || field_count != columns->count) {
    out.reject(Reject::Malformed, where());
    return true;
  }
  const auto& f = fields;
  if (std::any_of(columns->must_equal.begin(), columns->must_equal.end(),
                  [&](const auto& m) { return f[m.first] != m.second; })) {
    out.reject(Reject::Malformed, where());
    return true;
  }
  if (columns->qc != Columns::kNone && !contains(format.qc_keep, f[columns->qc])) {
    out.reject(contains(format.qc_missing, f[columns->qc])  ? Reject::MissingValue
               : contains(format.qc_failed, f[columns->qc]) ? Reject::FailedQc
                                                            : Reject::UnknownQc,
               where());
    return true;
  }
  // The row's values, each a record of its own ("file:12 (pm10)" when there are several).
  std::vector<Value>& values = values_;  // (reused: nothing is allocated a row)
  values.clear();
  if (columns->value != Columns::kNone) {
    const std::string& name = f[columns->pollutant];
    const auto named = format.pollutant_names.find(name);
    const auto p = named != format.pollutant_names.end() ? std::optional(named->second) : parse_pollutant(name);
    if (!p) {
      out.reject(Reject::UnknownPollutant, where());
      return true;
    }
    values.push_back({*p, columns->value});
  } else {
    for (std::size_t i = 0; i < format.value_columns.size(); ++i)
      values.push_back({format.value_columns[i].pollutant, columns->values[i]});
  }
  const std::string_view unit = columns->unit != Columns::kNone ? std::string_view(f[columns->unit]) : format.unit;
  ReadingView r;
  bool row_ok = true;
  for (const Value& v : values) {
    Reject why = Reject::Malformed;
    const auto value = checked_value(f[v.column], v.pollutant, unit, format, why);
    // Where the record is, made only when it is named (a rejected record, an example). One
    // reference captured: it fits std::function's own buffer (ImportReport::add), so a reading
    // allocates nothing.
    const struct {
      const decltype(where)* row;
      bool several;
      Pollutant pollutant;
    } record{&where, values.size() > 1, v.pollutant};
    const auto at = [&record] {
      return record.several ? (*record.row)() + " (" + pollutant_key(record.pollutant) + ")" : (*record.row)();
    };
    if (!value) {
      out.reject(why, at());
      return true;
    }
    if (row_ok && r.station.empty()) {  // the row's time and station, read once
      const auto time = row_time(f, *columns, format);
      if (!time) {
        out.reject(Reject::BadTime, where());
        row_ok = false;
        break;
      }
      r.time = *time;
      // A view into the row's fields, which outlive the readings handed on (never a copy here).
      const std::string_view id =
          columns->station != Columns::kNone ? std::string_view(f[columns->station]) : std::string_view();
      const auto place = format.places.find(id);
      if (place != format.places.end()) {
        r.station = place->second.id.empty() ? std::string_view(place->first) : std::string_view(place->second.id);
        r.station_name = place->second.name;
        r.where = place->second.where;
      } else if (columns->latitude != Columns::kNone && columns->longitude != Columns::kNone) {
        const auto lat = parse_csv_number(f[columns->latitude], format.decimal_comma),
                   lon = parse_csv_number(f[columns->longitude], format.decimal_comma);
        if (const auto problem = coordinates_problem(lat, lon)) {
          out.reject(*problem, where());
          row_ok = false;
          break;
        }
        r.station = id;
        r.station_name = columns->name != Columns::kNone ? std::string_view(f[columns->name]) : std::string_view(id);
        r.where = {*lon, *lat};
      } else {
        out.reject(Reject::UnknownStation, where());
        row_ok = false;
        break;
      }
      if (r.station.empty()) {
        out.reject(Reject::MissingStation, where());
        row_ok = false;
        break;
      }
    }
    r.pollutant = v.pollutant;
    r.value = *value;
    out.add(sink_, r, at);
  }
  return true;
}

ImportReport CsvImport::finish(const std::string& read_error) {
  if (out_.fatal.empty() && !read_error.empty())
    out_.fatal = file_ + ": " + read_error;
  else if (out_.fatal.empty() && !columns_)
    out_.fatal = file_ + ": the file is empty";
  return std::move(out_);
}

ImportResult import_csv(std::string_view text, const std::string& file, const CsvFormat& format) {
  return keep_readings([&](ReadingSink& sink) {
    CsvImport csv(file, format, sink);
    LineSplitter lines(kMaxCsvLine);
    bool going = true;
    const LineSplitter::OnLine on_line = [&](const LineSplitter::Line& l) {
      if (going) going = csv.line(l.text, l.length, l.number);
    };
    lines.feed(text, on_line);
    lines.finish(on_line);
    return csv.finish();
  });
}

}  // namespace ccap::airquality
