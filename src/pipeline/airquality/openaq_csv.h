#pragma once
// OpenAQ archive CSV (openaq-data-archive, one file per location and day):
//   location_id,sensors_id,location,datetime,lat,lon,parameter,units,value
// read by the one CSV importer (features/air/import/csv_import.h; the format: csv_formats.h). Quoted fields (names
// with commas) are understood; every row becomes a reading or a counted reject. A wrong header,
// an empty file, bytes that are not UTF-8 or a read error are fatal for the file (naming the
// line). Read a line at a time, gzipped or not: memory does not grow with the file.
#include <string>
#include <string_view>

#include "pipeline/airquality/csv_importer.h"
#include "pipeline/line_reader.h"

namespace ccap::airquality {

inline constexpr std::size_t kMaxOpenAqLine = kMaxCsvLine;

ImportReport import_openaq_csv(pipeline::LineReader& lines, const std::string& file, ReadingSink& sink);
// The file at `path`, streamed.
ImportReport import_openaq_csv_file(const std::string& path, ReadingSink& sink);
// Text in memory, its readings kept (tests, fuzzing).
ImportResult import_openaq_csv(std::string_view text, const std::string& file);

}  // namespace ccap::airquality
