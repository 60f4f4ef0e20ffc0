#include "pipeline/airquality/openaq_csv.h"

#include "features/air/import/csv_formats.h"

namespace ccap::airquality {

ImportReport import_openaq_csv(pipeline::LineReader& lines, const std::string& file, ReadingSink& sink) {
  static const CsvFormat kFormat = openaq_archive_format();
  return import_csv(lines, file, kFormat, sink);
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
