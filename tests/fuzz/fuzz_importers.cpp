// libFuzzer target: the air-quality pipeline's text importers (OpenAQ CSV, MOENV JSON, air4thai
// JSON). The first byte picks the importer; the rest is the file. Never crashes; every reading it
// keeps has a finite value and a station.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pipeline/airquality/json_importers.h"
#include "pipeline/airquality/openaq_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  ccap::airquality::ImportResult r;
  switch (data[0] % 3) {
    case 0: r = ccap::airquality::import_openaq_csv(text, "fuzz.csv"); break;
    case 1: r = ccap::airquality::import_moenv_json(text, "fuzz.json"); break;
    default: r = ccap::airquality::import_air4thai_json(text, "fuzz.json"); break;
  }
  for (const ccap::airquality::Reading& reading : r.readings)
    if (!std::isfinite(reading.value)) std::abort();
  return 0;
}
