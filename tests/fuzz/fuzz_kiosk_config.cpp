// libFuzzer target: a kiosk's settings file (data/kiosk.json). Never crashes; what it accepts is in
// the documented ranges.
#include <cstdint>
#include <string_view>

#include "features/kiosk/model/kiosk_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ccap::parse_kiosk_config(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  return 0;
}
