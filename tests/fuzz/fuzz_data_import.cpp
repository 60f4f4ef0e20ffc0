// libFuzzer target: a file someone opens in the app, read as the page hands it over
// (features/air/import/data_import.h). The first byte picks the size of the chunks the rest is cut
// into (1 to 256 bytes: every boundary a line, a UTF-8 character or a number can be cut at); the
// second, whether the file ends in a read error (a cut gzip). Never crashes or hangs; the outcome
// either has data or says why not; every file is accounted for (a fatal message naming it, or
// counts); the data, when there is some, passes the .ccapaq writer's checks and the same bytes in
// one chunk give the same counts.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "features/air/import/data_import.h"

namespace {

ccap::airquality::ImportOutcome read(std::span<const std::uint8_t> bytes, std::size_t chunk, bool cut) {
  ccap::airquality::DataImport in;
  in.begin_file("fuzz.csv", bytes.size());
  for (std::size_t at = 0; at < bytes.size(); at += chunk)
    if (!in.feed(bytes.subspan(at, std::min(chunk, bytes.size() - at)))) break;
  in.end_file(cut ? "the gzip data is cut short" : "");
  return in.finish({{{"colombo", "Colombo", {79.84868, 6.93548}}}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t chunk = 1 + data[0];
  const bool cut = (data[1] & 1) != 0;
  const std::span<const std::uint8_t> bytes(data + 2, size - 2);
  const auto out = read(bytes, chunk, cut);
  if (out.files.size() != 1) std::abort();
  const auto& f = out.files[0];
  if (f.name != "fuzz.csv" || f.bytes > bytes.size()) std::abort();
  if (out.data.has_value() == !out.error.empty()) std::abort();
  if (!f.report.fatal.empty() && f.report.fatal.rfind("fuzz.csv", 0) != 0) std::abort();
  if (out.data && !ccap::air_quality_problems(*out.data).empty()) std::abort();
  if (cut && out.data) std::abort();  // a file not read to its end is never used
  const auto whole = read(bytes, bytes.size() + 1, cut);
  const auto& g = whole.files[0];
  if (g.report.accepted != f.report.accepted || g.report.rejected != f.report.rejected ||
      g.report.fatal != f.report.fatal)
    std::abort();
  return 0;
}
