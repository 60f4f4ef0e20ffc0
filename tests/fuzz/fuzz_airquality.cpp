// libFuzzer target: the air-quality file (.ccapaq), with the same round trip as the basemap's.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "features/air/model/air_series.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ccap::AirQualityDecodeResult decoded = ccap::decode_air_quality(std::span(data, size));
  if (!decoded.data) return 0;
  const auto bytes = ccap::encode_air_quality(*decoded.data);
  const ccap::AirQualityDecodeResult again = ccap::decode_air_quality(bytes);
  if (!again.data || ccap::encode_air_quality(*again.data) != bytes) std::abort();
  return 0;
}
