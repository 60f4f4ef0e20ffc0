#include "features/air/import/csv_points.h"

namespace ccap::airquality {

CsvPoints::CsvPoints(std::string file, const CsvFormat& format, std::string source)
    : file_(std::move(file)), source_(std::move(source)), format_(format) {}

bool CsvPoints::line(std::string_view text, std::size_t length, std::size_t number_of_line) {
  ImportReport& out = out_.report;
  if (!out.fatal.empty()) return false;
  const std::string where = file_ + ":" + std::to_string(number_of_line);
  std::size_t count = 0;
  if (!header_read_) {
    if (text.size() < length || !split_csv(text, format_.separator, fields_, count)) {
      out.fatal = where + ": the header cannot be read";
      return false;
    }
    const auto column = [&](const std::string& name) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < count; ++i)
        if (fields_[i] == name) return i;
      return std::nullopt;
    };
    const std::string& station = format_.station_column.empty() ? format_.name_column : format_.station_column;
    const auto id = column(station), lat = column(format_.latitude_column), lon = column(format_.longitude_column);
    if (!id || !lat || !lon) {
      out.fatal = where + ": the header has no station, latitude and longitude columns";
      return false;
    }
    id_ = *id, lat_ = *lat, lon_ = *lon, columns_ = count;
    name_ = column(format_.name_column).value_or(*id);
    header_read_ = true;
    return true;
  }
  if (text.empty()) return true;  // a blank line
  if (text.size() < length || !split_csv(text, format_.separator, fields_, count) || count < columns_) {
    out.reject(Reject::Malformed, where);
    return true;
  }
  const auto lat = parse_csv_number(fields_[lat_], format_.decimal_comma),
             lng = parse_csv_number(fields_[lon_], format_.decimal_comma);
  if (const auto problem = coordinates_problem(lat, lng)) {
    out.reject(*problem, where);
    return true;
  }
  const std::string& id = fields_[id_];
  if (id.empty()) {
    out.reject(Reject::MissingStation, where);
    return true;
  }
  const LngLat at{*lng, *lat};
  if (const auto it = seen_.find(id); it != seen_.end()) {
    if (elsewhere(it->second, at))
      out.reject(Reject::MovedStation, where);
    else
      ++out.repeated;
    return true;
  }
  seen_.emplace(id, at);
  AirStation s;
  s.id = id;
  s.name = fields_[name_];
  s.source = source_;
  s.where = at;
  out_.stations.push_back(std::move(s));  // (a station, not a reading: ImportedFile::stations counts it)
  return true;
}

StationPointsRead CsvPoints::finish(const std::string& read_error) {
  if (out_.report.fatal.empty() && !read_error.empty()) out_.report.fatal = file_ + ": " + read_error;
  if (out_.report.fatal.empty() && !header_read_) out_.report.fatal = file_ + ": the file is empty";
  if (!out_.report.fatal.empty()) out_.stations.clear();
  return std::move(out_);
}

}  // namespace ccap::airquality
