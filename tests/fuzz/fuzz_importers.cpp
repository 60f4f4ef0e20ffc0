// libFuzzer target: the air-quality pipeline's text importers (OpenAQ CSV, MOENV JSON, air4thai
// JSON and OpenAQ v3's answers on the same bytes; from 0xe0 the CSV formats of the real datasets (from 0xec the columns
// guessed from the file's header, as a file someone opens is read), from 0xf0 MOENV's
// snapshots as a gzip or tar stream) and the series builder they feed. The first byte picks the importer (and, for the
// CSV, how many bytes each read hands over); the rest is the file. Never crashes; every reading kept has a finite
// value; the CSV read in small pieces gives what it gives whole; the builder, fed the same readings, refuses the same
// repeats and writes only finite hours (or NaN), one per reading at most; and the writer-reader round trip: what the
// builder makes and the shared rules (air_quality_problems) let through, the app reads back.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string_view>

#include "features/air/import/csv_formats.h"
#include "features/air/import/csv_guess.h"
#include "features/air/import/series_builder.h"
#include "features/air/model/air_series.h"
#include "pipeline/airquality/json_importers.h"
#include "pipeline/airquality/openaq_csv.h"

namespace {

using namespace ccap::airquality;

// Hands each reading to both sinks, noting whether they disagreed on a repeat (the builder stops
// keeping readings, and telling repeats, once the span is too long: then its build is refused).
class Both final : public ReadingSink {
 public:
  Both(ReadingSink& a, ReadingSink& b) : a_(a), b_(b) {}
  Added add(const ReadingView& r) override {
    // Same and Repeat both leave the reading out; only the list can always tell them apart (an
    // hour of several readings in the builder cannot say which value a minute had).
    const auto kind = [](Added a) { return a == Added::Same ? Added::Repeat : a; };
    const Added first = a_.add(r), second = b_.add(r);
    disagreed = disagreed || kind(first) != kind(second);
    return first;
  }
  bool disagreed = false;

 private:
  ReadingSink& a_;
  ReadingSink& b_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  ReadingList list;
  SeriesBuilder builder(24 * 31);  // a month: spans beyond it are refused, not allocated
  builder.begin_source("fuzz");
  Both both(list, builder);
  ImportReport report;
  if (data[0] >= 0xe0 && data[0] < 0xf0) {
    // The CSV formats of the real datasets, through the one CSV importer.
    using namespace ccap::airquality;
    const CsvPlace place{"p", "P", {106.9, 47.9}};
    CsvFormat mapped;
    mapped.name = "a mapped CSV";
    mapped.time_column = "datetime";
    mapped.station_column = "location_id";
    mapped.latitude_column = "latitude";
    mapped.longitude_column = "longitude";
    mapped.value_columns = {{"pm25", ccap::Pollutant::Pm25}, {"no2", ccap::Pollutant::No2}};
    mapped.unit = "ppb";
    const CsvFormat formats[] = {airnow_embassy_format({{"Ulaanbaatar", place}}, 480),
                                 datagovsg_regional_format({{"north", place}}), mapped};
    // From 0xec: the columns guessed from the file's own header (csv_guess.h), its separator and
    // decimal comma told from its first bytes (file_kind.h), as a file someone opens is read.
    const CsvGuess guess = guess_csv_format(ccap::sniff_file(std::span(data + 1, size - 1)), "fuzz.csv");
    const CsvFormat& format = data[0] >= 0xec && guess.format ? *guess.format : formats[data[0] % 3];
    if (guess.format && guess.format->decimal_comma && guess.format->separator == ',') std::abort();  // never both
    auto lines = ccap::pipeline::LineReader::of_text(text, kMaxCsvLine);
    report = import_csv(lines, "fuzz.csv", format, both);
  } else if (data[0] >= 0xf0) {
    // MOENV's snapshots as a stream: gzipped or not, a tar archive of documents or one document.
    const auto bytes = std::span(data + 1, size - 1);
    report =
        import_moenv_stream(ccap::pipeline::gunzip_if_gzip(ccap::pipeline::memory_stream(bytes)), "fuzz.tar.gz", both);
  } else
    switch (data[0] % 3) {
      case 0: {
        // In pieces of 1 to 64 bytes, and (below) whole: the same records.
        const std::size_t step = 1 + data[0] / 3 % 64;
        ccap::pipeline::LineReader pieces(
            [rest = text, step](char* into, std::size_t max, std::string&) mutable {
              const std::size_t n = std::min({step, max, rest.size()});
              std::memcpy(into, rest.data(), n);
              rest.remove_prefix(n);
              return n;
            },
            kMaxOpenAqLine, 64);
        report = import_openaq_csv(pieces, "fuzz.csv", both);
        const ImportResult whole = import_openaq_csv(text, "fuzz.csv");
        if (whole.fatal != report.fatal || whole.rejected != report.rejected) std::abort();
        if (report.fatal.empty() && whole.readings.size() != report.accepted) std::abort();
        break;
      }
      case 1: report = import_moenv_json(text, "fuzz.json", both); break;
      default: {
        report = import_air4thai_json(text, "fuzz.json", both);
        // The same bytes as OpenAQ v3 answers: the locations, then each sensor's hours.
        const OpenaqLocations found = read_openaq_locations(text, "fuzz.json");
        for (const OpenaqLocation& l : found.locations) {
          if (l.id <= 0 || !std::isfinite(l.where.lng) || std::abs(l.where.lat) > 90) std::abort();
          for (const OpenaqSensor& sensor : l.sensors) {
            ReadingList own;
            const ImportReport hours = import_openaq_hours(text, "fuzz.json", l, sensor, own);
            const auto kept = own.take();
            if (hours.fatal.empty() && kept.size() != hours.accepted) std::abort();
            for (const Reading& reading : kept)
              if (!std::isfinite(reading.value) || reading.value < 0) std::abort();
          }
        }
        break;
      }
    }
  const auto readings = list.take();
  if (report.fatal.empty() && readings.size() != report.accepted) std::abort();
  for (const Reading& reading : readings)
    if (!std::isfinite(reading.value)) std::abort();
  const SeriesBuild build = builder.finish();
  if (both.disagreed && build.error.empty()) std::abort();
  std::size_t hours_with_values = 0;
  for (const ccap::AirSeries& s : build.data.series) {
    if (s.values.size() != build.data.hours) std::abort();
    for (float v : s.values) {
      if (std::isinf(v)) std::abort();
      hours_with_values += std::isnan(v) ? 0 : 1;
    }
  }
  if (hours_with_values > readings.size()) std::abort();
  if (build.error.empty() && ccap::air_quality_problems(build.data).empty() &&
      !ccap::decode_air_quality(ccap::encode_air_quality(build.data)).data)
    std::abort();
  return 0;
}
