#include "pipeline/airquality/csv_importer.h"

namespace ccap::airquality {

ImportReport import_csv(pipeline::LineReader& lines, const std::string& file, const CsvFormat& format,
                        ReadingSink& sink) {
  CsvImport csv(file, format, sink);
  while (const auto l = lines.next())
    if (!csv.line(l->text, l->length, l->number)) break;
  return csv.finish(lines.error());
}

ImportReport import_csv_file(const std::string& path, const CsvFormat& format, ReadingSink& sink) {
  auto lines = pipeline::LineReader::of_file(path, kMaxCsvLine);
  return import_csv(lines, path, format, sink);
}

}  // namespace ccap::airquality
