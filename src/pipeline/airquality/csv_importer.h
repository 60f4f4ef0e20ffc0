#pragma once
// A CSV file of readings on disk (gzipped or not), streamed a line at a time through the one CSV
// import (features/air/import/csv_import.h) that the app also runs on the files people open.
#include <string>

#include "features/air/import/csv_import.h"
#include "pipeline/line_reader.h"

namespace ccap::airquality {

// Reads `lines` as `format`: each row becomes readings or counted rejects. Fatal (nothing to be
// used): an empty file, a header without the format's columns, bytes that are not UTF-8, a read
// error (a cut gzip).
ImportReport import_csv(pipeline::LineReader& lines, const std::string& file, const CsvFormat& format,
                        ReadingSink& sink);
// The file at `path` (gzipped or not), streamed.
ImportReport import_csv_file(const std::string& path, const CsvFormat& format, ReadingSink& sink);

}  // namespace ccap::airquality
